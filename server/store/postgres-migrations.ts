// PostgreSQL's schema, in numbered steps run at start-up. Several world processes may start at once: the
// first takes an advisory lock and migrates, the others wait for it and find nothing left to do. Never
// edit a step that has shipped; add the next one.
import type pg from 'pg';
import { StoreError } from './store.ts';
import { withClient } from './pg-checkout.ts';

/** An arbitrary constant naming the migration lock among the database's advisory locks. */
const MIGRATION_LOCK = 0x656d6265;

export const POSTGRES_MIGRATIONS: readonly string[] = [
  // 1: characters as on SQLite after its step 4: identity and ownership in columns, the saved fields as
  // one versioned JSON document (character-document.ts), the lease (owner, epoch, expiry, ttl), the map.
  `CREATE TABLE characters (
     name_key text PRIMARY KEY,
     name text NOT NULL,
     token_hash bytea NOT NULL,
     name_skeleton text,
     character text NOT NULL,
     created_at bigint NOT NULL,
     last_seen_at bigint NOT NULL,
     map text NOT NULL DEFAULT '',
     shard text,
     owner text,
     epoch bigint NOT NULL DEFAULT 0,
     expires_at bigint NOT NULL DEFAULT 0,
     lease_ms integer NOT NULL DEFAULT 0
   );
   CREATE INDEX characters_by_skeleton ON characters (name_skeleton);
   CREATE INDEX characters_by_owner ON characters (owner) WHERE owner IS NOT NULL;`,
  // 2: a world that wants a character another holds asks through the row (works with Redis down).
  `ALTER TABLE characters ADD COLUMN release_wanted text;`,
];

export async function migratePostgres(pool: pg.Pool, where: string): Promise<void> {
  await withClient(pool, async (db, broke) => {
    await db.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await db.query('CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL)');
      const { rows } = await db.query<{ version: number }>('SELECT version FROM schema_version');
      let version = rows[0]?.version ?? 0;
      if (rows.length === 0) await db.query('INSERT INTO schema_version VALUES (0)');
      if (version > POSTGRES_MIGRATIONS.length) {
        throw new StoreError(
          `The database ${where} has schema version ${version}, newer than this server knows ` +
            `(${POSTGRES_MIGRATIONS.length}). Run a newer Emberquest, or restore a backup.`,
        );
      }
      for (; version < POSTGRES_MIGRATIONS.length; version++) {
        await db.query('BEGIN');
        try {
          await db.query(POSTGRES_MIGRATIONS[version]!);
          await db.query('UPDATE schema_version SET version = $1', [version + 1]);
          await db.query('COMMIT');
        } catch (err) {
          await db.query('ROLLBACK').catch(broke);
          throw err;
        }
      }
    } finally {
      // A session lock: a client that could not give it back must not go back to the pool holding it.
      await db.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(broke);
    }
  });
}
