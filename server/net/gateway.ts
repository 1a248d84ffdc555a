// The game process's side of the socket gateway (gateway-process.ts): hands each upgraded socket to the
// gateway over IPC, queues frames and closes for it in order and writes them to the data pipe in one
// batch per tick, and turns what comes back on the pipe into opened / received / closed calls. If the gateway dies, its players' connections
// count as lost (their characters wait out the grace period) and a new gateway is started.
import { fork, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  DATA_FD,
  OutBatch,
  readInBatch,
  Unframer,
  type FromGateway,
  type ToGateway,
} from './gateway-wire.ts';
import type { Connection } from './session.ts';
import type { Log } from '../log.ts';

export interface GatewayEvents {
  opened(connection: Connection, id: number, address: string): void;
  received(id: number, frame: Uint8Array): void;
  /** `broke`: the client broke the WebSocket protocol, rather than leaving or losing its connection. */
  closed(id: number, code: number, broke: boolean): void;
}

export interface GatewayOptions {
  pingMs: number;
  /** Ticks of frames a socket gets per write (coalescer.ts); 1 (the default): each frame at once. */
  framesPerWrite?: number;
  log: Log;
  events: GatewayEvents;
}

/** The close code a WebSocket reports when the connection ended without a close frame. */
const ABNORMAL_CLOSURE = 1006;
/** Restart delays after the gateway died, growing while it keeps dying soon after starting. */
const RESTART_MS = [0, 1000, 5000, 30_000];
/** Frames the gateway has not taken yet, past which the log says it is falling behind. */
const BACKLOG_WARN_BYTES = 16 << 20;
/** A gateway that lived this long resets the restart delay. */
const HEALTHY_MS = 60_000;

const entry = fileURLToPath(new URL('./gateway-process.ts', import.meta.url));
/** The gateway is TypeScript like the rest of the server: it runs under tsx's loader, found from here. */
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

export class Gateway {
  private child!: ChildProcess;
  /** The data pipe to the current gateway (frames, opens, closes); the IPC channel carries sockets. */
  private pipe!: Socket;
  /** Whether the log has said the gateway is falling behind (said again only after it caught up). */
  private backlogWarned = false;
  private readonly batch = new OutBatch();
  private flushQueued = false;
  private nextId = 1;
  /** Connections the current gateway has open (or is opening). */
  private readonly open = new Set<number>();
  /**
   * Sockets sent to the gateway and not yet opened or refused by it. They are sent with `keepOpen`: Node
   * would otherwise take the handle away and close it only once the child acknowledges it, which a child
   * that died never does. This copy is closed when the gateway has its own (open or refused), or when the
   * gateway dies, so no connection is left hanging.
   */
  private readonly handing = new Map<number, Duplex>();
  /** Client addresses of the connections in `open`, as the upgrade found them. */
  private readonly addresses = new Map<number, string>();
  private restartTimer: NodeJS.Timeout | null = null;
  private stopping = false;
  private restarts = 0;
  /** Deaths since the gateway last ran for HEALTHY_MS: how long to wait before the next start. */
  private failures = 0;
  private startedAt = 0;
  private cpuBase = 0;
  private cpuSeconds = 0;
  private rssBytes = 0;

  private constructor(private readonly options: GatewayOptions) {}

  /** Starts the gateway process and resolves once it is ready to take sockets. */
  static async start(options: GatewayOptions): Promise<Gateway> {
    const gateway = new Gateway(options);
    await gateway.spawn();
    return gateway;
  }

  /**
   * The socket of an upgrade request goes to the gateway, which completes the WebSocket handshake.
   * `address` is the client's (a proxy's forwarded one): `opened` reports it. Returns the connection's
   * id (-1: refused at once), which `opened` will carry.
   */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer, address: string): number {
    if (this.stopping || !this.child.connected) {
      socket.destroy();
      return -1;
    }
    const id = this.nextId++;
    this.open.add(id);
    this.addresses.set(id, address);
    this.handing.set(id, socket);
    const request = { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers };
    // Until the gateway acknowledges the socket, Node keeps reading it here and throws away what it
    // reads: a Hello sent right after the handshake was lost about once in 2,000 joins. Stop reading
    // first, so those bytes wait in the kernel for the gateway. (`_handle` is Node's, not public.)
    (socket as unknown as { _handle?: { readStop?(): number } })._handle?.readStop?.();
    const msg: ToGateway = ['up', id, request, new Uint8Array(head)];
    this.child.send(msg, socket as Socket, { keepOpen: true }, (err) => {
      if (err) this.refuse(id);
    });
    return id;
  }

  send(id: number, parts: readonly Uint8Array[], count: number): void {
    this.batch.frame(id, parts, count);
    this.queueFlush();
  }

  close(id: number, code: number, reason: string): void {
    this.batch.close(id, code, reason);
    this.queueFlush();
  }

  /** Sends what was queued; the tick calls it after its frames, anything else is sent within a turn. */
  flush(): void {
    if (this.batch.isEmpty || !this.pipe.writable) return;
    this.pipe.write(this.batch.take()); // a dead gateway's EPIPE is ignored: its exit is handled
    const backlog = this.pipe.writableLength;
    if (backlog > BACKLOG_WARN_BYTES && !this.backlogWarned) {
      this.backlogWarned = true;
      this.options.log.warn(
        `The socket gateway is ${(backlog / 2 ** 20).toFixed(0)} MB behind on players' frames: it is short of CPU.`,
      );
    } else if (backlog === 0) this.backlogWarned = false;
  }

  /** The gateway's CPU time (all its lives), memory, restarts and frames it has yet to take, for /metrics. */
  get stats(): { cpuSeconds: number; rssBytes: number; restarts: number; backlogBytes: number } {
    return {
      cpuSeconds: this.cpuBase + this.cpuSeconds,
      rssBytes: this.rssBytes,
      restarts: this.restarts,
      backlogBytes: this.pipe?.writableLength ?? 0,
    };
  }

  /** Sends what is queued, lets the gateway close its sockets, and waits for it to exit. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    const child = this.child;
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    this.batch.stop(); // after the frames already queued, so they are sent first
    this.flush();
    const killer = setTimeout(() => child.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(killer);
  }

  private spawn(): Promise<void> {
    this.startedAt = Date.now();
    this.cpuBase += this.cpuSeconds;
    this.cpuSeconds = 0;
    const stdio: ('inherit' | 'ipc' | 'pipe')[] = ['inherit', 'inherit', 'inherit', 'ipc'];
    stdio[DATA_FD] = 'pipe';
    const child = fork(entry, [], {
      // A profiled game (the bench's --profile) profiles its gateway too.
      execArgv: ['--import', tsxLoader, ...process.execArgv.filter((a) => a.startsWith('--cpu-prof'))],
      serialization: 'advanced',
      stdio,
      env: {
        ...process.env,
        EMBERQUEST_PING_MS: String(this.options.pingMs),
        EMBERQUEST_FRAMES_PER_WRITE: String(this.options.framesPerWrite ?? 1),
      },
    });
    this.child = child;
    this.pipe = child.stdio[DATA_FD] as Socket;
    this.pipe.on('error', () => {}); // a gateway that died: its exit is what counts
    const fromGateway = new Unframer((batch) => this.heardBatch(batch));
    this.pipe.on('data', (chunk: Buffer) => fromGateway.push(chunk));
    // A write to a gateway that just died fails with EPIPE before its exit arrives: its exit is what counts.
    child.on('error', (err) => this.options.log.warn(`socket gateway: ${err.message}`));
    const ready = new Promise<void>((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (code, signal) =>
        reject(new Error(`the socket gateway exited (${signal ?? code}) while starting`)),
      );
      child.on('message', (msg: FromGateway) => (msg[0] === 'ready' ? resolve() : this.heard(msg)));
    });
    child.once('exit', (code, signal) => this.died(child, code, signal));
    return ready;
  }

  private heard(msg: FromGateway): void {
    if (msg[0] !== 'stats') return;
    this.cpuSeconds = msg[1];
    this.rssBytes = msg[2];
  }

  private heardBatch(batch: Uint8Array): void {
    const { events } = this.options;
    for (const r of readInBatch(batch)) {
      if (r.kind === 'in') events.received(r.id, r.bytes);
      else if (r.kind === 'open') {
        this.letGo(r.id);
        events.opened(this.connection(r.id), r.id, this.addresses.get(r.id) ?? r.address);
      } else {
        this.letGo(r.id);
        this.addresses.delete(r.id);
        if (this.open.delete(r.id)) events.closed(r.id, r.code, r.broke);
      }
    }
  }

  private died(child: ChildProcess, code: number | null, signal: string | null): void {
    if (child !== this.child || this.stopping) return;
    const { log, events } = this.options;
    log.error(
      `The socket gateway stopped (${signal ?? `exit code ${code}`}); its players were disconnected.`,
    );
    const lost = [...this.open];
    this.open.clear();
    this.addresses.clear();
    for (const socket of this.handing.values()) socket.destroy();
    this.handing.clear();
    this.batch.take(); // frames for sockets that are gone
    for (const id of lost) events.closed(id, ABNORMAL_CLOSURE, false);
    if (Date.now() - this.startedAt >= HEALTHY_MS) this.failures = 0;
    const delay = RESTART_MS[Math.min(this.failures, RESTART_MS.length - 1)]!;
    this.failures++;
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      if (this.stopping) return;
      this.restarts++;
      this.spawn().catch((err: unknown) =>
        log.error(`Could not restart the socket gateway: ${(err as Error).message}`),
      );
    }, delay);
  }

  /** A socket that could not be handed over: dropped here, and forgotten. */
  private refuse(id: number): void {
    this.letGo(id);
    this.open.delete(id);
    this.addresses.delete(id);
  }

  /** Closes this process's copy of a handed-over socket (the gateway's copy keeps the connection). */
  private letGo(id: number): void {
    this.handing.get(id)?.destroy();
    this.handing.delete(id);
  }

  private connection(id: number): Connection {
    return {
      send: (parts, count) => this.send(id, parts, count),
      close: (code, reason) => this.close(id, code, reason),
    };
  }

  private queueFlush(): void {
    if (this.flushQueued) return;
    this.flushQueued = true;
    setImmediate(() => {
      this.flushQueued = false;
      this.flush();
    });
  }
}
