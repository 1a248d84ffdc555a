// The committed Ember Isle map, read the way the server reads it, for the isle's design tests.
import { parsePlacements } from '../../shared/content/placements.ts';
import type { TiledMap } from '../../shared/content/tiled-types.ts';
import { parseWorldMap } from '../../shared/content/world-map.ts';
import { data, read } from './world-fixture.ts';

export const ISLE_FILE = 'assets/maps/isle.tmj';
export const isleTiled = read(ISLE_FILE) as TiledMap;
export const isle = parseWorldMap(isleTiled, ISLE_FILE);
export const islePlacements = parsePlacements(isle, data, ISLE_FILE);
