// Prepares a Tiled map for drawing: each tile layer is split into the tiles drawn under characters and
// those drawn over them (tiles with `above`, or every tile of a layer with `above`). The collision
// layer is never drawn.
import { gidsWith, layerGids, propertyOf, tileLayers } from '../../shared/content/world-map.ts';
import type { TiledLayer, TiledMap } from '../../shared/content/tiled-types.ts';

export interface DrawLayer {
  name: string;
  above: boolean;
}

export interface SplitMap {
  map: TiledMap;
  layers: DrawLayer[];
}

export function splitForDrawing(source: TiledMap): SplitMap {
  const aboveGids = gidsWith(source.tilesets, 'above');
  const size = source.width * source.height;
  const out: TiledLayer[] = [];
  const layers: DrawLayer[] = [];
  for (const layer of tileLayers(source.layers)) {
    if (layer.name.toLowerCase() === 'collision' || layer.visible === false) continue;
    const gids = layerGids(layer, size);
    if (typeof gids === 'string') continue; // the map loader already reported it
    const wholeLayerAbove = propertyOf(layer.properties, 'above') === true;
    const below = gids.map((g) => (wholeLayerAbove || aboveGids.has(g) ? 0 : g));
    const above = gids.map((g) => (wholeLayerAbove || aboveGids.has(g) ? g : 0));
    for (const [data, isAbove] of [
      [below, false],
      [above, true],
    ] as const) {
      if (!data.some((g) => g !== 0)) continue;
      const name = `${layer.name}${isAbove ? ' (above)' : ''}`;
      // Keep the layer's own fields (opacity, offsets, properties); Phaser reads them.
      const { encoding: _e, compression: _c, ...rest } = layer;
      out.push({
        opacity: 1,
        x: 0,
        y: 0,
        ...rest,
        name,
        width: source.width,
        height: source.height,
        data,
        visible: true,
      });
      layers.push({ name, above: isAbove });
    }
  }
  return { map: { ...source, layers: out }, layers };
}
