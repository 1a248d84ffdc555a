// Picking a tile a player can walk to, for tests that need a walk that ends somewhere known.
import path from 'node:path';
import { findPath } from '../../shared/rules/path.ts';
import type { WorldMap } from '../../shared/content/world-map.ts';
import { loadWorldMap } from '../../server/load-map.ts';
import { repoRoot } from '../../tools/server-process.ts';
import { DEFAULT_MAP } from '../../server/config.ts';

/** The map test servers play: the default one. */
export function playMap(): WorldMap {
  return loadWorldMap(path.join(repoRoot, DEFAULT_MAP));
}

const OFFSETS = [
  [4, 2],
  [-4, 2],
  [4, -2],
  [-4, -2],
  [3, 0],
  [-3, 0],
  [0, 3],
  [0, -3],
] as const;

/** A tile a few steps from `from` that a walk reaches exactly; `skip` picks a different one. */
export function reachableNear(
  map: WorldMap,
  from: { x: number; y: number },
  skip = 0,
): { x: number; y: number } {
  for (let i = 0; i < OFFSETS.length; i++) {
    const [dx, dy] = OFFSETS[(i + skip) % OFFSETS.length]!;
    const target = { x: from.x + dx, y: from.y + dy };
    const end = findPath(map.grid, from, target, { nodeBudget: 6000, maxSteps: 96 }).at(-1);
    if (end && end.x === target.x && end.y === target.y) return target;
  }
  throw new Error(`no reachable tile near ${from.x},${from.y}`);
}
