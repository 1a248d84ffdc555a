// Per-player messages for one tick, assembled into a single frame: first the welcome, then spawns and
// despawns in the order they happened, then one Moves message with the walks that started nearby.
// A spawn carries the entity's ongoing walk, so clients skip a Moves record for an entity spawned in
// the same frame: it is already included.
import { Op } from '../../shared/protocol/ops.ts';
import { joinFrame } from '../../shared/protocol/codec.ts';

export class Outbox {
  readonly first: Uint8Array[] = [];
  readonly events: Uint8Array[] = [];
  /** Packed walk records (raw `MovesWriter` bytes), shared by every player near the same cell. */
  readonly moves: Uint8Array[] = [];

  /**
   * Appends the frame's parts to `into`, in order, and empties the box; returns the frame's size in bytes
   * (0: nothing to send). The server copies the parts straight into the gateway's batch, so a tick builds
   * no frame of its own for any player.
   */
  takeParts(into: Uint8Array[]): number {
    let size = 0;
    for (const p of this.first) size += push(into, p);
    for (const p of this.events) size += push(into, p);
    let records = 0;
    for (const r of this.moves) records += r.length;
    if (records > 0) {
      size += push(into, movesHeader(records));
      for (const r of this.moves) size += push(into, r);
    }
    this.first.length = 0;
    this.events.length = 0;
    this.moves.length = 0;
    return size;
  }

  /** The frame as one buffer, and the box emptied; null when there is nothing to send. */
  take(): Uint8Array | null {
    const parts: Uint8Array[] = [];
    return this.takeParts(parts) > 0 ? joinFrame(parts) : null;
  }
}

function push(into: Uint8Array[], part: Uint8Array): number {
  into.push(part);
  return part.length;
}

/** Headers by size, for the sizes most frames have: every player's frame has one, every tick. */
const headers: Uint8Array[] = [];

/**
 * The msgpack bytes of `[Op.Moves, <bin of size bytes>]` up to the bin's contents, written by hand so the
 * records of each cell are encoded once and only copied into each observer's frame.
 */
export function movesHeader(size: number): Uint8Array {
  if (size < 0x1000) return (headers[size] ??= header(size));
  return header(size);
}

function header(size: number): Uint8Array {
  const op = Op.Moves; // a positive fixint
  if (size < 0x100) return Uint8Array.of(0x92, op, 0xc4, size);
  if (size < 0x10000) return Uint8Array.of(0x92, op, 0xc5, size >> 8, size & 0xff);
  return Uint8Array.of(
    0x92,
    op,
    0xc6,
    (size >>> 24) & 0xff,
    (size >> 16) & 0xff,
    (size >> 8) & 0xff,
    size & 0xff,
  );
}
