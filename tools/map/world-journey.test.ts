// The world as a new player meets it: nowhere to respawn into a fight, roads free of mobs, a way back
// from every zone, one camera area round the whole map, and village houses one can enter (maps of their
// own, by portals: tools/map/interiors.test.ts checks the inside).
import { describe, expect, it } from 'vitest';
import { checkRespawnSafety, mobReach, rectGap } from '../../shared/content/respawn-safety.ts';
import { parseWorldMap, type TileRect } from '../../shared/content/world-map.ts';
import type { TiledMap } from '../../shared/content/tiled-types.ts';
import { isWalkable } from '../../shared/rules/grid.ts';
import { findPath } from '../../shared/rules/path.ts';
import { houseDoor } from './house-interiors.ts';
import { houses, interiors } from './interiors-fixture.ts';
import { SIDE_ROADS } from './world-land.ts';
import { MINE_MOUTH, NORTH_ROAD, OVER_W, WORLD_H } from './world-layout.ts';
import {
  data,
  inside,
  placements,
  read,
  reachableFrom,
  tileName,
  world,
  WORLD_FILE,
} from './world-fixture.ts';

const { grid } = world;
const spawn = world.spawns[0]!.area;

/** Every tile of a polyline road `width` wide, as tools/map/land.ts paints it. */
function roadTiles(points: readonly [number, number][], width: number): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 1; i < points.length; i++) {
    const [ax, ay] = points[i - 1]!;
    const [bx, by] = points[i]!;
    const x1 = Math.max(ax, bx) + (ay === by ? 0 : width - 1);
    const y1 = Math.max(ay, by) + (ax === bx ? 0 : width - 1);
    for (let y = Math.min(ay, by); y <= y1; y++)
      for (let x = Math.min(ax, bx); x <= x1; x++) out.push([x, y]);
  }
  return out;
}
const roads = [
  ...roadTiles(NORTH_ROAD, 2),
  ...SIDE_ROADS.flatMap((r) => roadTiles(r.points, r.width)),
].filter(([x, y]) => isWalkable(grid, x, y));

const grow = (r: TileRect, by: number): TileRect => ({
  x: r.x - by,
  y: r.y - by,
  width: r.width + 2 * by,
  height: r.height + 2 * by,
});

describe('world.tmj for a new player', () => {
  it('walks from the valley camp to the mine mouth beyond every aggressive mob’s reach', () => {
    // A level 1–2 character died 8 times to the valley's wolves on this walk: the only way ran by their den.
    const camp = placements.checkpoints.find((c) => inside(c, 92, 166));
    expect(camp).toBeDefined();
    const mouth = placements.portals.find((d) => d.name === 'mine_mouth')!.area;
    // The walk the server plans for a click on the mine mouth from the middle of the camp.
    const start = { x: camp!.x + (camp!.width >> 1), y: camp!.y + (camp!.height >> 1) };
    const path = findPath(grid, start, mouth, { nodeBudget: 200_000, maxSteps: 2_000 });
    expect(path.at(-1)).toEqual({ x: mouth.x, y: mouth.y });
    const walk = [start, ...path].map((t): [number, number] => [t.x, t.y]);
    expect([mouth.x, mouth.y]).toEqual([MINE_MOUTH.x, MINE_MOUTH.y + 1]);
    const near: string[] = [];
    for (const m of placements.mobAreas) {
      const reach = mobReach(data.mobs.get(m.kind)!);
      if (reach === 0) continue;
      const gap = Math.min(...walk.map(([x, y]) => rectGap(m.area, { x, y, width: 1, height: 1 })));
      if (gap <= reach) near.push(`${m.name} (${m.kind}) is ${gap} tile(s) from the walk, reach ${reach}`);
    }
    expect(near).toEqual([]);
  });

  it('respawns nobody into a fight: every checkpoint and spawn lies beyond every mob’s reach', () => {
    expect(() => checkRespawnSafety(world, data, WORLD_FILE)).not.toThrow();
    const village = parseWorldMap(read('assets/maps/village.tmj') as TiledMap, 'assets/maps/village.tmj');
    expect(() => checkRespawnSafety(village, data, 'assets/maps/village.tmj')).not.toThrow();
  });

  it('keeps mobs off the roads: no mob area on a road tile, no aggressive mob noticing anyone on one', () => {
    const onRoad: string[] = [];
    // A side road may end at the gate of the place it leads to (the graveyard's skeletons see its gate).
    const ends = SIDE_ROADS.map((r) => r.points.at(-1)!);
    const watched = roads.filter(([x, y]) => !ends.some(([ex, ey]) => ex === x && ey === y));
    for (const m of placements.mobAreas) {
      const kind = data.mobs.get(m.kind)!;
      if (roads.some(([x, y]) => inside(m.area, x, y))) onRoad.push(`${m.name} covers a road`);
      const noticed = grow(m.area, kind.aggroRadius);
      if (kind.aggroRadius > 0 && watched.some(([x, y]) => inside(noticed, x, y)))
        onRoad.push(`${m.name} notices players on a road`);
    }
    expect(onRoad).toEqual([]);
  });

  it('has a way back to the village from every checkpoint, every door’s far side and every arrival', () => {
    const stuck: string[] = [];
    const starts = [
      ...placements.checkpoints.map((c, i) => ({ what: `checkpoint #${i}`, x: c.x, y: c.y, area: c })),
      ...placements.doors.map((d) => ({ what: `door ${d.name}`, ...d.to, area: null })),
      // Where the portals out of the interiors and the isle put players.
      ...world.objects
        .filter((o) => o.kind === 'destination')
        .map((o) => ({ what: `arrival ${o.name}`, x: o.area.x, y: o.area.y, area: null })),
    ];
    for (const s of starts) {
      let [x, y] = [s.x, s.y];
      if (s.area) {
        // Respawns land on any walkable tile of the checkpoint: take the first.
        const r = s.area;
        outer: for (let ty = r.y; ty < r.y + r.height; ty++)
          for (let tx = r.x; tx < r.x + r.width; tx++)
            if (isWalkable(grid, tx, ty)) {
              [x, y] = [tx, ty];
              break outer;
            }
      }
      const seen = reachableFrom(x, y);
      if (!seen[spawn.y * grid.width + spawn.x]) stuck.push(s.what);
    }
    expect(stuck).toEqual([]);
  });

  it('marks one camera area, the overland: the whole map (the interiors are maps of their own)', () => {
    expect(placements.bounds.map((b) => [b.name, b.area])).toEqual([
      ['overland', { x: 0, y: 0, width: OVER_W, height: WORLD_H }],
    ]);
    expect([world.width, world.height]).toEqual([OVER_W, WORLD_H]);
  });

  it('ends the overland’s camera area where the sea does: no void inside it, water along its east edge', () => {
    // The camera stays inside this rectangle, so the player sees the sea run off the screen, not a wall.
    const r = placements.bounds.find((b) => b.name === 'overland')?.area;
    expect(r).toBeDefined();
    let voids = 0;
    for (let y = r!.y; y < r!.y + r!.height; y++)
      for (let x = r!.x; x < r!.x + r!.width; x++) if (tileName('ground', x, y) === 'void') voids++;
    expect(voids).toBe(0);
    const east = r!.x + r!.width - 1;
    const coast = Array.from({ length: WORLD_H - 70 }, (_, i) => tileName('ground', east, 70 + i));
    expect(coast.every((t) => /^water_/.test(t))).toBe(true);
  });

  it('lets players into the inn, the smithy and the elder’s house by portals on their painted doors, and out again', () => {
    for (const { room, map: inside_, placements: inner } of houses) {
      const painted = houseDoor(room.house);
      expect(tileName('detail', painted.x, painted.y), room.name).toMatch(/^door_/);
      const door = placements.portals.find((d) => inside(d.area, painted.x, painted.y));
      expect(door && [door.name, door.map, door.to], `${room.name} portal`).toEqual([
        `${room.name}_door`,
        room.map,
        `${room.name}_inside`,
      ]);
      expect(inside_.objects.some((o) => o.name === door!.to && o.kind === 'destination')).toBe(true);
      // Out: the room's own door leads back to the tile below the painted door, open ground.
      const out = inner.portals.find((p) => p.to === `${room.name}_outside`)!;
      expect(out.map).toBe(WORLD_FILE.replace(/^assets\//, ''));
      const outside = world.objects.find((o) => o.name === out.to)!.area;
      expect([outside.x, outside.y]).toEqual([painted.x, painted.y + 1]);
      expect(isWalkable(grid, outside.x, outside.y)).toBe(true);
      const back = reachableFrom(outside.x, outside.y);
      expect(back[spawn.y * grid.width + spawn.x], room.name).toBe(1);
    }
  });

  it('guards each hoard with one pack a player can clear: at most 6 mobs over any chest area', () => {
    // The graveyard's relics lay under both its skeleton rows and its ghosts: 14 mobs had to be dead at
    // once, with the first back before the last fell, so the chest never showed.
    const overlaps = (a: TileRect, b: TileRect): boolean =>
      a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    const maps = [placements, ...interiors.map((i) => i.placements)];
    const hoards = maps.flatMap((p) =>
      p.chests.filter((c) => c.guardedBy).map((chest) => ({ chest, on: p })),
    );
    expect(hoards.length).toBeGreaterThanOrEqual(5);
    const guardsOf = (area: TileRect, on: typeof placements): number =>
      on.mobAreas.filter((m) => overlaps(m.area, area)).reduce((n, m) => n + m.count, 0);
    const unclearable = hoards
      .map(({ chest, on }) => ({ hoard: chest.name, guards: guardsOf(chest.guardedBy!, on) }))
      .filter((h) => h.guards < 1 || h.guards > 6);
    expect(unclearable).toEqual([]);
  });
});
