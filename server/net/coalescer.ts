// Fewer socket writes for the same frames. One write to a loopback TCP socket costs this machine ~8 µs
// of the gateway's CPU, more than the simulation spends on the player it carries, and the gateway is
// mostly those writes. So a socket's frames are gathered and written `framesPerWrite` ticks' worth at a time
// (3: every third tick, the oldest up to two ticks late), each still its own WebSocket message, so the
// client reads exactly what it read before.
//
// Nothing a player waits for is held: a frame in the two ticks after the player said something (the
// tick that answers a click, whichever side of the tick the click fell on) goes out at once, with
// whatever was held before it; so does the first frame after a quiet spell. What is held is news of
// others, whose walks the client draws from their start, catching up a step it heard of late.
//
// Ticks are counted in batches (`release()` ends one), not measured on a clock: a busy tick that comes
// late does not make frames wait a tick longer. A timer lets held frames go when no batch comes at all.
//
// The WebSocket framing is done here too (ws-frame.ts): a write is one buffer, the frames' headers and
// parts copied in, rather than ws's header and payload per message gathered by the stream.
import type { Socket } from 'node:net';
import { frameHeader } from './ws-frame.ts';

/**
 * Ticks' frames a socket gets per write by default: two, as before COALESCE_FRAMES (three cut the gateway's
 * CPU by a further fifth in the bench, one world a process). Ticks are counted in batches, and a realm
 * process sends one per world: where several worlds send frames, they are held for less than a tick (fewer
 * writes saved, none late).
 */
export const DEFAULT_FRAMES_PER_WRITE = 2;
/** Batches after a player's message in which its frames go out at once: the answer is in one of them. */
const ANSWER_BATCHES = 2;
const TICK_MS = 50;

interface Line {
  /** The batch of the last write. */
  wroteIn: number;
  /** Frames written with the next write, and the batch the first of them came in. */
  held: number;
  heldIn: number;
  /** Frames in batches before this one go out at once: the player said something. */
  answerUntil: number;
  /** Frame headers and parts not yet written, in order; `bytes` in all. */
  chunks: Uint8Array[];
  bytes: number;
}

export class Coalescer {
  private readonly lines = new Map<Socket, Line>();
  /** Sockets holding frames now, oldest first, with when (clock) their first held frame came. */
  private readonly held = new Map<Socket, number>();
  private batch = 0;
  private timer: NodeJS.Timeout | null = null;

  /** `framesPerWrite` 1: every frame is written at once. */
  constructor(
    private readonly framesPerWrite: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /**
   * A binary WebSocket message of the first `count` of `parts` (`length` bytes in all) for `socket`:
   * written now, with those held, or held for a later write. The parts must not change until written.
   */
  send(socket: Socket, parts: readonly Uint8Array[], count: number, length: number): void {
    const line = this.lineOf(socket);
    const header = frameHeader(length);
    line.chunks.push(header);
    for (let i = 0; i < count; i++) line.chunks.push(parts[i]!);
    line.bytes += header.length + length;
    const due =
      line.held + 1 >= this.framesPerWrite ||
      this.batch < line.answerUntil ||
      (line.held === 0 && this.batch - line.wroteIn >= this.framesPerWrite);
    if (due) return this.write(socket, line);
    if (line.held++ === 0) {
      line.heldIn = this.batch;
      this.held.set(socket, this.now());
      this.schedule();
    }
  }

  /** The player on `socket` said something: its next frames answer it, and are not held. */
  heard(socket: Socket): void {
    this.lineOf(socket).answerUntil = this.batch + ANSWER_BATCHES;
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

  /**
   * Ends a batch (call after each tick's frames): what has waited `framesPerWrite - 1` ticks goes now,
   * even for players this tick had nothing for.
   */
  release(): void {
    const oldest = this.batch - (this.framesPerWrite - 2);
    for (const socket of this.held.keys()) {
      const line = this.lines.get(socket)!;
      if (line.heldIn >= oldest) break; // the rest came later
      this.write(socket, line);
    }
    this.batch++;
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

  private lineOf(socket: Socket): Line {
    let line = this.lines.get(socket);
    if (!line) {
      line = { wroteIn: -Infinity, held: 0, heldIn: 0, answerUntil: 0, chunks: [], bytes: 0 };
      this.lines.set(socket, line);
    }
    return line;
  }

  /** While anything is held, a timer lets it go if the batches stop coming (a quiet or stopped world). */
  private schedule(): void {
    if (this.timer) return;
    const oldest = this.held.values().next();
    if (oldest.done) return;
    const limit = this.framesPerWrite * TICK_MS + TICK_MS / 2;
    const wait = Math.max(1, oldest.value + limit - this.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      const t = this.now();
      for (const [socket, since] of this.held) {
        if (t - since < limit) break;
        this.write(socket, this.lines.get(socket)!);
      }
      this.schedule();
    }, wait);
    this.timer.unref();
  }

  /** One write of everything the line holds: its frames joined into one buffer. */
  private write(socket: Socket, line: Line): void {
    line.wroteIn = this.batch;
    line.held = 0;
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
