// Characters outlive the server process: real `server/main.ts` processes on a real SQLite file in a
// temporary directory, restarted, killed, locked out of their database and handed a broken one.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { DATABASE_FILE, openSqliteStore } from '../../server/store/sqlite-store.ts';
import { hashToken } from '../../server/store/tokens.ts';
import { newCharacter } from '../../server/sim/character.ts';
import { BotClient } from '../../tools/bots/bot-client.ts';
import { startServerProcess, type ServerProcess } from '../../tools/server-process.ts';
import { reachableNear, playMap } from '../support/tiles.ts';

const map = playMap();

let dataDir: string;
let dbFile: string;
const running: ServerProcess[] = [];
const bots: BotClient[] = [];

async function start(): Promise<ServerProcess> {
  const server = await startServerProcess({ DATA_DIR: dataDir });
  running.push(server);
  return server;
}

async function join(server: ServerProcess, name: string, token = ''): Promise<BotClient> {
  const url = `${server.url.replace(/^http/, 'ws')}ws`;
  const bot = await BotClient.connect({ url, name, token });
  bots.push(bot);
  await bot.waitForWelcome(5000);
  return bot;
}

/** Walks the bot to a reachable tile a few steps away and resolves once it stands there. */
async function walkSomewhere(bot: BotClient, skip = 0): Promise<{ x: number; y: number }> {
  const target = reachableNear(map, bot.tileOf(bot.self!), skip);
  bot.walkTo(target.x, target.y);
  await bot.waitFor(
    () => {
      const at = bot.tileOf(bot.self!);
      return at.x === target.x && at.y === target.y;
    },
    8000,
    `a walk to ${target.x},${target.y}`,
  );
  return target;
}
type Row = Record<string, unknown>;

function readRow(name: string): Row | undefined {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare('SELECT * FROM characters WHERE name_key = ?').get(name.toLowerCase()) as
      Row | undefined;
    // The saved fields live in one JSON document (server/store/character-document.ts).
    if (!row) return undefined;
    const { character, ...rest } = row;
    return { ...rest, ...(JSON.parse(character as string) as Row) };
  } finally {
    db.close();
  }
}

async function until<T>(what: string, timeoutMs: number, check: () => T | undefined | false): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeEach(() => {
  // A directory that does not exist yet: the server creates it on first start.
  dataDir = path.join(mkdtempSync(path.join(tmpdir(), 'emberquest-persist-')), 'data');
  dbFile = path.join(dataDir, DATABASE_FILE);
});

afterEach(async () => {
  await Promise.all(bots.splice(0).map((b) => b.close()));
  await Promise.all(running.splice(0).map((s) => s.stop()));
  rmSync(path.dirname(dataDir), { recursive: true, force: true });
});

describe('characters outlive the server process', () => {
  it('after a restart the character comes back where it stood, with everything saved', async () => {
    const first = await start();
    const alice = await join(first, 'Alice');
    const token = alice.token!;
    const spot = await walkSomewhere(alice);
    expect(await first.stop()).toBe(0);
    expect(readRow('Alice')).toMatchObject({ name: 'Alice', x: spot.x, y: spot.y, level: 1 });

    // Gear, levels and achievements come from play (issue 4); here they are written into the file
    // between runs, to prove the server loads them and saves them back untouched.
    const db = new Database(dbFile);
    db.prepare(
      `UPDATE characters SET character = json_set(character, '$.hp', 61, '$.maxHp', 170, '$.level', 7,
         '$.xp', 1500, '$.weapon', 'axe', '$.armor', 'chainmail', '$.achievements', json('["first-steps"]'),
         '$.counters', json('{"rats":3}'), '$.kills', 21, '$.deaths', 2)`,
    ).run();
    db.close();
    const before = readRow('Alice')!;

    const second = await start();
    const again = await join(second, 'alice', token);
    expect(again.self).toMatchObject({ name: 'Alice', endX: spot.x, endY: spot.y });
    await again.close();
    expect(await second.stop()).toBe(0);
    const after = readRow('Alice')!;
    // Only the lease's epoch (bumped by the second claim) and the time last seen differ; both servers
    // let the lease go when the player left.
    expect({ ...after, last_seen_at: 0, epoch: 0 }).toEqual({ ...before, last_seen_at: 0, epoch: 0 });
    expect(after.last_seen_at as number).toBeGreaterThan(before.last_seen_at as number);
    expect(after).toMatchObject({ owner: null, epoch: (before.epoch as number) + 1 });
  });

  it('killed with SIGKILL just after a player stopped: at most the last couple of seconds are lost', async () => {
    // Today the position where a player stops is the meaningful change; loot and levels (issue 4) mark
    // players dirty the same way and are written by the same saver.
    const server = await start();
    const alice = await join(server, 'Alice');
    const spot = await walkSomewhere(alice);
    const arrived = Date.now();
    await until('the stop to be saved', 3000, () => {
      const row = readRow('Alice');
      return row?.x === spot.x && row.y === spot.y;
    });
    const savedAfterMs = Date.now() - arrived;
    expect(savedAfterMs).toBeLessThan(2000);
    server.child.kill('SIGKILL');
    await server.stop();

    const again = await join(await start(), 'Alice', alice.token!);
    expect(again.self).toMatchObject({ endX: spot.x, endY: spot.y });
  });

  it('a database it cannot write: the game goes on, one log line, and saving resumes once it can', async () => {
    const server = await start();
    const alice = await join(server, 'Alice');
    await walkSomewhere(alice);
    // Another process (a backup tool, an admin's shell) holds the write lock.
    const blocker = new Database(dbFile);
    blocker.exec('BEGIN EXCLUSIVE');
    try {
      await walkSomewhere(alice, 1);
      const spot = await walkSomewhere(alice, 2);
      await until('the failure to be logged', 5000, () => /Could not save/.test(server.output()));
      await new Promise((r) => setTimeout(r, 1500));
      expect(server.output().match(/Could not save/g)).toHaveLength(1);
      expect(server.output()).toContain(dbFile);
      expect(alice.closed).toBeNull();
      blocker.exec('ROLLBACK');
      await until('saving to work again', 15_000, () => /Saving works again/.test(server.output()));
      expect(readRow('Alice')).toMatchObject({ x: spot.x, y: spot.y });
    } finally {
      blocker.close();
    }
  });

  it('at start, names of characters made over a day ago and never played come free; played ones stay', async () => {
    const store = openSqliteStore(dataDir);
    const longAgo = Date.now() - 3 * 24 * 3600_000;
    const made = (name: string, playedMs: number) =>
      store.create(
        { ...newCharacter(), name, createdAt: longAgo, lastSeenAt: longAgo + playedMs, map: '', shard: null },
        hashToken(`${name}'s token`),
      );
    await made('Hoarded', 5_000);
    await made('Veteran', 3600_000);
    store.close();
    const server = await start();
    await until('the sweep', 5000, () => /Forgot 1 characters that were never played/.test(server.output()));
    const taker = await join(server, 'Hoarded');
    expect(taker.token).toBeTruthy(); // a new character, with a token of its own
    const url = `${server.url.replace(/^http/, 'ws')}ws`;
    const squatter = await BotClient.connect({ url, name: 'Veteran' });
    bots.push(squatter);
    expect((await squatter.waitForClose(5000)).reason).toMatch(/belongs to another player/);
  });

  it('a database it cannot read: it refuses to start, names the file and leaves it alone', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'emberquest-broken-'));
    const file = path.join(dir, DATABASE_FILE);
    const precious = 'not a database, but somebody cares about these bytes\n'.repeat(200);
    writeFileSync(file, precious);
    try {
      const failed = await startServerProcess({ DATA_DIR: dir }).then(
        (s) => (running.push(s), null),
        (err: Error) => err.message,
      );
      expect(failed).toMatch(/exited with code 1/);
      expect(failed).toContain(file);
      expect(failed).toMatch(/will not start/);
      expect(readFileSync(file, 'utf8')).toBe(precious);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
