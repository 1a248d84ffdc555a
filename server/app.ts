// Composition root for one game server: HTTP, WebSocket and the world loop on one port.
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import path from 'node:path';
import type { GameData } from '../shared/content/game-data.ts';
import { loadGameData } from './load-data.ts';
import { CloseCode } from '../shared/protocol/ops.ts';
import type { WorldMap } from '../shared/content/world-map.ts';
import { World } from './sim/world.ts';
import { PartList } from './sim/outbox.ts';
import { Session, type Connection } from './net/session.ts';
import { Gateway } from './net/gateway.ts';
import { originAllowed, refuseUpgrade } from './net/origin.ts';
import { ConnectionGuard } from './net/connection-guard.ts';
import { Roster } from './roster.ts';
import { Characters } from './characters.ts';
import { Saver } from './saver.ts';
import { MemoryStore } from './store/memory-store.ts';
import type { Store } from './store/store.ts';
import { handleHttp } from './http.ts';
import { realClock, TickLoop, type Clock } from './loop.ts';
import { GameMetrics } from './metrics.ts';
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
  const mapPath = path.relative(config.assetsDir, config.mapFile).split(path.sep).join('/');
  const data = parts.data ?? loadGameData(config.assetsDir);
  const mapFile = path.relative(process.cwd(), config.mapFile);
  const world = new World({
    name: config.worldName,
    map,
    data,
    mapFile,
    seed: config.seed,
    maxPlayers: config.maxPlayers,
  });
  /** Sessions by their gateway connection id. */
  const sessions = new Map<number, Session>();
  const now = (): number => clock.now();
  const guard = new ConnectionGuard(config.trustedProxies, config.exemptAddresses, now);
  const saver = new Saver({ store, log, now });
  const characters = new Characters(store, saver, log, (address) => guard.mayCreateCharacter(address));
  void characters.forgetUnplayed();
  const sweep = setInterval(() => void characters.forgetUnplayed(), 3600_000);
  const guardSweep = setInterval(() => guard.sweep(), 60_000);
  const { graceMs, idleMs } = config;
  const roster = new Roster({ world, characters, saver, log, graceMs, idleMs, now });
  /** One player's frame, as parts copied straight into the gateway's batch (reused every time). */
  const frameParts = new PartList();
  const loop = new TickLoop(
    clock,
    () => {
      const started = clock.now();
      world.tick();
      const simulated = clock.now();
      for (const s of sessions.values()) {
        if (s.playerId < 0) continue;
        frameParts.clear();
        const size = world.takeFrameParts(s.playerId, frameParts);
        if (size > 0) {
          s.send(frameParts.parts, frameParts.count);
          metrics.frameSent(size);
        }
      }
      gateway.flush();
      metrics.tickParts(simulated - started, clock.now() - simulated);
      roster.discardUnread();
    },
    (err) => log.error(`tick ${world.tickCount} failed: ${(err as Error).stack ?? String(err)}`),
  );
  // Metrics (GET /metrics): read at scrape time; the hot path only bumps numbers.
  const metrics = new GameMetrics({
    players: () => world.population,
    connections: () => sessions.size,
    skippedTicks: () => loop.skipped,
    gateway: () => gateway.stats,
  });
  loop.onTick = (ms) => metrics.tickTook(ms);
  // Once a second: what changed is saved (so a crash loses at most a couple of seconds), idle players
  // are sent away, quiet connections get a heartbeat.
  const chores = setInterval(() => {
    saver.collect(world.players.values());
    void saver.flush();
    roster.chores(config.heartbeatMs);
  }, 1000);

  // A request must send its headers within seconds: half-open requests would otherwise hold a file
  // descriptor each for a minute, and enough of them lock everyone out.
  const httpOptions = { headersTimeout: 5000, requestTimeout: 20_000, connectionsCheckingInterval: 1000 };
  const http: Server = createServer(httpOptions, (req, res) =>
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
  // The sockets live in a gateway process (server/net/gateway-process.ts), so writing 2,000 players'
  // frames does not hold up the tick; each socket is handed over at its upgrade.
  const helloTimers = new Map<number, NodeJS.Timeout>();
  /** Each open game socket's client address, for the per-address counts. */
  const socketAddresses = new Map<number, string>();
  const gateway = await Gateway.start({
    pingMs: config.pingMs,
    log,
    events: {
      opened(connection, id, address) {
        socketAddresses.set(id, address);
        guard.socketOpened(address);
        accept(connection, id, address);
      },
      received(id, frame) {
        metrics.clientMessage(frame);
        sessions.get(id)?.receive(frame);
      },
      closed(id, code, broke) {
        const address = socketAddresses.get(id);
        if (address !== undefined) guard.socketClosed(address);
        socketAddresses.delete(id);
        clearTimeout(helloTimers.get(id));
        helloTimers.delete(id);
        sessions.get(id)?.gone(code, broke);
        sessions.delete(id);
      },
    },
  });
  http.on('connection', (socket: Socket) => guard.connected(socket));
  http.on('upgrade', (req, socket, head) => {
    if (new URL(req.url ?? '/', 'http://localhost').pathname !== '/ws') return void socket.destroy();
    if (!originAllowed(req.headers.origin, req.headers.host, config.allowedOrigins)) {
      return refuseUpgrade(socket, 403, 'This page may not join the game: its origin is not allowed.');
    }
    const verdict = guard.upgrade(req);
    if (!verdict.ok) return refuseUpgrade(socket, 429, verdict.reason);
    gateway.upgrade(req, socket, head, verdict.address);
  });

  function accept(connection: Connection, id: number, address: string): void {
    const session = new Session(connection, world, roster, log, address, now);
    sessions.set(id, session);
    const helloTimer = setTimeout(() => {
      helloTimers.delete(id);
      if (session.playerId < 0) session.close(CloseCode.NoHello, 'No hello within 10 seconds.');
    }, 10_000);
    helloTimers.set(id, helloTimer);
  }

  try {
    await new Promise<void>((resolve, reject) => {
      http.once('error', reject);
      http.listen(config.port, config.host, () => resolve());
    });
  } catch (err) {
    await gateway.stop();
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
      clearInterval(sweep);
      clearInterval(guardSweep);
      // Stop listening. Not waiting for http.close's callback: Node counts the sockets handed to the
      // gateway until the gateway answers for them, and the gateway is about to go.
      http.close();
      http.closeAllConnections();
      roster.shutdown(reason);
      for (const s of sessions.values()) s.close(CloseCode.Shutdown, reason);
      for (const timer of helloTimers.values()) clearTimeout(timer);
      await gateway.stop();
      await saver.flush(true);
    },
    unsaved: () => saver.backlog,
  };
}
