// Fewer socket writes for the same frames. On this machine one write to a loopback TCP socket costs ~13 µs
// of system time, about as much as the whole simulation spends on the player it carries; at 20 frames a
// second that was three quarters of the gateway's CPU. A frame that comes less than `gapMs` after its
// socket's last write is held and goes out with the next one, in the same write: under steady traffic one
// write carries two ticks' frames. Each stays its own WebSocket message, so the client reads exactly what
// it read before, the held one up to a tick late. A frame after a quiet spell goes out at once, and
// nothing is held longer than about a tick.
//
// The WebSocket framing is done here too (ws-frame.ts): a write is one buffer, the frames' headers and
// parts copied in, rather than ws's header and payload per message gathered by the stream.
import type { Socket } from 'node:net';
import { frameHeader } from './ws-frame.ts';

/** How long after a write a frame is held by default: under two ticks at 20 Hz, so every other tick writes. */
export const DEFAULT_GAP_MS = 80;
/** A held frame whose socket got nothing in the next batch goes out with that batch: a tick, give or take. */
const HOLD_MS = 45;
/**
 * When no batch comes at all (a quiet world), the timer lets held frames go after this long: later than
 * the next tick's batch, which must come first to share the write.
 */
const TIMER_MS = 75;

interface Line {
  lastWriteAt: number;
  /** Frame headers and parts not yet written, in order; `bytes` in all. */
  chunks: Uint8Array[];
  bytes: number;
}

export class Coalescer {
  private readonly lines = new Map<Socket, Line>();
  /** Sockets holding frames now, oldest first, with when their held frame came. */
  private readonly held = new Map<Socket, number>();
  private timer: NodeJS.Timeout | null = null;

  /** `gapMs` 0: every frame is written at once. */
  constructor(
    private readonly gapMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /**
   * A binary WebSocket message of the first `count` of `parts` (`length` bytes in all) for `socket`:
   * written now, with the one held, or held for the next. The parts must not change until written.
   */
  send(socket: Socket, parts: readonly Uint8Array[], count: number, length: number): void {
    let line = this.lines.get(socket);
    if (!line) {
      line = { lastWriteAt: -Infinity, chunks: [], bytes: 0 };
      this.lines.set(socket, line);
    }
    const header = frameHeader(length);
    line.chunks.push(header);
    for (let i = 0; i < count; i++) line.chunks.push(parts[i]!);
    line.bytes += header.length + length;
    const t = this.now();
    if (this.gapMs <= 0 || this.held.has(socket) || t - line.lastWriteAt >= this.gapMs) {
      return this.write(socket, line);
    }
    this.held.set(socket, t);
    this.schedule();
  }

  /** Writes whatever is held for this socket now (before a close, say). */
  flush(socket: Socket): void {
    const line = this.lines.get(socket);
    if (line && line.bytes > 0) this.write(socket, line);
  }

  /** The socket is gone: what it held is dropped with it. */
  forget(socket: Socket): void {
    this.lines.delete(socket);
    this.held.delete(socket);
  }

  /** Writes the frames held for a tick or more: call after each batch of frames (a timer does it too). */
  release(): void {
    const t = this.now();
    for (const [socket, since] of this.held) {
      if (t - since < HOLD_MS) break; // the rest came later
      this.write(socket, this.lines.get(socket)!);
    }
  }

  /** Sockets holding frames now. */
  get holding(): number {
    return this.held.size;
  }

  /** Writes everything held and stops the timer. */
  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    for (const socket of [...this.held.keys()]) this.flush(socket);
  }

  /** While anything is held, a timer releases it even if no more frames come. */
  private schedule(): void {
    if (this.timer) return;
    const oldest = this.held.values().next();
    if (oldest.done) return;
    const wait = Math.max(1, oldest.value + TIMER_MS - this.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      this.release();
      this.schedule();
    }, wait);
    this.timer.unref();
  }

  /** One write of everything the line holds: its frames joined into one buffer. */
  private write(socket: Socket, line: Line): void {
    line.lastWriteAt = this.now();
    this.held.delete(socket);
    const { chunks, bytes } = line;
    if (bytes === 0) return;
    const out = Buffer.allocUnsafe(bytes);
    let at = 0;
    for (const chunk of chunks) {
      out.set(chunk, at);
      at += chunk.length;
    }
    chunks.length = 0;
    line.bytes = 0;
    if (!socket.destroyed) socket.write(out);
  }
}
