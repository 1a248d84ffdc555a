// Mobs in a running world: noticing, chasing, striking, giving up at the leash, healing, dying and
// coming back, as the server decides it and as a client sees it.
import { describe, expect, it } from 'vitest';
import { Op } from '../../shared/protocol/ops.ts';
import { TICK_RATE } from '../../shared/rules/movement.ts';
import { World } from './world.ts';
import { playerStrikes } from './combat.ts';
import { adjacent, distance } from './mob-ai.ts';
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
} from './test-support.ts';

const hunter = mobKind('hunter', {
  hp: 200,
  aggroRadius: 4,
  leash: 8,
  attackTicks: 20,
  stepTicks: 2,
  respawnSeconds: 3,
});

/** A hunter at home on (10, 6); the player starts on (2, 6), well out of its sight, with HP to spare. */
function setUp(seed = 1) {
  const map = adventureMap(openRows(40, 14), [
    { id: 1, type: 'spawn', x: 2, y: 6 },
    { id: 2, type: 'mobArea', x: 10, y: 6, props: { kind: 'hunter', count: 1 } },
  ]);
  const world = new World({ name: 'w', map, data: withMobs(hunter), seed });
  const a = placedClient(world, 'A', { hp: 10000, maxHp: 10000 });
  return { world, a, mob: onlyMob(world) };
}

describe('a hunting mob', () => {
  it('ignores a player out of range, notices one in range, walks beside it and strikes on its cooldown', () => {
    const { world, a, mob } = setUp();
    expect(mob).toMatchObject({ x: 10, y: 6 });
    world.walkTo(a.player.id, 5, 6); // 5 tiles away: one more than its aggro radius
    tickTimes(world, [a], 60);
    expect(mob.hate.size).toBe(0);
    expect(received(a, Op.Hit)).toEqual([]);

    world.walkTo(a.player.id, 6, 6);
    const hitTicks: number[] = [];
    for (let t = 0; t < 200; t++) {
      const events = tickAndDeliver(world, [a]).get(a) ?? [];
      for (const e of events) if (e.type === 'hit' && e.attacker === mob.id) hitTicks.push(world.tickCount);
      // Whatever it does, the client knows where its walk ends.
      const seen = a.view.entities.get(mob.id)!;
      expect({ x: seen.endX, y: seen.endY }).toEqual(walkEnd(mob));
    }
    expect(mob.hate.has(a.player.id)).toBe(true);
    expect(adjacent(mob, a.player)).toBe(true);
    expect(hitTicks.length).toBeGreaterThanOrEqual(8);
    for (let i = 1; i < hitTicks.length; i++)
      expect(hitTicks[i]! - hitTicks[i - 1]!).toBe(hunter.attackTicks);
    expect(a.view.stats?.hp).toBe(a.player.hp);
    expect(a.player.hp).toBeLessThan(10000);
  });

  it('gives up a player who runs past its leash, walks home and heals, and every client sees it whole', () => {
    const { world, a, mob } = setUp();
    world.walkTo(a.player.id, 7, 6);
    tickUntil(world, [a], () => adjacent(mob, a.player) && mob.path.length === 0, 100, 'the chase');
    world.pursue(a.player.id, 'attack', mob.id);
    tickUntil(world, [a], () => mob.hp < hunter.hp, 40, 'a blow on the mob');

    world.walkTo(a.player.id, 30, 6);
    tickUntil(world, [a], () => mob.returning, 200, 'the mob to give up');
    expect(mob.hate.size).toBe(0);
    expect(distance(a.player, mob.home)).toBeGreaterThan(hunter.leash);
    tickUntil(world, [a], () => !mob.returning, 200, 'the mob to get home');
    expect(mob).toMatchObject({ x: 10, y: 6, hp: hunter.hp });
    const seen = a.view.entities.get(mob.id)!;
    expect({ x: seen.endX, y: seen.endY, hp: seen.hp }).toEqual({ x: 10, y: 6, hp: hunter.hp });
    // And it leaves the runner alone from then on.
    const hits = received(a, Op.Hit).length;
    tickTimes(world, [a], 100);
    expect(received(a, Op.Hit).length).toBe(hits);
    expect(a.problems).toEqual([]);
  });

  it('cannot be hurt while it walks home', () => {
    const { world, a, mob } = setUp();
    world.walkTo(a.player.id, 7, 6);
    tickUntil(world, [a], () => adjacent(mob, a.player) && mob.path.length === 0, 100, 'the chase');
    mob.returning = true;
    const before = mob.hp;
    playerStrikes(world, a.player, mob);
    expect(mob.hp).toBe(before);
    tickTimes(world, [a], 1);
    expect(received(a, Op.Hit).at(-1)).toEqual([Op.Hit, a.player.id, mob.id, 0, before]);
  });

  it('a player and a mob who walk into the same tile at once sort it out and fight', () => {
    const { world, a, mob } = setUp();
    // The player walks at the mob, the mob comes to meet it: they used to end up on one tile for good.
    world.pursue(a.player.id, 'attack', mob.id);
    tickUntil(world, [a], () => a.player.x === mob.x && a.player.y === mob.y, 60, 'the two to meet');
    tickUntil(
      world,
      [a],
      () => received(a, Op.Hit).some((h) => h[1] === a.player.id),
      40,
      "the player's blow",
    );
    expect(adjacent(a.player, mob)).toBe(true);
    expect(received(a, Op.Hit).some((h) => h[1] === mob.id)).toBe(true);
  });

  it('a killed mob is gone for respawnSeconds and comes back at full HP in its area', () => {
    const { world, a, mob } = setUp();
    mob.hp = 1;
    world.walkTo(a.player.id, 7, 6);
    world.pursue(a.player.id, 'attack', mob.id);
    tickUntil(world, [a], () => mob.respawnTick > 0, 200, 'the kill');
    const diedAt = world.tickCount;
    expect(received(a, Op.Died)).toEqual([[Op.Died, mob.id, a.player.id]]);
    expect(a.view.entities.has(mob.id)).toBe(false);

    tickUntil(world, [a], () => a.view.entities.has(mob.id), 10 * TICK_RATE, 'the respawn');
    expect(world.tickCount - diedAt).toBe(hunter.respawnSeconds * TICK_RATE);
    expect(received(a, Op.SpawnMob).at(-1)).toEqual([
      Op.SpawnMob,
      mob.id,
      'hunter',
      10,
      6,
      new Uint8Array(),
      200,
      200,
    ]);
    expect(mob).toMatchObject({ hp: hunter.hp, x: 10, y: 6, respawnTick: 0 });
    expect(a.problems).toEqual([]);
  });
});
