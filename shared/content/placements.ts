// What the map's objects place, checked against the game data: mob areas, NPCs, chests, checkpoints and
// named areas. Problems name the map file and the object id, so a modder can find them in Tiled.
import type { GameData } from './game-data.ts';
import { ContentError, type TileRect, type WorldMap } from './world-map.ts';
import { isWalkable } from '../rules/grid.ts';
import { titleProblem, type Zone } from './zones.ts';

export interface MobArea {
  objectId: number;
  name: string;
  kind: string;
  count: number;
  area: TileRect;
}

export interface NpcPlacement {
  objectId: number;
  kind: string;
  x: number;
  y: number;
}

export interface ChestPlacement {
  objectId: number;
  name: string;
  items: string[];
  x: number;
  y: number;
  /** Static chests come back after this many seconds; chest areas' chests come back with their mobs. */
  respawnSeconds: number;
  /** For a chest area: the chest appears when every mob inside this area is dead. */
  guardedBy: TileRect | null;
}

export interface DoorPlacement {
  objectId: number;
  name: string;
  area: TileRect;
  /** Where stepping on the door puts the player. */
  to: { x: number; y: number };
}

/**
 * A way to another map: stepping on `area` moves the player to the object named `to` in the map `map`
 * (a path under `assets/`, `maps/mines.tmj`). Only this side is checked here; the realm check
 * (realm-checks.ts) checks that the map is in the realm and the destination is there, walkable, and
 * has a way back.
 */
export interface PortalPlacement {
  objectId: number;
  name: string;
  area: TileRect;
  map: string;
  to: string;
}

export interface Placements {
  mobAreas: MobArea[];
  npcs: NpcPlacement[];
  chests: ChestPlacement[];
  checkpoints: TileRect[];
  /** Named places for "reach" achievements. */
  areas: { name: string; area: TileRect }[];
  doors: DoorPlacement[];
  portals: PortalPlacement[];
  /** Music areas: the client plays `track` while the player is inside (the server ignores them). */
  music: { track: string; area: TileRect }[];
  /** Camera bounds: the client shows nothing outside the one the player stands in (the server ignores them). */
  bounds: CameraBounds[];
  /** Named zones for the world map and the banner on entry (the server ignores them). */
  zones: Zone[];
}

export interface CameraBounds {
  objectId: number;
  name: string;
  area: TileRect;
}

/**
 * Object classes the game knows; anything else is reported, so a typo does not silently do nothing. The
 * switch in parsePlacements must handle exactly these (the compiler checks), and docs/modding.md documents
 * each (a test checks).
 */
export const OBJECT_CLASSES = [
  'spawn',
  'checkpoint',
  'mobArea',
  'mob',
  'npc',
  'chest',
  'chestArea',
  'area',
  'door',
  'destination',
  'portal',
  'music',
  'bounds',
  'zone',
] as const;

export type ObjectClass = (typeof OBJECT_CLASSES)[number];

function isObjectClass(kind: string): kind is ObjectClass {
  return (OBJECT_CLASSES as readonly string[]).includes(kind);
}

/** No objects of any class: what a map with none has, and the start of every list built up. */
export function emptyPlacements(): Placements {
  return {
    mobAreas: [],
    npcs: [],
    chests: [],
    checkpoints: [],
    areas: [],
    doors: [],
    portals: [],
    music: [],
    bounds: [],
    zones: [],
  };
}

export function parsePlacements(map: WorldMap, data: GameData, file: string): Placements {
  const problems: string[] = [];
  const out = emptyPlacements();

  const named = new Map(map.objects.filter((o) => o.name).map((o) => [o.name, o]));
  const sameName = (name: string): number => map.objects.filter((o) => o.name === name).length;
  for (const o of map.objects) {
    const where = `object ${o.id} ("${o.name}", ${o.kind || 'no class'})`;
    const problem = (what: string): void => void problems.push(`${where} ${what}`);
    const prop = (name: string): unknown => o.properties[name];
    const center = {
      x: o.area.x + Math.floor(o.area.width / 2),
      y: o.area.y + Math.floor(o.area.height / 2),
    };
    if (!isObjectClass(o.kind)) {
      problem(`has an unknown class; known classes: ${OBJECT_CLASSES.join(', ')}`);
      continue;
    }
    switch (o.kind) {
      case 'spawn':
        break;
      case 'checkpoint':
        out.checkpoints.push(o.area);
        break;
      case 'area':
        if (!o.name) problem('needs a name: achievements refer to areas by name');
        out.areas.push({ name: o.name, area: o.area });
        break;
      case 'mobArea':
      case 'mob': {
        const kind = String(prop('kind') ?? '');
        if (!data.mobs.has(kind)) problem(`has kind "${kind}", which is not in mobs.json`);
        const count = o.kind === 'mob' ? 1 : wholeNumber(prop('count') ?? 1, 1, 200);
        if (count === null) problem(`has count ${shown(prop('count'))}: ${NUMBER_FIX('count', 1, 200)}`);
        out.mobAreas.push({ objectId: o.id, name: o.name, kind, count: count ?? 1, area: o.area });
        break;
      }
      case 'npc': {
        const kind = String(prop('kind') ?? '');
        if (!data.npcs.has(kind)) problem(`has kind "${kind}", which is not in npcs.json`);
        out.npcs.push({ objectId: o.id, kind, ...center });
        break;
      }
      case 'chest':
      case 'chestArea': {
        const items = String(prop('items') ?? '')
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);
        if (items.length === 0) problem('needs an "items" property: item ids separated by commas');
        for (const item of items)
          if (!data.items.has(item)) problem(`holds "${item}", which is not in items.json`);
        const respawnSeconds = wholeNumber(prop('respawnSeconds') ?? 300, 1, 86_400);
        if (respawnSeconds === null)
          problem(
            `has respawnSeconds ${shown(prop('respawnSeconds'))}: ${NUMBER_FIX('respawnSeconds', 1, 86_400)}`,
          );
        out.chests.push({
          objectId: o.id,
          name: o.name,
          items,
          ...center,
          respawnSeconds: respawnSeconds ?? 300,
          guardedBy: o.kind === 'chestArea' ? o.area : null,
        });
        break;
      }
      case 'destination':
        break;
      case 'door': {
        // A door leads to the object named by its `to` property (a destination point, usually).
        const to = String(prop('to') ?? '');
        const target = named.get(to);
        if (!target) {
          problem(`leads to "${to}", but no object has that name`);
          break;
        }
        if (sameName(to) > 1) {
          // Which one wins would be an accident of object order: a door into the wrong place.
          problem(`leads to "${to}", but ${sameName(to)} objects have that name; rename all but one`);
          break;
        }
        const tile = {
          x: target.area.x + Math.floor(target.area.width / 2),
          y: target.area.y + Math.floor(target.area.height / 2),
        };
        if (!isWalkable(map.grid, tile.x, tile.y)) problem(`leads into a wall at (${tile.x}, ${tile.y})`);
        out.doors.push({ objectId: o.id, name: o.name, area: o.area, to: tile });
        break;
      }
      case 'portal': {
        // A portal leads to the object named `to` in another map (`map`, a path under assets/).
        const target = String(prop('map') ?? '');
        const to = String(prop('to') ?? '');
        if (!/^[\w./-]+\.tmj$/.test(target) || target.includes('..'))
          problem(
            `needs a "map" property: the path of the map it leads to under assets/, like "maps/mines.tmj" (has ${shown(prop('map'))})`,
          );
        else if (!to) problem(`needs a "to" property: the name of the object it leads to in ${target}`);
        else out.portals.push({ objectId: o.id, name: o.name, area: o.area, map: target, to });
        break;
      }
      case 'music': {
        const track = String(prop('track') ?? '');
        if (!/^[a-z0-9_]+$/.test(track))
          problem('needs a "track" property: the id of a tune in assets/data/music.json');
        else if (data.music && !data.music.has(track))
          problem(
            `has track "${track}", which is not in music.json (known: ${[...data.music.keys()].join(', ')}): ` +
              'fix the name, or add the tune to assets/data/music.json',
          );
        out.music.push({ track, area: o.area });
        break;
      }
      case 'bounds': {
        // One rectangle per area the camera keeps to (the overworld, each interior): a name says which.
        if (!o.name) problem('needs a name: the area the camera keeps to (e.g. "overworld", "inn")');
        const twin = out.bounds.find((b) => b.name === o.name);
        if (o.name && twin) problem(`has the same name as bounds object ${twin.objectId}`);
        out.bounds.push({ objectId: o.id, name: o.name, area: o.area });
        break;
      }
      case 'zone': {
        // A named part of the map: the world map writes its title, entering it shows it.
        const title = prop('title');
        const why = titleProblem(title);
        if (why) problem(why);
        else out.zones.push({ title: String(title).trim(), area: o.area });
        break;
      }
      default:
        o.kind satisfies never;
    }
  }
  for (const a of out.mobAreas) {
    if (!hasWalkable(map, a.area))
      problems.push(`object ${a.objectId} ("${a.name}") has no walkable tile for its mobs`);
  }
  if (problems.length) throw new ContentError(file, problems);
  return out;
}

/** A Tiled int property's value in range, or null: `true`, "soon" and 2.5 are not counts. */
function wholeNumber(v: unknown, min: number, max: number): number | null {
  return typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max ? v : null;
}

const shown = (v: unknown): string => (typeof v === 'string' ? `"${v}" (text)` : JSON.stringify(v));
const NUMBER_FIX = (name: string, min: number, max: number): string =>
  `make "${name}" an int property holding a whole number from ${min} to ${max}`;

function hasWalkable(map: WorldMap, r: TileRect): boolean {
  for (let y = r.y; y < r.y + r.height; y++) {
    for (let x = r.x; x < r.x + r.width; x++) if (isWalkable(map.grid, x, y)) return true;
  }
  return false;
}
