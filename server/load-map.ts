// Reads a Tiled map file from disk for the world, turning every failure into a message a modder can act on.
// Beyond the shared parser it checks what only the disk knows: the tileset images the map names exist.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ContentError, parseWorldMap, type WorldMap } from '../shared/content/world-map.ts';
import type { TiledMap } from '../shared/content/tiled-types.ts';
import { readJsonFile } from './read-json.ts';

export function loadWorldMap(file: string): WorldMap {
  const label = path.relative(process.cwd(), file) || file;
  const json = readJsonFile(file, label) as TiledMap;
  if (
    typeof json !== 'object' ||
    json === null ||
    !Array.isArray(json.layers) ||
    !Array.isArray(json.tilesets)
  ) {
    throw new ContentError(label, [
      'is not a Tiled JSON map (no layers or tilesets): save it from Tiled as .tmj',
    ]);
  }
  const missing = missingTilesetImages(json, path.dirname(file));
  let map: WorldMap;
  try {
    map = parseWorldMap(json, label);
  } catch (err) {
    if (err instanceof ContentError && missing.length)
      throw new ContentError(label, [...missing, ...err.problems], err.warnings);
    throw err;
  }
  if (missing.length) throw new ContentError(label, missing, map.warnings);
  return map;
}

/** Browsers load each tileset's image from beside the map; a missing one draws the map blank. */
function missingTilesetImages(map: TiledMap, dir: string): string[] {
  return map.tilesets.flatMap((ts) => {
    const name = `tileset "${ts.name ?? ts.firstgid}"`;
    if (ts.source) return []; // external tilesets are refused by the parser
    if (!ts.image)
      return [
        `${name} is a collection of images; the game needs one image per tileset (Tileset → New, "Based on Tileset Image")`,
      ];
    const at = path.join(dir, ts.image);
    if (existsSync(at)) return [];
    return [
      `${name} names the image "${ts.image}", which is not there (${path.relative(process.cwd(), at)}): ` +
        'put the image beside the map, or fix the path in Tiled (Tileset → Tileset Properties → Image)',
    ];
  });
}
