// Composition root for one game server: HTTP, WebSocket and the world loop on one port.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { CloseCode, MAX_CLIENT_FRAME } from '../shared/protocol/ops.ts';
import type { WorldMap } from '../shared/content/world-map.ts';
import { World } from './sim/world.ts';
import { Session } from './net/session.ts';
import { handleHttp } from './http.ts';
import { realClock, TickLoop, type Clock } from './loop.ts';
import { GameMetrics } from './metrics.ts';
import type { Config } from './config.ts';
import type { Log } from './log.ts';

export interface GameServer {
  url: string;
  port: number;
  world: World;
  /** Stops accepting, closes every socket with a reason and stops the loop. */
  close(reason?: string): Promise<void>;
}

export interface ServerParts {
  config: Config;
  map: WorldMap;
  log: Log;
  clock?: Clock;
}

export async function startServer({ config, map, log, clock = realClock }: ServerParts): Promise<GameServer> {
  const mapPath = path.relative(config.assetsDir, config.mapFile).split(path.sep).join('/');
  const world = new World({ name: config.worldName, map, seed: config.seed, maxPlayers: config.maxPlayers });
  const sessions = new Set<Session>();
  const loop = new TickLoop(
    clock,
    () => {
      world.tick();
      for (const s of sessions) {
        if (s.playerId < 0) continue;
        const frame = world.takeFrame(s.playerId);
        if (frame) {
          s.send(frame);
          metrics.frameSent(frame.length);
        }
      }
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
  http.on('upgrade', (req, socket, head) => {
    if (new URL(req.url ?? '/', 'http://localhost').pathname !== '/ws') return void socket.destroy();
    wss.handleUpgrade(req, socket, head, (ws) => accept(ws, req.socket.remoteAddress ?? '?'));
  });

  function accept(ws: WebSocket, address: string): void {
    const session = new Session(ws, world, log, address, () => clock.now());
    sessions.add(session);
    const helloTimer = setTimeout(() => {
      if (session.playerId < 0) session.close(CloseCode.NoHello, 'No hello within 10 seconds.');
    }, 10_000);
    ws.on('message', (data, isBinary) => {
      if (!isBinary) return session.close(CloseCode.BadMessage, 'Bad message: frames must be binary.');
      const bytes = toBytes(data);
      metrics.clientMessage(bytes);
      session.receive(bytes);
    });
    ws.on('error', (err) => log.warn(`socket error from ${address}: ${err.message}`));
    ws.on('close', () => {
      clearTimeout(helloTimer);
      session.left();
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
      for (const s of sessions) s.close(CloseCode.Shutdown, reason);
      wss.close();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

function toBytes(data: Buffer | ArrayBuffer | Buffer[]): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  return data instanceof ArrayBuffer ? new Uint8Array(data) : data;
}
