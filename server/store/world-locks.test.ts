// One process per world on a real PostgreSQL: a second start of a running world is refused, a world
// whose process is gone can start again at once, and worlds of different ids do not block each other.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { startPostgres, type Postgres } from '../../tests/support/services.ts';
import { lockWorlds } from './world-locks.ts';
import type { Log } from '../log.ts';

let server: Postgres;
const quiet: Log = { info: () => {}, warn: () => {}, error: () => {} };
const never = { lost: () => {} };

beforeAll(async () => {
  server = await startPostgres();
}, 60_000);
afterAll(async () => {
  await server?.stop();
});

describe('world locks', () => {
  it('refuses a second process for a running world, naming it, and not for other worlds', async () => {
    const first = await lockWorlds(server.url, ['emberfall-1', 'isle'], quiet, never);
    await expect(lockWorlds(server.url, ['emberfall-2', 'isle'], quiet, never)).rejects.toThrow(
      /World isle is already running in another process[\s\S]*WORLD_IDS/,
    );
    const other = await lockWorlds(server.url, ['emberfall-2'], quiet, never);
    await first.release();
    const again = await lockWorlds(server.url, ['isle'], quiet, never);
    await Promise.all([other.release(), again.release()]);
  });

  it('frees a world at once when the process holding it dies (its connection is cut)', async () => {
    const dying = await lockWorlds(server.url, ['emberfall-1'], quiet, never);
    // What a SIGKILL of that process does to its connection: PostgreSQL ends the session.
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    await admin.query(
      `SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND pid <> pg_backend_pid()`,
    );
    await admin.end();
    const next = await lockWorlds(server.url, ['emberfall-1'], quiet, never);
    await Promise.all([next.release(), dying.release()]); // the dead one stops trying to take it back
  });
});
