import { describe, expect, it } from 'vitest';
import { InBatch, OutBatch, readInBatch, readOutBatch, Unframer, type Outgoing } from './gateway-wire.ts';

/** The batches in a stream of bytes, fed to an Unframer in pieces of `piece` bytes. */
function unframe(stream: Uint8Array, piece = stream.length): Uint8Array[] {
  const batches: Uint8Array[] = [];
  const reader = new Unframer((b) => batches.push(b));
  for (let at = 0; at < stream.length; at += piece) reader.push(stream.slice(at, at + piece));
  return batches;
}

/** A batch's records with each frame's parts joined (the reader reuses its parts list record to record). */
type Read = Exclude<Outgoing, { kind: 'frame' }> | { kind: 'frame'; id: number; bytes: Uint8Array };

function read(batch: Uint8Array): Read[] {
  return Array.from(readOutBatch(batch), (r) =>
    r.kind === 'frame' ? { kind: 'frame', id: r.id, bytes: joined(r.parts, r.count, r.length) } : r,
  );
}

function joined(parts: Uint8Array[], count: number, length: number): Uint8Array {
  const out = new Uint8Array(length);
  let at = 0;
  for (let i = 0; i < count; i++) {
    out.set(parts[i]!, at);
    at += parts[i]!.length;
  }
  return out;
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
    const records = read(one(batch.take()));
    expect(records).toEqual([
      { kind: 'frame', id: 7, bytes: Uint8Array.of(1, 2, 3) },
      { kind: 'close', id: 7, code: 4006, reason: 'The server is restarting… 再见' },
      { kind: 'frame', id: 2 ** 32 - 1, bytes: new Uint8Array(0) },
      { kind: 'stop' },
    ]);
    expect(batch.isEmpty).toBe(true);
    expect(read(one(batch.take()))).toEqual([]);
  });

  it('grows past its first buffer, and a taken batch is not changed by the next one', () => {
    const batch = new OutBatch();
    const big = Uint8Array.from({ length: 50_000 }, (_, i) => i & 0xff);
    for (let id = 0; id < 4; id++) batch.frame(id, [big, Uint8Array.of(id)]);
    const first = batch.take();
    batch.frame(9, [Uint8Array.of(9, 9, 9)]);
    const records = read(one(first));
    expect(records.map((r) => (r.kind === 'frame' ? r.id : -1))).toEqual([0, 1, 2, 3]);
    for (const r of records) {
      if (r.kind !== 'frame') throw new Error('expected frames only');
      expect(r.bytes.length).toBe(50_001);
      expect(r.bytes[49_999]).toBe(49_999 & 0xff);
      expect(r.bytes[50_000]).toBe(r.id);
    }
    expect(read(one(batch.take()))).toEqual([{ kind: 'frame', id: 9, bytes: Uint8Array.of(9, 9, 9) }]);
  });
});

describe('OutBatch shared parts', () => {
  it('copies a part many frames share once, and every frame still reads back whole', () => {
    const batch = new OutBatch();
    const walks = Uint8Array.from({ length: 1000 }, (_, i) => (i * 13) & 0xff);
    const short = Uint8Array.of(5, 6); // under the sharing size: copied each time
    for (let id = 0; id < 100; id++)
      batch.frame(id, [Uint8Array.of(id, 0, 0, 0, 0, 0, 0, 0, 0), walks, short]);
    const taken = batch.take();
    // 100 frames of 1,011 bytes, but the 1,000 shared bytes are in the batch once.
    expect(taken.length).toBeLessThan(1000 + 100 * 30);
    const records = read(one(taken));
    expect(records).toHaveLength(100);
    records.forEach((r, id) => {
      if (r.kind !== 'frame') throw new Error('expected frames only');
      expect(r.id).toBe(id);
      expect([...r.bytes]).toEqual([id, 0, 0, 0, 0, 0, 0, 0, 0, ...walks, 5, 6]);
    });
  });

  it('numbers parts afresh in each batch, so a batch reads back on its own', () => {
    const batch = new OutBatch();
    const part = Uint8Array.from({ length: 64 }, (_, i) => i);
    batch.frame(1, [part]);
    batch.frame(2, [part]);
    const first = batch.take();
    batch.frame(3, [part, part]);
    const second = batch.take();
    expect(read(one(second))).toEqual([{ kind: 'frame', id: 3, bytes: Uint8Array.from([...part, ...part]) }]);
    expect(read(one(first)).map((r) => (r.kind === 'frame' ? r.bytes.length : -1))).toEqual([64, 64]);
  });

  it('refuses a frame that names a part its batch never gave', () => {
    // A frame record (kind 0, id 1, 1 byte) whose one entry names shared part 0.
    const record = Uint8Array.of(0, 0, 0, 0, 1, 0, 0, 0, 1, 2);
    expect(() => [...readOutBatch(record)]).toThrow(/never gave/);
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
