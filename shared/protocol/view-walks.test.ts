// The in-place walk reader (WalkReader, step arrays rewritten in place, no walk events for the bots)
// against the plain reading it replaced: fresh records with fresh step arrays, applied one by one. Random
// frames of spawns, despawns, deaths and walks (with and without a start tile, of up to 127 steps, to
// entities seen, unseen and spawned in the same frame) must leave both with the same entities and events.
import { describe, expect, it } from 'vitest';
import type { Dir } from '../rules/dirs.ts';
import { DX, DY } from '../rules/dirs.ts';
import { encode, joinFrame } from './codec.ts';
import { MAX_STEPS_PER_RECORD, MovesWriter, readMoves, type WalkRecord } from './moves.ts';
import { Op } from './ops.ts';
import type { ServerMsg } from './server-messages.ts';
import { applyFrame, createView, type ViewEvent, type WorldView } from './view.ts';

/** The reading of a Moves message as it was before WalkReader: one record object and step array each. */
function plainReadMoves(packed: Uint8Array): WalkRecord[] {
  const records: WalkRecord[] = [];
  let at = 0;
  const byte = (): number => {
    if (at >= packed.length) throw new RangeError('truncated moves');
    return packed[at++]!;
  };
  const varint = (): number => {
    let value = 0;
    let scale = 1;
    for (let n = 0; n < 5; n++) {
      const b = byte();
      value += (b & 0x7f) * scale;
      if (b < 0x80) return value;
      scale *= 128;
    }
    throw new RangeError('varint too long');
  };
  while (at < packed.length) {
    const id = varint();
    const head = byte();
    const n = head & 0x7f;
    const start = head & 0x80 ? null : { x: varint(), y: varint() };
    const steps: Dir[] = [];
    for (let i = 0; i < n; i += 4) {
      const b = byte();
      for (let k = 0; k < 4 && i + k < n; k++) steps.push(((b >> (k * 2)) & 3) as Dir);
    }
    records.push({ id, start, steps });
  }
  return records;
}

interface PlainEntity {
  fromX: number;
  fromY: number;
  steps: Dir[];
  endX: number;
  endY: number;
  since: number;
}

/** What the view does with walks, spawns, despawns and deaths, the plain way; events as `type id`. */
class PlainView {
  selfId = -1;
  readonly entities = new Map<number, PlainEntity>();

  apply(frame: Uint8Array, now: number): string[] {
    const events: string[] = [];
    const spawned = new Set<number>();
    const walk = (e: PlainEntity, r: WalkRecord): void => {
      e.fromX = r.start ? r.start.x : e.endX;
      e.fromY = r.start ? r.start.y : e.endY;
      e.steps = r.steps;
      e.endX = r.steps.reduce((x, d) => x + DX[d]!, e.fromX);
      e.endY = r.steps.reduce((y, d) => y + DY[d]!, e.fromY);
    };
    const standing = (x: number, y: number): PlainEntity => {
      return { fromX: x, fromY: y, steps: [], endX: x, endY: y, since: now };
    };
    // The messages as the server made them: the view under test reads them from the frame's bytes.
    for (const msg of sent.get(frame)!) {
      const [op, id] = msg as [number, number];
      if (op === Op.Welcome) {
        this.selfId = id;
        this.entities.clear();
        this.entities.set(id, standing(msg[3] as number, msg[4] as number));
        events.push(`welcome ${id}`);
      } else if (op === Op.SpawnPlayer || op === Op.SpawnMob) {
        if (this.entities.has(id)) events.push(`problem spawn of ${id}, already seen`);
        const e = standing(msg[3] as number, msg[4] as number);
        const record = plainReadMoves(msg[5] as Uint8Array)[0];
        if (record) walk(e, record);
        this.entities.set(id, e);
        spawned.add(id);
        events.push(`spawn ${id}`);
      } else if (op === Op.Despawn) {
        spawned.delete(id);
        if (!this.entities.delete(id)) events.push(`problem despawn of ${id}, never seen`);
        else events.push(`despawn ${id}`);
      } else if (op === Op.Died) {
        spawned.delete(id);
        if (id !== this.selfId) this.entities.delete(id);
        events.push(`died ${id}`);
      } else if (op === Op.Moves) {
        for (const r of plainReadMoves(msg[1] as Uint8Array)) {
          if (spawned.has(r.id)) continue;
          const e = this.entities.get(r.id);
          if (!e) {
            events.push(`problem walk of ${r.id}, never seen`);
            continue;
          }
          walk(e, r);
          e.since = now;
          events.push(`walk ${r.id}`);
        }
      }
    }
    return events;
  }
}

/** Each random frame's messages, for the plain view. */
const sent = new WeakMap<Uint8Array, ServerMsg[]>();

function described(events: ViewEvent[]): string[] {
  return events.map((e) => {
    if (e.type === 'problem') return `problem ${e.text}`;
    if (e.type === 'died') return `died ${e.id}`;
    return `${e.type} ${'entity' in e ? e.entity.id : '?'}`;
  });
}

function entitiesOf(view: WorldView): Map<number, PlainEntity> {
  const out = new Map<number, PlainEntity>();
  for (const [id, e] of view.entities) {
    const { fromX, fromY, endX, endY, since } = e;
    out.set(id, { fromX, fromY, steps: [...e.steps], endX, endY, since });
  }
  return out;
}

/** mulberry32: a small seeded generator, so a failing seed can be replayed. */
function random(seed: number): (n: number) => number {
  let a = seed >>> 0;
  return (n) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

function randomWalk(int: (n: number) => number, id: number): WalkRecord {
  const long = int(10) === 0;
  const steps = Array.from({ length: long ? int(MAX_STEPS_PER_RECORD + 1) : int(12) }, () => int(4) as Dir);
  // Now and then a start tile whose varints take three bytes.
  const far = int(20) === 0 ? 100_000 : 200;
  return { id, start: int(2) ? null : { x: int(far), y: int(far) }, steps };
}

function randomFrame(int: (n: number) => number, tick: number): Uint8Array {
  const msgs: ServerMsg[] = [];
  const id = (): number => 2 + int(40);
  const walkBytes = (of: number): Uint8Array => {
    const w = new MovesWriter();
    if (int(3)) w.add(randomWalk(int, of));
    return w.finish();
  };
  if (tick === 0) msgs.push([Op.Welcome, 1, 'Me', 50, 50, 'W', 'maps/world.tmj', 50, 3, '']);
  for (let n = 1 + int(4); n > 0; n--) {
    const what = int(10);
    if (what < 3)
      msgs.push([Op.SpawnPlayer, id(), 'P', int(100), int(100), walkBytes(0), 'club', 'tunic', 1]);
    else if (what < 5) msgs.push([Op.SpawnMob, id(), 'rat', int(100), int(100), walkBytes(0), 5, 5]);
    else if (what < 7) msgs.push([Op.Despawn, id()]);
    else if (what < 8) msgs.push([Op.Died, int(5) ? id() : 1, id()]);
    else {
      const w = new MovesWriter();
      for (let r = int(9); r > 0; r--) w.add(randomWalk(int, int(6) ? id() : 1));
      msgs.push([Op.Moves, w.finish()]);
    }
  }
  // A spawn's walk record is the entity's whatever id it was written with (0 here), as before.
  const bytes = joinFrame(msgs.map((m) => encode(m)));
  sent.set(bytes, msgs);
  return bytes;
}

describe('walks read in place', () => {
  it('readMoves reads what the plain reader reads, and refuses what it refuses, for any bytes', () => {
    const int = random(11);
    for (let round = 0; round < 300; round++) {
      const w = new MovesWriter();
      for (let r = int(6); r > 0; r--) w.add(randomWalk(int, int(300_000)));
      const whole = w.finish();
      // Every prefix (most end inside a record) and the same bytes with one byte changed.
      const changed = Uint8Array.from(whole);
      if (changed.length) changed[int(changed.length)] = int(256);
      for (const bytes of [
        whole,
        changed,
        ...Array.from({ length: whole.length }, (_, n) => whole.subarray(0, n)),
      ]) {
        let plain: WalkRecord[] | string;
        try {
          plain = plainReadMoves(bytes);
        } catch (err) {
          plain = `${(err as Error).name}: ${(err as Error).message}`;
        }
        if (typeof plain === 'string')
          expect(() => readMoves(bytes)).toThrow(plain.replace('RangeError: ', ''));
        else expect(readMoves(bytes)).toEqual(plain);
      }
    }
    expect(() => readMoves(Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0xff, 0x01, 0x80))).toThrow(
      'varint too long',
    );
  });

  it('random frames leave the view as the plain reading does, with the same events', () => {
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const int = random(seed);
      const view = createView();
      const quiet = createView();
      const plain = new PlainView();
      for (let tick = 0; tick < 400; tick++) {
        const frame = randomFrame(int, tick);
        const events = applyFrame(view, frame, tick * 50);
        const expected = plain.apply(frame, tick * 50);
        expect(described(events), `seed ${seed} tick ${tick}`).toEqual(expected);
        expect(entitiesOf(view), `seed ${seed} tick ${tick}`).toEqual(plain.entities);
        // The bots' way: the same view, every event but the walks.
        const heard = applyFrame(quiet, frame, tick * 50, { walkEvents: false });
        expect(heard).toEqual(events.filter((e) => e.type !== 'walk'));
        expect(quiet).toEqual(view);
      }
    }
  });

  it('a truncated Moves message changes nothing of the view before it throws', () => {
    const view = createView();
    const spawn: ServerMsg = [Op.SpawnPlayer, 2, 'P', 3, 3, new Uint8Array(0), 'club', 'tunic', 1];
    applyFrame(view, joinFrame([encode([Op.Welcome, 1, 'Me', 5, 5, 'W', 'm', 50, 3, '']), encode(spawn)]));
    const w = new MovesWriter();
    w.add({ id: 2, start: null, steps: [1, 1] });
    w.add({ id: 1, start: { x: 9, y: 9 }, steps: [2, 2, 2] });
    const bytes = w.finish();
    const before = structuredClone(view);
    expect(() => applyFrame(view, encode([Op.Moves, bytes.subarray(0, bytes.length - 1)]))).toThrow(
      RangeError,
    );
    expect(view).toEqual(before);
  });
});
