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

/** Reads every record; throws RangeError on truncated input. */
export function readMoves(packed: Uint8Array): WalkRecord[] {
  // Every player's client (and each of the benchmark's thousands of bots) reads hundreds of these a
  // second: one pass, no closures, nothing allocated but the records themselves.
  const records: WalkRecord[] = [];
  const at = { i: 0 };
  while (at.i < packed.length) {
    const id = readVarint(packed, at);
    const head = readByte(packed, at);
    const n = head & 0x7f;
    const start = head & 0x80 ? null : { x: readVarint(packed, at), y: readVarint(packed, at) };
    const steps: Dir[] = new Array<Dir>(n);
    for (let i = 0; i < n; i += 4) {
      const b = readByte(packed, at);
      for (let k = 0; k < 4 && i + k < n; k++) steps[i + k] = ((b >> (k * 2)) & 3) as Dir;
    }
    records.push({ id, start, steps });
  }
  return records;
}

function readByte(packed: Uint8Array, at: { i: number }): number {
  if (at.i >= packed.length) throw new RangeError('truncated moves');
  return packed[at.i++]!;
}

function readVarint(packed: Uint8Array, at: { i: number }): number {
  let value = 0;
  let scale = 1;
  for (let n = 0; n < 5; n++) {
    const b = readByte(packed, at);
    value += (b & 0x7f) * scale;
    if (b < 0x80) return value;
    scale *= 128;
  }
  throw new RangeError('varint too long');
}
