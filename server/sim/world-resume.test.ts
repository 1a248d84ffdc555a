// Saved characters joining, the dirty mark the saver relies on, and a reconnected client resuming.
import { describe, it, expect } from 'vitest';
import { PLAYER_STEP_TICKS } from '../../shared/rules/movement.ts';
import { applyFrame, createView } from '../../shared/protocol/view.ts';
import { World } from './world.ts';
import { newCharacter, type SavedCharacter } from './character.ts';
import { joinClient, mapFromRows, openMap, tickAndDeliver, type TestClient } from './test-support.ts';

function saved(fields: Partial<SavedCharacter>): SavedCharacter {
  return { ...newCharacter(), ...fields };
}

describe('joining with a saved character', () => {
  it('stands where it was saved, with every saved field, and is not dirty', () => {
    const world = new World({ name: 'w', map: openMap(20, 10, 0, 0), seed: 1 });
    const character = saved({
      x: 7,
      y: 3,
      checkpoint: { x: 2, y: 2, map: '' },
      hp: 40,
      maxHp: 120,
      level: 4,
      xp: 999,
      weapon: 'axe',
      armor: 'mail',
      achievements: ['first-steps'],
      counters: { rats: 3 },
      kills: 12,
      deaths: 2,
    });
    const joined = world.join('Alice', character);
    if (!joined.ok) throw new Error(joined.reason);
    expect(joined.player).toMatchObject({ ...character, name: 'Alice', dirty: false });
    // The world's copy is its own: changing it does not reach into the caller's record.
    joined.player.counters.rats = 4;
    joined.player.achievements.push('x');
    expect(character.counters.rats).toBe(3);
    expect(character.achievements).toEqual(['first-steps']);
  });

  it('a new character starts in a spawn area, its checkpoint there too, and is dirty', () => {
    const world = new World({ name: 'w', map: openMap(20, 10, 5, 6), seed: 1 });
    const joined = world.join('Bob');
    if (!joined.ok) throw new Error(joined.reason);
    expect(joined.player).toMatchObject({ x: 5, y: 6, checkpoint: { x: 5, y: 6 }, dirty: true });
  });

  it('a saved tile that is now a wall or off the map falls back to the checkpoint, then a spawn', () => {
    const map = mapFromRows(['....', '.#..', '....'], { x: 3, y: 2, width: 1, height: 1 });
    const world = new World({ name: 'w', map, seed: 1 });
    const walled = world.join('A', saved({ x: 1, y: 1, checkpoint: { x: 0, y: 2, map: '' } }));
    expect(walled.ok && walled.player).toMatchObject({ x: 0, y: 2, checkpoint: { x: 0, y: 2 }, dirty: true });
    const lost = world.join('B', saved({ x: 40, y: 1, checkpoint: { x: 1, y: 1, map: '' } }));
    expect(lost.ok && lost.player).toMatchObject({ x: 3, y: 2, checkpoint: { x: 3, y: 2 }, dirty: true });
  });
});

describe('the dirty mark', () => {
  it('is set where a walk stops, not on each step', () => {
    const world = new World({ name: 'w', map: openMap(20, 3, 0, 1), seed: 1 });
    const joined = world.join('Walker', saved({ x: 0, y: 1, checkpoint: { x: 0, y: 1, map: '' } }));
    if (!joined.ok) throw new Error(joined.reason);
    const player = joined.player;
    world.tick();
    world.walkTo(player.id, 3, 1);
    for (let t = 0; t < 3 * PLAYER_STEP_TICKS - 1; t++) {
      world.tick();
      expect(player.dirty).toBe(false);
    }
    world.tick();
    expect(player).toMatchObject({ x: 3, y: 1, dirty: true });
  });
});

describe('resume', () => {
  function placed(world: World, name: string): TestClient {
    const client = joinClient(world, name);
    tickAndDeliver(world, [client]);
    return client;
  }

  it('welcomes only the resumed client again, with everyone it sees and its own walk; others get nothing', () => {
    const world = new World({ name: 'w', map: openMap(30, 5, 2, 2), seed: 1 });
    const alice = placed(world, 'Alice');
    const bob = placed(world, 'Bob');
    tickAndDeliver(world, [alice, bob]);
    world.walkTo(bob.player.id, 20, 2);
    world.walkTo(alice.player.id, 2, 4);
    tickAndDeliver(world, [alice, bob]);
    // Bob's socket drops: his frames pile up unread while Alice keeps walking.
    for (let t = 0; t < 3; t++) {
      world.tick();
      const frame = world.takeFrame(alice.player.id);
      if (frame) applyFrame(alice.view, frame, world.tickCount);
    }
    world.walkTo(alice.player.id, 9, 4);
    world.tick();
    world.takeFrame(alice.player.id);

    world.walkTo(bob.player.id, 0, 0); // sent by the old connection just before it died: not replayed
    world.resume(bob.player.id);
    const fresh: TestClient = { player: bob.player, view: createView(), frames: [], problems: [] };
    const events = tickAndDeliver(world, [alice, fresh]);
    expect(events.get(alice) ?? []).toEqual([]);
    expect(fresh.problems).toEqual([]);
    expect(fresh.view.selfId).toBe(bob.player.id);
    const self = fresh.view.entities.get(bob.player.id)!;
    expect({ x: self.endX, y: self.endY }).toEqual({ x: 20, y: 2 });
    const seenAlice = fresh.view.entities.get(alice.player.id)!;
    expect({ x: seenAlice.endX, y: seenAlice.endY }).toEqual({ x: 9, y: 4 });
    // One welcome, never a second one on the next tick.
    tickAndDeliver(world, [alice, fresh]);
    expect(fresh.frames.length).toBeLessThanOrEqual(2);
  });

  it('leaving before the resume tick is harmless: the one who left is shown nothing again', () => {
    const world = new World({ name: 'w', map: openMap(10, 5, 2, 2), seed: 1 });
    const alice = placed(world, 'Alice');
    const bob = placed(world, 'Bob');
    world.resume(alice.player.id);
    world.leave(alice.player.id);
    tickAndDeliver(world, [bob]);
    expect(world.population).toBe(1);
    // No welcome and no world queued for a client that is gone (and for a character no longer here).
    expect(alice.player.outbox.take()).toBeNull();
    expect(bob.problems).toEqual([]);
  });
});
