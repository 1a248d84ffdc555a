import { describe, it, expect } from 'vitest';
import { Packr } from 'msgpackr';
import { Op, MAX_CLIENT_FRAME } from './ops.ts';
import { decodeClientFrame, decodeServerFrame, encode, joinFrame } from './codec.ts';
import { checkClientMessage, type ClientMsg } from './schema.ts';
import type { ServerMsg } from './server-messages.ts';

/** A tiny seeded PRNG (mulberry32) so the fuzz cases are the same on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const validClientMessages: ClientMsg[] = [
  [Op.Hello, 1, 'Alice', ''],
  [Op.Hello, 0xffff, 'x'.repeat(64), 't'.repeat(128)],
  [Op.Hello, 0, '', 'secret-token'],
  [Op.WalkTo, 0, 0],
  [Op.WalkTo, 127, 128],
  [Op.WalkTo, 0xffff, 300],
  [Op.UseSlot, 15],
  [Op.UseBelt, 0],
  [Op.DropSlot, 255],
  [Op.SetBelt, 3, -1],
  [Op.MoveSlot, 0, 15],
  [Op.SortBag],
  [Op.SplitSlot, 3],
];

describe('client frames', () => {
  it.each(validClientMessages.map((m) => [m[0], m] as const))(
    'op %i round-trips through encode/decode',
    (_op, msg) => {
      const decoded = decodeClientFrame(encode(msg));
      expect(decoded).toEqual({ ok: true, msg });
    },
  );

  it('a walk intent is a few bytes', () => {
    expect(encode([Op.WalkTo, 12, 40]).length).toBeLessThanOrEqual(4);
  });

  it.each([
    ['not an array', 5, /not a tuple/],
    ['an object', { 0: Op.WalkTo, 1: 1, 2: 2 }, /not a tuple/],
    ['an empty array', [], /not a tuple/],
    ['an unknown op', [99, 1, 2], /unknown op 99/],
    ['a server op', [Op.Welcome, 1, 2], /unknown op 64/],
    ['a string op', ['2', 1, 2], /unknown op of type string/],
    ['too few fields', [Op.WalkTo, 1], /takes 2 fields, got 1/],
    ['too many fields', [Op.WalkTo, 1, 2, 3], /takes 2 fields, got 3/],
    ['a string where an int goes', [Op.WalkTo, 'a', 2], /field 1 must be an integer/],
    ['a float', [Op.WalkTo, 1.5, 2], /field 1 must be an integer/],
    ['a negative int', [Op.WalkTo, 1, -1], /field 2 must be an integer from 0 to 65535/],
    ['an int over range', [Op.WalkTo, 0x10000, 1], /field 1 must be an integer from 0 to 65535/],
    ['null', [Op.WalkTo, null, 1], /field 1/],
    ['a boolean', [Op.WalkTo, true, 1], /field 1/],
    ['a number where a string goes', [Op.Hello, 1, 5, ''], /field 2 must be a string/],
    ['a name too long', [Op.Hello, 1, 'x'.repeat(65), ''], /field 2 must be a string of at most 64/],
    ['a token too long', [Op.Hello, 1, 'x', 't'.repeat(129)], /field 3 must be a string of at most 128/],
    ['a version out of range', [Op.Hello, 0x10000, 'x', ''], /field 1/],
    ['a bag slot below 0', [Op.UseSlot, -1], /field 1 must be an integer from 0 to 255/],
    ['a belt slot without its bag slot', [Op.SetBelt, 1], /takes 2 fields, got 1/],
    ['a bag slot past any bag', [Op.DropSlot, 256], /field 1/],
  ])('rejects %s', (_what, value, error) => {
    const checked = checkClientMessage(value);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.error).toMatch(error);
    // And the same through the wire.
    const decoded = decodeClientFrame(new Packr({ useRecords: false }).pack(value));
    expect(decoded.ok).toBe(false);
  });

  it('rejects 64-bit integers (decoded as bigint)', () => {
    const bytes = Uint8Array.of(0x93, Op.WalkTo, 0xcf, 0, 0, 0, 0, 0, 0, 0, 1, 0x01);
    expect(decodeClientFrame(bytes).ok).toBe(false);
  });

  it('rejects trailing bytes after the message', () => {
    const bytes = joinFrame([encode([Op.WalkTo, 1, 2]), encode([Op.WalkTo, 3, 4])]);
    const decoded = decodeClientFrame(bytes);
    expect(decoded.ok).toBe(false);
  });

  it.each([
    ['a long string followed by more bytes', Uint8Array.from([...new Packr().pack(['x'.repeat(200)]), 1])],
    ['an op that cannot be printed', new Packr({ useRecords: false }).pack([{ toString: 1 }, 1, 2])],
    ['a long string op', new Packr({ useRecords: false }).pack(['y'.repeat(300), 1, 2])],
  ])('rejects %s with a short error that does not echo it', (_what, bytes) => {
    const decoded = decodeClientFrame(bytes);
    expect(decoded.ok).toBe(false);
    // The error ends up in a WebSocket close reason (at most 123 bytes) and in the server log.
    if (!decoded.ok) expect(decoded.error.length).toBeLessThanOrEqual(80);
  });

  it('rejects an empty frame', () => {
    expect(decodeClientFrame(new Uint8Array(0)).ok).toBe(false);
  });

  it('a record definition in one frame does not change how the next frame decodes', () => {
    // msgpackr's record extension (0xd4 0x72) would make 0x40-0x7f bytes mean records; with useRecords
    // off it must not leak from one client's frame into another's.
    const recordFrame = new Packr({ useRecords: true }).pack([{ a: 1 }]);
    decodeClientFrame(recordFrame);
    expect(decodeClientFrame(encode([Op.WalkTo, 64, 100]))).toEqual({ ok: true, msg: [Op.WalkTo, 64, 100] });
  });

  it('random bytes and every truncation of valid frames never throw', () => {
    const random = prng(1234);
    const seeds = validClientMessages.map((m) => encode(m));
    let cases = 0;
    for (const frame of seeds) {
      for (let n = 0; n <= frame.length; n++) {
        expect(decodeClientFrame(frame.subarray(0, n)).ok).toBe(n === frame.length);
        cases++;
      }
    }
    for (let i = 0; i < 4000; i++) {
      let bytes: Uint8Array;
      if (i % 2 === 0) {
        bytes = new Uint8Array(Math.floor(random() * 48));
        for (let k = 0; k < bytes.length; k++) bytes[k] = Math.floor(random() * 256);
      } else {
        // Valid frames with a few bytes flipped: closer to the shapes the validator must reject.
        bytes = Uint8Array.from(seeds[i % seeds.length]!);
        const flips = 1 + Math.floor(random() * 3);
        for (let k = 0; k < flips; k++)
          bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256);
      }
      expect(bytes.length).toBeLessThanOrEqual(MAX_CLIENT_FRAME);
      const decoded = decodeClientFrame(bytes);
      if (decoded.ok) expect(checkClientMessage(decoded.msg).ok).toBe(true);
      else expect(typeof decoded.error).toBe('string');
      cases++;
    }
    expect(cases).toBeGreaterThan(4000);
  });
});

describe('server frames', () => {
  const messages: ServerMsg[] = [
    [Op.Welcome, 7, 'Alice', 3, 4, 'Emberfall', 'maps/world.tmj', 50, 3, 'v1'],
    [Op.SpawnPlayer, 300, 'Bob', 1000, 70000, Uint8Array.of(1, 2, 3), 'axe', 'plate', 12],
    [Op.SpawnPlayer, 2, 'Eve', 0, 0, new Uint8Array(0), 'club', 'tunic', 1],
    [Op.Despawn, 65536],
    [Op.Moves, Uint8Array.from({ length: 300 }, (_, i) => i & 0xff)],
    [Op.Notice, 'Welcome to Emberfall!'],
  ];

  it.each(messages.map((m) => [m[0], m] as const))(
    'op %i round-trips through joinFrame/decodeServerFrame',
    (_op, msg) => {
      const [decoded] = decodeServerFrame(joinFrame([encode(msg)]));
      expect(normalize(decoded)).toEqual(normalize(msg));
    },
  );

  it('a frame of every message decodes in order', () => {
    const decoded = decodeServerFrame(joinFrame(messages.map((m) => encode(m))));
    expect(decoded.map(normalize)).toEqual(messages.map(normalize));
  });
});

/** Binary fields decode as Buffer under Node; compare their bytes, not their class. */
function normalize(msg: unknown): unknown {
  return (msg as unknown[]).map((v) => (v instanceof Uint8Array ? [...v] : v));
}
