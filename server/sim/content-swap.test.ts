// Live reload: a new map swapped into a running world moves players off new walls, places its mobs
// afresh, and the server's walking obeys the new walls at once; clients stay consistent.
import { describe, expect, it } from 'vitest';
import { World } from './world.ts';
import { nearestWalkable } from './content-swap.ts';
import {
  adventureMap,
  mobKind,
  openRows,
  placedClient,
  tickAndDeliver,
  tickTimes,
  withMobs,
} from './test-support.ts';
import { gridFromRows } from '../../shared/rules/grid.ts';

const wolf = mobKind('wolf', { stepTicks: 2 });

/** The new map: a wall down column 6 with the player's tile (5, 4) inside it, the mobs moved east. */
function walled(): string[] {
  const rows = openRows(30, 10);
  return rows.map((r, y) => (y < 9 ? r.slice(0, 5) + '##' + r.slice(7) : r));
}

function setUp() {
  const data = withMobs(wolf);
  const map = adventureMap(openRows(30, 10), [
    { id: 1, type: 'spawn', x: 5, y: 4 },
    { id: 2, type: 'mobArea', x: 10, y: 2, w: 2, h: 2, props: { kind: 'wolf', count: 2 } },
  ]);
  const world = new World({ name: 'w', map, data, seed: 3 });
  const a = placedClient(world, 'A');
  const b = placedClient(world, 'B');
  const next = adventureMap(walled(), [
    { id: 1, type: 'spawn', x: 2, y: 4 },
    { id: 2, type: 'mobArea', x: 20, y: 6, w: 3, h: 3, props: { kind: 'wolf', count: 3 } },
  ]);
  return { world, a, b, data, next };
}

describe('World.replaceContent', () => {
  it('moves a player off a new wall, re-places the mobs, and the server walks around the new wall', () => {
    const { world, a, b, data, next } = setUp();
    expect(a.player).toMatchObject({ x: 5, y: 4 });
    const oldMobs = [...world.mobs.keys()];
    world.replaceContent(next, data, 'test.tmj', 'v2');
    tickAndDeliver(world, [a, b]);

    expect(world.map).toBe(next);
    // Each page is told the content changed, so it fetches and draws the new map.
    for (const c of [a, b]) expect(c.view.version).toBe('v2');
    expect(next.grid.blocked[4 * 30 + 5]).toBe(1);
    expect([4, 7]).toContain(a.player.x); // the nearest open tile beside the wall
    expect(a.player.y).toBe(4);
    // The client was told where it stands now.
    expect(a.view.entities.get(a.player.id)).toMatchObject({ endX: a.player.x, endY: a.player.y });
    expect(world.mobs.size).toBe(3);
    for (const m of world.mobs.values()) {
      expect(oldMobs).not.toContain(m.id);
      expect(m.x).toBeGreaterThanOrEqual(20);
    }
    // Each client knows what the server says it sees, and nothing left over from the old map.
    for (const c of [a, b])
      for (const id of c.view.entities.keys())
        expect(world.entity(id), `${c.player.name} sees ${id}`).toBeDefined();
    expect(b.view.entities.get(a.player.id)).toMatchObject({ endX: a.player.x, endY: a.player.y });

    // Walking from west of the wall to east of it goes round its end (row 9), never through it.
    a.player.x = 4;
    a.player.endX = 4;
    world.walkTo(a.player.id, 8, 4);
    for (let t = 0; t < 200 && (a.player.x !== 8 || a.player.y !== 4); t++) {
      tickTimes(world, [a, b], 1);
      expect(next.grid.blocked[a.player.y * 30 + a.player.x]).toBe(0);
    }
    expect(a.player).toMatchObject({ x: 8, y: 4 });
    expect([...a.problems, ...b.problems]).toEqual([]);
  });

  it('refuses bad placements or a new size and leaves the world as it was', () => {
    const { world, data } = setUp();
    const before = world.map;
    const unknown = adventureMap(openRows(30, 10), [
      { id: 1, type: 'spawn', x: 2, y: 4 },
      { id: 2, type: 'mobArea', x: 20, y: 6, props: { kind: 'dragon', count: 1 } },
    ]);
    expect(() => world.replaceContent(unknown, data, 'test.tmj')).toThrow(/dragon/);
    const bigger = adventureMap(openRows(31, 10), [{ id: 1, type: 'spawn', x: 2, y: 4 }]);
    expect(() => world.replaceContent(bigger, data, 'test.tmj')).toThrow(/size/);
    expect(world.map).toBe(before);
    expect(world.mobs.size).toBe(2);
  });
});

describe('nearestWalkable', () => {
  it('is the tile itself when open, else the closest open one', () => {
    const grid = gridFromRows(['..#', '###', '...']);
    expect(nearestWalkable(grid, 0, 0)).toEqual({ x: 0, y: 0 });
    expect(nearestWalkable(grid, 1, 1)).toMatchObject({ y: expect.any(Number) });
    expect(nearestWalkable(grid, 2, 0)).toEqual({ x: 1, y: 0 });
  });
});
