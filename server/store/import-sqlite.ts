// The one-time move from one machine to many: every character of an embedded SQLite file copied into
// PostgreSQL (DATABASE_URL), tokens and all, so every player continues where they were. Leases are not
// copied (nobody plays during the move). A name already in PostgreSQL is left as it is and reported.
import Database from 'better-sqlite3';
import type pg from 'pg';
import { openSqliteStore } from './sqlite-store.ts';
import { inTransaction } from './pg-checkout.ts';

interface SqliteRow {
  name_key: string;
  name: string;
  token_hash: Buffer;
  name_skeleton: string | null;
  character: string;
  created_at: number;
  last_seen_at: number;
  map: string;
  shard: string | null;
}

export interface ImportReport {
  copied: number;
  /** Names already in PostgreSQL, left untouched. */
  skipped: string[];
  /**
   * Characters copied although PostgreSQL already holds a lookalike of their name (a new character could
   * not take one; these were made on different servers): both keep playing, the host may rename one.
   */
  lookalikes: string[];
}

/** Copies every character of the SQLite database in `dataDir` into the (migrated) PostgreSQL `pool`. */
export async function importSqlite(dataDir: string, pool: pg.Pool): Promise<ImportReport> {
  // Opening through the store brings an older file up to the current schema first.
  const store = openSqliteStore(dataDir);
  const file = store.where;
  store.close();
  const db = new Database(file, { readonly: true });
  const rows = db
    .prepare(
      `SELECT name_key, name, token_hash, name_skeleton, character, created_at, last_seen_at, map, shard
       FROM characters ORDER BY created_at`,
    )
    .all() as SqliteRow[];
  db.close();
  const report: ImportReport = { copied: 0, skipped: [], lookalikes: [] };
  await inTransaction(pool, async (client) => {
    for (const r of rows) {
      const alike = await client.query(
        'SELECT 1 FROM characters WHERE name_skeleton = $1 AND name_key <> $2',
        [r.name_skeleton, r.name_key],
      );
      const { rowCount } = await client.query(
        `INSERT INTO characters (name_key, name, token_hash, name_skeleton, character, created_at,
           last_seen_at, map, shard)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (name_key) DO NOTHING`,
        [
          r.name_key,
          r.name,
          r.token_hash,
          r.name_skeleton,
          r.character,
          r.created_at,
          r.last_seen_at,
          r.map,
          r.shard,
        ],
      );
      if (rowCount === 1) report.copied++;
      else report.skipped.push(r.name);
      if (rowCount === 1 && (alike.rowCount ?? 0) > 0) report.lookalikes.push(r.name);
    }
  });
  return report;
}
