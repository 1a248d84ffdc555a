// The playthrough bot's knowledge: the road's stops are on the map and connect from the spawn to the
// wyrm through the doors; long walks keep to the drawn roads; fights are sized up from the data files.
import { describe, expect, it } from 'vitest';
import type { MobKind } from '../../shared/content/game-data.ts';
import { gridFromRows } from '../../shared/rules/grid.ts';
import { repoRoot } from '../server-process.ts';
import { canBeat, guessFight } from './playthrough-judge.ts';
import { loadPlayerContent, planWalk, ROAD, roadStops } from './playthrough-route.ts';

const content = loadPlayerContent(repoRoot);

describe('the road north', () => {
  it('names stops the map has, and each is reachable from the last (doors lead on)', () => {
    const stops = roadStops(content);
    expect(stops.map((s) => s.name)).toEqual([...ROAD]);
    const spawn = content.map.spawns[0]!.area;
    let at = { x: spawn.x + Math.floor(spawn.width / 2), y: spawn.y + Math.floor(spawn.height / 2) };
    for (const stop of stops) {
      const walk = planWalk(content.map.grid, content.road, at, stop.tile);
      const there = walk.length === 0 ? at : walk[walk.length - 1]!;
      expect(there, `the walk to ${stop.name}`).toEqual(stop.tile);
      at = stop.to ?? stop.tile;
    }
    expect(stops[stops.length - 1]!.mobKind).toBe('ember_wyrm');
  });

  it('keeps long walks to the drawn roads where there are roads', () => {
    const [square, glade] = roadStops(content);
    const walk = planWalk(content.map.grid, content.road, square!.tile, glade!.tile);
    const onRoad = walk.filter((t) => content.road[t.y * content.map.width + t.x]).length;
    expect(onRoad / walk.length).toBeGreaterThan(0.9);
  });

  it('plans around walls, and finds nothing to a tile it cannot reach', () => {
    const grid = gridFromRows(['.....', '.###.', '...#.', '####.', '.....']);
    const none = new Uint8Array(25);
    expect(planWalk(grid, none, { x: 0, y: 0 }, { x: 0, y: 4 })).toHaveLength(12);
    expect(planWalk(grid, none, { x: 0, y: 2 }, { x: 2, y: 2 })).toHaveLength(2);
    const walled = gridFromRows(['..#..', '..#..']);
    expect(planWalk(walled, new Uint8Array(10), { x: 0, y: 0 }, { x: 4, y: 0 })).toEqual([]);
  });
});

describe('sizing up a fight', () => {
  const mob = (weapon: number, hp: number): MobKind => ({
    id: 'm',
    name: 'M',
    level: 1,
    hp,
    armor: 1,
    weapon,
    stepTicks: 3,
    attackTicks: 20,
    aggroRadius: 0,
    leash: 8,
    respawnSeconds: 10,
    xp: 5,
    boss: false,
    drops: [],
  });
  const starter = {
    hp: 80,
    maxHp: 80,
    level: 1,
    xp: 0,
    weapon: 'club',
    armor: 'tunic',
    invulnerableTicks: 0,
  };

  it('takes on a weak mob and not a strong one; a better weapon shortens the fight', () => {
    expect(canBeat(content.data, starter, mob(0, 25))).toBe(true);
    expect(canBeat(content.data, starter, mob(4, 150))).toBe(false);
    const sword = { ...starter, weapon: 'long_sword' };
    expect(guessFight(content.data, sword, mob(2, 100)).seconds).toBeLessThan(
      guessFight(content.data, starter, mob(2, 100)).seconds,
    );
  });
});
