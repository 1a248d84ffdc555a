// The Store contract on a real PostgreSQL (started for this file, stopped after it), each test on a fresh
// database; and what only PostgreSQL does: lease times from the database's clock, migrations by one of
// several processes starting at once.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { startPostgres, type Postgres } from '../../tests/support/services.ts';
import { openPostgresStore, PostgresStore } from './postgres-store.ts';
import { POSTGRES_MIGRATIONS } from './postgres-migrations.ts';
import { played, storeContract } from './store-contract.ts';
import { hashToken, tokenMatches } from './tokens.ts';
import { importSqlite } from './import-sqlite.ts';
import { openSqliteStore } from './sqlite-store.ts';
import type { Log } from '../log.ts';

let server: Postgres;
let databases = 0;
const quiet: Log = { info: () => {}, warn: () => {}, error: () => {} };

beforeAll(async () => {
  server = await startPostgres();
}, 60_000);
afterAll(async () => {
  await server?.stop();
});

/** A new empty database on the test server, migrated: its URL. */
async function freshDatabase(): Promise<string> {
  const name = `contract_${++databases}`;
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = server.url.replace(/\/postgres$/, `/${name}`);
  (await openPostgresStore(url, quiet)).close();
  return url;
}

storeContract('PostgresStore', async (clock) => {
  const url = await freshDatabase();
  const open: PostgresStore[] = [];
  return {
    connect() {
      const store = new PostgresStore(url, quiet, { clock });
      open.push(store);
      return store;
    },
    async cleanup() {
      await Promise.all(open.map((s) => s.pool.end()));
    },
  };
});

describe('PostgresStore', () => {
  it('times leases by the database clock when no clock is given', async () => {
    const url = await freshDatabase();
    const store = await openPostgresStore(url, quiet);
    try {
      await store.create(played('Clocky'), hashToken('t'));
      const before = Date.now();
      const claim = await store.claim('Clocky', 'w1', 30_000);
      expect(claim?.ok).toBe(true);
      const refused = await store.claim('Clocky', 'w2', 30_000);
      expect(refused).toMatchObject({ ok: false, holder: 'w1' });
      const expiresAt = (refused as { expiresAt: number }).expiresAt;
      // Same machine here, so the database's clock is ours within a second.
      expect(Math.abs(expiresAt - (before + 30_000))).toBeLessThan(1000);
    } finally {
      store.close();
    }
  });

  // Seen in the cluster test: PostgreSQL stopped while a world's save was in its transaction ended the
  // world process (the pooled connection's "terminated unexpectedly" error had no listener while checked
  // out). A save cut off like that must reject, and the store must work again with a new connection.
  it('rejects a save whose connection is cut in its transaction, and saves again after', async () => {
    const store = await openPostgresStore(await freshDatabase(), quiet);
    const blocker = new pg.Client({ connectionString: store.pool.options.connectionString });
    try {
      await store.create(played('Cutoff'), hashToken('t'));
      const claim = await store.claim('Cutoff', 'w1', 30_000);
      if (!claim?.ok) throw new Error('not claimed');
      const save = (hp: number): Promise<string[]> =>
        store.save([{ ...played('Cutoff'), hp, lease: claim.lease }]);
      // The row locked elsewhere, so the save waits inside its transaction until its backend is ended.
      await blocker.connect();
      await blocker.query('BEGIN');
      await blocker.query("SELECT 1 FROM characters WHERE name = 'Cutoff' FOR UPDATE");
      const saving = save(60);
      saving.catch(() => {});
      const waiting = async (): Promise<number[]> =>
        (
          await blocker.query<{ pid: number }>(
            `SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'UPDATE characters%'`,
          )
        ).rows.map((r) => r.pid);
      let pids: number[] = [];
      for (let i = 0; i < 100 && pids.length === 0; i++) {
        pids = await waiting();
        if (pids.length === 0) await new Promise((r) => setTimeout(r, 20));
      }
      expect(pids).toHaveLength(1);
      await blocker.query('SELECT pg_terminate_backend($1)', [pids[0]]);
      await expect(saving).rejects.toThrow();
      await blocker.query('ROLLBACK');
      // The cut connection's own "terminated" error comes a moment later: it must not escape.
      await new Promise((r) => setTimeout(r, 200));
      expect(await save(61)).toEqual([]);
      expect((await store.load('Cutoff'))?.record.hp).toBe(61);
    } finally {
      await blocker.end().catch(() => {});
      store.close();
    }
  });

  it('migrates once when several processes open a new database at the same time', async () => {
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    await admin.query('CREATE DATABASE racing');
    await admin.end();
    const url = server.url.replace(/\/postgres$/, '/racing');
    const stores = await Promise.all([1, 2, 3, 4].map(() => openPostgresStore(url, quiet)));
    const { rows } = await stores[0]!.pool.query('SELECT version FROM schema_version');
    expect(rows).toEqual([{ version: POSTGRES_MIGRATIONS.length }]);
    for (const s of stores) s.close();
  });
});

describe('importSqlite', () => {
  it('copies every character of a SQLite file with its token, once; a second run skips them', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'emberquest-import-'));
    try {
      const sqlite = openSqliteStore(dir);
      await sqlite.create(played('Ana'), hashToken('ana-token'));
      await sqlite.create(played('Bo'), hashToken('bo-token'));
      sqlite.close();
      const store = await openPostgresStore(await freshDatabase(), quiet);
      try {
        expect(await importSqlite(dir, store.pool)).toEqual({ copied: 2, skipped: [], lookalikes: [] });
        const ana = await store.load('ana');
        expect(ana?.record).toEqual(played('Ana'));
        expect(tokenMatches('ana-token', ana!.tokenHash)).toBe(true);
        expect(await importSqlite(dir, store.pool)).toEqual({
          copied: 0,
          skipped: ['Ana', 'Bo'],
          lookalikes: [],
        });
      } finally {
        store.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('copies a character whose lookalike PostgreSQL holds, and says so', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'emberquest-import-'));
    try {
      const sqlite = openSqliteStore(dir);
      await sqlite.create(played('Bo'), hashToken('bo-token'));
      sqlite.close();
      const store = await openPostgresStore(await freshDatabase(), quiet);
      try {
        expect(await store.create(played('B0'), hashToken('other'))).toBe(true); // made on another server
        expect(await importSqlite(dir, store.pool)).toEqual({ copied: 1, skipped: [], lookalikes: ['Bo'] });
        expect((await store.load('Bo'))?.record.name).toBe('Bo');
      } finally {
        store.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
