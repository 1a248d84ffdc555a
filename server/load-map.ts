// Reads a Tiled map file from disk for the world, turning every failure into a message a modder can act on.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ContentError, parseWorldMap, type WorldMap } from '../shared/content/world-map.ts';
import type { TiledMap } from '../shared/content/tiled-types.ts';

export function loadWorldMap(file: string): WorldMap {
  const label = path.relative(process.cwd(), file) || file;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ContentError(label, [
      `cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`,
    ]);
  }
  let json: TiledMap;
  try {
    json = JSON.parse(text) as TiledMap;
  } catch (err) {
    throw new ContentError(label, [`is not valid JSON: ${(err as Error).message}`]);
  }
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
  return parseWorldMap(json, label);
}
