import { describe, it, expect } from 'vitest';
import { Dir } from '../rules/dirs.ts';
import { encode, joinFrame } from './codec.ts';
import { MovesWriter, type WalkRecord } from './moves.ts';
import { Happening, Op } from './ops.ts';
import type { ServerMsg } from './server-messages.ts';
import { applyFrame, createView, tileAt, type WorldView } from './view.ts';

const { Up, Right, Down } = Dir;

function packed(...records: WalkRecord[]): Uint8Array {
  const writer = new MovesWriter();
  for (const r of records) writer.add(r);
  return writer.finish();
}

function frame(...msgs: ServerMsg[]): Uint8Array {
  return joinFrame(msgs.map((m) => encode(m)));
}

function welcomed(): WorldView {
  const view = createView();
  applyFrame(view, frame([Op.Welcome, 1, 'Me', 5, 5, 'W', 'maps/world.tmj', 50, 3, '']));
  return view;
}

describe('applyFrame', () => {
  it("a new character's token comes before its welcome; a heartbeat changes nothing", () => {
    const view = createView();
    const events = applyFrame(
      view,
      frame(
        [Op.Token, 'secret'],
        [Op.Welcome, 1, 'Me', 5, 5, 'W', 'maps/world.tmj', 50, 3, ''],
        [Op.Heartbeat],
      ),
    );
    expect(events.map((e) => e.type)).toEqual(['token', 'welcome']);
    expect(events[0]).toEqual({ type: 'token', token: 'secret' });
    expect(applyFrame(view, frame([Op.Heartbeat]))).toEqual([]);
    expect(encode([Op.Heartbeat]).length).toBe(2);
  });

  it('the welcome sets who we are and puts us in the view', () => {
    const view = welcomed();
    expect(view).toMatchObject({ selfId: 1, world: 'W', tickMs: 50, stepTicks: 3 });
    expect(view.entities.get(1)).toMatchObject({
      name: 'Me',
      fromX: 5,
      fromY: 5,
      endX: 5,
      endY: 5,
      steps: [],
    });
  });

  it('a spawn carries the walk it is on, and this frame’s record for it is skipped', () => {
    const view = welcomed();
    const walk = { id: 2, start: { x: 0, y: 0 }, steps: [Right, Right] };
    // The record repeats the walk as a continuation: applying it again would end at (4, 0).
    const events = applyFrame(
      view,
      frame(
        [Op.SpawnPlayer, 2, 'Bo', 0, 0, packed(walk), 'club', 'tunic', 1],
        [Op.Moves, packed({ ...walk, start: null })],
      ),
      7,
    );
    expect(events.map((e) => e.type)).toEqual(['spawn']);
    expect(view.entities.get(2)).toMatchObject({
      fromX: 0,
      endX: 2,
      endY: 0,
      steps: [Right, Right],
      since: 7,
    });
  });

  it('a record without a start continues from the end of the previous walk', () => {
    const view = welcomed();
    applyFrame(view, frame([Op.SpawnPlayer, 2, 'Bo', 0, 0, new Uint8Array(0), 'club', 'tunic', 1]));
    applyFrame(view, frame([Op.Moves, packed({ id: 2, start: null, steps: [Down, Down] })]));
    applyFrame(view, frame([Op.Moves, packed({ id: 2, start: null, steps: [Right] })]), 30);
    expect(view.entities.get(2)).toMatchObject({ fromX: 0, fromY: 2, endX: 1, endY: 2, since: 30 });
    applyFrame(view, frame([Op.Moves, packed({ id: 2, start: { x: 9, y: 9 }, steps: [] })]));
    expect(view.entities.get(2)).toMatchObject({ fromX: 9, fromY: 9, endX: 9, endY: 9 });
  });

  it('records for ourselves move us too', () => {
    const view = welcomed();
    applyFrame(view, frame([Op.Moves, packed({ id: 1, start: null, steps: [Up] })]));
    expect(view.entities.get(1)).toMatchObject({ endX: 5, endY: 4 });
  });

  it('despawn then spawn of the same id in one frame leaves it seen, with the spawn’s walk', () => {
    const view = welcomed();
    applyFrame(view, frame([Op.SpawnPlayer, 2, 'Bo', 0, 0, new Uint8Array(0), 'club', 'tunic', 1]));
    const events = applyFrame(
      view,
      frame(
        [Op.Despawn, 2],
        [Op.SpawnPlayer, 2, 'Bo', 3, 3, new Uint8Array(0), 'club', 'tunic', 1],
        [Op.Moves, packed({ id: 2, start: null, steps: [Up] })],
      ),
    );
    expect(events.map((e) => e.type)).toEqual(['despawn', 'spawn']);
    expect(view.entities.get(2)).toMatchObject({ endX: 3, endY: 3 });
  });

  it('reports frames that contradict the view as problems', () => {
    const view = welcomed();
    const events = applyFrame(
      view,
      frame(
        [Op.Despawn, 9],
        [Op.Moves, packed({ id: 8, start: null, steps: [] })],
        [Op.SpawnPlayer, 1, 'Me', 0, 0, new Uint8Array(0), 'club', 'tunic', 1],
      ),
    );
    expect(events.filter((e) => e.type === 'problem')).toHaveLength(3);
  });

  it('keeps the bag: slots with counts, and each belt shortcut with how many the bag holds of it', () => {
    const view = welcomed();
    const events = applyFrame(
      view,
      frame([
        Op.Bag,
        ['small_potion', '', 'club', 'small_potion'],
        [10, 0, 1, 3],
        ['small_potion', 'large_potion', ''],
      ]),
    );
    const bag = {
      slots: [
        { item: 'small_potion', count: 10 },
        { item: '', count: 0 },
        { item: 'club', count: 1 },
        { item: 'small_potion', count: 3 },
      ],
      belt: [
        { item: 'small_potion', count: 13 },
        { item: 'large_potion', count: 0 },
        { item: '', count: 0 },
      ],
    };
    expect(events).toEqual([{ type: 'bag', bag }]);
    expect(view.bag).toEqual(bag);
    // A welcome (a reconnect) keeps it until the server sends the next one.
    applyFrame(view, frame([Op.Welcome, 1, 'Me', 5, 5, 'W', 'maps/world.tmj', 50, 3, '']));
    expect(view.bag).toEqual(bag);
  });

  it('passes notices on', () => {
    expect(applyFrame(createView(), frame([Op.Notice, 'Hi']))).toEqual([{ type: 'notice', text: 'Hi' }]);
  });

  it('passes typed happenings on, with their detail, and changes nothing else', () => {
    const view = welcomed();
    const before = structuredClone(view);
    const events = applyFrame(
      view,
      frame([Op.Happened, Happening.LevelUp, 4], [Op.Happened, Happening.Equipped, 'axe']),
    );
    expect(events).toEqual([
      { type: 'happened', what: Happening.LevelUp, detail: 4 },
      { type: 'happened', what: Happening.Equipped, detail: 'axe' },
    ]);
    expect(view).toEqual(before);
  });
});

describe('tileAt', () => {
  it('follows the walk one step per stepMs from when it arrived', () => {
    const view = welcomed();
    applyFrame(view, frame([Op.Moves, packed({ id: 1, start: null, steps: [Right, Right, Down] })]), 1000);
    const me = view.entities.get(1)!;
    expect(tileAt(me, 1000, 150)).toEqual({ x: 5, y: 5 });
    expect(tileAt(me, 1149, 150)).toEqual({ x: 5, y: 5 });
    expect(tileAt(me, 1150, 150)).toEqual({ x: 6, y: 5 });
    expect(tileAt(me, 1450, 150)).toEqual({ x: 7, y: 6 });
    expect(tileAt(me, 99999, 150)).toEqual({ x: 7, y: 6 });
  });
});
