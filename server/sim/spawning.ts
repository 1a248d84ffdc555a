// Where things appear: a random walkable tile inside an area (a player's spawn area, a mob's area).
import { isWalkable } from '../../shared/rules/grid.ts';
import type { TileRect, WorldMap } from '../../shared/content/world-map.ts';
import type { Rng } from './rng.ts';

export function pickSpawnTile(map: WorldMap, rng: Rng): { x: number; y: number } {
  return randomWalkableTile(map, rng, map.spawns[rng.int(0, map.spawns.length - 1)]!.area, 64);
}

/** A random open tile of the area; a mostly blocked area gives its first open tile (the loader checked there is one). */
export function randomWalkableTile(
  map: WorldMap,
  rng: Rng,
  area: TileRect,
  tries: number,
): { x: number; y: number } {
  for (let i = 0; i < tries; i++) {
    const x = rng.int(area.x, area.x + area.width - 1);
    const y = rng.int(area.y, area.y + area.height - 1);
    if (isWalkable(map.grid, x, y)) return { x, y };
  }
  for (let y = area.y; y < area.y + area.height; y++) {
    for (let x = area.x; x < area.x + area.width; x++) if (isWalkable(map.grid, x, y)) return { x, y };
  }
  return { x: area.x, y: area.y };
}
