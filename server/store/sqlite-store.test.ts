import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { newCharacter } from '../sim/character.ts';
import { DATABASE_FILE, openSqliteStore, type SqliteStore } from './sqlite-store.ts';
import { MIGRATIONS } from './migrations.ts';
import { hashToken } from './tokens.ts';
import { StoreError } from './store.ts';
import { played, record, storeContract } from './store-contract.ts';

storeContract('SqliteStore', (clock) => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'emberquest-contract-'));
  const open: SqliteStore[] = [];
  return {
    connect() {
      const store = openSqliteStore(dataDir, { clock });
      open.push(store);
      return store;
    },
    cleanup() {
      for (const s of open) s.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
});

let dir: string;
let stores: SqliteStore[] = [];

function open(): SqliteStore {
  const store = openSqliteStore(dir);
  stores.push(store);
  return store;
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

  it('a hand-off is one UPDATE: the final save, the map and shard and the release together', async () => {
    const store = open();
    await store.create(record('Gwen'), hashToken('t'));
    const claimed = await store.claim('Gwen', 'emberfall-1', 30_000);
    const lease = claimed?.ok ? claimed.lease : { owner: '', epoch: 0 };
    // Every UPDATE of the row, as the row looks after it.
    const db = new Database(path.join(dir, DATABASE_FILE));
    db.exec(`CREATE TABLE updates (owner TEXT, map TEXT, shard TEXT, character TEXT);
      CREATE TRIGGER log_updates AFTER UPDATE ON characters BEGIN
        INSERT INTO updates VALUES (new.owner, new.map, new.shard, new.character);
      END;`);
    const { createdAt: _c, map: _m, shard: _s, ...state } = played('Gwen');
    expect(await store.handOff(state, lease, { map: 'maps/isle.tmj', shard: '2', x: 40, y: 41 })).toBe(true);
    const rows = db.prepare('SELECT * FROM updates').all() as { character: string }[];
    db.close();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ owner: null, map: 'maps/isle.tmj', shard: '2' });
    const { v: _v, ...saved } = JSON.parse(rows[0]!.character) as Record<string, unknown>;
    const { name: _n, lastSeenAt: _l, ...fields } = state;
    expect(saved).toEqual({ ...fields, x: 40, y: 41 });
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

  it('a write that cannot get the lock rejects (a retry can succeed), and nothing is half-written', async () => {
    const store = open();
    await store.create(record('Erin'), hashToken('t'));
    const other = new Database(path.join(dir, DATABASE_FILE));
    const claimed = await store.claim('Erin', 'w1', 30_000);
    const lease = claimed?.ok ? claimed.lease : { owner: '', epoch: 0 };
    const { createdAt: _c, map: _m, shard: _s, ...state } = record('Erin', { x: 9 });
    other.exec('BEGIN EXCLUSIVE');
    await expect(store.save([{ ...state, lease }])).rejects.toMatchObject({ code: 'SQLITE_BUSY' });
    await expect(store.claim('Erin', 'w2', 30_000)).rejects.toMatchObject({ code: 'SQLITE_BUSY' });
    other.exec('ROLLBACK');
    other.close();
    expect(await store.save([{ ...state, lease }])).toEqual([]);
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
