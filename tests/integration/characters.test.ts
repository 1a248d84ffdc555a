// Ownership and connection care against a real server on 127.0.0.1 with bots: tokens, a second tab,
// dropped sockets resuming within the grace period, idle players, heartbeats and dead sockets.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { CloseCode, encode, Op, PROTOCOL_VERSION } from '../../shared/protocol/index.ts';
import { parseWorldMap } from '../../shared/content/world-map.ts';
import type { TiledMap } from '../../shared/content/tiled-types.ts';
import { mobKind, openRows, tiledFromRows, withMobs } from '../../server/sim/test-support.ts';
import { startServer, type GameServer } from '../../server/app.ts';
import { readConfig, type Config } from '../../server/config.ts';
import { consoleLog } from '../../server/log.ts';
import { MemoryStore } from '../../server/store/memory-store.ts';
import { BotClient, type BotEvent } from '../../tools/bots/bot-client.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** 40×20 open grass, everyone spawning on (10, 10). */
function testMap(): TiledMap {
  return tiledFromRows(openRows(40, 20), [{ id: 1, type: 'spawn', name: 'start', x: 10, y: 10 }]);
}

let server: GameServer | null = null;
let store: MemoryStore;
const bots: BotClient[] = [];

/** The test map with a biting mob beside the spawn, which stays on its tile (11, 10). */
function bittenMap(): TiledMap {
  return tiledFromRows(openRows(40, 20), [
    { id: 1, type: 'spawn', name: 'start', x: 10, y: 10 },
    { id: 2, type: 'mobArea', x: 11, y: 10, props: { kind: 'biter', count: 1 } },
  ]);
}
const biter = mobKind('biter', { weapon: 3, aggroRadius: 4, leash: 10, attackTicks: 10, hp: 100_000 });

async function start(settings: Partial<Config> = {}, map = testMap()): Promise<GameServer> {
  const config = { ...readConfig({ PORT: '0', HOST: '127.0.0.1', SEED: '1' }, repoRoot), ...settings };
  store = new MemoryStore();
  server = await startServer({
    config,
    map: parseWorldMap(map, 'test.tmj'),
    log: consoleLog(true),
    store,
    data: withMobs(biter),
  });
  return server;
}

async function bot(name: string, token = ''): Promise<BotClient> {
  const b = await BotClient.connect({ url: `ws://127.0.0.1:${server!.port}/ws`, name, token });
  bots.push(b);
  return b;
}

async function welcomed(name: string, token = ''): Promise<BotClient> {
  const b = await bot(name, token);
  await b.waitForWelcome(3000);
  return b;
}

/** Every despawn `watcher` sees from now on. */
function despawnsSeenBy(watcher: BotClient): number[] {
  const seen: number[] = [];
  watcher.on((e: BotEvent) => {
    if (e.type === 'despawn') seen.push(e.entity.id);
  });
  return seen;
}

async function walkAndStop(b: BotClient, x: number, y: number): Promise<void> {
  b.walkTo(x, y);
  const id = b.view.selfId;
  await b.waitFor(
    () => server!.world.players.get(id)?.x === x && server!.world.players.get(id)?.y === y,
    5000,
    `arrival at ${x},${y}`,
  );
}

afterEach(async () => {
  await Promise.all(bots.splice(0).map((b) => b.close()));
  await server?.close();
  server = null;
});

describe('ownership', () => {
  it('a new character gets a token with its welcome; the token plays it again, nothing else does', async () => {
    await start();
    const alice = await welcomed('Alice');
    expect(alice.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await walkAndStop(alice, 14, 12);
    await alice.close(); // a goodbye: Alice leaves at once, saved where she stopped

    const noToken = await bot('alice');
    expect(await noToken.waitForClose(3000)).toEqual({
      code: CloseCode.NameOwned,
      reason:
        'The name "Alice" belongs to another player. If it is yours, continue from the browser you made it in.',
    });
    const wrongToken = await bot('Alice', 'A'.repeat(43));
    expect((await wrongToken.waitForClose(3000)).code).toBe(CloseCode.NameOwned);

    const again = await welcomed('ALICE', alice.token!);
    expect(again.self).toMatchObject({ name: 'Alice', endX: 14, endY: 12 });
    expect(again.token).toBeNull(); // an existing character gets no new token
    expect(server!.world.population).toBe(1);
  });

  it('connections the server closes are let go, not kept', async () => {
    await start();
    const alice = await welcomed('Alice');
    const refused = await Promise.all(['alice', 'ALICE', 'Alice'].map((name) => bot(name)));
    for (const b of refused) expect((await b.waitForClose(3000)).code).toBe(CloseCode.NameOwned);
    const connections = async (): Promise<number> => {
      const text = await (await fetch(`http://127.0.0.1:${server!.port}/metrics`)).text();
      return Number(/^emberquest_connections (\d+)$/m.exec(text)?.[1]);
    };
    // The gateway reports each close after the close handshake: poll for a bounded while.
    let open = await connections();
    for (let i = 0; i < 30 && open !== 1; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      open = await connections();
    }
    expect(open).toBe(1);
    expect(alice.closed).toBeNull();
  });

  it('while the character is in the world, a wrong token is refused and the player keeps playing', async () => {
    await start();
    const alice = await welcomed('Alice');
    const thief = await bot('Alice', 'stolen?');
    expect((await thief.waitForClose(3000)).code).toBe(CloseCode.NameOwned);
    await walkAndStop(alice, 12, 10);
    expect(alice.closed).toBeNull();
  });

  it('the same character from a second tab takes over: the first is told why, others see nothing', async () => {
    await start();
    const bob = await welcomed('Bob');
    const tab1 = await welcomed('Alice');
    await bob.waitFor(() => bob.view.entities.has(tab1.view.selfId), 3000, 'Alice to spawn');
    const despawns = despawnsSeenBy(bob);
    const framesBefore = bob.framesIn;

    const tab2 = await welcomed('Alice', tab1.token!);
    expect(await tab1.waitForClose(3000)).toEqual({
      code: CloseCode.Replaced,
      reason: 'You joined from another tab or device.',
    });
    expect(tab2.view.selfId).toBe(tab1.view.selfId);
    expect(tab2.view.entities.has(bob.view.selfId)).toBe(true);
    await walkAndStop(tab2, 13, 10);
    await bob.waitFor(() => bob.view.entities.get(tab2.view.selfId)?.endX === 13, 3000, 'Alice to walk');
    expect(despawns).toEqual([]);
    expect(bob.framesIn).toBeGreaterThan(framesBefore);
    expect(bob.problems).toEqual([]);
    expect(server!.world.population).toBe(2);
  });
});

describe('grace period', () => {
  it('a dropped socket reopened in time resumes the same character; the other client never sees a despawn', async () => {
    await start({ graceMs: 5000 });
    const bob = await welcomed('Bob');
    const alice = await welcomed('Alice');
    await walkAndStop(alice, 15, 11);
    await bob.waitFor(() => bob.view.entities.get(alice.view.selfId)?.endX === 15, 3000, 'Alice to walk');
    const despawns = despawnsSeenBy(bob);

    await alice.drop();
    await new Promise((r) => setTimeout(r, 500));
    expect(server!.world.population).toBe(2);
    const back = await welcomed('Alice', alice.token!);
    expect(back.view.selfId).toBe(alice.view.selfId);
    expect(back.self).toMatchObject({ endX: 15, endY: 11 });
    expect(back.view.entities.get(bob.view.selfId)).toMatchObject({ name: 'Bob' });
    await walkAndStop(back, 16, 11);
    await bob.waitFor(() => bob.view.entities.get(back.view.selfId)?.endX === 16, 3000, 'Alice to walk on');
    expect(despawns).toEqual([]);
    expect([...bob.problems, ...back.problems]).toEqual([]);
  });

  it('a socket the client closes (a tab closed: 1001) takes the character out at once, saved', async () => {
    await start({ graceMs: 30_000 });
    const bob = await welcomed('Bob');
    const alice = await welcomed('Alice');
    await walkAndStop(alice, 12, 12);
    await bob.waitFor(() => bob.view.entities.has(alice.view.selfId), 3000, 'Alice to spawn');
    // A raw socket, closed the way a browser closes one when its page goes away.
    const tab = new WebSocket(`ws://127.0.0.1:${server!.port}/ws`);
    await new Promise((resolve) => tab.on('open', resolve));
    tab.send(encode([Op.Hello, PROTOCOL_VERSION, 'Carol', '']));
    await bob.waitFor(() => server!.world.population === 3, 3000, 'Carol to join');
    tab.close(1001);
    await alice.close(); // 1000, as the game's own Leave
    await bob.waitFor(() => server!.world.population === 1, 1000, 'Carol and Alice to leave');
    await bob.waitFor(() => !bob.view.entities.has(alice.view.selfId), 1000, 'Alice to despawn');
    // Her last save is written as she leaves (with the lease's release); under load it can land a moment
    // after the despawn is seen, so wait for it (bounded) rather than read once.
    for (let i = 0; i < 40 && (await store.load('Alice'))?.record.y !== 12; i++)
      await new Promise((r) => setTimeout(r, 50));
    expect((await store.load('Alice'))?.record).toMatchObject({ x: 12, y: 12 });
    // The name is free to play again at once: a fresh welcome, not the old character resumed.
    const again = await welcomed('Alice', alice.token!);
    expect(again.self).toMatchObject({ endX: 12, endY: 12 });
  });

  it('a lost connection keeps the character for the grace period, unhurt and idle beside a mob', async () => {
    await start({ graceMs: 30_000 }, bittenMap());
    const alice = await welcomed('Alice');
    const id = alice.view.selfId;
    await alice.waitFor(() => (alice.view.stats?.hp ?? 0) < (alice.view.stats?.maxHp ?? 0), 5000, 'a bite');
    await alice.drop(); // no close frame, as a lost network
    const player = server!.world.players.get(id)!;
    await new Promise((r) => setTimeout(r, 300)); // the gateway's close reaches the roster
    const hp = player.hp;
    await new Promise((r) => setTimeout(r, 2000)); // a biter strikes every half second
    expect(server!.world.population).toBe(1);
    expect(player).toMatchObject({ hp, dead: false, away: true });
    const back = await welcomed('Alice', alice.token!);
    expect(back.view.selfId).toBe(id);
    expect(player.away).toBe(false);
  });

  it('after the grace period the character leaves, saved where it stood', async () => {
    await start({ graceMs: 300 });
    const bob = await welcomed('Bob');
    const alice = await welcomed('Alice');
    await walkAndStop(alice, 11, 13);
    await bob.waitFor(() => bob.view.entities.has(alice.view.selfId), 3000, 'Alice to spawn');
    await alice.drop();
    await bob.waitFor(() => !bob.view.entities.has(alice.view.selfId), 3000, 'Alice to despawn');
    expect((await store.load('Alice'))?.record).toMatchObject({ x: 11, y: 13 });
  });
});

describe('connection care', () => {
  it('a player with no input for the idle time is sent away with a message', async () => {
    await start({ idleMs: 1500 });
    const alice = await welcomed('Alice');
    const closed = await alice.waitForClose(4000);
    expect(closed).toEqual({
      code: CloseCode.Idle,
      reason: 'You were away for a while, so you left the world.',
    });
    await new Promise((r) => setTimeout(r, 100));
    expect(server!.world.population).toBe(0);
  });

  it('a quiet world still sends heartbeats', async () => {
    await start({ heartbeatMs: 300 });
    const alice = await welcomed('Alice');
    const before = alice.framesIn;
    await new Promise((r) => setTimeout(r, 2500));
    expect(alice.framesIn - before).toBeGreaterThanOrEqual(2);
    expect(alice.problems).toEqual([]);
  });

  it('a socket that stops answering pings is dropped, and its character waits for it', async () => {
    await start({ pingMs: 200, graceMs: 10_000 });
    const socket = new WebSocket(`ws://127.0.0.1:${server!.port}/ws`, { autoPong: false });
    const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
    socket.on('open', () => socket.send(encode([Op.Hello, PROTOCOL_VERSION, 'Silent', ''])));
    expect(await closed).toBe(1006);
    expect(server!.world.population).toBe(1);
  });
});
