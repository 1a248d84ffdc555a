// The client model against a real WebSocket server (the `ws` package, on a free port) that speaks the
// game's frames: a Transfer moves the client to /ws/<world> without reporting the close, and a drop
// afterwards reconnects to the world last played, not the one first picked.
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket as NodeWebSocket, WebSocketServer, type WebSocket as ServerSocket } from 'ws';
import type { AddressInfo } from 'node:net';
import { CloseCode, Op } from '../shared/protocol/ops.ts';
import { encode } from '../shared/protocol/codec.ts';
import { makeGrid } from '../shared/rules/grid.ts';
import { GameClient } from './game-client.ts';
import { gameSocketUrl } from './net/connection.ts';
import type { ClientEvents } from './client-events.ts';

// The browser's WebSocket, as Node 20 has none built in: `ws` implements the same interface.
(globalThis as { WebSocket?: unknown }).WebSocket ??= NodeWebSocket;

const MAPS: Record<string, string> = { a: 'maps/world.tmj', b: 'maps/isle.tmj' };

interface FakeRealm {
  base: string;
  /** What happened, in order: `join /ws/a`, `closed /ws/a`. */
  log: string[];
  /** What each connection does after its welcome. */
  after: (path: string, socket: ServerSocket) => void;
  close(): Promise<void>;
}

let realm: FakeRealm | null = null;

async function startRealm(): Promise<FakeRealm> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const port = (server.address() as AddressInfo).port;
  const state: FakeRealm = {
    base: `http://127.0.0.1:${port}/`,
    log: [],
    after: () => {},
    close: () =>
      new Promise<void>((resolve) => {
        for (const c of server.clients) c.terminate();
        server.close(() => resolve());
      }),
  };
  server.on('connection', (socket, req) => {
    const path = req.url ?? '';
    const world = path.replace('/ws/', '');
    state.log.push(`join ${path}`);
    socket.on('close', () => state.log.push(`closed ${path}`));
    socket.once('message', () => {
      socket.send(encode([Op.Welcome, 1, 'Ada', 5, 5, world, MAPS[world] ?? '', 50, 4, 'v1']));
      state.after(path, socket);
    });
  });
  return state;
}

interface Heard {
  joined: string[];
  transfers: string[];
  closed: string[];
  reconnecting: string[];
}

function listen(onTransfer: (client: GameClient) => void): {
  events: ClientEvents;
  heard: Heard;
  bind(c: GameClient): void;
} {
  const heard: Heard = { joined: [], transfers: [], closed: [], reconnecting: [] };
  let client: GameClient | null = null;
  const events: ClientEvents = {
    joined: (_self, world, map) => void heard.joined.push(`${world} ${map}`),
    transferring: (world, map) => {
      heard.transfers.push(`${world} ${map}`);
      onTransfer(client!);
    },
    closed: (message, code) => void heard.closed.push(`${code} ${message}`),
    reconnecting: (message) => void heard.reconnecting.push(message),
    token: () => {},
    notice: () => {},
    teleported: () => {},
    happened: () => {},
  };
  return { events, heard, bind: (c) => (client = c) };
}

async function until(check: () => boolean, what: string, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

afterEach(async () => {
  await realm?.close();
  realm = null;
});

describe('GameClient transfers', () => {
  it('follows a Transfer to /ws/<world> once the map is drawn and the old socket closed, telling no error', async () => {
    realm = await startRealm();
    realm.after = (path, socket) => {
      if (path !== '/ws/a') return;
      socket.send(encode([Op.Transfer, 'b', MAPS.b!]));
      // The server closes a moment later; the client must wait for it before joining b.
      setTimeout(() => socket.close(CloseCode.Transfer, 'transfer'), 50);
    };
    // The scene draws the new map at once (here: before the old socket has closed).
    const { events, heard, bind } = listen((c) => c.arrive());
    const client = new GameClient(makeGrid(10, 10), (w) => gameSocketUrl(w, realm!.base), events);
    bind(client);
    client.join('Ada', 'token', 'a');
    await until(() => heard.joined.length === 2, 'the welcome in b');
    expect(heard.joined).toEqual(['a maps/world.tmj', 'b maps/isle.tmj']);
    expect(heard.transfers).toEqual(['b maps/isle.tmj']);
    expect(realm.log.slice(0, 3)).toEqual(['join /ws/a', 'closed /ws/a', 'join /ws/b']);
    expect(heard.closed).toEqual([]);
    expect(heard.reconnecting).toEqual([]);
    expect(client.world).toBe('b');
    expect(client.map).toBe('maps/isle.tmj');
    client.leave();
  });

  it('goes on to the new world when the old server never closes its socket after the Transfer', async () => {
    realm = await startRealm();
    realm.after = (path, socket) => {
      if (path === '/ws/a') socket.send(encode([Op.Transfer, 'b', MAPS.b!])); // and never closes
    };
    const { events, heard, bind } = listen((c) => c.arrive());
    const client = new GameClient(makeGrid(10, 10), (w) => gameSocketUrl(w, realm!.base), events);
    bind(client);
    client.join('Ada', 'token', 'a');
    await until(() => heard.joined.length === 2, 'the welcome in b', 6000);
    expect(heard.joined).toEqual(['a maps/world.tmj', 'b maps/isle.tmj']);
    expect(heard.closed).toEqual([]);
    expect(client.world).toBe('b');
    client.leave();
  });

  it('waits for the scene to draw the new map before joining the new world', async () => {
    realm = await startRealm();
    realm.after = (path, socket) => {
      if (path === '/ws/a') {
        socket.send(encode([Op.Transfer, 'b', MAPS.b!]));
        socket.close(CloseCode.Transfer, 'transfer');
      }
    };
    let arrive: (() => void) | null = null;
    const { events, heard, bind } = listen((c) => (arrive = () => c.arrive()));
    const client = new GameClient(makeGrid(10, 10), (w) => gameSocketUrl(w, realm!.base), events);
    bind(client);
    client.join('Ada', 'token', 'a');
    await until(() => realm!.log.includes('closed /ws/a'), 'the transfer close');
    await new Promise((r) => setTimeout(r, 100));
    expect(realm.log).not.toContain('join /ws/b');
    arrive!();
    await until(() => heard.joined.length === 2, 'the welcome in b');
    expect(heard.closed).toEqual([]);
    client.leave();
  });

  it('after a portal, a dropped connection reconnects to the world last played', async () => {
    realm = await startRealm();
    let dropped = false;
    realm.after = (path, socket) => {
      if (path === '/ws/a' && !realm!.log.includes('join /ws/b')) {
        socket.send(encode([Op.Transfer, 'b', MAPS.b!]));
        socket.close(CloseCode.Transfer, 'transfer');
      } else if (path === '/ws/b' && !dropped) {
        dropped = true;
        socket.terminate(); // the network dies
      }
    };
    const { events, heard, bind } = listen((c) => c.arrive());
    const client = new GameClient(makeGrid(10, 10), (w) => gameSocketUrl(w, realm!.base), events);
    bind(client);
    client.join('Ada', 'token', 'a');
    await until(() => heard.joined.length === 3, 'the welcome after the reconnect', 8000);
    expect(heard.reconnecting.length).toBe(1);
    expect(realm.log.filter((l) => l.startsWith('join'))).toEqual(['join /ws/a', 'join /ws/b', 'join /ws/b']);
    expect(heard.closed).toEqual([]);
    client.leave();
  });
});
