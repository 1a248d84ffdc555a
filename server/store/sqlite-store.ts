// The embedded default store: one SQLite file (better-sqlite3), WAL mode, schema migrations at open.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { nameKey } from '../../shared/rules/names.ts';
import { nameSkeleton } from '../../shared/rules/name-skeleton.ts';
import { MIGRATIONS } from './migrations.ts';
import { readCharacter, writeCharacter } from './character-document.ts';
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

export const DATABASE_FILE = 'emberquest.sqlite';

/**
 * How long a write waits for another process's lock (a backup, an admin's sqlite3 shell). Writes run on
 * the game loop's thread, so this is short: a busy database makes the save fail and retry later.
 */
const BUSY_TIMEOUT_MS = 100;
/** At open, worlds starting together on one file wait for each other's migrations and mode switch. */
const OPEN_BUSY_TIMEOUT_MS = 10_000;

interface Row {
  name: string;
  token_hash: Buffer;
  /** The saved fields, as a versioned JSON document (character-document.ts). */
  character: string;
  created_at: number;
  last_seen_at: number;
  map: string;
  shard: string | null;
}

const COLUMNS = 'name, token_hash, character, created_at, last_seen_at, map, shard';

export interface SqliteOptions {
  /**
   * FULL (the default): a commit is on the disk when it returns, so a power cut loses nothing committed.
   * NORMAL is only for measuring what FULL costs (tools/bench/store-bench.ts).
   */
  synchronous?: 'FULL' | 'NORMAL';
  /** Milliseconds since the epoch, for lease expiry (tests move it); Date.now by default. */
  clock?: () => number;
}

/** Opens (creating on first start) the database in `dataDir`. Throws StoreError when it cannot be used. */
export function openSqliteStore(dataDir: string, options: SqliteOptions = {}): SqliteStore {
  const file = path.join(dataDir, DATABASE_FILE);
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (err) {
    throw new StoreError(`Cannot create the data directory ${dataDir}: ${(err as Error).message}`);
  }
  return new SqliteStore(file, options);
}

export class SqliteStore implements Store {
  private readonly db: Database.Database;
  private readonly statements: ReturnType<typeof prepare>;
  private readonly clock: () => number;

  constructor(
    readonly where: string,
    { synchronous = 'FULL', clock = Date.now }: SqliteOptions = {},
  ) {
    this.clock = clock;
    try {
      this.db = new Database(where, { timeout: OPEN_BUSY_TIMEOUT_MS });
    } catch (err) {
      throw new StoreError(`Cannot open the database ${where}: ${(err as Error).message}`);
    }
    try {
      // Reading the schema is the first real read: a file that is not a database fails here.
      migrate(this.db, where);
      this.db.pragma('journal_mode = WAL');
      this.db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
      // FULL: every commit reaches the disk before it returns, so a power cut loses no character that
      // was created or saved (NORMAL loses the last commits on power loss, though not on a crash). The
      // saver commits once a second in one transaction, so the cost is about one fsync a second.
      this.db.pragma(`synchronous = ${synchronous}`);
      this.statements = prepare(this.db);
    } catch (err) {
      this.db.close();
      if (err instanceof StoreError) throw err;
      throw new StoreError(`Cannot use the database ${where}: ${(err as Error).message}`);
    }
  }

  load(name: string): Promise<StoredCharacter | null> {
    return attempt(() => {
      const row = this.statements.load.get(nameKey(name)) as Row | undefined;
      return row ? { record: fromRow(row, this.where), tokenHash: new Uint8Array(row.token_hash) } : null;
    });
  }

  create(record: CharacterRecord, tokenHash: Uint8Array): Promise<boolean> {
    return attempt(() => {
      const result = this.statements.create.run({
        ...toRow(record),
        token_hash: Buffer.from(tokenHash),
        name_skeleton: nameSkeleton(record.name),
      });
      return result.changes === 1;
    });
  }

  claim(name: string, owner: string, ttlMs: number): Promise<ClaimResult> {
    return attempt(() => {
      const found = this.statements.claim(nameKey(name), owner, ttlMs, this.clock());
      if (!found || !('character' in found)) return found;
      const stored = { record: fromRow(found, this.where), tokenHash: new Uint8Array(found.token_hash) };
      return { ok: true, lease: { owner, epoch: found.epoch }, stored };
    });
  }

  save(updates: readonly CharacterUpdate[], renewals: readonly LeaseRenewal[] = []): Promise<string[]> {
    return attempt(() => this.statements.saveAll(updates, renewals, this.clock()));
  }

  handOff(update: CharacterSave, lease: Lease, next: Destination): Promise<boolean> {
    return attempt(() => {
      const moved = { ...update, x: next.x, y: next.y };
      const result = this.statements.handOff.run({
        ...fence(update.name, lease),
        character: writeCharacter(moved),
        last_seen_at: update.lastSeenAt,
        map: next.map,
        shard: next.shard,
      });
      return result.changes === 1;
    });
  }

  release(name: string, lease: Lease): Promise<void> {
    return attempt(() => void this.statements.release.run(fence(name, lease)));
  }

  requestRelease(name: string, by: string): Promise<void> {
    return attempt(() => void this.statements.requestRelease.run({ name_key: nameKey(name), by }));
  }

  releaseWanted(owner: string): Promise<string[]> {
    return attempt(() =>
      (this.statements.releaseWanted.all({ owner }) as { name: string }[]).map((r) => r.name),
    );
  }

  releaseHeldBy(owner: string): Promise<number> {
    return attempt(() => this.statements.releaseHeldBy.run({ owner }).changes);
  }

  forgetUnplayed(createdBefore: number, playedUnderMs: number): Promise<number> {
    return attempt(
      () =>
        this.statements.forgetUnplayed.run({
          before: createdBefore,
          played: playedUnderMs,
          now: this.clock(),
        }).changes,
    );
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

/** Runs a synchronous database call as a promise, so a failure is a rejection, never a throw. */
function attempt<T>(run: () => T): Promise<T> {
  try {
    return Promise.resolve(run());
  } catch (err) {
    return Promise.reject(err as Error);
  }
}

/**
 * Applies the missing steps, each in its own write transaction that first reads the version again, so
 * processes opening one file at once apply every step exactly once.
 */
function migrate(db: Database.Database, where: string): void {
  const next = db.transaction((): boolean => {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > MIGRATIONS.length) {
      throw new StoreError(
        `The database ${where} has schema version ${version}, newer than this server knows ` +
          `(${MIGRATIONS.length}). Run a newer Emberquest, or restore a backup.`,
      );
    }
    if (version === MIGRATIONS.length) return false;
    const migration = MIGRATIONS[version]!;
    if (typeof migration === 'string') db.exec(migration);
    else migration(db);
    db.pragma(`user_version = ${version + 1}`);
    return true;
  });
  while (next.immediate()) {
    // one step per transaction
  }
}

/** The WHERE of a fenced write: this character, while `lease` is its lease. */
const FENCED = 'name_key = :name_key AND owner = :owner AND epoch = :epoch';

function fence(name: string, lease: Lease): { name_key: string; owner: string; epoch: number } {
  return { name_key: nameKey(name), owner: lease.owner, epoch: lease.epoch };
}

type ClaimRow = Row & { epoch: number };

function prepare(db: Database.Database) {
  const load = db.prepare(`SELECT ${COLUMNS} FROM characters WHERE name_key = ?`);
  const create = db.prepare(
    `INSERT INTO characters (name_key, ${COLUMNS}, name_skeleton)
     SELECT :name_key, :name, :token_hash, :character, :created_at, :last_seen_at, :map, :shard,
       :name_skeleton
     WHERE NOT EXISTS (SELECT 1 FROM characters WHERE name_skeleton = :name_skeleton)
     ON CONFLICT (name_key) DO NOTHING`,
  );
  // One statement takes the lease, so two claims can never both win, on one connection or many.
  const take = db.prepare(
    `UPDATE characters SET owner = :owner, epoch = epoch + 1, expires_at = :now + :ttl, lease_ms = :ttl,
       release_wanted = NULL
     WHERE name_key = :name_key AND (owner IS NULL OR owner = :owner OR expires_at <= :now)
     RETURNING ${COLUMNS}, epoch`,
  );
  const holder = db.prepare(`SELECT owner, expires_at FROM characters WHERE name_key = ?`);
  const claim = db.transaction((name_key: string, owner: string, ttl: number, now: number) => {
    const taken = take.get({ name_key, owner, ttl, now }) as ClaimRow | undefined;
    if (taken) return taken;
    const held = holder.get(name_key) as { owner: string; expires_at: number } | undefined;
    return held ? { ok: false as const, holder: held.owner, expiresAt: held.expires_at } : null;
  });
  const save = db.prepare(
    `UPDATE characters SET character = :character, last_seen_at = :last_seen_at,
       owner = CASE WHEN :release THEN NULL ELSE owner END,
       expires_at = CASE WHEN :release THEN 0 ELSE :now + lease_ms END
     WHERE ${FENCED}`,
  );
  const renew = db.prepare(`UPDATE characters SET expires_at = :now + lease_ms WHERE ${FENCED}`);
  const saveAll = db.transaction(
    (updates: readonly CharacterUpdate[], renewals: readonly LeaseRenewal[], now: number) => {
      const refused: string[] = [];
      for (const u of updates) {
        // Written out, not spread: a spread object costs the binding about as much as the UPDATE.
        const written = save.run({
          name_key: nameKey(u.name),
          owner: u.lease.owner,
          epoch: u.lease.epoch,
          character: writeCharacter(u),
          last_seen_at: u.lastSeenAt,
          release: u.release ? 1 : 0,
          now,
        });
        if (written.changes === 0) refused.push(u.name);
      }
      for (const r of renewals) {
        const { owner, epoch } = r.lease;
        if (renew.run({ name_key: nameKey(r.name), owner, epoch, now }).changes === 0) refused.push(r.name);
      }
      return refused;
    },
  );
  const handOff = db.prepare(
    `UPDATE characters SET character = :character, last_seen_at = :last_seen_at, map = :map,
       shard = :shard, owner = NULL, expires_at = 0
     WHERE ${FENCED}`,
  );
  const release = db.prepare(`UPDATE characters SET owner = NULL, expires_at = 0 WHERE ${FENCED}`);
  const requestRelease = db.prepare(
    `UPDATE characters SET release_wanted = :by
     WHERE name_key = :name_key AND owner IS NOT NULL AND owner <> :by`,
  );
  const releaseWanted = db.prepare(
    'SELECT name FROM characters WHERE owner = :owner AND release_wanted IS NOT NULL',
  );
  const releaseHeldBy = db.prepare(`UPDATE characters SET owner = NULL, expires_at = 0 WHERE owner = :owner`);
  // A character someone is playing right now is never forgotten, however new.
  const forgetUnplayed = db.prepare(
    `DELETE FROM characters WHERE created_at < :before AND last_seen_at - created_at < :played
       AND json_extract(character, '$.level') = 1 AND json_extract(character, '$.xp') = 0
       AND (owner IS NULL OR expires_at <= :now)`,
  );
  return {
    load,
    create,
    claim,
    saveAll,
    handOff,
    release,
    requestRelease,
    releaseWanted,
    releaseHeldBy,
    forgetUnplayed,
  };
}

function toRow(r: CharacterRecord): Omit<Row, 'token_hash'> & { name_key: string } {
  return {
    name_key: nameKey(r.name),
    name: r.name,
    character: writeCharacter(r),
    created_at: r.createdAt,
    last_seen_at: r.lastSeenAt,
    map: r.map,
    shard: r.shard,
  };
}

function fromRow(row: Row, where: string): CharacterRecord {
  return {
    ...readCharacter(row.character, where),
    name: row.name,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    map: row.map,
    shard: row.shard,
  };
}
