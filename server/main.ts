// `npm start`: read the config and the map, start the server, and shut down cleanly on SIGINT/SIGTERM.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ContentError } from '../shared/content/world-map.ts';
import { ConfigError, readConfig } from './config.ts';
import { loadRealm } from './realm/load-realm.ts';
import { startServer } from './app.ts';
import { warmSpritePack } from './sprite-pack.ts';
import { consoleLog } from './log.ts';
import { fileLimitWarning, raiseFileLimit } from './file-limit.ts';
import { openSqliteStore } from './store/sqlite-store.ts';
import { openPostgresStore } from './store/postgres-store.ts';
import { lockWorlds, WorldRunningError, type WorldLocks } from './store/world-locks.ts';
import { StoreError, type Store } from './store/store.ts';
import { connectRedisRealm, type RedisRealm } from './realm/redis-realm.ts';
import type { Realm } from '../shared/content/realm.ts';
import type { Config } from './config.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const log = consoleLog();

async function main(): Promise<void> {
  const config = readConfig(process.env, root);
  // Before the gateway starts, so it inherits the raised limit (it holds the players' sockets).
  const warning = fileLimitWarning(raiseFileLimit());
  if (warning) log.warn(warning);
  const realm = loadRealm(config);
  for (const line of realm.warnings) log.warn(line);
  const mine = worldsToRun(config, realm.realm);
  const store: Store = config.databaseUrl
    ? await openPostgresStore(config.databaseUrl, log)
    : openSqliteStore(config.dataDir);
  log.info(`Characters are kept in ${store.where}.`);
  // One process per world: a second start of a world already running elsewhere stops here.
  let locks: WorldLocks | null = null;
  if (config.databaseUrl)
    locks = await lockWorlds(config.databaseUrl, mine, log, {
      // Another process runs one of our worlds now: stop cleanly (our late saves are fenced anyway).
      lost: () => process.kill(process.pid, 'SIGTERM'),
    });
  // Leases its worlds still hold are a crashed predecessor's (the owner of a lease is its world's id).
  let freed = 0;
  for (const id of mine) freed += await store.releaseHeldBy(id);
  if (freed > 0) log.info(`Released ${freed} character(s) left leased by the previous run.`);
  let redis: RedisRealm | null = null;
  if (config.redisUrl) {
    redis = await connectRedisRealm(
      config.redisUrl,
      realm.realm.worlds.map((w) => w.id),
      log,
    );
    log.info(`The realm's directory and bus are on Redis (${config.redisUrl}).`);
  }
  const server = await startServer({
    config,
    realm,
    log,
    store,
    directory: redis?.directory,
    bus: redis?.bus,
    parties: redis?.parties,
  });
  const worlds = mine.join(', ');
  log.info(`Emberquest realm is up: ${realm.maps.size} map(s), world(s) ${worlds}.`);
  warmSpritePack(config.assetsDir); // before the first page asks for it
  log.info(`Open ${server.url} to play.`);
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal}: saying goodbye to ${server.realm.population} player(s) and stopping.`);
    void server.close().then(async () => {
      store.close();
      await locks?.release();
      await redis?.close();
      const unsaved = server.unsaved();
      if (unsaved === 0) return process.exit(0);
      log.error(`${unsaved} character(s) could not be saved to ${store.where}: see the errors above.`);
      process.exit(1);
    });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

/** The world ids this process runs: WORLD_IDS (each must be in the realm), or every world. */
function worldsToRun(config: Config, realm: Realm): string[] {
  const all = realm.worlds.map((w) => w.id);
  if (!config.worldIds) return all;
  const unknown = config.worldIds.filter((id) => !all.includes(id));
  if (unknown.length > 0 || config.worldIds.length === 0)
    throw new ConfigError(
      `WORLD_IDS names ${unknown.join(', ') || 'no world'}, not in the realm (its worlds: ${all.join(', ')}).`,
    );
  return config.worldIds;
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof ContentError || err instanceof WorldRunningError) {
    log.error(err.message);
  } else if (err instanceof StoreError) {
    // Never start over with a fresh database beside (or on top of) one we could not read.
    log.error(
      `${err.message}\nThe server will not start until the database can be read. Nothing was changed.`,
    );
  } else if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    log.error(`Port already in use: ${(err as Error).message}. Stop the other server or set PORT.`);
  } else {
    log.error((err as Error).stack ?? String(err));
  }
  process.exit(1);
});
