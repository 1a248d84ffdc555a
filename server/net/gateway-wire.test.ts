import { describe, expect, it } from 'vitest';
import { InBatch, OutBatch, readInBatch, readOutBatch, Unframer } from './gateway-wire.ts';

/** The batches in a stream of bytes, fed to an Unframer in pieces of `piece` bytes. */
function unframe(stream: Uint8Array, piece = stream.length): Uint8Array[] {
  const batches: Uint8Array[] = [];
  const reader = new Unframer((b) => batches.push(b));
  for (let at = 0; at < stream.length; at += piece) reader.push(stream.slice(at, at + piece));
  return batches;
}

const one = (taken: Uint8Array): Uint8Array => {
  const batches = unframe(taken);
  expect(batches).toHaveLength(1);
  return batches[0]!;
};

describe('OutBatch', () => {
  it('packs frames (from their parts), closes and a stop in the order queued, and reads them back', () => {
    const batch = new OutBatch();
    expect(batch.isEmpty).toBe(true);
    batch.frame(7, [Uint8Array.of(1, 2), Uint8Array.of(3)]);
    batch.close(7, 4006, 'The server is restarting… 再见');
    batch.frame(2 ** 32 - 1, []);
    batch.stop();
    expect(batch.isEmpty).toBe(false);
    const records = [...readOutBatch(one(batch.take()))];
    expect(records).toEqual([
      { kind: 'frame', id: 7, bytes: Uint8Array.of(1, 2, 3) },
      { kind: 'close', id: 7, code: 4006, reason: 'The server is restarting… 再见' },
      { kind: 'frame', id: 2 ** 32 - 1, bytes: new Uint8Array(0) },
      { kind: 'stop' },
    ]);
    expect(batch.isEmpty).toBe(true);
    expect([...readOutBatch(one(batch.take()))]).toEqual([]);
  });

  it('grows past its first buffer, and a taken batch is not changed by the next one', () => {
    const batch = new OutBatch();
    const big = Uint8Array.from({ length: 50_000 }, (_, i) => i & 0xff);
    for (let id = 0; id < 4; id++) batch.frame(id, [big, Uint8Array.of(id)]);
    const first = batch.take();
    batch.frame(9, [Uint8Array.of(9, 9, 9)]);
    const records = [...readOutBatch(one(first))];
    expect(records.map((r) => (r.kind === 'frame' ? r.id : -1))).toEqual([0, 1, 2, 3]);
    for (const r of records) {
      if (r.kind !== 'frame') throw new Error('expected frames only');
      expect(r.bytes.length).toBe(50_001);
      expect(r.bytes[49_999]).toBe(49_999 & 0xff);
      expect(r.bytes[50_000]).toBe(r.id);
    }
    expect([...readOutBatch(one(batch.take()))]).toEqual([
      { kind: 'frame', id: 9, bytes: Uint8Array.of(9, 9, 9) },
    ]);
  });
});

describe('InBatch', () => {
  it("keeps a client's open, frames and close in the order they happened", () => {
    const batch = new InBatch();
    batch.open(3, '203.0.113.9');
    batch.frame(3, Uint8Array.of(1, 5));
    batch.frame(4, Uint8Array.of(2));
    batch.closed(3, 1006, false);
    batch.closed(4, 1002, true);
    expect([...readInBatch(one(batch.take()))]).toEqual([
      { kind: 'open', id: 3, address: '203.0.113.9' },
      { kind: 'in', id: 3, bytes: Uint8Array.of(1, 5) },
      { kind: 'in', id: 4, bytes: Uint8Array.of(2) },
      { kind: 'closed', id: 3, code: 1006, broke: false },
      { kind: 'closed', id: 4, code: 1002, broke: true },
    ]);
  });
});

describe('Unframer', () => {
  it('finds every batch however the pipe splits the stream, one byte at a time included', () => {
    const stream: number[] = [];
    const sent: number[][] = [];
    for (let n = 0; n < 5; n++) {
      const batch = new InBatch();
      const bytes = Array.from({ length: n * 37 }, (_, i) => (i * 7 + n) & 0xff);
      batch.frame(n, Uint8Array.from(bytes));
      sent.push(bytes);
      stream.push(...batch.take());
    }
    for (const piece of [1, 3, 13, 64, stream.length]) {
      const got = unframe(Uint8Array.from(stream), piece).map((b) => {
        const [r] = [...readInBatch(b)];
        return r?.kind === 'in' ? [...r.bytes] : null;
      });
      expect(got, `pieces of ${piece}`).toEqual(sent);
    }
  });

  it('refuses a length no batch can have, instead of waiting for it forever', () => {
    const reader = new Unframer(() => {});
    expect(() => reader.push(Uint8Array.of(0xff, 0xff, 0xff, 0xff))).toThrow(/corrupt data pipe/);
  });
});
