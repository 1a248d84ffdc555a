import { describe, it, expect } from 'vitest';
import { Unpackr } from 'msgpackr';
import { Op } from '../../shared/protocol/ops.ts';
import { decodeServerFrame, encode } from '../../shared/protocol/codec.ts';
import { Outbox, movesHeader } from './outbox.ts';

const unpackr = new Unpackr({ useRecords: false });

describe('movesHeader', () => {
  it.each([0, 1, 255, 256, 65535, 65536, 100_000])(
    'frames %i bytes of records as [Op.Moves, bin]',
    (size) => {
      const body = Uint8Array.from({ length: size }, (_, i) => (i * 31) & 0xff);
      const header = movesHeader(size);
      const frame = new Uint8Array(header.length + size);
      frame.set(header);
      frame.set(body, header.length);
      const [op, bytes] = unpackr.unpack(frame) as [number, Uint8Array];
      expect(op).toBe(Op.Moves);
      expect(bytes).toBeInstanceOf(Uint8Array);
      expect(Buffer.from(bytes).equals(Buffer.from(body))).toBe(true);
    },
  );
});

describe('Outbox', () => {
  it('is empty until something is queued, and empties on take()', () => {
    const box = new Outbox();
    expect(box.take()).toBeNull();
    box.events.push(encode([Op.Despawn, 4]));
    expect(box.take()).not.toBeNull();
    expect(box.take()).toBeNull();
  });

  it('puts the welcome first, events next and joins every cell of moves into one Moves message', () => {
    const box = new Outbox();
    box.events.push(encode([Op.Despawn, 4]));
    box.first.push(encode([Op.Welcome, 1, 'A', 0, 0, 'W', 'maps/w.tmj', 50, 3, '']));
    box.moves.push(Uint8Array.of(1, 2));
    box.moves.push(Uint8Array.of(3));
    const msgs = decodeServerFrame(box.take()!);
    expect(msgs.map((m) => m[0])).toEqual([Op.Welcome, Op.Despawn, Op.Moves]);
    expect([...(msgs[2]![1] as Uint8Array)]).toEqual([1, 2, 3]);
  });
});
