// Packed walk starts: the densest message we send, so it has its own byte layout inside a Moves message.
//
// Each record: varint id, then a byte whose top bit says "starts where its previous walk ended" and whose
// low 7 bits count the steps; without that bit, varint x and y of the start tile follow; then the steps,
// two bits each (a Dir), four to a byte, low bits first. Zero steps with a start tile places the entity.
import type { Dir } from '../rules/dirs.ts';

export const MAX_STEPS_PER_RECORD = 127;

export interface WalkRecord {
  id: number;
  /** The start tile, or null when the walk starts at the end of the entity's previous walk. */
  start: { x: number; y: number } | null;
  steps: Dir[];
}

export class MovesWriter {
  private bytes: number[] = [];

  get empty(): boolean {
    return this.bytes.length === 0;
  }

  add(record: WalkRecord): void {
    const n = record.steps.length;
    if (n > MAX_STEPS_PER_RECORD) throw new RangeError(`walk of ${n} steps exceeds ${MAX_STEPS_PER_RECORD}`);
    this.varint(record.id);
    this.bytes.push((record.start ? 0 : 0x80) | n);
    if (record.start) {
      this.varint(record.start.x);
      this.varint(record.start.y);
    }
    for (let i = 0; i < n; i += 4) {
      let b = 0;
      for (let k = 0; k < 4 && i + k < n; k++) b |= record.steps[i + k]! << (k * 2);
      this.bytes.push(b);
    }
  }

  finish(): Uint8Array {
    const out = Uint8Array.from(this.bytes);
    this.bytes = [];
    return out;
  }

  private varint(value: number): void {
    if (!Number.isInteger(value) || value < 0)
      throw new RangeError(`varint needs a whole number, got ${value}`);
    while (value >= 0x80) {
      this.bytes.push((value & 0x7f) | 0x80);
      value = Math.floor(value / 128);
    }
    this.bytes.push(value);
  }
}

/**
 * Reads the records one at a time into itself, allocating nothing per record: every player's client
 * (and each of the benchmark's thousands of bots) reads hundreds of these a second. The whole message
 * is checked first, so a truncated one throws RangeError before any record is seen, as `readMoves` does.
 *
 *   const walk = new WalkReader(packed);
 *   while (walk.next()) use(walk.id, walk.continues ? null : { x: walk.x, y: walk.y }, walk.step(0));
 */
export class WalkReader {
  /** The current record's entity. */
  id = 0;
  /** True: the walk starts where the entity's previous walk ended (`x` and `y` are then 0). */
  continues = false;
  x = 0;
  y = 0;
  /** How many steps the current record has. */
  count = 0;
  private at = 0;
  private stepsAt = 0;

  constructor(private readonly packed: Uint8Array) {
    checkMoves(packed);
  }

  /** Moves on to the next record; false when there is none. */
  next(): boolean {
    const packed = this.packed;
    if (this.at >= packed.length) return false;
    this.id = this.varint();
    const head = packed[this.at++]!;
    this.count = head & 0x7f;
    this.continues = (head & 0x80) !== 0;
    this.x = this.continues ? 0 : this.varint();
    this.y = this.continues ? 0 : this.varint();
    this.stepsAt = this.at;
    this.at += (this.count + 3) >> 2;
    return true;
  }

  /** The current record's step `i` (0 ≤ i < count). */
  step(i: number): Dir {
    return ((this.packed[this.stepsAt + (i >> 2)]! >> ((i & 3) * 2)) & 3) as Dir;
  }

  /** A varint `checkMoves` has seen whole (at most five bytes: the bound is only a safety net). */
  private varint(): number {
    const b = this.packed[this.at++]!;
    if (b < 0x80) return b;
    let value = b & 0x7f;
    let scale = 128;
    for (let n = 1; n < 5; n++) {
      const next = this.packed[this.at++]!;
      value += (next & 0x7f) * scale;
      if (!(next >= 0x80)) break; // past the end (undefined) stops too
      scale *= 128;
    }
    return value;
  }
}

/** Reads every record; throws RangeError on truncated input. */
export function readMoves(packed: Uint8Array): WalkRecord[] {
  const records: WalkRecord[] = [];
  const walk = new WalkReader(packed);
  while (walk.next()) {
    const steps = new Array<Dir>(walk.count);
    for (let i = 0; i < walk.count; i++) steps[i] = walk.step(i);
    records.push({ id: walk.id, start: walk.continues ? null : { x: walk.x, y: walk.y }, steps });
  }
  return records;
}

/** Throws RangeError unless `packed` is whole records, each varint at most five bytes. */
function checkMoves(packed: Uint8Array): void {
  let at = 0;
  while (at < packed.length) {
    at = skipVarint(packed, at);
    if (at >= packed.length) throw new RangeError('truncated moves');
    const head = packed[at++]!;
    if (!(head & 0x80)) at = skipVarint(packed, skipVarint(packed, at));
    at += ((head & 0x7f) + 3) >> 2;
    if (at > packed.length) throw new RangeError('truncated moves');
  }
}

/** Where the varint at `at` ends. */
function skipVarint(packed: Uint8Array, at: number): number {
  for (let n = 0; n < 5; n++) {
    if (at >= packed.length) throw new RangeError('truncated moves');
    if (packed[at++]! < 0x80) return at;
  }
  throw new RangeError('varint too long');
}
