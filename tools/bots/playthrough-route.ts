// What the playthrough bot knows before it plays: the files the page itself loads (a map and assets/data;
// playthrough-atlas.ts lays every map of the realm on one plane), the road north as a list of named
// objects, and long walks planned on the grid.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseGameData, readDataFiles, type GameData } from '../../shared/content/game-data.ts';
import { parsePlacements, type Placements } from '../../shared/content/placements.ts';
import type { TiledMap } from '../../shared/content/tiled-types.ts';
import {
  layerGids,
  parseWorldMap,
  propertyOf,
  tileLayers,
  type MapObject,
  type TileRect,
  type WorldMap,
} from '../../shared/content/world-map.ts';
import { DX, DY } from '../../shared/rules/dirs.ts';
import { isWalkable, type Grid } from '../../shared/rules/grid.ts';

/**
 * The road from the village to the Ember Wyrm, by the names of the checkpoints, portals (doors) and the
 * boss on the maps, in the order a player meets them. Tiles come from the maps, so a retuned world keeps
 * the route.
 */
export const ROAD = [
  'village_square',
  'forest_glade',
  'graveyard_gate',
  // Through the mines (a map of their own), as the curve intends (golems, the crystal hoard), out by the
  // back door; then the lair, another map.
  'mine_mouth',
  'mine_landing',
  'mine_stairs_north',
  'desert_road',
  'volcano_edge',
  'lair_gate',
  'lair_landing',
  'the_ember_wyrm',
] as const;

/** Object classes a route stop may be: what a player sees drawn or can reach. */
const STOP_KINDS = ['checkpoint', 'door', 'portal', 'mob', 'spawn'];

export interface Stop {
  name: string;
  kind: string;
  area: TileRect;
  /** The tile to walk to: a door's or portal's own tile (standing on it goes through), else the area's middle. */
  tile: { x: number; y: number };
  /** For a door or a portal, where it puts the player (a portal: on the atlas's plane, another map). */
  to: { x: number; y: number } | null;
  /** For a mob (the boss), its kind in mobs.json. */
  mobKind: string | null;
}

export interface Zone {
  name: string;
  area: TileRect;
}

export interface PlayerContent {
  map: WorldMap;
  data: GameData;
  placements: Placements;
  /** The map's music areas, which name the zones a player hears change (village, forest, …). */
  zones: Zone[];
  /** 1 where the ground is drawn as a road or bridge: walks prefer these, as a player follows roads. */
  road: Uint8Array;
  /** Door (and, on the atlas, portal) tiles (y * width + x) and where each puts the player: walks may go through them. */
  links: Map<number, number>;
}

export function loadPlayerContent(root: string, mapFile = 'assets/maps/world.tmj'): PlayerContent {
  const json = JSON.parse(readFileSync(path.join(root, mapFile), 'utf8')) as TiledMap;
  const map = parseWorldMap(json, mapFile);
  const read = (name: string): unknown =>
    JSON.parse(readFileSync(path.join(root, 'assets/data', `${name}.json`), 'utf8'));
  const data = parseGameData(readDataFiles(read));
  const placements = parsePlacements(map, data, mapFile);
  const zones = map.objects
    .filter((o) => o.kind === 'music')
    .map((o) => ({ name: o.name.replace(/^music_/, ''), area: o.area }));
  const links = new Map<number, number>();
  for (const d of placements.doors)
    for (let y = d.area.y; y < d.area.y + d.area.height; y++)
      for (let x = d.area.x; x < d.area.x + d.area.width; x++)
        links.set(y * map.width + x, d.to.y * map.width + d.to.x);
  return { map, data, placements, zones, road: roadTiles(json), links };
}

/** Tiles whose ground is a path or bridge tile (by the tileset's tile names). */
function roadTiles(json: TiledMap): Uint8Array {
  const roadGids = new Set<number>();
  for (const ts of json.tilesets) {
    for (const tile of ts.tiles ?? []) {
      const name = String(propertyOf(tile.properties, 'name') ?? '');
      if (/^(path|bridge|flagstone)/.test(name)) roadGids.add(ts.firstgid + tile.id);
    }
  }
  const road = new Uint8Array(json.width * json.height);
  for (const layer of tileLayers(json.layers)) {
    const gids = layerGids(layer, road.length);
    if (typeof gids === 'string') continue;
    gids.forEach((gid, i) => {
      if (roadGids.has(gid)) road[i] = 1;
    });
  }
  return road;
}

/** The road's stops as the map places them; throws naming any stop the map lacks. */
export function roadStops(content: PlayerContent, names: readonly string[] = ROAD): Stop[] {
  return names.map((name) => {
    const found = content.map.objects.filter((o) => o.name === name && STOP_KINDS.includes(o.kind));
    const object: MapObject | undefined = found.find((o) => o.kind !== 'spawn') ?? found[0];
    if (!object)
      throw new Error(`the map has no checkpoint, door, portal or mob named "${name}" on the road`);
    const through = object.kind === 'door' || object.kind === 'portal';
    const tile = through
      ? { x: object.area.x, y: object.area.y }
      : nearestWalkable(content.map.grid, middle(object.area), object.area);
    const link = through ? content.links.get(tile.y * content.map.width + tile.x) : undefined;
    const to =
      link === undefined ? null : { x: link % content.map.width, y: Math.floor(link / content.map.width) };
    const mobKind = object.kind === 'mob' ? String(object.properties.kind ?? '') : null;
    return { name, kind: object.kind, area: object.area, tile, to, mobKind };
  });
}

export function middle(r: TileRect): { x: number; y: number } {
  return { x: r.x + Math.floor(r.width / 2), y: r.y + Math.floor(r.height / 2) };
}

export function inside(r: TileRect, t: { x: number; y: number }): boolean {
  return t.x >= r.x && t.y >= r.y && t.x < r.x + r.width && t.y < r.y + r.height;
}

/** The walkable tile of the area closest to `t` (a boss stands on its tile; an NPC blocks its own). */
function nearestWalkable(grid: Grid, t: { x: number; y: number }, r: TileRect): { x: number; y: number } {
  if (isWalkable(grid, t.x, t.y)) return t;
  for (let d = 1; d < 8; d++) {
    for (let dy = -d; dy <= d; dy++) {
      for (let dx = -d; dx <= d; dx++) {
        const x = t.x + dx;
        const y = t.y + dy;
        if ((Math.abs(dx) === d || Math.abs(dy) === d) && isWalkable(grid, x, y)) return { x, y };
      }
    }
  }
  return { x: r.x, y: r.y };
}

/** What a step onto open country costs against a step along a road: enough to keep to roads. */
const OFF_ROAD_COST = 3;

/**
 * The cheapest walk from `from` to `to` over the whole map (a step on a road costs 1, elsewhere
 * OFF_ROAD_COST), as the tiles after `from`; empty when `to` cannot be reached. Stepping on a door tile
 * (a key of `links`) puts the player where the door leads, so the walk jumps there: the tile after a
 * door's is not beside it. A bucket queue keeps this a few milliseconds on the world map, which the
 * server's bounded A* is not meant for.
 */
export function planWalk(
  grid: Grid,
  road: Uint8Array,
  from: { x: number; y: number },
  to: { x: number; y: number },
  links: ReadonlyMap<number, number> = new Map(),
): { x: number; y: number }[] {
  const { width, height } = grid;
  const size = width * height;
  const cost = new Int32Array(size).fill(-1);
  const came = new Int32Array(size).fill(-1);
  const start = from.y * width + from.x;
  const goal = to.y * width + to.x;
  if (!isWalkable(grid, to.x, to.y) || !isWalkable(grid, from.x, from.y)) return [];
  const buckets: number[][] = [[start]];
  cost[start] = 0;
  came[start] = start;
  for (let c = 0; c < buckets.length && cost[goal] === -1; c++) {
    for (const i of buckets[c] ?? []) {
      if (cost[i] !== c) continue; // reached more cheaply since
      if (i === goal) break;
      const x = i % width;
      const y = (i - x) / width;
      const through = i === start ? undefined : links.get(i);
      for (let d = 0; d < 4; d++) {
        const nx = through === undefined ? x + DX[d]! : through % width;
        const ny = through === undefined ? y + DY[d]! : Math.floor(through / width);
        if (through !== undefined && d > 0) break; // a door leads one way only: where it puts you
        if (!isWalkable(grid, nx, ny)) continue;
        const n = ny * width + nx;
        const nc = c + (road[n] ? 1 : OFF_ROAD_COST);
        if (cost[n] !== -1 && cost[n]! <= nc) continue;
        cost[n] = nc;
        came[n] = i;
        (buckets[nc] ??= []).push(n);
      }
    }
  }
  if (came[goal] === -1) return [];
  const tiles: { x: number; y: number }[] = [];
  for (let i = goal; i !== start; i = came[i]!) tiles.push({ x: i % width, y: Math.floor(i / width) });
  return tiles.reverse();
}

/** How far along `plan` a walk request should aim: at most `steps` tiles, and never past a door. */
export function walkLegEnd(
  plan: readonly { x: number; y: number }[],
  steps: number,
): { x: number; y: number } | undefined {
  const end = Math.min(plan.length, steps);
  for (let i = 0; i < end - 1; i++) {
    const a = plan[i]!;
    const b = plan[i + 1]!;
    if (Math.abs(a.x - b.x) + Math.abs(a.y - b.y) > 1) return a;
  }
  return plan[end - 1];
}
