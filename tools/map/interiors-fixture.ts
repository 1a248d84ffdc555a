// The committed interior maps (the mines, the lair, the houses), read the way the server reads them, for
// the map design tests.
import { parsePlacements, type Placements } from '../../shared/content/placements.ts';
import type { TiledMap } from '../../shared/content/tiled-types.ts';
import { parseWorldMap, type WorldMap } from '../../shared/content/world-map.ts';
import { HOUSE_ROOMS } from './house-interiors.ts';
import { data, read } from './world-fixture.ts';

export interface LoadedInterior {
  /** As realm.json and portals name it: `maps/mines.tmj`. */
  path: string;
  file: string;
  tiled: TiledMap;
  map: WorldMap;
  placements: Placements;
}

function load(path: string): LoadedInterior {
  const file = `assets/${path}`;
  const tiled = read(file) as TiledMap;
  const map = parseWorldMap(tiled, file);
  return { path, file, tiled, map, placements: parsePlacements(map, data, file) };
}

export const mines = load('maps/mines.tmj');
export const lair = load('maps/lair.tmj');
export const houses = HOUSE_ROOMS.map((r) => ({ room: r, ...load(r.map) }));
export const interiors: readonly LoadedInterior[] = [mines, lair, ...houses];
