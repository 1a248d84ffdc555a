// Broken copies of the game's content for the checker's tests: a fresh assets folder in /tmp (data,
// sprites and the tileset image copied, the big audio folder linked) and a tiny map to break.
import { cpSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import type { TiledLayer, TiledMap, TiledObject } from '../../shared/content/tiled-types.ts';

const ASSETS = path.resolve('assets');

/** A throwaway assets folder that passes the checker as it is. */
export function copyAssets(): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'emberquest-content-')), 'assets');
  mkdirSync(path.join(dir, 'maps'), { recursive: true });
  cpSync(path.join(ASSETS, 'data'), path.join(dir, 'data'), { recursive: true });
  cpSync(path.join(ASSETS, 'sprites'), path.join(dir, 'sprites'), { recursive: true });
  cpSync(path.join(ASSETS, 'maps', 'terrain.png'), path.join(dir, 'maps', 'terrain.png'));
  symlinkSync(path.join(ASSETS, 'audio'), path.join(dir, 'audio'));
  return dir;
}

const village = JSON.parse(readFileSync(path.join(ASSETS, 'maps', 'village.tmj'), 'utf8')) as TiledMap;
const tileset = village.tilesets[0]!;
const gidOf = (name: string): number =>
  tileset.firstgid + tileset.tiles!.find((t) => t.properties?.some((p) => p.value === name))!.id;
export const GRASS = gidOf('grass_0');
export const ROCK = gidOf('rock');

const W = 12;
const H = 10;

export function tileLayer(id: number, name: string, fill = 0): TiledLayer {
  return {
    id,
    name,
    type: 'tilelayer',
    width: W,
    height: H,
    x: 0,
    y: 0,
    visible: true,
    data: Array<number>(W * H).fill(fill),
  };
}

export function rect(
  id: number,
  type: string,
  x: number,
  y: number,
  w = 1,
  h = 1,
  props: Record<string, unknown> = {},
): TiledObject {
  const properties = Object.entries(props).map(([name, value]) => ({
    name,
    type: typeof value === 'number' ? 'int' : typeof value === 'boolean' ? 'bool' : 'string',
    value,
  }));
  return { id, name: `${type}${id}`, type, x: x * 16, y: y * 16, width: w * 16, height: h * 16, properties };
}

/** A 12×10 grass field with the village's tileset, a spawn, a rat area, an NPC and a chest: all valid. */
export function tinyMap(): TiledMap & { layers: TiledLayer[] } {
  return {
    type: 'map',
    orientation: 'orthogonal',
    infinite: false,
    width: W,
    height: H,
    tilewidth: 16,
    tileheight: 16,
    tilesets: [structuredClone(tileset)],
    layers: [
      tileLayer(1, 'ground', GRASS),
      tileLayer(2, 'detail'),
      {
        id: 3,
        name: 'objects',
        type: 'objectgroup',
        objects: [
          rect(1, 'spawn', 0, 0, 2, 2),
          rect(2, 'mobArea', 8, 6, 3, 3, { kind: 'rat', count: 2 }),
          rect(3, 'npc', 5, 1, 1, 1, { kind: 'elder' }),
          rect(4, 'chest', 5, 5, 1, 1, { items: 'small_potion', respawnSeconds: 60 }),
        ],
      },
    ],
  };
}

export function objectsOf(map: TiledMap): TiledObject[] {
  return map.layers.find((l) => l.type === 'objectgroup')!.objects!;
}

export function writeMap(assetsDir: string, map: unknown, name = 'tiny.tmj'): string {
  const file = path.join(assetsDir, 'maps', name);
  writeFileSync(file, typeof map === 'string' ? map : JSON.stringify(map, null, 1));
  return file;
}
