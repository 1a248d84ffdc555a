// A client taken out of a pg pool for several statements (a transaction, a session lock). While it is
// out, the pool does not listen to its errors: a connection cut then (the database stopped or restarted)
// emits "Connection terminated unexpectedly" on it after the statement under way failed, and unheard, an
// error event ends the process. So every checkout listens, and a client that broke is thrown away
// instead of going back to the pool.
import type pg from 'pg';

/** Runs `use` with a client of the pool; the client goes back (or, broken, away) when it settles. */
export async function withClient<T>(
  pool: pg.Pool,
  use: (db: pg.PoolClient, broke: (err: Error) => void) => Promise<T>,
): Promise<T> {
  const db = await pool.connect();
  let broken: Error | null = null;
  const broke = (err: Error): void => void (broken ??= err);
  db.on('error', broke);
  try {
    return await use(db, broke);
  } finally {
    db.removeListener('error', broke);
    db.release(broken ?? undefined);
  }
}

/** Runs `run` inside BEGIN … COMMIT on one client, rolled back when it throws. */
export function inTransaction<T>(pool: pg.Pool, run: (db: pg.PoolClient) => Promise<T>): Promise<T> {
  return withClient(pool, async (db, broke) => {
    await db.query('BEGIN');
    try {
      const result = await run(db);
      await db.query('COMMIT');
      return result;
    } catch (err) {
      // A ROLLBACK that fails means the connection is gone (or in a state nobody should reuse).
      await db.query('ROLLBACK').catch(broke);
      throw err;
    }
  });
}
