import { describe, expect, it } from 'vitest';
import { OutBatch, readOutBatch } from './gateway-wire.ts';

describe('OutBatch', () => {
  it('packs frames (from their parts) and closes in the order queued, and reads them back', () => {
    const batch = new OutBatch();
    expect(batch.isEmpty).toBe(true);
    batch.frame(7, [Uint8Array.of(1, 2), Uint8Array.of(3)]);
    batch.close(7, 4006, 'The server is restarting… 再见');
    batch.frame(2 ** 32 - 1, []);
    expect(batch.isEmpty).toBe(false);
    const records = [...readOutBatch(batch.take())];
    expect(records).toEqual([
      { kind: 'frame', id: 7, bytes: Uint8Array.of(1, 2, 3) },
      { kind: 'close', id: 7, code: 4006, reason: 'The server is restarting… 再见' },
      { kind: 'frame', id: 2 ** 32 - 1, bytes: new Uint8Array(0) },
    ]);
    expect(batch.isEmpty).toBe(true);
    expect([...readOutBatch(batch.take())]).toEqual([]);
  });

  it('grows past its first buffer, and a taken batch is not changed by the next one', () => {
    const batch = new OutBatch();
    const big = Uint8Array.from({ length: 50_000 }, (_, i) => i & 0xff);
    for (let id = 0; id < 4; id++) batch.frame(id, [big, Uint8Array.of(id)]);
    const first = batch.take();
    batch.frame(9, [Uint8Array.of(9, 9, 9)]);
    const records = [...readOutBatch(first)];
    expect(records.map((r) => r.id)).toEqual([0, 1, 2, 3]);
    for (const r of records) {
      if (r.kind !== 'frame') throw new Error('expected frames only');
      expect(r.bytes.length).toBe(50_001);
      expect(r.bytes[49_999]).toBe(49_999 & 0xff);
      expect(r.bytes[50_000]).toBe(r.id);
    }
    expect([...readOutBatch(batch.take())]).toEqual([
      { kind: 'frame', id: 9, bytes: Uint8Array.of(9, 9, 9) },
    ]);
  });
});
