// A character is live in one world at a time, even with the embedded store: two real `server/main.ts`
// processes (two worlds) on one SQLite file. The second world is told the character plays elsewhere; a
// world whose lease was taken over (it stalled past its expiry) writes nothing more and lets it go.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { CloseCode } from '../../shared/protocol/ops.ts';
import { DATABASE_FILE } from '../../server/store/sqlite-store.ts';
import { BotClient } from '../../tools/bots/bot-client.ts';
import { startServerProcess, type ServerProcess } from '../../tools/server-process.ts';
import { playMap, reachableNear } from '../support/tiles.ts';

const map = playMap();
let dataDir: string;
const running: ServerProcess[] = [];
const bots: BotClient[] = [];

async function start(world: string): Promise<ServerProcess> {
  // One world of the overworld each (MAP: no realm file), its id from WORLD_NAME ("East" → "east").
  const server = await startServerProcess({
    DATA_DIR: dataDir,
    WORLD_NAME: world,
    MAP: 'assets/maps/world.tmj',
  });
  running.push(server);
  return server;
}

async function connect(server: ServerProcess, name: string, token = ''): Promise<BotClient> {
  const bot = await BotClient.connect({ url: server.wsUrl, name, token });
  bots.push(bot);
  return bot;
}

type Row = { owner: string | null; epoch: number; character: string };

function row(name: string): Row {
  const db = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true });
  try {
    return db.prepare('SELECT owner, epoch, character FROM characters WHERE name_key = ?').get(name) as Row;
  } finally {
    db.close();
  }
}

async function until(what: string, timeoutMs: number, check: () => boolean): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'emberquest-leases-'));
});

afterEach(async () => {
  await Promise.all(bots.splice(0).map((b) => b.close()));
  await Promise.all(running.splice(0).map((s) => s.stop()));
  rmSync(dataDir, { recursive: true, force: true });
});

describe('one character, one world', () => {
  it('a second world is told the character plays elsewhere; once it leaves, the second world has it', async () => {
    const [east, west] = await Promise.all([start('East'), start('West')]);
    const alice = await connect(east, 'Alice');
    await alice.waitForWelcome(5000);
    const token = alice.token!;
    expect(row('alice')).toMatchObject({ owner: 'east', epoch: 1 });

    const elsewhere = await connect(west, 'alice', token);
    expect(await elsewhere.waitForClose(5000)).toEqual({
      code: CloseCode.PlayingElsewhere,
      reason: '"Alice" is playing in another world. Leave it there (or wait 30 s).',
    });
    expect(alice.closed).toBeNull(); // the one playing is not disturbed

    await alice.close(); // a goodbye: the last save lets the lease go
    await until('the lease to be let go', 3000, () => row('alice').owner === null);
    const again = await connect(west, 'Alice', token);
    await again.waitForWelcome(5000);
    expect(row('alice')).toMatchObject({ owner: 'west', epoch: 2 });
  });

  it('a world that lost the lease (it expired, another took it) writes nothing more and lets the player go', async () => {
    const [east, west] = await Promise.all([start('East'), start('West')]);
    const alice = await connect(east, 'Alice');
    await alice.waitForWelcome(5000);
    // East stalls past the lease (as a paused process would): the lease runs out.
    const db = new Database(path.join(dataDir, DATABASE_FILE));
    db.prepare('UPDATE characters SET expires_at = 0').run();
    db.close();
    const taker = await connect(west, 'Alice', alice.token!);
    await taker.waitForWelcome(5000);
    expect(row('alice')).toMatchObject({ owner: 'west', epoch: 2 });
    // West places her and saves that.
    await until('West to save her', 3000, () => (JSON.parse(row('alice').character) as { x: number }).x >= 0);
    const taken = row('alice');

    // East's next save of Alice is refused; East closes her session there and forgets her.
    const target = reachableNear(map, alice.tileOf(alice.self!));
    alice.walkTo(target.x, target.y);
    expect(await alice.waitForClose(5000)).toMatchObject({ code: CloseCode.PlayingElsewhere });
    await new Promise((r) => setTimeout(r, 1500)); // a save round on each side
    expect(row('alice').character).toBe(taken.character);
    expect(east.output()).toMatch(/Alice is played in another world now: this world's copy was not written/);
    expect(taker.closed).toBeNull();
  });
});
