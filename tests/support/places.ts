// Places on the default map for browser tests: the spawn, and the mob area of a kind nearest to it.
import path from 'node:path';
import { loadWorldMap } from '../../server/load-map.ts';
import { loadGameData } from '../../server/load-data.ts';
import { DEFAULT_MAP } from '../../server/config.ts';
import { parsePlacements } from '../../shared/content/placements.ts';
import type { WorldMap } from '../../shared/content/world-map.ts';
import type { MobKind } from '../../shared/content/game-data.ts';
import { repoRoot } from '../../tools/server-process.ts';

export interface Places {
  map: WorldMap;
  spawn: { x: number; y: number };
  /** The centre of the nearest mob area whose kind passes the test, and that kind. */
  nearestMobArea(test: (kind: MobKind) => boolean): { x: number; y: number; kind: MobKind };
  npc(kind: string): { x: number; y: number };
}

export function loadPlaces(): Places {
  const map = loadWorldMap(path.join(repoRoot, DEFAULT_MAP));
  const data = loadGameData(path.join(repoRoot, 'assets'));
  const placements = parsePlacements(map, data, DEFAULT_MAP);
  const s = map.spawns[0]!.area;
  const spawn = { x: s.x + (s.width >> 1), y: s.y + (s.height >> 1) };
  const dist = (a: { x: number; y: number }) => Math.abs(a.x - spawn.x) + Math.abs(a.y - spawn.y);
  return {
    map,
    spawn,
    nearestMobArea(test) {
      const areas = placements.mobAreas
        .map((a) => ({
          x: a.area.x + (a.area.width >> 1),
          y: a.area.y + (a.area.height >> 1),
          kind: data.mobs.get(a.kind)!,
        }))
        .filter((a) => test(a.kind))
        .sort((a, b) => dist(a) - dist(b));
      if (!areas[0]) throw new Error('no such mob area');
      return areas[0];
    },
    npc(kind) {
      const found = placements.npcs.find((n) => n.kind === kind);
      if (!found) throw new Error(`no ${kind} on the map`);
      return { x: found.x, y: found.y };
    },
  };
}
