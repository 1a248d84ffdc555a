// Composition root for one game server: the game (game.ts) on a fixed-step loop, wired to HTTP and to
// the gateway process that holds the WebSockets, all on one port.
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import path from 'node:path';
import type { GameData } from '../shared/content/game-data.ts';
import { loadGameData } from './load-data.ts';
import type { WorldMap } from '../shared/content/world-map.ts';
import type { World } from './sim/world.ts';
import { ConnectionGuard } from './net/connection-guard.ts';
import { composeGame, sendFrames } from './game.ts';
import { startSockets } from './sockets.ts';
import { MemoryStore } from './store/memory-store.ts';
import type { Store } from './store/store.ts';
import { handleHttp } from './http.ts';
import { realClock, TickLoop, type Clock } from './loop.ts';
import { GameMetrics } from './metrics.ts';
import { contentVersion, startLiveReload } from './live-reload.ts';
import type { Config } from './config.ts';
import type { Log } from './log.ts';

export interface GameServer {
  url: string;
  port: number;
  world: World;
  /** Stops accepting, closes every socket with a reason, stops the loop and saves every character. */
  close(reason?: string): Promise<void>;
  /** Characters whose latest state is not yet in the store (after close: the ones that could not be saved). */
  unsaved(): number;
}

export interface ServerParts {
  config: Config;
  map: WorldMap;
  log: Log;
  clock?: Clock;
  /** Where characters are kept; in memory (lost at exit) when not given, for tests and benchmarks. */
  store?: Store;
  /** Items, mobs, NPCs and achievements; read from assets/data when not given. */
  data?: GameData;
}

export async function startServer(parts: ServerParts): Promise<GameServer> {
  const { config, map, log, clock = realClock, store = new MemoryStore() } = parts;
  const now = (): number => clock.now();
  const guard = new ConnectionGuard(config.trustedProxies, config.exemptAddresses, now);
  const game = composeGame({
    config,
    map,
    data: parts.data ?? loadGameData(config.assetsDir),
    mapFile: path.relative(process.cwd(), config.mapFile),
    store,
    log,
    now,
    mayCreateCharacter: (address) => guard.mayCreateCharacter(address),
  });
  const { world } = game;
  world.contentVersion = contentVersion(config.mapFile, config.assetsDir);
  const mapLabel = path.relative(process.cwd(), config.mapFile);
  const live = config.liveReload
    ? startLiveReload({
        assetsDir: config.assetsDir,
        log,
        worlds: () => [
          {
            mapFile: config.mapFile,
            replace: (c, version) => world.replaceContent(c.map, c.data, mapLabel, version),
          },
        ],
      })
    : null;
  const loop = new TickLoop(
    clock,
    () => step(),
    (err) => log.error(`tick ${world.tickCount} failed: ${(err as Error).stack ?? String(err)}`),
  );
  // Metrics (GET /metrics): read at scrape time; the hot path only bumps numbers.
  const metrics = new GameMetrics({
    players: () => world.population,
    connections: () => sockets.sessions.size,
    skippedTicks: () => loop.skipped,
    gateway: () => sockets.gateway.stats,
  });
  loop.onTick = (ms) => metrics.tickTook(ms);
  const chores = setInterval(() => game.chores(), 1000);
  const guardSweep = setInterval(() => guard.sweep(), 60_000);
  const http = httpServer(config, world, metrics);
  const received = (frame: Uint8Array): void => metrics.clientMessage(frame);
  const sockets = await startSockets({ config, log, world, host: game.roster, guard, now, received });
  http.on('connection', (socket: Socket) => guard.connected(socket));
  http.on('upgrade', (req, socket, head) => sockets.upgrade(req, socket, head));

  /** One tick: simulate, then send every player its frame, in one batch to the gateway. */
  function step(): void {
    const started = clock.now();
    world.tick();
    const simulated = clock.now();
    sendFrames(world, sockets.sessions.values(), (size) => metrics.frameSent(size));
    sockets.gateway.flush();
    metrics.tickParts(simulated - started, clock.now() - simulated);
    game.roster.discardUnread();
  }

  try {
    await new Promise<void>((resolve, reject) => {
      http.once('error', reject);
      http.listen(config.port, config.host, () => resolve());
    });
  } catch (err) {
    clearInterval(chores);
    clearInterval(guardSweep);
    live?.close();
    game.stop();
    await sockets.close('The server could not start.');
    throw err;
  }
  loop.start();
  const port = (http.address() as AddressInfo).port;
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;

  return {
    url: `http://${shownHost}:${port}/`,
    port,
    world,
    async close(reason = 'The server is restarting.') {
      loop.stop();
      clearInterval(chores);
      clearInterval(guardSweep);
      live?.close();
      game.stop();
      // Stop listening. Not waiting for http.close's callback: Node counts the sockets handed to the
      // gateway until the gateway answers for them, and the gateway is about to go.
      http.close();
      http.closeAllConnections();
      game.roster.shutdown(reason);
      await sockets.close(reason);
      await game.saver.flush(true);
    },
    unsaved: () => game.saver.backlog,
  };
}

/** Static files, /healthz, /status and /metrics (the WebSocket upgrade is wired by the caller). */
function httpServer(config: Config, world: World, metrics: GameMetrics): Server {
  const mapPath = path.relative(config.assetsDir, config.mapFile).split(path.sep).join('/');
  // A request must send its headers within seconds: half-open requests would otherwise hold a file
  // descriptor each for a minute, and enough of them lock everyone out.
  const httpOptions = { headersTimeout: 5000, requestTimeout: 20_000, connectionsCheckingInterval: 1000 };
  return createServer(httpOptions, (req, res) =>
    handleHttp(
      {
        clientDir: config.clientDir,
        assetsDir: config.assetsDir,
        status: () => ({ world: world.name, players: world.population, map: mapPath, tick: world.tickCount }),
        metrics: async () => ({ contentType: metrics.contentType, body: await metrics.render() }),
      },
      req,
      res,
    ),
  );
}
