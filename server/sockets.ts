// The players' sockets: the gateway process that holds them (so writing 2,000 frames does not hold up
// the tick), one Session per connection with its hello deadline, and the upgrade that hands a checked
// request over to the gateway. The request's path picks the world (`/ws/<world>`, `/ws` a default).
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { CloseCode } from '../shared/protocol/ops.ts';
import type { World } from './sim/world.ts';
import { Session, type SessionHost } from './net/session.ts';
import { Gateway } from './net/gateway.ts';
import { originAllowed, refuseUpgrade } from './net/origin.ts';
import type { ConnectionGuard } from './net/connection-guard.ts';
import type { Config } from './config.ts';
import type { Log } from './log.ts';

/** A session that has not said hello by then is closed. */
const HELLO_MS = 10_000;

/** A world as the sockets see it: its sessions, and the host that admits them. */
export interface SocketWorld {
  world: World;
  host: SessionHost;
  /** The sessions joined to this world (the tick sends each its frame). */
  sessions: Set<Session>;
}

export interface SocketParts {
  config: Config;
  log: Log;
  /** The world a `/ws…` path joins (`rest` is what follows `/ws/`, '' for plain `/ws`), or why none. */
  route: (rest: string) => SocketWorld | { refused: string };
  guard: ConnectionGuard;
  now: () => number;
  /** Told every frame a client sends (for metrics). */
  received: (frame: Uint8Array) => void;
}

export interface Sockets {
  gateway: Gateway;
  /** Sessions by their gateway connection id. */
  sessions: ReadonlyMap<number, Session>;
  /** An HTTP upgrade request for the game socket: checked here, then handed to the gateway. */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Closes every session with `reason` and stops the gateway. */
  close(reason: string): Promise<void>;
}

export async function startSockets(parts: SocketParts): Promise<Sockets> {
  const { config, log, guard, now } = parts;
  const sessions = new Map<number, Session>();
  /** The world each upgraded connection asked for, until the gateway opens it. */
  const joining = new Map<number, SocketWorld>();
  const worldOf = new Map<Session, SocketWorld>();
  const helloTimers = new Map<number, NodeJS.Timeout>();
  /** Each open game socket's client address, for the per-address counts. */
  const socketAddresses = new Map<number, string>();
  const gateway = await Gateway.start({
    pingMs: config.pingMs,
    framesPerWrite: config.framesPerWrite,
    log,
    events: {
      opened(connection, id, address) {
        const target = joining.get(id);
        joining.delete(id);
        if (!target) return connection.close(CloseCode.Shutdown, 'The server is restarting.');
        socketAddresses.set(id, address);
        guard.socketOpened(address);
        const session = new Session(connection, target.world, target.host, log, address, now);
        sessions.set(id, session);
        target.sessions.add(session);
        worldOf.set(session, target);
        const helloTimer = setTimeout(() => {
          helloTimers.delete(id);
          if (session.playerId < 0) session.close(CloseCode.NoHello, 'No hello within 10 seconds.');
        }, HELLO_MS);
        helloTimers.set(id, helloTimer);
      },
      received(id, frame) {
        parts.received(frame);
        sessions.get(id)?.receive(frame);
      },
      closed(id, code, broke) {
        const address = socketAddresses.get(id);
        if (address !== undefined) guard.socketClosed(address);
        socketAddresses.delete(id);
        clearTimeout(helloTimers.get(id));
        helloTimers.delete(id);
        joining.delete(id);
        const session = sessions.get(id);
        if (!session) return;
        session.gone(code, broke);
        sessions.delete(id);
        worldOf.get(session)?.sessions.delete(session);
        worldOf.delete(session);
      },
    },
  });
  return {
    gateway,
    sessions,
    upgrade(req, socket, head) {
      // Not `new URL`: it throws on paths like `//` (a URL with no host), and a throw here is uncaught.
      const pathname = (req.url ?? '/').split('?')[0]!;
      const rest = pathname === '/ws' ? '' : pathname.startsWith('/ws/') ? pathname.slice(4) : null;
      if (rest === null) return void socket.destroy();
      if (!originAllowed(req.headers.origin, req.headers.host, config.allowedOrigins)) {
        return refuseUpgrade(socket, 403, 'This page may not join the game: its origin is not allowed.');
      }
      const target = parts.route(rest);
      if ('refused' in target) return refuseUpgrade(socket, 404, target.refused);
      const verdict = guard.upgrade(req);
      if (!verdict.ok) return refuseUpgrade(socket, 429, verdict.reason);
      const id = gateway.upgrade(req, socket, head, verdict.address);
      if (id >= 0) joining.set(id, target);
    },
    async close(reason) {
      for (const s of sessions.values()) s.close(CloseCode.Shutdown, reason);
      for (const timer of helloTimers.values()) clearTimeout(timer);
      await gateway.stop();
    },
  };
}
