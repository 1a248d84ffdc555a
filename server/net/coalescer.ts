// Fewer socket writes for the same frames. On this machine one write to a loopback TCP socket costs ~15 µs
// of system time, about as much as the whole simulation spends on the player it carries; at 20 frames a
// second that was three quarters of the gateway's CPU. A frame that comes less than `gapMs` after its
// socket's last write is held (the socket corked) and goes out with the next one, in the same write: under
// steady traffic one write carries two ticks' frames. Each stays its own WebSocket message, so the client
// reads exactly what it read before, the held one up to a tick late. A frame after a quiet spell goes out
// at once, and nothing is held longer than `holdMs`.
import type { Socket } from 'node:net';

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
  held: boolean;
}

export class Coalescer {
  private readonly lines = new Map<Socket, Line>();
  /** Corked sockets, oldest first, with when their held frame came. */
  private readonly held = new Map<Socket, number>();
  private timer: NodeJS.Timeout | null = null;

  /** `gapMs` 0: every frame is written at once. */
  constructor(
    private readonly gapMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Writes a frame to `socket` through `write` (ws's send): now, with the one held, or held for the next. */
  send(socket: Socket, write: () => void): void {
    if (this.gapMs <= 0) return write();
    const t = this.now();
    let line = this.lines.get(socket);
    if (!line) {
      line = { lastWriteAt: -Infinity, held: false };
      this.lines.set(socket, line);
    }
    if (line.held) {
      write();
      return this.write(socket, line);
    }
    if (t - line.lastWriteAt >= this.gapMs) {
      write();
      line.lastWriteAt = t;
      return;
    }
    socket.cork();
    line.held = true;
    this.held.set(socket, t);
    write();
    this.schedule();
  }

  /** Writes whatever is held for this socket now (before a close, say). */
  flush(socket: Socket): void {
    const line = this.lines.get(socket);
    if (line?.held) this.write(socket, line);
  }

  /** The socket is gone. */
  forget(socket: Socket): void {
    this.flush(socket);
    this.lines.delete(socket);
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

  private write(socket: Socket, line: Line): void {
    line.lastWriteAt = this.now();
    if (!line.held) return;
    line.held = false;
    this.held.delete(socket);
    if (socket.writableCorked > 0) socket.uncork();
  }
}
