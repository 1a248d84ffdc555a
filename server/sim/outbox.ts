// Per-player messages for one tick, assembled into a single frame: first the welcome, then spawns and
// despawns in the order they happened, then one Moves message with the walks that started nearby.
// With visibility.ts, this is where messages become bytes: the systems hand over tuples.
// A spawn carries the entity's ongoing walk, so clients skip a Moves record for an entity spawned in
// the same frame: it is already included.
import { Op } from '../../shared/protocol/ops.ts';
import { encode, joinFrame } from '../../shared/protocol/codec.ts';
import type { ServerMsg } from '../../shared/protocol/server-messages.ts';

/**
 * An append-only list emptied by resetting its count: every player's lists are filled and emptied every
 * tick, and truncating a JS array gives its storage back, so each tick would grow them all again.
 */
const NOTHING = new Uint8Array(0);

export class PartList {
  readonly parts: Uint8Array[] = [];
  count = 0;

  push(part: Uint8Array): void {
    this.parts[this.count++] = part;
  }

  clear(): void {
    // Dropped, not kept until overwritten: a part may be a view that holds a large encoder buffer alive.
    this.parts.fill(NOTHING, 0, this.count);
    this.count = 0;
  }
}

export class Outbox {
  readonly first = new PartList();
  readonly events = new PartList();
  /** Packed walk records (raw `MovesWriter` bytes), shared by every player near the same cell. */
  readonly moves = new PartList();

  /** A message for this player, in order with its spawns and despawns. */
  tell(msg: ServerMsg): void {
    this.events.push(encode(msg));
  }

  /** Messages that open the frame, before anything else in it (the token, the welcome). */
  tellFirst(...msgs: ServerMsg[]): void {
    for (const msg of msgs) this.first.push(encode(msg));
  }

  /**
   * Appends the frame's parts to `into`, in order, and empties the box; returns the frame's size in bytes
   * (0: nothing to send). The server copies the parts straight into the gateway's batch, so a tick builds
   * no frame of its own for any player.
   */
  takeParts(into: PartList): number {
    let size = copy(this.first, into) + copy(this.events, into);
    let records = 0;
    for (let i = 0; i < this.moves.count; i++) records += this.moves.parts[i]!.length;
    if (records > 0) {
      const head = movesHeader(records);
      into.push(head);
      size += head.length + copy(this.moves, into);
    }
    this.clear();
    return size;
  }

  /** Empties the box: what a player away from its client missed is shown afresh when it comes back. */
  clear(): void {
    this.first.clear();
    this.events.clear();
    this.moves.clear();
  }

  /** The frame as one buffer, and the box emptied; null when there is nothing to send. */
  take(): Uint8Array | null {
    const into = new PartList();
    return this.takeParts(into) > 0 ? joinFrame(into.parts) : null;
  }
}

/** Appends `from`'s parts to `into`; returns their size. */
function copy(from: PartList, into: PartList): number {
  let size = 0;
  for (let i = 0; i < from.count; i++) {
    const p = from.parts[i]!;
    into.parts[into.count++] = p;
    size += p.length;
  }
  return size;
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
