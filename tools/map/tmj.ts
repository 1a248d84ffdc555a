// Serialises a built map as a Tiled 1.10 JSON map (.tmj) with the terrain tileset embedded,
// because Phaser cannot load external tilesets.
import type { TiledProperty, TiledTileset } from '../art/tileset.ts';
import { LAYERS, type MapBuilder } from './builder.ts';

export interface TiledObject {
  id: number;
  name: string;
  type: string;
  x: number;
  y: number;
  width: number;
  height: number;
  rotation: number;
  visible: boolean;
  point?: boolean;
  properties?: TiledProperty[];
}

export interface TiledTileLayer {
  id: number;
  name: string;
  type: 'tilelayer';
  width: number;
  height: number;
  x: 0;
  y: 0;
  opacity: 1;
  visible: true;
  data: number[];
  properties?: TiledProperty[];
}

export interface TiledObjectLayer {
  id: number;
  name: string;
  type: 'objectgroup';
  draworder: 'topdown';
  x: 0;
  y: 0;
  opacity: 1;
  visible: true;
  objects: TiledObject[];
}

export interface TiledMap {
  type: 'map';
  version: string;
  tiledversion: string;
  orientation: 'orthogonal';
  renderorder: 'right-down';
  infinite: false;
  compressionlevel: number;
  width: number;
  height: number;
  tilewidth: number;
  tileheight: number;
  nextlayerid: number;
  nextobjectid: number;
  layers: (TiledTileLayer | TiledObjectLayer)[];
  tilesets: TiledTileset[];
  properties?: TiledProperty[];
}

export type ObjectSpec = Omit<TiledObject, 'id' | 'rotation' | 'visible'>;

/** `title` becomes the map's own `title` property (what a tile outside every zone is called). */
export function toTiledMap(
  b: MapBuilder,
  tileset: TiledTileset,
  objects: readonly ObjectSpec[],
  title?: string,
): TiledMap {
  const tileLayers: TiledTileLayer[] = LAYERS.map((name, i) => ({
    id: i + 1,
    name,
    type: 'tilelayer',
    width: b.width,
    height: b.height,
    x: 0,
    y: 0,
    opacity: 1,
    visible: true,
    data: Array.from(b.layers[name]),
    ...(name === 'above' ? { properties: [{ name: 'above', type: 'bool' as const, value: true }] } : {}),
  }));
  const objectLayer: TiledObjectLayer = {
    id: tileLayers.length + 1,
    name: 'objects',
    type: 'objectgroup',
    draworder: 'topdown',
    x: 0,
    y: 0,
    opacity: 1,
    visible: true,
    objects: objects.map((o, i) => ({ id: i + 1, ...o, rotation: 0, visible: true })),
  };
  return {
    type: 'map',
    version: '1.10',
    tiledversion: '1.10.2',
    orientation: 'orthogonal',
    renderorder: 'right-down',
    infinite: false,
    compressionlevel: -1,
    width: b.width,
    height: b.height,
    tilewidth: tileset.tilewidth,
    tileheight: tileset.tileheight,
    nextlayerid: objectLayer.id + 1,
    nextobjectid: objects.length + 1,
    layers: [...tileLayers, objectLayer],
    tilesets: [tileset],
    ...(title ? { properties: [{ name: 'title', type: 'string' as const, value: title }] } : {}),
  };
}

/**
 * JSON text laid out like Tiled's own: one line per map row in tile layers, so diffs stay readable.
 */
export function stringifyTiledMap(map: TiledMap): string {
  const rows = new Map<string, string>();
  const layers = map.layers.map((l, i) => {
    if (l.type !== 'tilelayer') return l;
    const key = `__DATA_${i}__`;
    const lines: string[] = [];
    for (let y = 0; y < l.height; y++) lines.push(l.data.slice(y * l.width, (y + 1) * l.width).join(', '));
    rows.set(`"${key}"`, `[${lines.join(',\n      ')}]`);
    return { ...l, data: key };
  });
  let text = JSON.stringify({ ...map, layers }, null, 1);
  for (const [key, value] of rows) text = text.replace(key, value);
  return text + '\n';
}
