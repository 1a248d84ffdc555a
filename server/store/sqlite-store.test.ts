import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { newCharacter } from '../sim/character.ts';
import { DATABASE_FILE, openSqliteStore, type SqliteStore } from './sqlite-store.ts';
import { MIGRATIONS } from './migrations.ts';
import { hashToken, newToken, tokenMatches } from './tokens.ts';
import { StoreError, type CharacterRecord } from './store.ts';

let dir: string;
let stores: SqliteStore[] = [];

function open(): SqliteStore {
  const store = openSqliteStore(dir);
  stores.push(store);
  return store;
}

function record(name: string, fields: Partial<CharacterRecord> = {}): CharacterRecord {
  return { ...newCharacter(), name, createdAt: 1000, lastSeenAt: 1000, ...fields };
}

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'emberquest-store-'));
});

afterEach(() => {
  for (const s of stores) s.close();
  stores = [];
  rmSync(dir, { recursive: true, force: true });
});

describe('SqliteStore', () => {
  it('creates the file on first open, in WAL mode, with every migration applied', () => {
    open().close();
    const db = new Database(path.join(dir, DATABASE_FILE), { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    db.close();
  });

  it('keeps every field of a character across a reopen, found by its name in any case', async () => {
    const full = record('Alice', {
      x: 12,
      y: 7,
      checkpoint: { x: 3, y: 4 },
      hp: 55,
      maxHp: 130,
      level: 5,
      xp: 1234,
      weapon: 'sword2',
      armor: 'mailarmor',
      achievements: ['first-steps', 'rat-catcher'],
      counters: { rats: 10, 'talked-to-villagers': 2 },
      kills: 42,
      deaths: 3,
      createdAt: 1_700_000_000_000,
      lastSeenAt: 1_700_000_100_000,
    });
    const token = newToken();
    expect(await open().create(full, hashToken(token))).toBe(true);
    stores[0]!.close();
    const loaded = await open().load('aLiCe');
    expect(loaded?.record).toEqual(full);
    expect(tokenMatches(token, loaded!.tokenHash)).toBe(true);
    expect(tokenMatches(newToken(), loaded!.tokenHash)).toBe(false);
  });

  it('refuses to create a name that exists in another case, and keeps the first owner', async () => {
    const store = open();
    const first = hashToken('first');
    expect(await store.create(record('Bob'), first)).toBe(true);
    expect(await store.create(record('BOB', { level: 9 }), hashToken('second'))).toBe(false);
    const loaded = await store.load('bob');
    expect(loaded?.record).toMatchObject({ name: 'Bob', level: 1 });
    expect(tokenMatches('first', loaded!.tokenHash)).toBe(true);
  });

  it('refuses a lookalike of a stored name (Cyrillic and Greek letters), but not a different name', async () => {
    const store = open();
    expect(await store.create(record('Honest'), hashToken('first'))).toBe(true);
    for (const lookalike of ['H\u043enest', '\u041donest', '\u0397ON\u0395ST', 'Hon\u0435st'])
      expect(await store.create(record(lookalike), hashToken('squatter'))).toBe(false);
    expect(await store.create(record('Honesty'), hashToken('other'))).toBe(true);
    const db = new Database(path.join(dir, DATABASE_FILE));
    expect(db.prepare('SELECT count(*) AS n FROM characters').get()).toEqual({ n: 2 });
    db.close();
  });

  it('gives the characters of a version 1 database their skeletons, keeping lookalikes already there', async () => {
    const file = path.join(dir, DATABASE_FILE);
    const old = new Database(file);
    old.exec(MIGRATIONS[0] as string);
    old.pragma('user_version = 1');
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
      ...{ x: 1, y: 2, checkpoint: { x: 1, y: 2 }, hp: 100, maxHp: 100, level: 3, xp: 40 },
      ...{ weapon: 'sword', armor: 'cloth', achievements: [], counters: {}, kills: 0, deaths: 0 },
      ...{ createdAt: 1000, lastSeenAt: 1000 },
    });
    expect(await store.create(record('HONE\u0405T'), hashToken('squatter'))).toBe(false);
    expect(await store.create(record('Modest'), hashToken('new'))).toBe(true);
  });

  it('loads a character saved before a field existed with its default, and refuses a newer document', async () => {
    const store = open();
    await store.create(record('Old', { kills: 9, deaths: 4 }), hashToken('t'));
    const db = new Database(path.join(dir, DATABASE_FILE));
    db.prepare(`UPDATE characters SET character = json_remove(character, '$.deaths')`).run();
    expect((await store.load('Old'))?.record).toMatchObject({ kills: 9, deaths: newCharacter().deaths });
    db.prepare(`UPDATE characters SET character = json_set(character, '$.v', 99)`).run();
    db.close();
    await expect(store.load('Old')).rejects.toThrow(
      /emberquest\.sqlite holds a character document of version 99/,
    );
  });

  it('forgets characters made long ago that were never played, and no other', async () => {
    const store = open();
    const day = 24 * 3600_000;
    const made = (name: string, created: number, seenAfter: number, fields: Partial<CharacterRecord> = {}) =>
      store.create(
        record(name, { createdAt: created, lastSeenAt: created + seenAfter, ...fields }),
        hashToken(name),
      );
    await made('Squat1', 0, 5_000);
    await made('Squat2', 0, 59_000);
    await made('Played', 0, 61_000);
    await made('Lucky', 0, 10_000, { xp: 3 });
    await made('Fresh', 2 * day, 1_000);
    expect(await store.forgetUnplayed(day, 60_000)).toBe(2);
    for (const name of ['Squat1', 'Squat2']) expect(await store.load(name)).toBeNull();
    for (const name of ['Played', 'Lucky', 'Fresh']) expect(await store.load(name)).not.toBeNull();
    expect(await store.create(record('Squat1'), hashToken('new owner'))).toBe(true);
  });

  it('saves a batch, keeping the name as first chosen and the token', async () => {
    const store = open();
    await store.create(record('Carol'), hashToken('t'));
    await store.create(record('Dave'), hashToken('u'));
    await store.save([
      record('Carol', { x: 5, y: 6, xp: 10, lastSeenAt: 2000 }),
      record('Dave', { kills: 1, lastSeenAt: 2000 }),
    ]);
    expect((await store.load('carol'))?.record).toMatchObject({
      name: 'Carol',
      x: 5,
      y: 6,
      xp: 10,
      lastSeenAt: 2000,
    });
    expect((await store.load('dave'))?.record).toMatchObject({ kills: 1, createdAt: 1000 });
    expect(await store.load('nobody')).toBeNull();
  });

  it('a write that cannot get the lock rejects (a retry can succeed), and nothing is half-written', async () => {
    const store = open();
    await store.create(record('Erin'), hashToken('t'));
    const other = new Database(path.join(dir, DATABASE_FILE));
    other.exec('BEGIN EXCLUSIVE');
    await expect(store.save([record('Erin', { x: 9 })])).rejects.toMatchObject({ code: 'SQLITE_BUSY' });
    other.exec('ROLLBACK');
    other.close();
    await store.save([record('Erin', { x: 9 })]);
    expect((await store.load('Erin'))?.record.x).toBe(9);
  });

  it('refuses a file that is not a database, naming it, and leaves it untouched', () => {
    const file = path.join(dir, DATABASE_FILE);
    writeFileSync(file, 'these are my precious notes, not a database\n'.repeat(100));
    expect(() => open()).toThrow(StoreError);
    expect(() => open()).toThrow(file);
  });

  it('refuses a database from a newer server', () => {
    open().close();
    const db = new Database(path.join(dir, DATABASE_FILE));
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    db.close();
    expect(() => open()).toThrow(/newer than this server knows/);
  });

  it('refuses a data directory it cannot create', () => {
    const file = path.join(dir, 'a-file');
    writeFileSync(file, '');
    expect(() => openSqliteStore(path.join(file, 'data'))).toThrow(/Cannot create the data directory/);
  });
});
