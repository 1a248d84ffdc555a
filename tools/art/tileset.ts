// The terrain tileset: the ordered catalog of tiles (ids are positions in it), the packed image
// with 1px extrusion, and the Tiled tileset JSON that the map embeds.
import { Canvas } from './canvas.ts';
import { createRng, hashSeed } from './rng.ts';
import { TILE, type TileDef } from './tile-def.ts';
import { groundTiles } from './tiles-ground.ts';
import { houseTiles } from './tiles-house.ts';
import { natureTiles } from './tiles-nature.ts';
import { propTiles } from './tiles-props.ts';
import { caveTiles } from './tiles-cave.ts';
import { desertTiles } from './tiles-desert.ts';
import { graveyardTiles } from './tiles-graveyard.ts';
import { zoneGroundTiles } from './tiles-zones.ts';

export const COLUMNS = 16;
export const MARGIN = 1;
export const SPACING = 2;

/**
 * Every tile, in id order. Append new tiles at the end of a group's list only if you accept that
 * later ids shift; maps store ids, so regenerate the map (npm run map) after changing this order.
 */
export function tileCatalog(): TileDef[] {
  const main = [
    ...groundTiles(),
    ...natureTiles(),
    ...houseTiles(),
    ...propTiles(),
    ...zoneGroundTiles(),
    ...graveyardTiles(),
    ...desertTiles(),
    ...caveTiles(),
  ];
  // Animation frames go last, so adding an animation never shifts the ids of the tiles before.
  const frames = main.flatMap((t) =>
    (t.frames ?? []).map((f) => ({ ...f, collides: t.collides, above: t.above })),
  );
  const tiles = [...main, ...frames];
  const seen = new Set<string>();
  for (const t of tiles) {
    if (seen.has(t.name)) throw new Error(`duplicate tile name ${t.name}`);
    seen.add(t.name);
  }
  return tiles;
}

/** Tile name -> local tile id (gid = id + firstgid). */
export function tileIds(catalog: readonly TileDef[] = tileCatalog()): Map<string, number> {
  return new Map(catalog.map((t, i) => [t.name, i]));
}

export interface TilesetImage {
  canvas: Canvas;
  columns: number;
  rows: number;
}

/** Pixel position of a tile's top-left in the packed image. */
export function tileOrigin(id: number): { x: number; y: number } {
  return {
    x: MARGIN + (id % COLUMNS) * (TILE + SPACING),
    y: MARGIN + Math.floor(id / COLUMNS) * (TILE + SPACING),
  };
}

/** Paints every tile and packs them; each tile's edge pixels are copied 1px outward so GPU
 * sampling at fractional zoom never bleeds a neighbour's colour into a seam. */
export function renderTileset(catalog: readonly TileDef[]): TilesetImage {
  const rows = Math.ceil(catalog.length / COLUMNS);
  const size = (n: number): number => 2 * MARGIN + n * TILE + (n - 1) * SPACING;
  const canvas = new Canvas(size(COLUMNS), size(rows));
  catalog.forEach((def, id) => {
    const tile = new Canvas(TILE, TILE);
    def.paint(tile, createRng(hashSeed(def.seed ?? def.name)));
    const { x, y } = tileOrigin(id);
    for (let ty = -1; ty <= TILE; ty++) {
      for (let tx = -1; tx <= TILE; tx++) {
        const sx = Math.min(TILE - 1, Math.max(0, tx));
        const sy = Math.min(TILE - 1, Math.max(0, ty));
        canvas.put(x + tx, y + ty, tile.get(sx, sy));
      }
    }
  });
  return { canvas, columns: COLUMNS, rows };
}

export interface TiledProperty {
  name: string;
  type: 'bool' | 'string' | 'int';
  value: boolean | string | number;
}

export interface TiledTileset {
  firstgid: number;
  name: string;
  image: string;
  imagewidth: number;
  imageheight: number;
  tilewidth: number;
  tileheight: number;
  margin: number;
  spacing: number;
  columns: number;
  tilecount: number;
  tiles: { id: number; properties: TiledProperty[]; animation?: { tileid: number; duration: number }[] }[];
}

/**
 * The tileset as Tiled embeds it in a map; every tile gets `name`, and flags where they are true.
 * Animated tiles (water, lava) get Tiled's `animation` list: the tile itself, then its frames.
 */
export function tiledTileset(catalog: readonly TileDef[], image: TilesetImage): TiledTileset {
  const ids = tileIds(catalog);
  return {
    firstgid: 1,
    name: 'terrain',
    image: 'terrain.png',
    imagewidth: image.canvas.width,
    imageheight: image.canvas.height,
    tilewidth: TILE,
    tileheight: TILE,
    margin: MARGIN,
    spacing: SPACING,
    columns: COLUMNS,
    // Tiled derives the count from the image grid, so trailing empty slots are counted too.
    tilecount: image.columns * image.rows,
    tiles: catalog.map((t, id) => {
      // Tiled writes properties sorted by name; matching that keeps a save in Tiled diff-free.
      const properties: TiledProperty[] = [];
      if (t.above) properties.push({ name: 'above', type: 'bool', value: true });
      if (t.collides) properties.push({ name: 'collides', type: 'bool', value: true });
      properties.push({ name: 'name', type: 'string', value: t.name });
      if (!t.frames?.length) return { id, properties };
      const animation = [t, ...t.frames].map((f) => ({
        tileid: ids.get(f.name)!,
        duration: t.frameMs ?? 250,
      }));
      return { animation, id, properties };
    }),
  };
}
