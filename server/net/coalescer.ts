// Fewer socket writes for the same frames. One write to a loopback TCP socket costs this machine ~8 µs
// of the gateway's CPU, more than the simulation spends on the player it carries, and the gateway is
// mostly those writes. So a socket's frames are gathered and written `framesPerWrite` ticks' worth at a
// time (2: every other tick, the oldest a tick late; 3: every third, two ticks late), each still its own WebSocket message, so the
// client reads exactly what it read before.
//
// Nothing a player waits for is held: the two frames after the player said something (one of them
// answers the click, whichever side of a tick it fell on) go out at once, with whatever was held before
// them; so does the first frame after a quiet spell. What is held is news of others, whose walks the
// client draws from their start, catching up a step it heard of late.
//
// A socket's own frames are counted, one a tick, so the sockets of every world in the process keep their
// own pace (each world ticks on its own timer and sends its own batch). Only what no later frame carries
// out is judged by the clock: after any batch (`release()`), a frame held for more than two ticks goes,
// so a player with little news around gets a held frame up to three ticks late.
//
// The WebSocket framing is done here too (ws-frame.ts): a write is one buffer, the frames' headers and
// parts copied in, rather than ws's header and payload per message gathered by the stream.
import type { Socket } from 'node:net';
import { TICK_MS } from '../../shared/rules/movement.ts';
import { frameHeader } from './ws-frame.ts';

/**
 * Ticks' frames a socket gets per write by default. Three cut the gateway's CPU by a further fifth, but a
 * playthrough bot, whose every decision waits on news, ran out of time in the village with it once in a
 * full test run: until that is measured apart, two (COALESCE_FRAMES=3 for a host who wants it).
 */
export const DEFAULT_FRAMES_PER_WRITE = 2;
/** Frames after a player's message that go out at once: the answer is in one of them. */
const ANSWER_FRAMES = 2;
/** Room for a tick that comes early or late: the game's batches are not evenly spaced. */
const SLACK_MS = 20;

interface Line {
  lastWriteAt: number;
  /** Frames written with the next write. */
  held: number;
  /** Frames still to go out at once: the player said something. */
  answers: number;
  /** Frame headers and parts not yet written, in order; `bytes` in all. */
  chunks: Uint8Array[];
  bytes: number;
}

export class Coalescer {
  private readonly lines = new Map<Socket, Line>();
  /** Sockets holding frames now, oldest first, with when their first held frame came. */
  private readonly held = new Map<Socket, number>();
  private timer: NodeJS.Timeout | null = null;
  /**
   * A held frame older than this goes after the next batch: just over `framesPerWrite - 1` ticks, so the
   * socket's own next frame, in its world's batch, comes first even when that batch is a little late.
   */
  private readonly holdMs: number;
  /** A frame this long after the socket's last write goes at once. */
  private readonly quietMs: number;

  /** `framesPerWrite` 1: every frame is written at once. */
  constructor(
    private readonly framesPerWrite: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.holdMs = (framesPerWrite - 1) * TICK_MS + SLACK_MS;
    this.quietMs = framesPerWrite * TICK_MS - SLACK_MS;
  }

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
    const t = this.now();
    const answer = line.answers > 0;
    if (answer) line.answers--;
    if (
      answer ||
      line.held + 1 >= this.framesPerWrite ||
      (line.held === 0 && t - line.lastWriteAt >= this.quietMs)
    ) {
      return this.write(socket, line);
    }
    if (line.held++ === 0) {
      this.held.set(socket, t);
      this.schedule();
    }
  }

  /** The player on `socket` said something: its next frames answer it, and are not held. */
  heard(socket: Socket): void {
    this.lineOf(socket).answers = ANSWER_FRAMES;
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

  /** After each batch of frames: what has waited `framesPerWrite - 1` ticks goes now, even with no frame after it. */
  release(): void {
    this.releaseOlderThan(this.holdMs);
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
      line = { lastWriteAt: -Infinity, held: 0, answers: 0, chunks: [], bytes: 0 };
      this.lines.set(socket, line);
    }
    return line;
  }

  private releaseOlderThan(ms: number): void {
    const t = this.now();
    for (const [socket, since] of this.held) {
      if (t - since < ms) break; // the rest came later
      this.write(socket, this.lines.get(socket)!);
    }
  }

  /** While anything is held, a timer lets it go if the batches stop coming (a quiet or stopped world). */
  private schedule(): void {
    if (this.timer) return;
    const oldest = this.held.values().next();
    if (oldest.done) return;
    const limit = this.holdMs + TICK_MS;
    const wait = Math.max(1, oldest.value + limit - this.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      this.releaseOlderThan(limit);
      this.schedule();
    }, wait);
    this.timer.unref();
  }

  /** One write of everything the line holds: its frames joined into one buffer. */
  private write(socket: Socket, line: Line): void {
    line.lastWriteAt = this.now();
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
