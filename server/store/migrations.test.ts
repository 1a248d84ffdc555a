// Databases made by older servers open with every character and field they held.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { DATABASE_FILE, openSqliteStore, type SqliteStore } from './sqlite-store.ts';
import { MIGRATIONS } from './migrations.ts';
import { hashToken, tokenMatches } from './tokens.ts';
import { record } from './store-contract.ts';
import { newCharacter } from '../sim/character.ts';

/** What a character saved before the bag and quests existed has of them when it loads: nothing yet. */
const { bag, bagCounts, belt, quests, questsDone } = newCharacter();
const carrying = { bag, bagCounts, belt, quests, questsDone };

let dir: string;
let stores: SqliteStore[] = [];

function open(): SqliteStore {
  const store = openSqliteStore(dir);
  stores.push(store);
  return store;
}

/** A database as a server of schema `version` left it. */
function oldDatabase(version: number): Database.Database {
  const db = new Database(path.join(dir, DATABASE_FILE));
  for (const step of MIGRATIONS.slice(0, version)) {
    if (typeof step === 'string') db.exec(step);
    else step(db);
  }
  db.pragma(`user_version = ${version}`);
  return db;
}

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'emberquest-migrate-'));
});

afterEach(() => {
  for (const s of stores) s.close();
  stores = [];
  rmSync(dir, { recursive: true, force: true });
});

describe('migrations', () => {
  it('gives the characters of a version 1 database their skeletons, keeping lookalikes already there', async () => {
    const old = oldDatabase(1);
    const insert = old.prepare(
      `INSERT INTO characters VALUES (?, ?, x'00', 1, 2, 1, 2, 100, 100, 3, 40, 'sword', 'cloth', '[]', '{}',
         0, 0, 1000, 1000)`,
    );
    insert.run('honest', 'Honest');
    insert.run('h\u043enest', 'H\u043enest'); // made before lookalikes were refused: it stays playable
    old.close();
    const store = open();
    expect((await store.load('H\u043enest'))?.record).toMatchObject({ name: 'H\u043enest', level: 3 });
    // Every column of version 1 made it into the character document of version 3.
    expect((await store.load('honest'))?.record).toEqual({
      name: 'Honest',
      ...{ x: 1, y: 2, checkpoint: { x: 1, y: 2, map: '' }, hp: 100, maxHp: 100, level: 3, xp: 40 },
      ...{ weapon: 'sword', armor: 'cloth', achievements: [], counters: {}, kills: 0, deaths: 0 },
      ...{ createdAt: 1000, lastSeenAt: 1000, map: '', shard: null },
      ...carrying,
    });
    expect(await store.create(record('HONE\u0405T'), hashToken('squatter'))).toBe(false);
    expect(await store.create(record('Modest'), hashToken('new'))).toBe(true);
  });

  it('a version 3 database keeps every character and field, on the start map, free to claim', async () => {
    const old = oldDatabase(3);
    const insert = old.prepare(
      `INSERT INTO characters (name_key, name, token_hash, name_skeleton, character, created_at, last_seen_at)
       VALUES (?, ?, ?, ?, ?, 1000, 2000)`,
    );
    const doc = (level: number) =>
      JSON.stringify({
        ...{ v: 1, x: 12, y: 7, checkpoint: { x: 3, y: 4 }, hp: 55, maxHp: 130, level, xp: 1234 },
        ...{ weapon: 'sword2', armor: 'mailarmor', achievements: ['first-steps'], counters: { rats: 10 } },
        ...{ kills: 42, deaths: 3 },
      });
    for (let i = 0; i < 20; i++)
      insert.run(`hero${i}`, `Hero${i}`, hashToken(`t${i}`), `hero${i}`, doc(i + 1));
    old.close();
    const store = open();
    for (let i = 0; i < 20; i++) {
      const loaded = await store.load(`Hero${i}`);
      expect(loaded?.record).toEqual({
        name: `Hero${i}`,
        ...{ x: 12, y: 7, checkpoint: { x: 3, y: 4, map: '' }, hp: 55, maxHp: 130, level: i + 1, xp: 1234 },
        ...{ weapon: 'sword2', armor: 'mailarmor', achievements: ['first-steps'], counters: { rats: 10 } },
        ...{ kills: 42, deaths: 3, createdAt: 1000, lastSeenAt: 2000, map: '', shard: null },
        ...carrying,
      });
      expect(tokenMatches(`t${i}`, loaded!.tokenHash)).toBe(true);
    }
    const claimed = await store.claim('Hero3', 'emberfall-1', 30_000);
    expect(claimed).toMatchObject({ ok: true, lease: { owner: 'emberfall-1', epoch: 1 } });
    const db = new Database(path.join(dir, DATABASE_FILE), { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(db.prepare('SELECT count(*) AS n FROM characters').get()).toEqual({ n: 20 });
    db.close();
  });
});
