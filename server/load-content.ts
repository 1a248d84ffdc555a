// Everything the server reads at start-up, checked the way `npm run check-content` checks it: the map,
// the game data and its art, and that no checkpoint respawns players into a fight.
import path from 'node:path';
import type { GameData } from '../shared/content/game-data.ts';
import { parsePlacements, type Placements } from '../shared/content/placements.ts';
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

export interface MapContent {
  /** The file as problems in it are reported (relative to the working directory). */
  file: string;
  map: WorldMap;
  placements: Placements;
  warnings: string[];
}

/** Throws a ContentError naming the file and every problem; returns the warnings alongside the content. */
export function loadContent(mapFile: string, assetsDir: string): Content {
  const data = loadGameData(assetsDir);
  const { map, warnings } = loadMapContent(mapFile, data);
  return { map, data, warnings: [...(data.warnings ?? []), ...warnings] };
}

/** One map, checked against the game data (loaded once for every map of a realm). */
export function loadMapContent(mapFile: string, data: GameData): MapContent {
  const map = loadWorldMap(mapFile);
  const file = path.relative(process.cwd(), mapFile) || mapFile;
  // The world parses its placements again; here they refuse bad content before any socket opens.
  const placements = parsePlacements(map, data, file);
  // A map players play must not respawn them into a fight (test arenas built in code may).
  checkRespawnSafety(map, data, file);
  return { file, map, placements, warnings: (map.warnings ?? []).map((w) => `${file}: ${w}`) };
}
