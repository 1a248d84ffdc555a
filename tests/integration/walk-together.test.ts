// A real server on 127.0.0.1, port 0, with headless bots speaking the real protocol.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { Packr } from 'msgpackr';
import { CloseCode, encode, MAX_CLIENT_FRAME, Op } from '../../shared/protocol/index.ts';
import { parseWorldMap } from '../../shared/content/world-map.ts';
import type { TiledMap } from '../../shared/content/tiled-types.ts';
import { openRows, tiledFromRows } from '../../server/sim/test-support.ts';
import { startServer, type GameServer } from '../../server/app.ts';
import { readConfig } from '../../server/config.ts';
import { consoleLog } from '../../server/log.ts';
import { BotClient, type BotOptions } from '../../tools/bots/bot-client.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** 80×20 open grass with a 2×2 spawn at (34, 8): in the third cell of 12 tiles, near a cell edge. */
function testMap(): TiledMap {
  return tiledFromRows(openRows(80, 20), [{ id: 1, type: 'spawn', name: 'start', x: 34, y: 8, w: 2, h: 2 }]);
}

/** msgpack of anything, for frames the protocol does not allow. */
const raw = (value: unknown): Uint8Array => new Packr({ useRecords: false }).pack(value);

let server: GameServer;
let bots: BotClient[] = [];
let sockets: WebSocket[] = [];

async function bot(name: string, options: Partial<BotOptions> = {}): Promise<BotClient> {
  const b = await BotClient.connect({ url: `ws://127.0.0.1:${server.port}/ws`, name, ...options });
  bots.push(b);
  return b;
}

async function welcomedBot(name: string): Promise<BotClient> {
  const b = await bot(name);
  await b.waitForWelcome(3000);
  return b;
}

/** Resolves once `watcher` sees `walker` walk to (x, y) and then be there by the announced timing. */
async function seesArrive(watcher: BotClient, walker: BotClient, x: number, y: number): Promise<void> {
  const id = walker.view.selfId;
  const what = `${walker.self?.name} walking to (${x}, ${y})`;
  await watcher.waitFor(
    () => watcher.view.entities.get(id)?.endX === x && watcher.view.entities.get(id)?.endY === y,
    3000,
    what,
  );
  const seen = watcher.view.entities.get(id)!;
  await watcher.waitFor(
    () => watcher.tileOf(seen).x === x && watcher.tileOf(seen).y === y,
    8000,
    `${what} to arrive`,
  );
  // The server got there too (a tick earlier, or later if its loop lagged).
  const truth = (): { x: number; y: number } | undefined => server.world.players.get(id);
  await watcher.waitFor(
    () => truth()?.x === x && truth()?.y === y,
    2000,
    `the server to place ${walker.self?.name}`,
  );
}

beforeEach(async () => {
  const config = readConfig({ PORT: '0', HOST: '127.0.0.1', SEED: '1' }, repoRoot);
  server = await startServer({ config, map: parseWorldMap(testMap(), 'test.tmj'), log: consoleLog(true) });
});

afterEach(async () => {
  await Promise.all(bots.map((b) => b.close()));
  for (const s of sockets) s.terminate();
  bots = [];
  sockets = [];
  await server.close();
});

describe('HTTP', () => {
  it('/healthz says ok and /status counts players', async () => {
    const health = await fetch(new URL('/healthz', server.url));
    expect(health.status).toBe(200);
    expect(await health.text()).toBe('ok\n');
    await welcomedBot('Alice');
    const status = (await (await fetch(new URL('/status', server.url))).json()) as Record<string, unknown>;
    expect(status).toMatchObject({ world: 'Emberfall', players: 1 });
  });
});

describe('walking together', () => {
  it('one walks, the other sees it walk and arrive; far away despawns it; leaving despawns it', async () => {
    const alice = await welcomedBot('Alice');
    const bob = await welcomedBot('Bob');
    await alice.waitFor(() => alice.view.entities.has(bob.view.selfId), 3000, 'Bob to spawn');
    expect(bob.view.entities.get(alice.view.selfId)?.name).toBe('Alice');

    alice.walkTo(38, 12);
    await seesArrive(bob, alice, 38, 12);
    await seesArrive(alice, alice, 38, 12);

    // Apart: Alice east into cell 5 (x ≥ 60), Bob west into cell 1 (x < 24): four cells apart, past
    // FORGET_RADIUS (entities are forgotten only beyond it, so a border crossing does not flicker).
    alice.walkTo(62, 12);
    bob.walkTo(22, 8);
    await bob.waitFor(() => !bob.view.entities.has(alice.view.selfId), 9000, 'Alice to despawn');
    await alice.waitFor(() => !alice.view.entities.has(bob.view.selfId), 3000, 'Bob to despawn');

    // Together again, then Alice leaves.
    bob.walkTo(45, 12);
    await bob.waitFor(() => bob.view.entities.has(alice.view.selfId), 6000, 'Alice to spawn again');
    await alice.close();
    await bob.waitFor(() => !bob.view.entities.has(alice.view.selfId), 3000, 'Alice to despawn on leaving');
    expect(alice.problems).toEqual([]);
    expect(bob.problems).toEqual([]);
    expect(bob.framesIn).toBeGreaterThan(5);
    expect(bob.bytesIn).toBeGreaterThan(bob.framesIn);
  });
});

describe('bad clients close only their own session', () => {
  /** A third bot plays the bad client; Alice and Bob must not notice beyond its despawn. */
  async function expectOthersStillPlay(alice: BotClient, bob: BotClient, x: number): Promise<void> {
    alice.walkTo(x, 10);
    await seesArrive(bob, alice, x, 10);
    expect(alice.closed).toBeNull();
    expect(bob.closed).toBeNull();
    expect(bob.problems).toEqual([]);
  }

  it.each([
    [
      'random bytes',
      Uint8Array.of(0xde, 0xad, 0xbe, 0xef, 0x00, 0x13, 0x37),
      CloseCode.BadMessage,
      /Bad message: undecodable/,
    ],
    [
      'a valid frame of an unknown op',
      encode([Op.Moves, 1, 2] as never),
      CloseCode.BadMessage,
      /unknown op 67/,
    ],
    // Reasons must fit a close frame (123 bytes) however long the client's garbage is.
    [
      'a long string with trailing bytes',
      Uint8Array.from([...raw(['x'.repeat(200)]), 1]),
      CloseCode.BadMessage,
      /undecodable/,
    ],
    // A map where the op goes is refused by the decoder before anything is built from it.
    ['an op that cannot be printed', raw([{ toString: 1 }, 1, 2]), CloseCode.BadMessage, /undecodable/],
    ['a long string op', raw(['y'.repeat(300), 1, 2]), CloseCode.BadMessage, /unknown op/],
    ['a second hello', encode([Op.Hello, 1, 'Mallory', '']), CloseCode.BadMessage, /hello sent twice/],
    ['a text frame', 'hello', CloseCode.BadMessage, /must be binary/],
    // ws closes oversized frames itself, with 1009 (Message Too Big) and no reason text.
    ['an oversized frame', new Uint8Array(MAX_CLIENT_FRAME + 1), 1009, /^$/],
  ])('%s', async (_what, data, code, reason) => {
    const alice = await welcomedBot('Alice');
    const bob = await welcomedBot('Bob');
    const mallory = await welcomedBot('Mallory');
    await bob.waitFor(() => bob.view.entities.has(mallory.view.selfId), 3000, 'Mallory to spawn');
    mallory.send(data);
    const closed = await mallory.waitForClose(3000);
    expect(closed.code).toBe(code);
    expect(closed.reason).toMatch(reason);
    await bob.waitFor(() => !bob.view.entities.has(mallory.view.selfId), 3000, 'Mallory to despawn');
    expect(server.world.population).toBe(2);
    await expectOthersStillPlay(alice, bob, 37);
  });

  it('a flood of messages', async () => {
    const alice = await welcomedBot('Alice');
    const bob = await welcomedBot('Bob');
    const flood = await welcomedBot('Flood');
    for (let i = 0; i < 100; i++) flood.walkTo(30 + (i % 5), 10);
    expect(await flood.waitForClose(3000)).toEqual({
      code: CloseCode.BadMessage,
      reason: 'Too many messages.',
    });
    await expectOthersStillPlay(alice, bob, 36);
  });

  it('a walk before hello', async () => {
    const alice = await welcomedBot('Alice');
    const bob = await welcomedBot('Bob');
    const raw = new WebSocket(`ws://127.0.0.1:${server.port}/ws`);
    sockets.push(raw);
    const closed = new Promise<{ code: number; reason: string }>((resolve) =>
      raw.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    );
    raw.on('open', () => raw.send(encode([Op.WalkTo, 3, 3])));
    expect(await closed).toEqual({ code: CloseCode.NoHello, reason: 'Say hello first.' });
    await expectOthersStillPlay(alice, bob, 31);
  });

  it('a wrong protocol version', async () => {
    const old = await bot('Old', { version: 999 });
    const closed = await old.waitForClose(3000);
    expect(closed.code).toBe(CloseCode.VersionMismatch);
    expect(closed.reason).toMatch(/reload/i);
    expect(server.world.population).toBe(0);
  });

  it('a taken name, in another case', async () => {
    await welcomedBot('Alice');
    const twin = await bot('aLICE');
    const closed = await twin.waitForClose(3000);
    expect(closed.code).toBe(CloseCode.NameOwned);
    expect(closed.reason).toMatch(/^The name "Alice" belongs to another player/);
    expect(server.world.population).toBe(1);
  });

  it('a bad name', async () => {
    const bad = await bot('<b>Bad</b>');
    const closed = await bad.waitForClose(3000);
    expect(closed.code).toBe(CloseCode.BadName);
    expect(closed.reason).toMatch(/letters, digits/);
  });
});

describe('shutdown', () => {
  it('closes every socket with a reason', async () => {
    const alice = await welcomedBot('Alice');
    await server.close('Back soon.');
    expect(await alice.waitForClose(3000)).toEqual({ code: CloseCode.Shutdown, reason: 'Back soon.' });
    // afterEach closes again: closing twice must be harmless.
  });
});
