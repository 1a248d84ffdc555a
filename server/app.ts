// Composition root for one game server: the realm (realm/realm.ts: one game per world, each on its own
// fixed-step loop), wired to one HTTP server and to the gateway process that holds every WebSocket, all
// on one port.
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import path from 'node:path';
import type { GameData } from '../shared/content/game-data.ts';
import { parsePlacements } from '../shared/content/placements.ts';
import { loadGameData } from './load-data.ts';
import type { WorldMap } from '../shared/content/world-map.ts';
import type { World } from './sim/world.ts';
import { ConnectionGuard } from './net/connection-guard.ts';
import { sendFrames } from './game.ts';
import { startSockets, type Sockets } from './sockets.ts';
import { MemoryStore } from './store/memory-store.ts';
import type { Store } from './store/store.ts';
import { handleHttp } from './http.ts';
import { spritePacker } from './sprite-pack.ts';
import { realClock, type Clock } from './loop.ts';
import { GameMetrics } from './metrics.ts';
import { contentVersion, startLiveReload } from './live-reload.ts';
import type { Config } from './config.ts';
import type { Log } from './log.ts';
import { Realm } from './realm/realm.ts';
import type { Directory } from './realm/directory.ts';
import type { Bus } from './realm/bus.ts';
import type { Parties } from './realm/parties.ts';
import { assetPath, singleWorldRealm, type LoadedRealm } from './realm/load-realm.ts';
import { handleAdmin } from './admin.ts';

export interface GameServer {
  url: string;
  port: number;
  /** The default world (the least full of the start map when the server started). */
  world: World;
  realm: Realm;
  /** Stops accepting, closes every socket with a reason, stops the loops and saves every character. */
  close(reason?: string): Promise<void>;
  /** Characters whose latest state is not yet in the store (after close: the ones that could not be saved). */
  unsaved(): number;
}

export interface ServerParts {
  config: Config;
  /** The realm's worlds and maps (server/realm/load-realm.ts); or `map` alone: one world of it. */
  realm?: LoadedRealm;
  /** The realm's directory and bus when its worlds run in several processes (Redis); in-process if not given. */
  directory?: Directory;
  bus?: Bus;
  /** The realm's parties when its worlds run in several processes (Redis); in-process if not given. */
  parties?: Parties;
  map?: WorldMap;
  log: Log;
  clock?: Clock;
  /** Where characters are kept; in memory (lost at exit) when not given, for tests and benchmarks. */
  store?: Store;
  /** Items, mobs, NPCs and achievements; read from assets/data when not given. */
  data?: GameData;
}

/** The realm of a server given one map (tests): one world of it. */
function oneMapRealm(parts: ServerParts): LoadedRealm {
  const { config, map } = parts;
  if (!map) throw new Error('startServer needs a realm or a map');
  const data = parts.data ?? loadGameData(config.assetsDir);
  const mapPath = assetPath(config, config.mapFile);
  const file = path.relative(process.cwd(), config.mapFile);
  const placements = parsePlacements(map, data, file);
  const maps = new Map([[mapPath, { file, map, placements, warnings: [] }]]);
  return { realm: singleWorldRealm(config, mapPath), maps, data, warnings: [] };
}

export async function startServer(parts: ServerParts): Promise<GameServer> {
  const { config, log, clock = realClock, store = new MemoryStore() } = parts;
  const loaded = parts.realm ?? oneMapRealm(parts);
  const now = (): number => clock.now();
  const guard = new ConnectionGuard(config.trustedProxies, config.exemptAddresses, now);
  let sockets: Sockets | null = null;
  const realm: Realm = new Realm({
    config,
    layout: loaded.realm,
    maps: loaded.maps,
    directory: parts.directory,
    bus: parts.bus,
    parties: parts.parties,
    data: parts.data ?? loaded.data,
    store,
    log,
    clock,
    mayCreateCharacter: (address) => guard.mayCreateCharacter(address),
    sent(run, simulatedMs) {
      const started = clock.now();
      if (!sockets) return;
      sendFrames(run.world, run.sessions, (size) => metrics.frameSent(size));
      sockets.gateway.flush();
      metrics.tickParts(simulatedMs, clock.now() - started);
      run.game.roster.discardUnread();
    },
    tickFailed: (run, err) =>
      log.error(`${run.info.id} tick ${run.world.tickCount} failed: ${(err as Error).stack ?? String(err)}`),
  });
  const runs = [...realm.runs.values()];
  const mapFileOf = (run: (typeof runs)[number]): string => path.join(config.assetsDir, run.info.map);
  for (const run of runs) run.world.contentVersion = contentVersion(mapFileOf(run), config.assetsDir);
  const reload = config.liveReload
    ? startLiveReload({
        assetsDir: config.assetsDir,
        log,
        worlds: () =>
          runs.map((run) => ({
            mapFile: mapFileOf(run),
            replace: (content, data, version) => realm.replaceContent(run, content, data, version),
          })),
      })
    : null;
  // Metrics (GET /metrics): read at scrape time; the hot path only bumps numbers. Summed over worlds.
  const metrics = new GameMetrics({
    players: () => realm.population,
    connections: () => sockets?.sessions.size ?? 0,
    skippedTicks: () => runs.reduce((n, r) => n + r.loop.skipped, 0),
    gateway: () => sockets!.gateway.stats,
  });
  for (const run of runs) run.loop.onTick = (ms) => metrics.tickTook(ms);
  const chores = setInterval(() => realm.chores(), 1000);
  const guardSweep = setInterval(() => guard.sweep(), 60_000);
  const http = httpServer(config, realm, metrics, log);
  const received = (frame: Uint8Array): void => metrics.clientMessage(frame);
  const route = (rest: string): ReturnType<Realm['route']> => realm.route(rest);
  sockets = await startSockets({ config, log, route, guard, now, received });
  const live = sockets;
  http.on('connection', (socket: Socket) => guard.connected(socket));
  http.on('upgrade', (req, socket, head) => live.upgrade(req, socket, head));

  try {
    await new Promise<void>((resolve, reject) => {
      http.once('error', reject);
      http.listen(config.port, config.host, () => resolve());
    });
  } catch (err) {
    clearInterval(chores);
    clearInterval(guardSweep);
    reload?.close();
    realm.stop();
    await live.close('The server could not start.');
    throw err;
  }
  realm.start();
  const port = (http.address() as AddressInfo).port;
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;

  return {
    url: `http://${shownHost}:${port}/`,
    port,
    world: (realm.home ?? runs[0]!).world,
    realm,
    async close(reason = 'The server is restarting.') {
      clearInterval(chores);
      clearInterval(guardSweep);
      reload?.close();
      realm.stop();
      // Stop listening. Not waiting for http.close's callback: Node counts the sockets handed to the
      // gateway until the gateway answers for them, and the gateway is about to go.
      http.close();
      http.closeAllConnections();
      for (const run of runs) run.game.roster.shutdown(reason);
      await live.close(reason);
      await Promise.all(runs.map((run) => run.game.saver.flush(true)));
    },
    unsaved: () => runs.reduce((n, r) => n + r.game.saver.backlog, 0),
  };
}

/** Static files, /healthz, /status, /worlds and /metrics (the WebSocket upgrade is wired by the caller). */
function httpServer(config: Config, realm: Realm, metrics: GameMetrics, log: Log): Server {
  const admin = {
    token: config.adminToken,
    log,
    announce: (text: string) => realm.announce(text),
    seated: () => realm.seated(),
  };
  // A process of WORLD_IDS may run no world of the start map: its first world stands in.
  const home = realm.home ?? [...realm.runs.values()][0]!;
  // A request must send its headers within seconds: half-open requests would otherwise hold a file
  // descriptor each for a minute, and enough of them lock everyone out.
  const httpOptions = { headersTimeout: 5000, requestTimeout: 20_000, connectionsCheckingInterval: 1000 };
  const spritePack = spritePacker(path.join(config.assetsDir, 'sprites'));
  return createServer(httpOptions, (req, res) =>
    handleHttp(
      {
        clientDir: config.clientDir,
        assetsDir: config.assetsDir,
        spritePack,
        // The default world's fields, as before the realm, and every world.
        status: () => ({
          world: home.info.title,
          players: home.world.population,
          map: realm.layout.start,
          tick: home.world.tickCount,
          worlds: realm.listing().worlds,
        }),
        worlds: () => realm.listing(),
        metrics: async () => ({ contentType: metrics.contentType, body: await metrics.render() }),
        admin: (request, response) => handleAdmin(admin, request, response),
      },
      req,
      res,
    ),
  );
}
