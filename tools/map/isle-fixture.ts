// The committed Ember Isle map, read the way the server reads it, for the isle's design tests.
import { parsePlacements } from '../../shared/content/placements.ts';
import type { TiledMap } from '../../shared/content/tiled-types.ts';
import { parseWorldMap, type WorldMap } from '../../shared/content/world-map.ts';
import { isWalkable } from '../../shared/rules/grid.ts';
import { data, read } from './world-fixture.ts';

export const ISLE_FILE = 'assets/maps/isle.tmj';
export const isleTiled = read(ISLE_FILE) as TiledMap;
export const isle = parseWorldMap(isleTiled, ISLE_FILE);
export const islePlacements = parsePlacements(isle, data, ISLE_FILE);

/** Flood fill over a map's walkable tiles from a tile (4-way steps). */
export function floodFrom(map: WorldMap, sx: number, sy: number): Uint8Array {
  const { grid } = map;
  const seen = new Uint8Array(grid.width * grid.height);
  const stack: [number, number][] = [[sx, sy]];
  seen[sy * grid.width + sx] = 1;
  while (stack.length) {
    const [x, y] = stack.pop()!;
    for (const [nx, ny] of [
      [x + 1, y],
      [x - 1, y],
      [x, y + 1],
      [x, y - 1],
    ] as const) {
      if (!isWalkable(grid, nx, ny) || seen[ny * grid.width + nx]) continue;
      seen[ny * grid.width + nx] = 1;
      stack.push([nx, ny]);
    }
  }
  return seen;
}
