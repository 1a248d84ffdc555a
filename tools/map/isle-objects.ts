// What lives on Ember Isle: the ferry back (a portal) and where arrivals stand, a checkpoint by the
// landing, crabs, smugglers and wolves for players of about level 3 (tools/map/curve.test.ts fights
// them), the hermit, a chest in the crater, the cove's hoard, music, the camera area and a place to find.
import type { Place } from './village-objects.ts';
import { placeObjects } from './village-objects.ts';
import type { ObjectSpec } from './tmj.ts';
import {
  COVE,
  CRATER,
  HILL_WOODS,
  HUT,
  ISLE_FERRY,
  ISLE_H,
  ISLE_LANDING,
  ISLE_W,
  SOUTH_BEACH,
} from './isle-layout.ts';

/** The map file and object names the two ends of the ferry use (the realm checks link them). */
export const ISLE_MAP = 'maps/isle.tmj';
export const WORLD_MAP = 'maps/world.tmj';
export const ISLE_PORTAL = 'mainland_ferry';
export const ISLE_ARRIVAL = 'isle_landing';
export const WORLD_PORTAL = 'isle_ferry';
export const WORLD_ARRIVAL = 'isle_return';

/** Where new characters would appear if the isle were a start map, and where the dead come back. */
export const ISLE_SPAWN = { x: 10, y: 31, w: 4, h: 3 };

const mob = (name: string, kind: string, r: { x: number; y: number; w: number; h: number }, count: number) =>
  ({ type: 'mobArea', name, ...r, props: { kind, count } }) satisfies Place;

export const ISLE_PLACES: readonly Place[] = [
  {
    type: 'portal',
    name: ISLE_PORTAL,
    ...ISLE_FERRY,
    props: { map: WORLD_MAP, to: WORLD_ARRIVAL },
  },
  { type: 'destination', name: ISLE_ARRIVAL, x: ISLE_LANDING.x, y: ISLE_LANDING.y },
  { type: 'spawn', name: 'isle_shore', ...ISLE_SPAWN },
  // Beyond every aggressive mob's reach (aggroRadius + leash): shared/content/respawn-safety.ts.
  { type: 'checkpoint', name: 'isle_landing_camp', x: 9, y: 30, w: 6, h: 5 },

  // Crabs only fight back; the smugglers (goblins) and the hill's wolves keep off the road.
  mob('isle_south_beach', 'crab', SOUTH_BEACH, 5),
  mob('smugglers_cove', 'goblin', COVE, 3),
  mob('hill_wolves', 'wolf', HILL_WOODS, 2),

  { type: 'npc', name: 'Hermit Ysolde', x: HUT.x + HUT.w, y: HUT.y + 5, props: { kind: 'hermit' } },
  {
    type: 'chest',
    name: 'crater_cache',
    x: CRATER.cx - 2,
    y: CRATER.cy + 4,
    props: { items: 'leather,large_potion', respawnSeconds: 900 },
  },
  { type: 'chestArea', name: 'smugglers_hoard', ...COVE, props: { items: 'chainmail,axe,large_potion' } },

  { type: 'music', name: 'music_isle', x: 0, y: 0, w: ISLE_W, h: ISLE_H, props: { track: 'coast' } },
  { type: 'bounds', name: 'isle', x: 0, y: 0, w: ISLE_W, h: ISLE_H },
  // For the "Ember Isle" achievement: reaching the crater's rim.
  {
    type: 'area',
    name: 'ember_crater',
    x: CRATER.cx - CRATER.rx,
    y: CRATER.cy - CRATER.ry,
    w: CRATER.rx * 2,
    h: CRATER.ry * 2,
  },
];

/** The isle map's own name, and its named corners (last in the object list, so no old id moves). */
export const ISLE_TITLE = 'Ember Isle';
const ISLE_ZONES: readonly Place[] = [
  { type: 'zone', name: 'zone_cove', ...COVE, props: { title: "Smugglers' Cove" } },
  {
    type: 'zone',
    name: 'zone_crater',
    x: CRATER.cx - CRATER.rx - 2,
    y: CRATER.cy - CRATER.ry - 2,
    w: CRATER.rx * 2 + 4,
    h: CRATER.ry * 2 + 4,
    props: { title: 'Ember Crater' },
  },
];

export function isleObjects(): ObjectSpec[] {
  return placeObjects([...ISLE_PLACES, ...ISLE_ZONES]);
}
