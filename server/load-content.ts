// Everything the server reads at start-up, checked the way `npm run check-content` checks it: the map,
// the game data and its art, and that no checkpoint respawns players into a fight.
import path from 'node:path';
import type { GameData } from '../shared/content/game-data.ts';
import { parsePlacements } from '../shared/content/placements.ts';
import { checkRespawnSafety } from '../shared/content/respawn-safety.ts';
import type { WorldMap } from '../shared/content/world-map.ts';
import { loadGameData } from './load-data.ts';
import { loadWorldMap } from './load-map.ts';

export interface Content {
  map: WorldMap;
  data: GameData;
  /** What works but is probably a mistake, each line naming its file: the server logs them. */
  warnings: string[];
}

/** Throws a ContentError naming the file and every problem; returns the warnings alongside the content. */
export function loadContent(mapFile: string, assetsDir: string): Content {
  const map = loadWorldMap(mapFile);
  const data = loadGameData(assetsDir);
  const label = path.relative(process.cwd(), mapFile) || mapFile;
  // The world parses its placements again; here they refuse bad content before any socket opens.
  parsePlacements(map, data, label);
  // A map players play must not respawn them into a fight (test arenas built in code may).
  checkRespawnSafety(map, data, label);
  const warnings = [...(data.warnings ?? []), ...(map.warnings ?? []).map((w) => `${label}: ${w}`)];
  return { map, data, warnings };
}
