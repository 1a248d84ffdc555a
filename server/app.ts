// Composition root for one game server: HTTP, WebSocket and the world loop on one port.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { GameData } from '../shared/content/game-data.ts';
import { loadGameData } from './load-data.ts';
import { WebSocketServer, type WebSocket } from 'ws';
import { CloseCode, MAX_CLIENT_FRAME } from '../shared/protocol/ops.ts';
import type { WorldMap } from '../shared/content/world-map.ts';
import { World } from './sim/world.ts';
import { Session } from './net/session.ts';
import { Keepalive } from './net/keepalive.ts';
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
  const sessions = new Set<Session>();
  const now = (): number => clock.now();
  const saver = new Saver({ store, log, now });
  const characters = new Characters(store, saver, log);
  const { graceMs, idleMs } = config;
  const roster = new Roster({ world, characters, saver, log, graceMs, idleMs, now });
  const loop = new TickLoop(
    clock,
    () => {
      const started = clock.now();
      world.tick();
      const simulated = clock.now();
      for (const s of sessions) {
        if (s.playerId < 0) continue;
        const frame = world.takeFrame(s.playerId);
        if (frame) {
          s.send(frame);
          metrics.frameSent(frame.length);
        }
      }
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
  });
  loop.onTick = (ms) => metrics.tickTook(ms);
  // Once a second: what changed is saved (so a crash loses at most a couple of seconds), idle players
  // are sent away, quiet connections get a heartbeat.
  const chores = setInterval(() => {
    saver.collect(world.players.values());
    void saver.flush();
    roster.chores(config.heartbeatMs);
  }, 1000);

  const http: Server = createServer((req, res) =>
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
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_CLIENT_FRAME, perMessageDeflate: false });
  const keepalive = new Keepalive(wss, config.pingMs);
  http.on('upgrade', (req, socket, head) => {
    if (new URL(req.url ?? '/', 'http://localhost').pathname !== '/ws') return void socket.destroy();
    wss.handleUpgrade(req, socket, head, (ws) => accept(ws, req.socket.remoteAddress ?? '?'));
  });

  function accept(ws: WebSocket, address: string): void {
    const session = new Session(ws, world, roster, log, address, now);
    sessions.add(session);
    keepalive.watch(ws);
    const helloTimer = setTimeout(() => {
      if (session.playerId < 0) session.close(CloseCode.NoHello, 'No hello within 10 seconds.');
    }, 10_000);
    ws.on('message', (data, isBinary) => {
      if (!isBinary) return session.close(CloseCode.BadMessage, 'Bad message: frames must be binary.');
      const bytes = toBytes(data);
      metrics.clientMessage(bytes);
      session.receive(bytes);
    });
    // An error here is the client breaking the protocol (an oversized frame): no grace period for it.
    let broke = false;
    ws.on('error', (err) => {
      broke = true;
      log.warn(`socket error from ${address}: ${err.message}`);
    });
    ws.on('close', (code) => {
      clearTimeout(helloTimer);
      session.left(broke || !CONNECTION_LOST.has(code));
      sessions.delete(session);
    });
  }

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(config.port, config.host, () => resolve());
  });
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
      keepalive.stop();
      roster.shutdown(reason);
      for (const s of sessions) s.close(CloseCode.Shutdown, reason);
      wss.close();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await saver.flush(true);
    },
    unsaved: () => saver.backlog,
  };
}

/**
 * Close codes of a connection lost rather than ended: the page went away (a reload), or the socket died
 * with no close frame. The character waits out the grace period for its client. After any other close
 * (the client said goodbye with 1000, or broke the protocol) it leaves at once.
 */
const CONNECTION_LOST: ReadonlySet<number> = new Set([1001, 1005, 1006]);

function toBytes(data: Buffer | ArrayBuffer | Buffer[]): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  return data instanceof ArrayBuffer ? new Uint8Array(data) : data;
}
