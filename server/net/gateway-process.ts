// The socket gateway: a child of the game process that owns every player's WebSocket. Writing a frame
// to a socket costs ~10 µs of system time, and 2,000 players at 20 frames a second would take most of
// the tick's thread for that alone; here those writes run on another core while the game ticks. The
// game process keeps the HTTP server and does the upgrade's first step, then hands the socket over.
// Started by gateway.ts; it exits when the game process goes away.
import { WebSocketServer, type WebSocket } from 'ws';
import type { IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import { CloseCode, MAX_CLIENT_FRAME } from '../../shared/protocol/ops.ts';
import { Keepalive } from './keepalive.ts';
import { Coalescer } from './coalescer.ts';
import { CLIENT_BUDGET, InboundBudget } from './inbound-budget.ts';
import {
  DATA_FD,
  InBatch,
  readOutBatch,
  Unframer,
  type FromGateway,
  type ToGateway,
} from './gateway-wire.ts';

/** A client that lets this much pile up unread is dropped instead of growing server memory. */
const MAX_BUFFERED_BYTES = 1 << 20;
/** How long a client the server closed may take to answer the close before its socket is cut. */
const CLOSE_WAIT_MS = 750;
/** Client bytes gathered before they are passed on to the game even within one turn. */
const PASS_ON_BYTES = 256 << 10;
/** How often the game process hears this process's CPU and memory (for /metrics and the bench). */
const STATS_MS = 1000;

const pingMs = Number(process.env.EMBERQUEST_PING_MS) || 15_000;
const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_CLIENT_FRAME, perMessageDeflate: false });
const keepalive = new Keepalive(wss, pingMs);
const sockets = new Map<number, WebSocket>();
/** Each WebSocket's TCP socket, to which the coalescer writes its messages. */
const tcp = new WeakMap<WebSocket, Socket>();
const coalescer = new Coalescer(Number(process.env.EMBERQUEST_FRAMES_PER_WRITE) || 1);
/** Frames, opens and closes not yet passed on: written to the data pipe once this turn is done. */
const inbound = new InBatch();
let passOnQueued = false;
/**
 * The data pipe to the game. When it is full (the game is busy), every client socket stops being read
 * until it drains: their bytes wait in the kernel and TCP slows the senders, instead of piling up here.
 */
const pipe = new Socket({ fd: DATA_FD, readable: true, writable: true });
let pipeFull = false;
pipe.on('drain', () => {
  pipeFull = false;
  passOn();
  if (!pipeFull) for (const ws of sockets.values()) release(ws);
});
// The game process went away: the IPC channel's disconnect below ends this process.
pipe.on('error', () => {});
const fromGame = new Unframer((batch) => send(batch));
pipe.on('data', (chunk: Buffer) => fromGame.push(chunk));

function tell(msg: FromGateway): void {
  if (process.connected) process.send!(msg);
}

/** Sends what the clients said and did this turn, once the turn is done. */
function queuePassOn(): void {
  if (passOnQueued) return;
  passOnQueued = true;
  setImmediate(passOn);
}

function accept(id: number, ws: WebSocket, socket: Socket, address: string): void {
  sockets.set(id, ws);
  tcp.set(ws, socket);
  keepalive.watch(ws);
  if (pipeFull) hold(ws);
  inbound.open(id, address);
  queuePassOn();
  let broke = false;
  const budget = new InboundBudget(CLIENT_BUDGET, () => performance.now());
  // A flood is cut off as it arrives, before its frames are parsed or passed on: the socket is
  // destroyed, so nothing more is read, queued or forwarded, and no grace period is given.
  const cutOff = (): void => {
    broke = true;
    socket.destroy();
  };
  // First in line, so a chunk over budget is refused before ws parses it into messages.
  socket.prependListener('data', (chunk: Buffer) => {
    if (!budget.spendBytes(chunk.length)) cutOff();
  });
  ws.on('message', (data, isBinary) => {
    // Closing (the world sent it away, or it is being cut off): what it says now reaches nobody.
    if (ws.readyState !== ws.OPEN || socket.destroyed) return;
    if (!budget.spendFrame()) return cutOff();
    if (!isBinary) {
      broke = true;
      return ws.close(CloseCode.BadMessage, 'Bad message: frames must be binary.');
    }
    inbound.frame(id, toBytes(data));
    coalescer.heard(socket); // its next frames answer it: none of them is held
    // A turn can read many sockets: pass on in slices, so a full pipe pauses the rest before they are read.
    if (inbound.length >= PASS_ON_BYTES) passOn();
    else queuePassOn();
  });
  // An error here is the client breaking the protocol (an oversized frame): no grace period for it.
  ws.on('error', () => (broke = true));
  ws.on('close', (code) => {
    coalescer.forget(socket);
    if (sockets.get(id) !== ws) return; // already reported (dropped as too slow)
    sockets.delete(id);
    // In the same stream as its frames: what the client sent before it went reaches the game first.
    inbound.closed(id, code, broke);
    queuePassOn();
  });
}

type ReadHandle = { reading?: boolean; readStop?(): number; readStart?(): number };
const handleOf = (ws: WebSocket): ReadHandle | undefined =>
  (ws as unknown as { _socket?: { _handle?: ReadHandle } })._socket?._handle;

/**
 * Stops reading a client now. A paused stream alone still reads a chunk (up to 64 KiB) into its buffer,
 * 200 clients' worth of which is 12 MB held; stopping the handle, as Node itself does once a stream's
 * buffer is full, leaves the bytes in the kernel. (`_handle` and its `reading` flag are Node's.)
 */
function hold(ws: WebSocket): void {
  ws.pause();
  const handle = handleOf(ws);
  if (handle?.reading && handle.readStop) {
    handle.reading = false;
    handle.readStop();
  }
}

/**
 * Reads a held client again. The stream may still count itself as reading (it was waiting for data when
 * held), in which case resuming it alone would never restart the handle: start it here, as Node does.
 */
function release(ws: WebSocket): void {
  ws.resume();
  const handle = handleOf(ws);
  if (handle && handle.reading === false && handle.readStart && !ws.isPaused) {
    handle.reading = true;
    handle.readStart();
  }
}

function passOn(): void {
  passOnQueued = false;
  // While the pipe is full, what was already read waits here (the drain sends it), and nothing more is read.
  if (inbound.isEmpty || pipeFull) return;
  if (!pipe.write(inbound.take())) {
    pipeFull = true;
    for (const ws of sockets.values()) hold(ws);
  }
}

function send(batch: Uint8Array): void {
  for (const out of readOutBatch(batch)) {
    if (out.kind === 'stop') return stop();
    const ws = sockets.get(out.id);
    if (!ws) continue; // gone already; the game hears of it from its close
    const socket = tcp.get(ws)!;
    if (out.kind === 'close') {
      coalescer.flush(socket); // what was held goes before the close
      ws.close(out.code, out.reason); // its close event tells the game the socket is gone
      // A client that ignores the close would keep its socket (and keep sending) for ws's 30 s.
      setTimeout(() => ws.terminate(), CLOSE_WAIT_MS).unref();
    } else if (ws.bufferedAmount > MAX_BUFFERED_BYTES) {
      sockets.delete(out.id);
      ws.terminate(); // it is not reading: a polite close would only wait in its buffer too
      inbound.closed(out.id, CloseCode.TooSlow, false);
      queuePassOn();
    } else if (ws.readyState === ws.OPEN) {
      // Written by us, not ws.send: see coalescer.ts. Once closing, a socket gets no more messages.
      coalescer.send(socket, out.parts, out.count, out.length);
    }
  }
  coalescer.release(); // frames held since the last tick go now, even for players this tick had nothing for
}

function stop(): void {
  keepalive.stop();
  coalescer.stop();
  clearInterval(stats);
  for (const ws of sockets.values()) ws.close(CloseCode.Shutdown, 'The server is restarting.');
  // Closing sockets politely takes a round trip; whatever is left after a second is cut off.
  setTimeout(() => process.exit(0), 1000).unref();
  wss.close(() => process.exit(0)); // called once the last client is closed
}

process.on('message', (msg: ToGateway, handle?: Socket) => {
  if (msg[0] !== 'up') return;
  const [, id, request, head] = msg;
  const refused = (): void => {
    inbound.closed(id, 1006, false);
    queuePassOn();
  };
  if (!handle) return refused(); // the client left before the handover
  const address = handle.remoteAddress ?? '?';
  handle.on('error', () => handle.destroy());
  // A handshake ws refuses (a malformed request) ends with the socket closed and no connection.
  let accepted = false;
  handle.once('close', () => accepted || refused());
  wss.handleUpgrade(request as IncomingMessage, handle, Buffer.from(head), (ws) => {
    accepted = true;
    accept(id, ws, handle, address);
  });
});
// The game process is gone (it crashed or was killed): nobody is left to play with, so close up.
process.on('disconnect', () => process.exit(0));
// It may have gone while this process was still starting, before anyone listened.
if (!process.connected) process.exit(0);

function report(): void {
  const cpu = process.cpuUsage();
  tell(['stats', (cpu.user + cpu.system) / 1e6, process.memoryUsage.rss()]);
}
const stats = setInterval(report, STATS_MS);
report();
tell(['ready']);

function toBytes(data: Buffer | ArrayBuffer | Buffer[]): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  return data instanceof ArrayBuffer ? new Uint8Array(data) : data;
}
