// The committed world map and game data, read the way the server reads them, for the content tests.
import { readFileSync } from 'node:fs';
import { parseGameData, readDataFiles } from '../../shared/content/game-data.ts';
import { parsePlacements, type DoorPlacement } from '../../shared/content/placements.ts';
import type { TiledMap } from '../../shared/content/tiled-types.ts';
import { parseWorldMap, type TileRect, type WorldMap } from '../../shared/content/world-map.ts';
import { isWalkable } from '../../shared/rules/grid.ts';

export const WORLD_FILE = 'assets/maps/world.tmj';
export const read = (f: string): unknown => JSON.parse(readFileSync(f, 'utf8'));
export const tiled = read(WORLD_FILE) as TiledMap;
export const data = parseGameData(readDataFiles((name) => read(`assets/data/${name}.json`)));
export const world = parseWorldMap(tiled, WORLD_FILE);
export const placements = parsePlacements(world, data, WORLD_FILE);

export const inside = (r: TileRect, x: number, y: number): boolean =>
  x >= r.x && y >= r.y && x < r.x + r.width && y < r.y + r.height;

/** Flood fill over a map's walkable tiles from a tile (4-way); stepping on a door continues at its destination. */
export function floodFrom(
  map: WorldMap,
  sx: number,
  sy: number,
  doors: readonly DoorPlacement[] = [],
): Uint8Array {
  const { grid } = map;
  const seen = new Uint8Array(grid.width * grid.height);
  const stack: [number, number][] = [[sx, sy]];
  seen[sy * grid.width + sx] = 1;
  const visit = (x: number, y: number): void => {
    if (!isWalkable(grid, x, y) || seen[y * grid.width + x]) return;
    seen[y * grid.width + x] = 1;
    stack.push([x, y]);
  };
  while (stack.length) {
    const [x, y] = stack.pop()!;
    for (const d of doors) if (inside(d.area, x, y)) visit(d.to.x, d.to.y);
    visit(x + 1, y);
    visit(x - 1, y);
    visit(x, y + 1);
    visit(x, y - 1);
  }
  return seen;
}

/** The world map's flood fill from a tile, through its doors. */
export function reachableFrom(sx: number, sy: number): Uint8Array {
  return floodFrom(world, sx, sy, placements.doors);
}

/** Questions about a flood fill: a tile reached, any tile of an area, a tile beside one (NPCs and chests block their own). */
export function reachChecks(seen: Uint8Array, width: number) {
  const reached = (x: number, y: number): boolean => seen[y * width + x] === 1;
  const areaReached = (r: TileRect): boolean => {
    for (let y = r.y; y < r.y + r.height; y++)
      for (let x = r.x; x < r.x + r.width; x++) if (reached(x, y)) return true;
    return false;
  };
  const besideReached = (x: number, y: number): boolean =>
    reached(x + 1, y) || reached(x - 1, y) || reached(x, y + 1) || reached(x, y - 1);
  return { reached, areaReached, besideReached };
}

const names = new Map<number, string>();
for (const ts of tiled.tilesets)
  for (const t of ts.tiles ?? []) {
    const name = t.properties?.find((p) => p.name === 'name')?.value;
    if (typeof name === 'string') names.set(ts.firstgid + t.id, name);
  }

/** The name of the tile a layer has at (x, y), or '' for none. */
export function tileName(layer: 'ground' | 'detail' | 'above', x: number, y: number): string {
  const l = tiled.layers.find((t) => t.name === layer);
  const gid = Array.isArray(l?.data) ? (l.data[y * tiled.width + x] ?? 0) : 0;
  return names.get(gid) ?? '';
}
