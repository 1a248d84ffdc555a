// Village houses one can walk into: the inn, the smithy and the elder's house, each a map of its own
// (assets/maps/<file>) holding one wooden or stone room, reached by a portal on the house's painted door.
// One map per house, not one map of three rooms: each map is just its room (no rock between rooms for the
// camera to hide), a modder can edit or replace one house alone, and the world's title names the house.
import { createRng, type Rng } from '../art/rng.ts';
import type { TileDef } from '../art/tile-def.ts';
import { MapBuilder, houseHeight } from './builder.ts';
import { HOUSES } from './village.ts';
import { VILLAGE_ORIGIN, type Rect } from './world-layout.ts';

export interface HouseRoom {
  /** Object names start with it: `<name>_door`, `<name>_inside`, `<name>_exit`, `<name>_outside`. */
  name: string;
  /** The map, as realm.json and portals name it (`maps/inn.tmj`), and its title (realm.json's too). */
  map: string;
  title: string;
  /** Index into the village's HOUSES: the house whose painted door leads in. */
  house: number;
  wall: 'wood' | 'stone';
  /** The floor's size; the back wall stands on the two rows above it, the way out below. */
  w: number;
  h: number;
  /** Where the room's map tile (0, 0) lay in the world map's old interiors strip (server/realm/moved.ts). */
  stripOrigin: { x: number; y: number };
}

/** Void rock around the floor: columns each side, one row above the back wall, and below the door. */
const SIDE = 2;
const TOP = 3;

export const HOUSE_ROOMS: readonly HouseRoom[] = [
  {
    name: 'inn',
    map: 'maps/inn.tmj',
    title: 'The Ember Inn',
    house: 4,
    wall: 'wood',
    w: 12,
    h: 7,
    stripOrigin: { x: 173, y: 75 },
  },
  {
    name: 'smithy',
    map: 'maps/smithy.tmj',
    title: "Hedda's Smithy",
    house: 2,
    wall: 'stone',
    w: 9,
    h: 6,
    stripOrigin: { x: 175, y: 101 },
  },
  {
    name: 'elder_house',
    map: 'maps/elder-house.tmj',
    title: "Elder Maren's House",
    house: 1,
    wall: 'wood',
    w: 9,
    h: 6,
    stripOrigin: { x: 175, y: 271 },
  },
];

/** The map file a room is written to, under assets/. */
export const roomFile = (r: HouseRoom): string => r.map.replace(/^maps\//, '');

/** A room's floor in its own map's tiles. */
export function roomFloor(r: HouseRoom): Rect {
  return { x: SIDE, y: TOP, w: r.w, h: r.h };
}

/** A room's map size: its floor, the walls and a rim of rock. */
export function roomSize(r: HouseRoom): { width: number; height: number } {
  return { width: r.w + 2 * SIDE, height: r.h + TOP + 2 };
}

/** What stands against each room's back wall, by column: the inn's casks, the smithy's forge. */
const FURNITURE: Record<string, readonly [number, string][]> = {
  inn: [
    [2, 'barrel'],
    [3, 'barrel'],
    [4, 'barrel'],
    [8, 'crate'],
  ],
  smithy: [[2, 'brazier']],
  elder_house: [[7, 'crate']],
};

const SEEDS: Record<string, number> = { inn: 0x1d_00_01, smithy: 0x1d_00_02, elder_house: 0x1d_00_03 };

/** The painted door of a village house, in world tiles. */
export function houseDoor(house: number): { x: number; y: number } {
  const h = HOUSES[house]!;
  return { x: h.x + Math.floor(h.w / 2) + VILLAGE_ORIGIN.x, y: h.y + houseHeight(h) - 1 + VILLAGE_ORIGIN.y };
}

/** The tile inside a room's front wall that leads back out, in the room's map. */
export function roomExit(r: HouseRoom): { x: number; y: number } {
  const f = roomFloor(r);
  return { x: f.x + Math.floor(f.w / 2), y: f.y + f.h };
}

/** A room's map: a floor, a back wall with windows, a door out, and barrels and crates against the wall. */
export function generateHouseRoom(catalog: readonly TileDef[], r: HouseRoom): { builder: MapBuilder } {
  const rng: Rng = createRng(SEEDS[r.name] ?? 1);
  const size = roomSize(r);
  const b = new MapBuilder(size.width, size.height, catalog);
  for (let ty = 0; ty < b.height; ty++) for (let tx = 0; tx < b.width; tx++) b.put('ground', tx, ty, 'void');
  const { x, y, w, h } = roomFloor(r);
  for (let ty = y; ty < y + h; ty++) for (let tx = x; tx < x + w; tx++) b.put('ground', tx, ty, 'floor_wood');
  for (let i = 0; i < w; i++) {
    const side = i === 0 ? '_w' : i === w - 1 ? '_e' : '';
    const window = i % 4 === 2 && i < w - 1;
    b.put('ground', x + i, y - 2, 'floor_wood');
    b.put('ground', x + i, y - 1, 'floor_wood');
    b.put('detail', x + i, y - 2, window ? `wall_${r.wall}_window` : `wall_${r.wall}_upper${side}`);
    b.put('detail', x + i, y - 1, `wall_${r.wall}_lower${side}`);
  }
  const exit = roomExit(r);
  b.put('ground', exit.x, exit.y, 'floor_wood');
  b.put('detail', exit.x, exit.y, `door_${r.wall}`);
  // Clutter along the back wall only, so the way from the door to anyone inside stays open.
  for (const tx of [x, x + w - 1]) if (rng.chance(0.8)) b.put('detail', tx, y, rng.pick(['barrel', 'crate']));
  for (const [dx, name] of FURNITURE[r.name] ?? []) b.put('detail', x + dx, y, name);
  b.reserve(x - 1, y - 2, x + w, y + h + 1);
  return { builder: b };
}
