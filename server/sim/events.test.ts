// The event queue: every event is handled once, in order, including those raised by its handlers.
import { describe, expect, it } from 'vitest';
import { Op } from '../../shared/protocol/ops.ts';
import { EventQueue, type SimEvent } from './events.ts';
import { World } from './world.ts';
import { playerStrikes } from './combat.ts';
import {
  adventureMap,
  mobKind,
  onlyMob,
  openRows,
  placedClient,
  received,
  withMobs,
} from './test-support.ts';

describe('the event queue', () => {
  it('hands over events in order, those raised while draining too, and is empty after', () => {
    const queue = new EventQueue();
    const seen: string[] = [];
    const chat = (text: string): SimEvent => ({ type: 'chatSaid', player: null as never, text });
    queue.push(chat('a'));
    queue.push(chat('b'));
    queue.drain((e) => {
      if (e.type !== 'chatSaid') return;
      seen.push(e.text);
      if (e.text === 'a') queue.push(chat('raised by a'));
    });
    expect(seen).toEqual(['a', 'b', 'raised by a']);
    expect(queue.size).toBe(0);
  });

  it("a killing blow takes the mob out at once; the kill's loot and XP wait for the tick's event phase", () => {
    const rat = mobKind('rat', { hp: 1, xp: 5, drops: [{ item: 'small_potion', chance: 1 }] });
    const map = adventureMap(openRows(12, 6), [
      { id: 1, type: 'spawn', x: 2, y: 2 },
      { id: 2, type: 'mobArea', x: 3, y: 2, props: { kind: 'rat', count: 1 } },
    ]);
    const world = new World({ name: 'w', map, data: withMobs(rat), seed: 1 });
    const a = placedClient(world, 'A');
    const mob = onlyMob(world);
    playerStrikes(world, a.player, mob);
    // Dead: out of sight and waiting to come back, but nothing has followed from it yet.
    expect(mob).toMatchObject({ cell: -1 });
    expect(mob.respawnTick).toBeGreaterThan(world.tickCount);
    expect(world.events.size).toBe(1);
    expect(world.items.size).toBe(0);
    expect(a.player).toMatchObject({ kills: 0, xp: 0 });

    world.tick();
    expect(world.events.size).toBe(0);
    expect([...world.items.values()].map((i) => i.kind)).toEqual(['small_potion']);
    expect(a.player.kills).toBe(1);
    expect(a.player.xp).toBeGreaterThan(0);
    const frame = world.takeFrame(a.player.id)!;
    a.frames.push(frame);
    expect(received(a, Op.Notice).map((m) => m[1])).toContain('You defeated a rat.');
  });
});
