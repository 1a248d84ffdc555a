// REDIS_URL: the directory and the bus on Redis, for a realm whose worlds run in many processes. Commands
// fail at once while Redis is down (no queue that would grow and replay stale whispers later), so the
// cross-world features say they are unavailable, and reconnecting is automatic.
import { createClient, type RedisClientType } from 'redis';
import { RedisBus } from './redis-bus.ts';
import { RedisDirectory } from './redis-directory.ts';
import { RedisParties } from './redis-parties.ts';
import type { Log } from '../log.ts';

export interface RedisRealm {
  directory: RedisDirectory;
  bus: RedisBus;
  parties: RedisParties;
  close(): Promise<void>;
}

export async function connectRedisRealm(
  url: string,
  worlds: readonly string[],
  log: Log,
): Promise<RedisRealm> {
  const make = (role: string): RedisClientType => {
    const client: RedisClientType = createClient({
      url,
      disableOfflineQueue: true,
      socket: { connectTimeout: 3000, reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 2000) },
    });
    let down = false;
    client.on('error', (err: Error) => {
      if (down) return;
      down = true;
      log.warn(
        `Redis (${role}) unavailable: ${err.message}. Play goes on; whispers and the player list wait.`,
      );
    });
    client.on('ready', () => {
      if (down) log.info(`Redis (${role}) is back.`);
      down = false;
    });
    return client;
  };
  const commands = make('directory');
  const subscriber = make('bus');
  // Not waited for: a realm whose Redis is down at start plays on, and these connect when it is up.
  const first = Promise.all([commands.connect(), subscriber.connect()]);
  first.catch((err: Error) => log.warn(`Redis (${url}) is not reachable yet: ${err.message}`));
  // A moment to connect, so a healthy start begins with the directory working.
  await Promise.race([first.catch(() => {}), new Promise((r) => setTimeout(r, 2000))]);
  return {
    directory: new RedisDirectory(commands, worlds),
    bus: new RedisBus(commands, subscriber, log),
    parties: new RedisParties(commands),
    async close() {
      await Promise.allSettled([commands.quit(), subscriber.quit()]);
    },
  };
}
