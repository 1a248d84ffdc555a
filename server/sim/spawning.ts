// Where a new player appears: a random walkable tile inside one of the map's spawn areas.
import { isWalkable } from '../../shared/rules/grid.ts';
import type { WorldMap } from '../../shared/content/world-map.ts';
import type { Rng } from './rng.ts';

export function pickSpawnTile(map: WorldMap, rng: Rng): { x: number; y: number } {
  const area = map.spawns[rng.int(0, map.spawns.length - 1)]!.area;
  for (let i = 0; i < 64; i++) {
    const x = rng.int(area.x, area.x + area.width - 1);
    const y = rng.int(area.y, area.y + area.height - 1);
    if (isWalkable(map.grid, x, y)) return { x, y };
  }
  // A mostly blocked area: take its first open tile (the map loader made sure there is one).
  for (let y = area.y; y < area.y + area.height; y++) {
    for (let x = area.x; x < area.x + area.width; x++) if (isWalkable(map.grid, x, y)) return { x, y };
  }
  return { x: area.x, y: area.y };
}
