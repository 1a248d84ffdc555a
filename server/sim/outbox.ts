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

  /** Builds the frame and empties the box; null when there is nothing to send. */
  take(): Uint8Array | null {
    if (!this.first.length && !this.events.length) {
      if (!this.moves.length) return null;
      // Only walks, all from one shared buffer (the common case): one frame, built once for everyone.
      if (this.moves.length === 1) return movesOnly(this.moves.pop()!);
    }
    // Sized first and copied once: this runs for every player every tick.
    let records = 0;
    for (const r of this.moves) records += r.length;
    const head = records > 0 ? movesHeader(records) : null;
    let size = records + (head?.length ?? 0);
    for (const p of this.first) size += p.length;
    for (const p of this.events) size += p.length;
    const frame = new Uint8Array(size);
    let at = 0;
    for (const list of [this.first, this.events, head ? [head] : [], this.moves]) {
      for (const p of list) {
        frame.set(p, at);
        at += p.length;
      }
      list.length = 0;
    }
    return frame;
  }
}

/** Frames holding nothing but one shared buffer of walk records, by that buffer, while it lives. */
const movesFrames = new WeakMap<Uint8Array, Uint8Array>();

/** `[Op.Moves, records]` as a whole frame, built once per buffer of records however many players get it. */
function movesOnly(records: Uint8Array): Uint8Array {
  let frame = movesFrames.get(records);
  if (!frame) movesFrames.set(records, (frame = joinFrame([movesHeader(records.length), records])));
  return frame;
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
