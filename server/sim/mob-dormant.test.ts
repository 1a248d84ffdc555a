// Mobs nobody could know of rest: with no player within FORGET_RADIUS cells a whole, calm mob does not
// roam (its walks would reach no one), and it roams again once a player comes that near, before the
// player can see it.
import { describe, expect, it } from 'vitest';
import { CELL_SIZE, FORGET_RADIUS, INTEREST_RADIUS } from './interest.ts';
import { World } from './world.ts';
import {
  adventureMap,
  mobKind,
  onlyMob,
  openRows,
  placedClient,
  tickTimes,
  withMobs,
} from './test-support.ts';

/** A long field: the player spawns at the west end, the mob roams the east end, 10 cells away. */
function farWorld(): World {
  const map = adventureMap(openRows(12 * CELL_SIZE, 20), [
    { id: 1, type: 'spawn', x: 2, y: 8, w: 2, h: 2 },
    { id: 2, type: 'mobArea', x: 10 * CELL_SIZE, y: 4, w: 10, h: 10, props: { kind: 'grazer', count: 1 } },
  ]);
  return new World({ name: 'w', map, data: withMobs(mobKind('grazer', { aggroRadius: 0 })), seed: 3 });
}

/** Tiles the mob stood on over `ticks`. */
function tilesVisited(world: World, clients: Parameters<typeof tickTimes>[1], ticks: number): Set<string> {
  const mob = onlyMob(world);
  const seen = new Set<string>();
  for (let t = 0; t < ticks; t++) {
    tickTimes(world, clients, 1);
    seen.add(`${mob.x},${mob.y}`);
  }
  return seen;
}

describe('dormant mobs', () => {
  it('stay put while no player is within FORGET_RADIUS cells, and roam once one comes that near', () => {
    const world = farWorld();
    const far = placedClient(world, 'Far');
    // 600 ticks is 30 s: a roaming mob walks several times in that.
    expect(tilesVisited(world, [far], 600).size).toBe(1);
    expect(world.vis.knows(far.player, onlyMob(world))).toBe(false);

    // A second player just beyond sight of the mob, but within the wake radius.
    const mob = onlyMob(world);
    const near = placedClient(world, 'Near');
    const cell = Math.floor(mob.x / CELL_SIZE);
    near.player.x = near.player.endX = (cell - FORGET_RADIUS) * CELL_SIZE + 1;
    near.player.y = near.player.endY = mob.y;
    world.vis.moved(near.player);
    expect(FORGET_RADIUS).toBeGreaterThan(INTEREST_RADIUS);
    expect(tilesVisited(world, [far, near], 600).size).toBeGreaterThan(1);
  });

  it('a hurt mob walking home keeps thinking with nobody near: it gets home and is whole again', () => {
    const world = farWorld();
    const far = placedClient(world, 'Far');
    const mob = onlyMob(world);
    mob.hp = 1;
    mob.returning = true; // as after giving up a chase
    tickTimes(world, [far], 20);
    expect(mob).toMatchObject({ hp: mob.kind.hp, returning: false });
  });
});
