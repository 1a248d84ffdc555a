// A large map for the `spread` benchmark, built at run time: copies of the village side by side (2×4:
// 160×288 tiles, about BrowserQuest's world size), each with the village's mob areas, and spawn areas
// spread over every open part of it that is out of the mobs' reach (the server refuses a map whose
// players would respawn into a fight).
// Written under assets/maps/bench/ (git-ignored) because the server only loads maps under assets/.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseWorldMap, type TileRect } from '../../shared/content/world-map.ts';
import type { TiledLayer, TiledMap, TiledObject } from '../../shared/content/tiled-types.ts';
import { isWalkable, makeGrid, type Grid } from '../../shared/rules/grid.ts';
import { mobReach, rectGap } from '../../shared/content/respawn-safety.ts';
import { loadGameData } from '../../server/load-data.ts';

export interface BenchMapOptions {
  source: string;
  target: string;
  across: number;
  down: number;
}

/** Spawn areas are SPAWN_SIZE tiles square, one per SPAWN_STEP tiles where the ground is open. */
const SPAWN_SIZE = 4;
const SPAWN_STEP = 10;

/** Writes the tiled map and returns how many spawn areas it has. */
export function writeBenchMap({ source, target, across, down }: BenchMapOptions): number {
  const village = JSON.parse(readFileSync(source, 'utf8')) as TiledMap;
  const width = village.width * across;
  const height = village.height * down;
  const layers: TiledLayer[] = village.layers
    .filter((l) => l.type === 'tilelayer')
    .map((l) => ({ ...l, width, height, data: tileLayer(l.data as number[], village.width, across, down) }));
  const grid = tileGrid(parseWorldMap(village, source).grid, across, down);
  const mobAreas = copiedMobAreas(village, across, down, 1);
  const safe = outOfReach(mobAreas, village, path.dirname(path.dirname(source)));
  const spawns = openSquares(grid)
    .filter(safe)
    .map((r, i): TiledObject => ({
      id: i + 1,
      name: `bench ${i + 1}`,
      type: 'spawn',
      x: r.x * village.tilewidth,
      y: r.y * village.tileheight,
      width: r.width * village.tilewidth,
      height: r.height * village.tileheight,
    }));
  // The tileset image is relative to the map file, one folder down from the village.
  const tilesets = village.tilesets.map((t) => (t.image ? { ...t, image: `../${t.image}` } : t));
  mobAreas.forEach((a, i) => (a.id = spawns.length + 1 + i));
  const map = {
    ...village,
    width,
    height,
    tilesets,
    layers: [...layers, spawnLayer([...spawns, ...mobAreas])],
  };
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, JSON.stringify(map));
  return spawns.length;
}

/** The village's mob areas, once per copy, numbered on from `firstId`. */
function copiedMobAreas(village: TiledMap, across: number, down: number, firstId: number): TiledObject[] {
  const areas = village.layers.flatMap((l) => (l.type === 'objectgroup' ? (l.objects ?? []) : []));
  const out: TiledObject[] = [];
  for (let j = 0; j < down; j++)
    for (let i = 0; i < across; i++)
      for (const a of areas.filter((o) => o.type === 'mobArea'))
        out.push({
          ...a,
          id: firstId + out.length,
          name: `${a.name} ${i + 1}-${j + 1}`,
          x: a.x + i * village.width * village.tilewidth,
          y: a.y + j * village.height * village.tileheight,
        });
  return out;
}

/** Whether a spawn square is farther from every mob area than its mobs reach (assets/data/mobs.json). */
function outOfReach(
  mobAreas: readonly TiledObject[],
  village: TiledMap,
  assetsDir: string,
): (r: TileRect) => boolean {
  const mobs = loadGameData(assetsDir).mobs;
  const tw = village.tilewidth;
  const th = village.tileheight;
  const areas = mobAreas.map((a) => ({
    reach: mobReach(mobs.get(String(propertyOf(a, 'kind')))!),
    rect: { x: a.x / tw, y: a.y / th, width: (a.width ?? tw) / tw, height: (a.height ?? th) / th },
  }));
  return (r) => areas.every((a) => rectGap(r, a.rect) > a.reach);
}

function propertyOf(o: TiledObject, name: string): unknown {
  return o.properties?.find((p) => p.name === name)?.value;
}

function tileLayer(data: number[], w: number, across: number, down: number): number[] {
  const h = data.length / w;
  const out: number[] = [];
  for (let y = 0; y < h * down; y++) {
    const row = data.slice((y % h) * w, (y % h) * w + w);
    for (let i = 0; i < across; i++) out.push(...row);
  }
  return out;
}

function tileGrid(small: Grid, across: number, down: number): Grid {
  const grid = makeGrid(small.width * across, small.height * down);
  for (let y = 0; y < grid.height; y++)
    for (let x = 0; x < grid.width; x++)
      grid.blocked[y * grid.width + x] = small.blocked[(y % small.height) * small.width + (x % small.width)]!;
  return grid;
}

function spawnLayer(objects: TiledObject[]): TiledLayer {
  return { id: 99, name: 'objects', type: 'objectgroup', objects };
}

/** Every SPAWN_SIZE square on a SPAWN_STEP grid whose tiles are all walkable. */
function openSquares(grid: Grid): TileRect[] {
  const out: TileRect[] = [];
  for (let y = 2; y + SPAWN_SIZE < grid.height; y += SPAWN_STEP) {
    for (let x = 2; x + SPAWN_SIZE < grid.width; x += SPAWN_STEP) {
      let open = true;
      for (let dy = 0; dy < SPAWN_SIZE && open; dy++)
        for (let dx = 0; dx < SPAWN_SIZE && open; dx++) open = isWalkable(grid, x + dx, y + dy);
      if (open) out.push({ x, y, width: SPAWN_SIZE, height: SPAWN_SIZE });
    }
  }
  return out;
}
