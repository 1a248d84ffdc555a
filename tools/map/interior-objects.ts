// What lives in the interiors, each a map of its own: the mines' bats and golems and their hoard, the
// Ember Wyrm in its lair, the innkeeper, the scribe and the smithy's rack. Each map has portals back to the
// overworld (maps/world.tmj) on its stairs or front door, where arrivals stand, a spawn (where a character
// whose saved tile is gone lands), music and one camera area. Tiles here; placeObjects turns them to pixels.
import type { ObjectSpec } from './tmj.ts';
import { WORLD_MAP } from './isle-objects.ts';
import { roomExit, roomFloor, roomSize, type HouseRoom } from './house-interiors.ts';
import {
  LAIR_H,
  LAIR_HALL,
  LAIR_STAIRS,
  LAIR_W,
  MINE_ROOMS,
  MINE_STAIRS_NORTH,
  MINE_STAIRS_SOUTH,
  MINES_H,
  MINES_W,
} from './interiors.ts';
import { placeObjects, type Place } from './village-objects.ts';

export const MINES_MAP = 'maps/mines.tmj';
export const LAIR_MAP = 'maps/lair.tmj';
/** Each map's own `title` (what the minimap names a tile outside every zone); realm.json's worlds match. */
export const MINES_TITLE = 'The Old Mine';
export const LAIR_TITLE = "The Wyrm's Lair";

const room = (i: number, shrink = 2): { x: number; y: number; w: number; h: number } => {
  const r = MINE_ROOMS[i]!;
  return { x: r.cx - r.rx + shrink, y: r.cy - r.ry + shrink, w: 2 * (r.rx - shrink), h: 2 * (r.ry - shrink) };
};
const mob = (name: string, kind: string, r: { x: number; y: number; w: number; h: number }, count: number) =>
  ({ type: 'mobArea', name, ...r, props: { kind, count } }) satisfies Place;
/** A portal one tile wide on stairs or a door, back to the overworld's `to`. */
const portalOut = (name: string, at: { x: number; y: number }, to: string): Place => ({
  type: 'portal',
  name,
  x: at.x,
  y: at.y,
  w: 1,
  h: 1,
  props: { map: WORLD_MAP, to },
});
const dest = (name: string, x: number, y: number): Place => ({ type: 'destination', name, x, y });
/** Music and the camera area over the whole map; the music area names the zone (the bots' tables use it). */
const whole = (name: string, zone: string, w: number, h: number, track: string): Place[] => [
  { type: 'music', name: `music_${zone}`, x: 0, y: 0, w, h, props: { track } },
  { type: 'bounds', name, x: 0, y: 0, w, h },
];

/** The mines: in from the mountain valley (south stairs), out to the desert outcrop (north stairs). */
export const MINES_PLACES: readonly Place[] = [
  portalOut('mine_stairs_south', MINE_STAIRS_SOUTH, 'mine_valley'),
  dest('mine_entry', MINE_STAIRS_SOUTH.x, MINE_STAIRS_SOUTH.y - 3),
  portalOut('mine_stairs_north', MINE_STAIRS_NORTH, 'outcrop_exit'),
  dest('mine_back', MINE_STAIRS_NORTH.x, MINE_STAIRS_NORTH.y + 3),
  { type: 'spawn', name: 'mine_foot', x: MINE_STAIRS_SOUTH.x - 1, y: MINE_STAIRS_SOUTH.y - 4, w: 3, h: 2 },
  // Beyond every aggressive mob's reach (aggroRadius + leash): shared/content/respawn-safety.ts.
  { type: 'checkpoint', name: 'mine_landing', x: MINE_STAIRS_SOUTH.x - 3, y: 107, w: 6, h: 4 },
  mob('bat_roost', 'bat', room(1), 8),
  mob('crystal_cavern', 'golem', room(2), 4),
  mob('deep_gallery', 'golem', room(3), 3),
  mob('deep_gallery_bats', 'bat', room(3), 2),
  { type: 'chestArea', name: 'crystal_hoard', ...room(2), props: { items: 'scale,long_sword' } },
  ...whole('mine', 'caves', MINES_W, MINES_H, 'caves'),
];

/** The wyrm's lair: one hall, the stairs up to the volcano's rim, the boss and its hoard. */
export const LAIR_PLACES: readonly Place[] = [
  portalOut('lair_stairs', LAIR_STAIRS, 'lair_steps'),
  dest('lair_entry', LAIR_STAIRS.x, LAIR_STAIRS.y - 3),
  { type: 'spawn', name: 'lair_foot', x: LAIR_STAIRS.x - 1, y: LAIR_STAIRS.y - 4, w: 3, h: 2 },
  { type: 'checkpoint', name: 'lair_landing', x: LAIR_STAIRS.x - 3, y: 46, w: 6, h: 4 },
  {
    type: 'mob',
    name: 'the_ember_wyrm',
    x: LAIR_HALL.cx,
    y: LAIR_HALL.cy - 8,
    props: { kind: 'ember_wyrm' },
  },
  {
    type: 'chestArea',
    name: 'wyrm_hoard',
    x: LAIR_HALL.cx - 8,
    y: LAIR_HALL.cy - 16,
    w: 16,
    h: 24,
    props: { items: 'ember_blade,ember_plate,ember_potion' },
  },
  // A named place (an achievement can ask to `reach` it): the wyrm's hall.
  { type: 'area', name: 'wyrm_lair', x: LAIR_HALL.cx - 10, y: LAIR_HALL.cy - 20, w: 20, h: 40 },
  ...whole('wyrm_lair', 'lair', LAIR_W, LAIR_H, 'lair'),
];

/** Who or what is inside each house, by the room's floor (its own map's tiles). */
function houseInside(r: HouseRoom): Place[] {
  const f = roomFloor(r);
  if (r.name === 'inn')
    return [{ type: 'npc', name: 'Innkeeper Odo', x: f.x + 3, y: f.y + 1, props: { kind: 'innkeeper' } }];
  if (r.name === 'elder_house')
    return [{ type: 'npc', name: 'Scribe Tam', x: f.x + 6, y: f.y + 1, props: { kind: 'scribe' } }];
  if (r.name === 'smithy')
    return [
      {
        type: 'chest',
        name: 'smithy_rack',
        x: f.x + 4,
        y: f.y + 1,
        props: { items: 'short_sword,small_potion', respawnSeconds: 600 },
      },
    ];
  return [];
}

export function housePlaces(r: HouseRoom): Place[] {
  const exit = roomExit(r);
  const { width, height } = roomSize(r);
  const f = roomFloor(r);
  return [
    portalOut(`${r.name}_exit`, exit, `${r.name}_outside`),
    dest(`${r.name}_inside`, exit.x, exit.y - 2),
    { type: 'spawn', name: `${r.name}_floor`, x: f.x + 1, y: f.y + f.h - 3, w: f.w - 2, h: 2 },
    ...houseInside(r),
    ...whole(r.name, r.name, width, height, 'village'),
  ];
}

export const mineObjects = (): ObjectSpec[] => placeObjects(MINES_PLACES);
export const lairObjects = (): ObjectSpec[] => placeObjects(LAIR_PLACES);
export const houseObjects = (r: HouseRoom): ObjectSpec[] => placeObjects(housePlaces(r));
