// The drawn map's picture for the minimap and the world map: each tileset image (already loaded for the
// tilemap) averaged tile by tile once, then the map's layers painted one pixel a tile (map/map-image.ts).
import type Phaser from 'phaser';
import type { TiledMap } from '../../shared/content/tiled-types.ts';
import { layerGids, tileLayers } from '../../shared/content/world-map.ts';
import { averageTiles, paintMap, type TileColours } from '../map/map-image.ts';
import { tilesetKey } from './map-files.ts';

/** Where the map has no ground: the page's ink. */
const VOID: [number, number, number] = [27, 18, 32];
/** Averaged tilesets by texture key: two maps sharing one average it once. */
const averaged = new Map<string, TileColours>();

function tilesetColours(scene: Phaser.Scene, path: string, map: TiledMap): TileColours[] {
  return map.tilesets.flatMap((ts) => {
    if (!ts.image || !ts.tilecount || !ts.columns) return [];
    const key = tilesetKey(path, ts.image);
    const known = averaged.get(key);
    if (known) return [{ ...known, firstgid: ts.firstgid }];
    if (!scene.textures.exists(key)) return [];
    const image = scene.textures.get(key).getSourceImage() as CanvasImageSource & {
      width: number;
      height: number;
    };
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
    ctx.drawImage(image, 0, 0);
    const colours = averageTiles({
      firstgid: ts.firstgid,
      pixels: ctx.getImageData(0, 0, image.width, image.height).data,
      imageWidth: image.width,
      imageHeight: image.height,
      tileSize: ts.tilewidth ?? map.tilewidth,
      columns: ts.columns,
      tilecount: ts.tilecount,
      margin: ts.margin,
      spacing: ts.spacing,
    });
    averaged.set(key, colours);
    return [colours];
  });
}

/** The map at `path` as RGBA, one pixel a tile. */
export function paintDrawnMap(scene: Phaser.Scene, path: string, map: TiledMap): Uint8ClampedArray {
  const size = map.width * map.height;
  const layers = tileLayers(map.layers)
    .filter((l) => l.visible !== false && l.name.toLowerCase() !== 'collision')
    .flatMap((l) => {
      const gids = layerGids(l, size);
      return typeof gids === 'string' ? [] : [gids];
    });
  return paintMap(map.width, map.height, layers, tilesetColours(scene, path, map), VOID);
}
