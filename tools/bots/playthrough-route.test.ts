// The playthrough bot's knowledge: the road's stops are on the realm's maps (laid on one plane by
// playthrough-atlas.ts) and connect from the spawn to the wyrm through the portals; long walks keep to the
// drawn roads; fights are sized up from the data files.
import { describe, expect, it } from 'vitest';
import type { MobKind } from '../../shared/content/game-data.ts';
import { gridFromRows } from '../../shared/rules/grid.ts';
import { repoRoot } from '../server-process.ts';
import { canBeat, canBeatPack, guessFight, packHpLost } from './playthrough-judge.ts';
import { loadAtlas } from './playthrough-atlas.ts';
import { planWalk, ROAD, roadStops, walkLegEnd } from './playthrough-route.ts';

const atlas = loadAtlas(repoRoot);
const { content } = atlas;
/** The map of the realm a tile of the plane is on. */
const mapAt = (t: { x: number; y: number }) =>
  atlas.maps.find((m) => t.x >= m.origin.x && t.x < m.origin.x + m.width)!.path;

describe('the road north', () => {
  it('names stops the maps have, and each is reachable from the last (portals lead on, to other maps)', () => {
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
    // The mines and the lair are maps of their own: the road crosses into them and back.
    expect(stops.map((s) => `${s.name}@${mapAt(s.tile)}`)).toEqual(
      expect.arrayContaining([
        'mine_mouth@maps/world.tmj',
        'mine_landing@maps/mines.tmj',
        'mine_stairs_north@maps/mines.tmj',
        'desert_road@maps/world.tmj',
        'the_ember_wyrm@maps/lair.tmj',
      ]),
    );
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

  it('judges a pack as one fight: it costs more than its duels added up, and can be too much', () => {
    const wolf = content.data.mobs.get('wolf')!;
    const level4 = { ...starter, level: 4, maxHp: 110, hp: 110, weapon: 'short_sword' };
    const duel = guessFight(content.data, level4, wolf).hpLost;
    expect(packHpLost(content.data, level4, [wolf, wolf])).toBeGreaterThan(2 * duel);
    expect(canBeat(content.data, level4, wolf)).toBe(true);
    expect(canBeatPack(content.data, level4, [wolf, wolf, wolf])).toBe(false);
  });

  it('takes on the wyrm only at the level and gear the curve brings to the lair', () => {
    const wyrm = content.data.mobs.get('ember_wyrm')!;
    const at = (level: number, weapon: string, armor: string) => {
      const maxHp = 80 + (content.data.items.get(armor)!.level - 1) * 30 + (level - 1) * 10;
      return { ...starter, level, weapon, armor, maxHp, hp: maxHp };
    };
    expect(canBeat(content.data, at(16, 'frost_blade', 'plate'), wyrm)).toBe(true);
    expect(canBeat(content.data, at(10, 'long_sword', 'scale'), wyrm)).toBe(false);
  });
});

describe('walks through doors', () => {
  it('plans a walk through a door to where it leads, and each walk request stops on the door', () => {
    // Two rooms with no way between them but a door at (1,0) that leads to (4,2).
    const grid = gridFromRows(['...#.', '...#.', '...#.']);
    const links = new Map([[0 * 5 + 1, 2 * 5 + 4]]);
    const plan = planWalk(grid, new Uint8Array(15), { x: 0, y: 2 }, { x: 4, y: 0 }, links);
    expect(plan.map((t) => `${t.x},${t.y}`)).toEqual(['0,1', '0,0', '1,0', '4,2', '4,1', '4,0']);
    expect(walkLegEnd(plan, 24)).toEqual({ x: 1, y: 0 });
    expect(walkLegEnd(plan, 2)).toEqual({ x: 0, y: 0 });
    expect(planWalk(grid, new Uint8Array(15), { x: 0, y: 2 }, { x: 4, y: 0 })).toEqual([]);
  });

  it('finds the way from the village square through the mine portal into the mines and out by the back door', () => {
    const stops = roadStops(content);
    const square = stops.find((s) => s.name === 'village_square')!.tile;
    const landing = stops.find((s) => s.name === 'mine_landing')!.tile;
    const plan = planWalk(content.map.grid, content.road, square, landing, content.links);
    expect(plan[plan.length - 1]).toEqual(landing);
    const mouth = content.placements.portals.find((d) => d.name === 'mine_mouth')!;
    const at = plan.findIndex((t) => t.y === mouth.area.y && t.x >= mouth.area.x && t.x < mouth.area.x + 2);
    expect(at).toBeGreaterThan(0);
    // The step after the portal is on the mines' map: a walk request stops on the portal, not past it.
    expect([mapAt(plan[at]!), mapAt(plan[at + 1]!)]).toEqual(['maps/world.tmj', 'maps/mines.tmj']);
    expect(walkLegEnd(plan.slice(at - 2), 24)).toEqual(plan[at]);
    const back = stops.find((s) => s.name === 'desert_road')!.tile;
    const out = planWalk(content.map.grid, content.road, landing, back, content.links);
    expect(out[out.length - 1]).toEqual(back);
  });
});
