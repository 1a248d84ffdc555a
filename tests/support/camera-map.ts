// A small map for the camera's browser tests, built at run time: an overworld of grass ringed by sea,
// and, across a strip of void, two small interiors one above the other, each with `bounds`, joined to
// the overworld by doors. Written under assets/maps/e2e/ (git-ignored): the server loads maps only there.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { TileRect } from '../../shared/content/world-map.ts';
import type { TiledMap, TiledObject } from '../../shared/content/tiled-types.ts';
import { repoRoot } from '../../tools/server-process.ts';

const WIDTH = 100;
const HEIGHT = 60;
const TILE = 16;

/** The places the tests walk to, in tiles. */
export const cameraMap = {
  /** The map, relative to the repository (the server's MAP). */
  file: 'assets/maps/e2e/camera.tmj',
  width: WIDTH,
  height: HEIGHT,
  overworld: { x: 0, y: 0, width: 80, height: HEIGHT },
  hall: { x: 84, y: 4, width: 12, height: 10 },
  cellar: { x: 84, y: 18, width: 12, height: 10 },
  spawn: { x: 38, y: 28, width: 4, height: 4 },
  /** Stepping here leads into the hall, at hallArrival. */
  doorIn: { x: 30, y: 30 },
  hallArrival: { x: 90, y: 11 },
  /** Stepping here, in the hall, leads back out to square (by the overworld's east shore). */
  doorOut: { x: 86, y: 6 },
  square: { x: 74, y: 40 },
} as const;

/** Writes the map; returns its path relative to the repository. */
export function writeCameraMap(): string {
  const shipped = JSON.parse(
    readFileSync(path.join(repoRoot, 'assets/maps/village.tmj'), 'utf8'),
  ) as TiledMap;
  const tileset = shipped.tilesets[0]!;
  const gid = (name: string): number => {
    const tile = tileset.tiles?.find((t) => t.properties?.some((p) => p.name === 'name' && p.value === name));
    if (!tile) throw new Error(`the shipped tileset has no tile named ${name}`);
    return tileset.firstgid + tile.id;
  };
  const [grass, water, voidTile, floor, wall] = [
    'grass_0',
    'water_0',
    'void',
    'floor_wood',
    'wall_stone_lower',
  ].map(gid);
  const ground = new Array<number>(WIDTH * HEIGHT).fill(voidTile!);
  const paint = (r: TileRect, g: number): void => {
    for (let y = r.y; y < r.y + r.height; y++)
      for (let x = r.x; x < r.x + r.width; x++) ground[y * WIDTH + x] = g;
  };
  paint(cameraMap.overworld, water!);
  paint({ x: 4, y: 4, width: 72, height: HEIGHT - 8 }, grass!);
  for (const room of [cameraMap.hall, cameraMap.cellar]) {
    paint(room, wall!);
    paint({ x: room.x + 1, y: room.y + 1, width: room.width - 2, height: room.height - 2 }, floor!);
  }
  let id = 0;
  const rect = (
    type: string,
    name: string,
    r: TileRect,
    properties?: TiledObject['properties'],
  ): TiledObject => ({
    id: ++id,
    name,
    type,
    x: r.x * TILE,
    y: r.y * TILE,
    width: r.width * TILE,
    height: r.height * TILE,
    ...(properties ? { properties } : {}),
  });
  const point = (name: string, t: { x: number; y: number }): TiledObject => ({
    id: ++id,
    name,
    type: 'destination',
    x: t.x * TILE + TILE / 2,
    y: t.y * TILE + TILE / 2,
    point: true,
  });
  const one = (t: { x: number; y: number }): TileRect => ({ ...t, width: 1, height: 1 });
  const objects: TiledObject[] = [
    rect('spawn', 'start', cameraMap.spawn),
    rect('bounds', 'overworld', cameraMap.overworld),
    rect('bounds', 'hall', cameraMap.hall),
    rect('bounds', 'cellar', cameraMap.cellar),
    rect('door', 'into the hall', one(cameraMap.doorIn), [
      { name: 'to', type: 'string', value: 'hall arrival' },
    ]),
    point('hall arrival', cameraMap.hallArrival),
    rect('door', 'out of the hall', one(cameraMap.doorOut), [
      { name: 'to', type: 'string', value: 'square' },
    ]),
    point('square', cameraMap.square),
  ];
  const empty = new Array<number>(WIDTH * HEIGHT).fill(0);
  const layer = (layerId: number, name: string, data: number[]) => ({
    id: layerId,
    name,
    type: 'tilelayer' as const,
    width: WIDTH,
    height: HEIGHT,
    x: 0,
    y: 0,
    opacity: 1,
    visible: true,
    data,
  });
  const map: TiledMap = {
    ...shipped,
    width: WIDTH,
    height: HEIGHT,
    // The tileset image is relative to the map file, one folder down from the shipped maps.
    tilesets: [{ ...tileset, image: `../${tileset.image}` }],
    layers: [
      layer(1, 'ground', ground),
      layer(2, 'detail', empty),
      layer(3, 'above', empty),
      { id: 4, name: 'objects', type: 'objectgroup', objects },
    ],
  };
  const target = path.join(repoRoot, cameraMap.file);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, JSON.stringify(map));
  return cameraMap.file;
}
