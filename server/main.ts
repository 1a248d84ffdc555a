// `npm start`: read the config and the map, start the server, and shut down cleanly on SIGINT/SIGTERM.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ContentError } from '../shared/content/world-map.ts';
import { ConfigError, readConfig } from './config.ts';
import { loadRealm } from './realm/load-realm.ts';
import { startServer } from './app.ts';
import { consoleLog } from './log.ts';
import { fileLimitWarning, raiseFileLimit } from './file-limit.ts';
import { openSqliteStore } from './store/sqlite-store.ts';
import { StoreError } from './store/store.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const log = consoleLog();

async function main(): Promise<void> {
  const config = readConfig(process.env, root);
  // Before the gateway starts, so it inherits the raised limit (it holds the players' sockets).
  const warning = fileLimitWarning(raiseFileLimit());
  if (warning) log.warn(warning);
  const realm = loadRealm(config);
  for (const line of realm.warnings) log.warn(line);
  const store = openSqliteStore(config.dataDir);
  log.info(`Characters are kept in ${store.where}.`);
  // Leases its worlds still hold are a crashed predecessor's (the owner of a lease is its world's id).
  let freed = 0;
  for (const world of realm.realm.worlds) freed += await store.releaseHeldBy(world.id);
  if (freed > 0) log.info(`Released ${freed} character(s) left leased by the previous run.`);
  const server = await startServer({ config, realm, log, store });
  const worlds = realm.realm.worlds.map((w) => w.id).join(', ');
  log.info(`Emberquest realm is up: ${realm.maps.size} map(s), world(s) ${worlds}.`);
  log.info(`Open ${server.url} to play.`);
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal}: saying goodbye to ${server.realm.population} player(s) and stopping.`);
    void server.close().then(() => {
      store.close();
      const unsaved = server.unsaved();
      if (unsaved === 0) return process.exit(0);
      log.error(`${unsaved} character(s) could not be saved to ${store.where}: see the errors above.`);
      process.exit(1);
    });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof ContentError) {
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
