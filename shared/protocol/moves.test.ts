import { describe, it, expect } from 'vitest';
import { Dir } from '../rules/dirs.ts';
import { MAX_STEPS_PER_RECORD, MovesWriter, readMoves, type WalkRecord } from './moves.ts';

const dirs = [Dir.Up, Dir.Right, Dir.Down, Dir.Left];
const stepsOf = (n: number, seed = 0): Dir[] =>
  Array.from({ length: n }, (_, i) => dirs[(i * 7 + seed) % 4]!);

function pack(records: WalkRecord[]): Uint8Array {
  const writer = new MovesWriter();
  for (const r of records) writer.add(r);
  return writer.finish();
}

describe('MovesWriter / readMoves', () => {
  it('round-trips starts and continuations of every length from 0 to 127', () => {
    const records: WalkRecord[] = [];
    for (let n = 0; n <= MAX_STEPS_PER_RECORD; n++) {
      records.push({ id: n + 1, start: n % 2 ? null : { x: n, y: n * 3 }, steps: stepsOf(n, n) });
    }
    expect(readMoves(pack(records))).toEqual(records);
  });

  it.each([0, 1, 127, 128, 300, 16383, 16384, 65535, 2 ** 21 - 1, 2 ** 21, 2 ** 28 - 1, 2 ** 31])(
    'round-trips id and coordinates %i across varint sizes',
    (n) => {
      const records: WalkRecord[] = [
        { id: n, start: { x: n, y: 0 }, steps: stepsOf(5) },
        { id: 1, start: { x: 0, y: n }, steps: [] },
        { id: n, start: null, steps: [Dir.Left] },
      ];
      expect(readMoves(pack(records))).toEqual(records);
    },
  );

  it('packs four steps to a byte', () => {
    expect(pack([{ id: 1, start: null, steps: stepsOf(8) }]).length).toBe(1 + 1 + 2);
    expect(pack([{ id: 1, start: { x: 5, y: 6 }, steps: stepsOf(9) }]).length).toBe(1 + 1 + 2 + 3);
  });

  it('reads nothing from nothing, and finish() empties the writer', () => {
    expect(readMoves(new Uint8Array(0))).toEqual([]);
    const writer = new MovesWriter();
    expect(writer.empty).toBe(true);
    writer.add({ id: 3, start: null, steps: [] });
    expect(writer.empty).toBe(false);
    expect(writer.finish().length).toBe(2);
    expect(writer.empty).toBe(true);
    expect(writer.finish().length).toBe(0);
  });

  it('refuses walks longer than a record holds, and ids that are not whole numbers', () => {
    const writer = new MovesWriter();
    expect(() => writer.add({ id: 1, start: null, steps: stepsOf(MAX_STEPS_PER_RECORD + 1) })).toThrow(
      RangeError,
    );
    expect(() => writer.add({ id: -1, start: null, steps: [] })).toThrow(RangeError);
    expect(() => writer.add({ id: 1.5, start: null, steps: [] })).toThrow(RangeError);
  });

  it('throws RangeError on every truncation', () => {
    const bytes = pack([
      { id: 20000, start: { x: 300, y: 2 }, steps: stepsOf(13) },
      { id: 5, start: null, steps: stepsOf(3) },
    ]);
    // A cut exactly between records is a valid shorter list; every other cut is an error.
    const firstRecord = pack([{ id: 20000, start: { x: 300, y: 2 }, steps: stepsOf(13) }]).length;
    for (let n = 1; n < bytes.length; n++) {
      if (n === firstRecord) expect(readMoves(bytes.subarray(0, n))).toHaveLength(1);
      else expect(() => readMoves(bytes.subarray(0, n))).toThrow(RangeError);
    }
  });

  it('throws RangeError on an endless varint', () => {
    expect(() => readMoves(Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0xff, 0x01))).toThrow(RangeError);
  });
});
