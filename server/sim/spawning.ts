// Where things appear: a random walkable tile inside an area (a player's spawn area, a mob's area).
import { isWalkable } from '../../shared/rules/grid.ts';
import type { TileRect, WorldMap } from '../../shared/content/world-map.ts';
import type { Rng } from './rng.ts';

export function pickSpawnTile(map: WorldMap, rng: Rng): { x: number; y: number } {
  return randomWalkableTile(map, rng, map.spawns[rng.int(0, map.spawns.length - 1)]!.area, 64);
}

/**
 * A random open tile of the area (and `free`, when given: mobs appear where no other mob is); a mostly
 * taken area gives its first such tile, then its first open one (the loader checked there is one).
 */
export function randomWalkableTile(
  map: WorldMap,
  rng: Rng,
  area: TileRect,
  tries: number,
  free: (x: number, y: number) => boolean = () => true,
): { x: number; y: number } {
  const open = (x: number, y: number): boolean => isWalkable(map.grid, x, y) && free(x, y);
  for (let i = 0; i < tries; i++) {
    const x = rng.int(area.x, area.x + area.width - 1);
    const y = rng.int(area.y, area.y + area.height - 1);
    if (open(x, y)) return { x, y };
  }
  for (const fits of [open, (x: number, y: number) => isWalkable(map.grid, x, y)]) {
    for (let y = area.y; y < area.y + area.height; y++) {
      for (let x = area.x; x < area.x + area.width; x++) if (fits(x, y)) return { x, y };
    }
  }
  return { x: area.x, y: area.y };
}
