// The truce after a respawn, a dead player's death screen on every return (a join, a resumed client), and
// a character whose client is gone, waiting for it untouched.
import { describe, expect, it } from 'vitest';
import { Op } from '../../shared/protocol/ops.ts';
import { createView } from '../../shared/protocol/view.ts';
import { newCharacter } from './character.ts';
import { RESPAWN_SAFE_TICKS, World } from './world.ts';
import {
  adventureMap,
  mobKind,
  onlyMob,
  openRows,
  placedClient,
  received,
  tickAndDeliver,
  tickTimes,
  tickUntil,
  walkEnd,
  withMobs,
  type TestClient,
} from './test-support.ts';

const killer = mobKind('killer', { weapon: 40, aggroRadius: 3, leash: 10, attackTicks: 10, hp: 100_000 });

/** The spawn (and so the checkpoint) on (5, 5), a killer that never leaves (6, 5): it would camp the spot. */
function campedWorld(): World {
  const map = adventureMap(openRows(20, 10), [
    { id: 1, type: 'spawn', x: 5, y: 5 },
    { id: 2, type: 'mobArea', x: 6, y: 5, props: { kind: 'killer', count: 1 } },
  ]);
  return new World({ name: 'w', map, data: withMobs(killer), seed: 4 });
}

/** A player killed by the camper, then respawned beside it; returns the tick of the Respawn. */
function killAndRespawn(world: World, a: TestClient): number {
  tickUntil(world, [a], () => a.player.dead, 400, 'the death');
  world.respawn(a.player.id);
  return world.tickCount;
}

const hitsOn = (a: TestClient): number => received(a, Op.Hit).filter((h) => h[2] === a.player.id).length;
const lastShield = (a: TestClient): number => received(a, Op.Stats).at(-1)![7];

describe('after a respawn', () => {
  it('a player who stands still is neither noticed nor struck for a few seconds, and its shield is shown', () => {
    const world = campedWorld();
    const a = placedClient(world, 'A', { hp: 1 });
    const mob = onlyMob(world);
    const respawnedAt = killAndRespawn(world, a);
    const hits = hitsOn(a);
    tickTimes(world, [a], 1);
    expect(a.player).toMatchObject({ x: 5, y: 5, dead: false });
    expect(a.view.stats!.invulnerableTicks).toBe(RESPAWN_SAFE_TICKS - 1);
    while (world.tickCount < respawnedAt + RESPAWN_SAFE_TICKS - 1) {
      tickAndDeliver(world, [a]);
      expect(mob.hate.has(a.player.id)).toBe(false);
    }
    expect(hitsOn(a)).toBe(hits);
    // The truce ends on its own: the client hears that the shield is gone, and the camper strikes.
    tickAndDeliver(world, [a]);
    expect(lastShield(a)).toBe(0);
    tickUntil(world, [a], () => hitsOn(a) > hits, 40, 'the camper to strike');
  });

  it('acting ends the truce at once; chatting does not', () => {
    const world = campedWorld();
    const a = placedClient(world, 'A', { hp: 1 });
    const mob = onlyMob(world);
    killAndRespawn(world, a);
    tickTimes(world, [a], 10);
    world.chat(a.player.id, 'hello?');
    tickTimes(world, [a], 10);
    expect(mob.hate.has(a.player.id)).toBe(false);
    expect(lastShield(a)).toBeGreaterThan(0);

    world.walkTo(a.player.id, 4, 5);
    tickAndDeliver(world, [a]);
    expect(lastShield(a)).toBe(0);
    expect(mob.hate.has(a.player.id)).toBe(true);
  });

  it('attacking, looting, talking or opening ends it too', () => {
    for (const act of ['attack', 'loot', 'talk', 'open'] as const) {
      const world = campedWorld();
      const a = placedClient(world, 'A', { hp: 1 });
      killAndRespawn(world, a);
      tickTimes(world, [a], 2);
      world.pursue(a.player.id, act, 999);
      expect(a.player.safeUntil, act).toBe(0);
    }
  });
});

describe('a respawn is an intent', () => {
  it('asked between ticks, the player gets up in the next tick; a walk sent after it still counts', () => {
    const world = campedWorld();
    const a = placedClient(world, 'A', { hp: 1 });
    tickUntil(world, [a], () => a.player.dead, 400, 'the death');
    world.respawn(a.player.id);
    expect(a.player.dead).toBe(true); // not before the tick
    world.walkTo(a.player.id, 5, 8);
    tickAndDeliver(world, [a]);
    expect(a.player).toMatchObject({ dead: false, x: 5, y: 5 });
    // Walking is acting: no truce for a player who walks off at once.
    expect(a.player.safeUntil).toBe(0);
    tickAndDeliver(world, [a]); // placed in the tick it got up, it sets off in the next
    expect(walkEnd(a.player)).toEqual({ x: 5, y: 8 });
  });
});

describe('a dead player comes back to its death screen', () => {
  it('a character saved dead is welcomed, told it died, kept out of sight, and respawns at its checkpoint', () => {
    const world = campedWorld();
    const b = placedClient(world, 'B', { x: 2, y: 2 });
    const joined = world.join('A', {
      ...newCharacter(),
      x: 3,
      y: 3,
      checkpoint: { x: 1, y: 1, map: '' },
      hp: 0,
    });
    if (!joined.ok) throw new Error(joined.reason);
    const a: TestClient = { player: joined.player, view: createView(), frames: [], problems: [] };
    const events = tickAndDeliver(world, [a, b]).get(a)!;
    expect(events.map((e) => e.type).slice(0, 2)).toEqual(['welcome', 'achievementList']);
    expect(events).toContainEqual(expect.objectContaining({ type: 'died', id: a.player.id }));
    expect(a.view.stats!.hp).toBe(0);
    expect(a.player).toMatchObject({ dead: true, cell: -1, dirty: false });
    expect(b.view.entities.has(a.player.id)).toBe(false);

    world.respawn(a.player.id);
    tickAndDeliver(world, [a, b]);
    expect(a.player).toMatchObject({ x: 1, y: 1, dead: false, hp: a.player.maxHp });
    expect(b.view.entities.get(a.player.id)).toMatchObject({ endX: 1, endY: 1 });
    expect([...a.problems, ...b.problems]).toEqual([]);
  });

  it('a dead player whose client resumes gets its welcome, then its Died naming the killer', () => {
    const world = campedWorld();
    const a = placedClient(world, 'A', { hp: 1 });
    const mob = onlyMob(world);
    tickUntil(world, [a], () => a.player.dead, 400, 'the death');
    tickTimes(world, [a], 5);
    world.resume(a.player.id);
    const fresh: TestClient = { player: a.player, view: createView(), frames: [], problems: [] };
    const events = tickAndDeliver(world, [fresh]).get(fresh)!;
    const died = events.findIndex((e) => e.type === 'died');
    expect(events[0]!.type).toBe('welcome');
    expect(died).toBeGreaterThan(0);
    expect(received(fresh, Op.Died)).toEqual([[Op.Died, a.player.id, mob.id]]);
    expect(fresh.view.stats!.hp).toBe(0);
    // Respawn still works from the resumed client.
    world.respawn(a.player.id);
    tickAndDeliver(world, [fresh]);
    expect(fresh.view.stats!.hp).toBe(a.player.maxHp);
    expect(fresh.problems).toEqual([]);
  });
});

describe('a character whose client is gone', () => {
  it('stops walking where it is (after the step it is on), and others see it stop', () => {
    const world = campedWorld();
    const a = placedClient(world, 'A', { x: 1, y: 1 });
    const b = placedClient(world, 'B', { x: 2, y: 2 });
    world.walkTo(a.player.id, 1, 9);
    tickTimes(world, [a, b], 3);
    world.clientGone(a.player.id);
    tickTimes(world, [a, b], 60);
    expect(a.player.y).toBeLessThanOrEqual(3);
    expect(a.player.path).toEqual([]);
    expect(b.view.entities.get(a.player.id)).toMatchObject({ endX: 1, endY: a.player.y });
    expect(b.problems).toEqual([]);
  });

  it('is dropped by the mobs, struck by none and does nothing, until its client resumes', () => {
    const world = campedWorld();
    const a = placedClient(world, 'A', { hp: 100_000, maxHp: 100_000 });
    const mob = onlyMob(world);
    world.pursue(a.player.id, 'attack', mob.id);
    tickUntil(world, [a], () => hitsOn(a) > 0 && mob.hp < mob.kind.hp, 200, 'the fight');
    world.clientGone(a.player.id);
    const blows = received(a, Op.Hit).length;
    const mobHp = mob.hp;
    tickTimes(world, [a], 200);
    expect(received(a, Op.Hit).length).toBe(blows);
    expect(mob.hp).toBe(mobHp);
    expect(a.player.goal).toBeNull();
    expect(mob.hate.has(a.player.id)).toBe(false);
    // Intents cannot reach it either.
    world.walkTo(a.player.id, 0, 0);
    world.pursue(a.player.id, 'attack', mob.id);
    tickTimes(world, [a], 20);
    expect(a.player).toMatchObject({ x: 5, y: 5, goal: null });

    world.resume(a.player.id);
    const back = joinlessClient(a);
    tickUntil(world, [back], () => hitsOn(back) > 0, 60, 'the mob to take the player on again');
  });
});

/** A fresh client view for a player already in the world (its resumed connection). */
function joinlessClient(a: TestClient): TestClient {
  return { player: a.player, view: createView(), frames: [], problems: [] };
}

describe('a respawn towards another map', () => {
  it('gets up where it fell, is handed to the realm for the checkpoint’s map, and the world ticks on', () => {
    // Came through a portal from a big map and died before any checkpoint here: that checkpoint's tile
    // (40, 60) is far outside this 20×10 map. Placed there, every later tick of this world threw.
    const world = campedWorld();
    const a = placedClient(world, 'A', { hp: 1, checkpoint: { x: 40, y: 60, map: 'maps/big.tmj' } });
    killAndRespawn(world, a);
    const fell = { x: a.player.x, y: a.player.y };
    tickTimes(world, [a], 3);
    expect(a.player.dead).toBe(false);
    expect({ x: a.player.x, y: a.player.y }).toEqual(fell);
    expect(world.departures).toMatchObject([
      { player: a.player, portal: { map: 'maps/big.tmj' }, tile: { x: 40, y: 60 } },
    ]);
    expect(a.problems).toEqual([]);
  });
});
