// The scaled-out store (DATABASE_URL=postgres://…): the same Store contract as the embedded SQLite one,
// on PostgreSQL, so many world processes on many machines share every character and every lease. Lease
// times come from the database's clock, never a process's, so machines whose clocks disagree still agree
// on who holds a character. Every write is one statement (or one transaction) fenced on owner + epoch.
import pg from 'pg';
import { nameKey } from '../../shared/rules/names.ts';
import { nameSkeleton } from '../../shared/rules/name-skeleton.ts';
import { readCharacter, writeCharacter } from './character-document.ts';
import { migratePostgres } from './postgres-migrations.ts';
import { inTransaction } from './pg-checkout.ts';
import {
  StoreError,
  type CharacterRecord,
  type CharacterSave,
  type CharacterUpdate,
  type ClaimResult,
  type Destination,
  type Lease,
  type LeaseRenewal,
  type Store,
  type StoredCharacter,
} from './store.ts';
import type { Log } from '../log.ts';

/**
 * Milliseconds since the epoch on the database's clock, unless the statement's `$1` gives a time (tests
 * that move time pass their clock's reading; a server passes null).
 */
const NOW = `COALESCE($1::bigint, (extract(epoch from clock_timestamp()) * 1000)::bigint)`;
const COLUMNS = 'name, token_hash, character, created_at, last_seen_at, map, shard';

interface Row {
  name: string;
  token_hash: Buffer;
  character: string;
  created_at: string;
  last_seen_at: string;
  map: string;
  shard: string | null;
}

export interface PostgresOptions {
  /** Lease times from this clock instead of the database's: for tests that move time. */
  clock?: () => number;
  /** A statement that takes longer fails (and the saver retries): the game never waits on a stuck one. */
  statementTimeoutMs?: number;
  connectTimeoutMs?: number;
  poolSize?: number;
}

/** Connects, migrates, and resolves with the store. Throws StoreError when the database cannot be used. */
export async function openPostgresStore(
  url: string,
  log: Log,
  options: PostgresOptions = {},
): Promise<PostgresStore> {
  const store = new PostgresStore(url, log, options);
  try {
    await migratePostgres(store.pool, store.where);
  } catch (err) {
    store.close();
    if (err instanceof StoreError) throw err;
    throw new StoreError(`Cannot use the database ${store.where}: ${(err as Error).message}`);
  }
  return store;
}

function makePool(url: string, log: Log, options: PostgresOptions): pg.Pool {
  const { statementTimeoutMs = 5000, connectTimeoutMs = 5000, poolSize = 8 } = options;
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    connectionTimeoutMillis: connectTimeoutMs,
    statement_timeout: statementTimeoutMs,
    idleTimeoutMillis: 30_000,
  });
  // An idle client's connection dropped (the database restarted): the pool makes a new one next time.
  pool.on('error', (err) => log.warn(`PostgreSQL connection lost (it will reconnect): ${err.message}`));
  return pool;
}

/** The URL without its password, for log lines. */
function shownUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'the DATABASE_URL database';
  }
}

/** A store on an already migrated database (openPostgresStore migrates first). */
export class PostgresStore implements Store {
  readonly pool: pg.Pool;
  readonly where: string;
  private readonly clock: (() => number) | null;

  constructor(url: string, log: Log, options: PostgresOptions = {}) {
    this.pool = makePool(url, log, options);
    this.where = shownUrl(url);
    this.clock = options.clock ?? null;
  }

  /** `$1` of every statement that reads the time: the test clock's reading, or null (the database's). */
  private now(): number | null {
    return this.clock ? this.clock() : null;
  }

  async load(name: string): Promise<StoredCharacter | null> {
    const { rows } = await this.pool.query<Row>(`SELECT ${COLUMNS} FROM characters WHERE name_key = $1`, [
      nameKey(name),
    ]);
    return rows[0] ? this.stored(rows[0]) : null;
  }

  async create(record: CharacterRecord, tokenHash: Uint8Array): Promise<boolean> {
    const skeleton = nameSkeleton(record.name);
    return inTransaction(this.pool, async (db) => {
      // Two processes making lookalike names at once: the second waits here, then sees the first.
      await db.query('SELECT pg_advisory_xact_lock(hashtext($1))', [skeleton]);
      const { rowCount } = await db.query(
        `INSERT INTO characters (name_key, ${COLUMNS}, name_skeleton)
         SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9
         WHERE NOT EXISTS (SELECT 1 FROM characters WHERE name_skeleton = $9)
         ON CONFLICT (name_key) DO NOTHING`,
        [
          nameKey(record.name),
          record.name,
          Buffer.from(tokenHash),
          writeCharacter(record),
          record.createdAt,
          record.lastSeenAt,
          record.map,
          record.shard,
          skeleton,
        ],
      );
      return rowCount === 1;
    });
  }

  async claim(name: string, owner: string, ttlMs: number, retried = false): Promise<ClaimResult> {
    // One statement takes the lease: of two claims at once, the row lock lets exactly one win.
    const { rows } = await this.pool.query<Row & { epoch: string }>(
      `UPDATE characters SET owner = $3, epoch = epoch + 1, expires_at = ${NOW} + $4, lease_ms = $4,
         release_wanted = NULL
       WHERE name_key = $2 AND (owner IS NULL OR owner = $3 OR expires_at <= ${NOW})
       RETURNING ${COLUMNS}, epoch`,
      [this.now(), nameKey(name), owner, ttlMs],
    );
    if (rows[0])
      return { ok: true, lease: { owner, epoch: Number(rows[0].epoch) }, stored: this.stored(rows[0]) };
    const held = await this.pool.query<{ owner: string | null; expires_at: string }>(
      'SELECT owner, expires_at FROM characters WHERE name_key = $1',
      [nameKey(name)],
    );
    const row = held.rows[0];
    // Released (or run out) between the two statements: it is free now, so try once more.
    if (row && (row.owner === null || Number(row.expires_at) <= (this.clock?.() ?? Date.now())) && !retried)
      return this.claim(name, owner, ttlMs, true);
    return row ? { ok: false, holder: row.owner ?? '', expiresAt: Number(row.expires_at) } : null;
  }

  async save(updates: readonly CharacterUpdate[], renewals: readonly LeaseRenewal[] = []): Promise<string[]> {
    if (updates.length === 0 && renewals.length === 0) return [];
    // One statement for all the saves and one for all the renewals (arrays unnested into rows): a
    // statement per character cost a round trip each, and 1,000 of them took over a second under load.
    return inTransaction(this.pool, async (db) => {
      const written = new Set<string>();
      if (updates.length > 0) {
        const { rows } = await db.query<{ name_key: string }>(
          `UPDATE characters c SET character = u.character, last_seen_at = u.last_seen_at,
             owner = CASE WHEN u.release THEN NULL ELSE c.owner END,
             expires_at = CASE WHEN u.release THEN 0 ELSE ${NOW} + c.lease_ms END
           FROM unnest($2::text[], $3::text[], $4::bigint[], $5::text[], $6::bigint[], $7::boolean[])
             AS u(name_key, owner, epoch, character, last_seen_at, release)
           WHERE c.name_key = u.name_key AND c.owner = u.owner AND c.epoch = u.epoch
           RETURNING c.name_key`,
          [
            this.now(),
            updates.map((u) => nameKey(u.name)),
            updates.map((u) => u.lease.owner),
            updates.map((u) => u.lease.epoch),
            updates.map((u) => writeCharacter(u)),
            updates.map((u) => u.lastSeenAt),
            updates.map((u) => u.release === true),
          ],
        );
        for (const r of rows) written.add(r.name_key);
      }
      const renewed = new Set<string>();
      if (renewals.length > 0) {
        const { rows } = await db.query<{ name_key: string }>(
          `UPDATE characters c SET expires_at = ${NOW} + c.lease_ms
           FROM unnest($2::text[], $3::text[], $4::bigint[]) AS r(name_key, owner, epoch)
           WHERE c.name_key = r.name_key AND c.owner = r.owner AND c.epoch = r.epoch
           RETURNING c.name_key`,
          [
            this.now(),
            renewals.map((r) => nameKey(r.name)),
            renewals.map((r) => r.lease.owner),
            renewals.map((r) => r.lease.epoch),
          ],
        );
        for (const r of rows) renewed.add(r.name_key);
      }
      return [
        ...updates.filter((u) => !written.has(nameKey(u.name))).map((u) => u.name),
        ...renewals.filter((r) => !renewed.has(nameKey(r.name))).map((r) => r.name),
      ];
    });
  }

  async handOff(update: CharacterSave, lease: Lease, next: Destination): Promise<boolean> {
    const moved = { ...update, x: next.x, y: next.y };
    const { rowCount } = await this.pool.query(
      `UPDATE characters SET character = $4, last_seen_at = $5, map = $6, shard = $7, owner = NULL,
         expires_at = 0
       WHERE name_key = $1 AND owner = $2 AND epoch = $3`,
      [
        nameKey(update.name),
        lease.owner,
        lease.epoch,
        writeCharacter(moved),
        update.lastSeenAt,
        next.map,
        next.shard,
      ],
    );
    return rowCount === 1;
  }

  async release(name: string, lease: Lease): Promise<void> {
    await this.pool.query(
      'UPDATE characters SET owner = NULL, expires_at = 0 WHERE name_key = $1 AND owner = $2 AND epoch = $3',
      [nameKey(name), lease.owner, lease.epoch],
    );
  }

  async requestRelease(name: string, by: string): Promise<void> {
    await this.pool.query(
      `UPDATE characters SET release_wanted = $2
       WHERE name_key = $1 AND owner IS NOT NULL AND owner <> $2`,
      [nameKey(name), by],
    );
  }

  async releaseWanted(owner: string): Promise<string[]> {
    const { rows } = await this.pool.query<{ name: string }>(
      'SELECT name FROM characters WHERE owner = $1 AND release_wanted IS NOT NULL',
      [owner],
    );
    return rows.map((r) => r.name);
  }

  async releaseHeldBy(owner: string): Promise<number> {
    const { rowCount } = await this.pool.query(
      'UPDATE characters SET owner = NULL, expires_at = 0 WHERE owner = $1',
      [owner],
    );
    return rowCount ?? 0;
  }

  async forgetUnplayed(createdBefore: number, playedUnderMs: number): Promise<number> {
    const { rowCount } = await this.pool.query(
      `DELETE FROM characters WHERE created_at < $2 AND last_seen_at - created_at < $3
         AND (character::jsonb ->> 'level')::int = 1 AND (character::jsonb ->> 'xp')::int = 0
         AND (owner IS NULL OR expires_at <= ${NOW})`,
      [this.now(), createdBefore, playedUnderMs],
    );
    return rowCount ?? 0;
  }

  close(): void {
    void this.pool.end().catch(() => {});
  }

  private stored(row: Row): StoredCharacter {
    const record: CharacterRecord = {
      ...readCharacter(row.character, this.where),
      name: row.name,
      createdAt: Number(row.created_at),
      lastSeenAt: Number(row.last_seen_at),
      map: row.map,
      shard: row.shard,
    };
    return { record, tokenHash: new Uint8Array(row.token_hash) };
  }
}
