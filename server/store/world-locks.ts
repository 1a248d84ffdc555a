// One process per world, enforced by PostgreSQL: a process holds a session advisory lock for every world
// it runs, on a connection of its own, for as long as it runs. A second start of the same world is
// refused with a message that says where to look; a process that dies loses its connection and so its
// locks, and the world can start again at once elsewhere. If the lock connection itself is lost (the
// database restarted), it is taken again; a world whose lock another process took meanwhile is given up.
import pg from 'pg';
import type { Log } from '../log.ts';

/** The first key of every world lock (the second is the world id's hash): "ember" in ASCII. */
const NAMESPACE = 0x656d6265;

/** A world of WORLD_IDS already runs in another process: this one must not start. */
export class WorldRunningError extends Error {}

export interface WorldLocks {
  /** Gives every lock up (clean shutdown). */
  release(): Promise<void>;
}

export interface WorldLockOptions {
  /** A world's lock was lost and taken by another process: this process must stop running it. */
  lost: (worldId: string) => void;
  retryMs?: number;
}

async function take(client: pg.Client, ids: readonly string[]): Promise<string[]> {
  const refused: string[] = [];
  for (const id of ids) {
    const { rows } = await client.query<{ ok: boolean }>(
      'SELECT pg_try_advisory_lock($1, hashtext($2)) AS ok',
      [NAMESPACE, id],
    );
    if (!rows[0]?.ok) refused.push(id);
  }
  return refused;
}

/** Takes the lock of every world in `ids`, or throws a WorldRunningError naming those running elsewhere. */
export async function lockWorlds(
  url: string,
  ids: readonly string[],
  log: Log,
  options: WorldLockOptions,
): Promise<WorldLocks> {
  const retryMs = options.retryMs ?? 2000;
  // Heard from the start: an error event with no listener (the connection cut before watch) ends the process.
  const connection = (): pg.Client => {
    const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
    c.on('error', (err) => log.warn(`The world-lock connection to PostgreSQL failed: ${err.message}`));
    return c;
  };
  let client = connection();
  let stopping = false;
  let held = [...ids];
  await client.connect();
  const refused = await take(client, ids);
  if (refused.length > 0) {
    await client.end().catch(() => {});
    const which = refused.length === 1 ? `World ${refused[0]} is` : `Worlds ${refused.join(', ')} are`;
    throw new WorldRunningError(
      `${which} already running in another process (its PostgreSQL lock is held). ` +
        'Stop that process first, or leave it out of WORLD_IDS.',
    );
  }
  const watch = (c: pg.Client): void => {
    c.on('end', () => {
      if (stopping) return;
      log.warn(`Lost the PostgreSQL connection holding the locks of ${held.join(', ')}; taking them again.`);
      setTimeout(() => void retake(), retryMs);
    });
  };
  const retake = async (): Promise<void> => {
    if (stopping) return;
    const next = connection();
    try {
      await next.connect();
      const takenElsewhere = await take(next, held);
      for (const id of takenElsewhere) {
        log.error(`World ${id} was started by another process while the lock was lost: stopping it here.`);
        options.lost(id);
      }
      held = held.filter((id) => !takenElsewhere.includes(id));
      client = next;
      watch(next);
      log.info(`World locks held again: ${held.join(', ') || 'none'}.`);
    } catch (err) {
      await next.end().catch(() => {});
      log.warn(`Could not take the world locks again (${(err as Error).message}); retrying.`);
      setTimeout(() => void retake(), retryMs);
    }
  };
  watch(client);
  return {
    async release() {
      stopping = true;
      await client.end().catch(() => {});
    },
  };
}
