import { describe, expect, it } from 'vitest';
import { Packr, Unpackr } from 'msgpackr';
import { readClientTuple } from './client-decode.ts';

const pack = (value: unknown): Uint8Array => new Packr({ useRecords: false }).pack(value);
const unpackr = new Unpackr({ useRecords: false, mapsAsObjects: true });

describe('readClientTuple', () => {
  it.each([
    [[2, 0, 0]],
    [[2, 127, 128]],
    [[2, 255, 256]],
    [[2, 65535, 65536]],
    [[3, 0xffffff]],
    [[2, -1, -33]],
    [[2, -129, -40000]],
    [[2, 1.5, 2]],
    [[1, 5, 'Zoë', 't'.repeat(128)]],
    [[7, '🔥'.repeat(300)]],
    [[7, 'x'.repeat(40)]],
    [[7, '']],
    [[2, null, true, false]],
  ])('reads %j as msgpackr does', (tuple) => {
    const bytes = pack(tuple);
    expect(readClientTuple(bytes)).toEqual({ ok: true, value: unpackr.unpack(bytes) });
  });

  it.each([
    ['a Set', new Set([1, 2, 3])],
    ['a Date', new Date(0)],
    ['an Error', new Error('boom')],
    ['a RegExp', /a+b/g],
    ['a map', { a: 1 }],
    ['a nested array', [1, [2, [3]]]],
    ['binary', new Uint8Array(10)],
  ])('refuses a field holding %s, without building it', (_what, field) => {
    const read = readClientTuple(pack([2, field, 1]));
    expect(read.ok).toBe(false);
  });

  it('refuses 64-bit integers (msgpackr would make a bigint)', () => {
    expect(readClientTuple(Uint8Array.of(0x93, 2, 0xcf, 0, 0, 0, 0, 0, 0, 0, 1, 1)).ok).toBe(false);
    expect(readClientTuple(Uint8Array.of(0x93, 2, 0xd3, 0, 0, 0, 0, 0, 0, 0, 1, 1)).ok).toBe(false);
  });

  it('refuses what is not one flat tuple filling the frame', () => {
    expect(readClientTuple(new Uint8Array(0)).ok).toBe(false);
    expect(readClientTuple(pack(5)).ok).toBe(false);
    expect(readClientTuple(pack([])).ok).toBe(false);
    expect(readClientTuple(pack(Array.from({ length: 9 }, () => 1))).ok).toBe(false);
    expect(readClientTuple(Uint8Array.from([...pack([2, 1, 2]), 0])).ok).toBe(false);
    expect(readClientTuple(Uint8Array.of(0xdd, 0, 0, 0, 1, 1)).ok).toBe(false); // array 32
    expect(readClientTuple(Uint8Array.of(0x92, 0x07, 0xa3, 0xff, 0xfe, 0xfd))).toEqual({
      ok: false,
      error: 'field 1 is not valid UTF-8',
    });
  });

  it('a deeply nested 4 KiB frame is refused at its first nested byte', () => {
    const deep = new Uint8Array(4096).fill(0x91); // [[[[…]]]]
    expect(readClientTuple(deep)).toEqual({
      ok: false,
      error: 'field 0 has a type (0x91) no message uses',
    });
  });

  it('random bytes never throw, and every frame it reads msgpackr reads the same', () => {
    let seed = 99;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    let agreed = 0;
    for (let i = 0; i < 20000; i++) {
      const bytes = new Uint8Array(1 + Math.floor(random() * 24));
      for (let k = 0; k < bytes.length; k++) bytes[k] = Math.floor(random() * 256);
      bytes[0] = 0x90 + Math.floor(random() * 4);
      const read = readClientTuple(bytes);
      if (!read.ok) continue;
      expect(read.value).toEqual(unpackr.unpack(bytes));
      agreed++;
    }
    expect(agreed).toBeGreaterThan(100);
  });
});
