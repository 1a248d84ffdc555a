// The map as a picture of one pixel a tile, for the minimap and the world map: each tile's average colour
// (and how much of it is opaque) from its tileset image, layered as the map is drawn. Pure: the pixels
// come in as arrays, so it is tested without a browser.

/** One tileset's tiles, averaged: r, g, b per tile and the share of the tile that is opaque. */
export interface TileColours {
  firstgid: number;
  count: number;
  rgb: Uint8Array;
  cover: Float32Array;
}

export interface TilesetPixels {
  firstgid: number;
  /** RGBA bytes of the whole image, row by row. */
  pixels: Uint8ClampedArray;
  imageWidth: number;
  imageHeight: number;
  tileSize: number;
  columns: number;
  tilecount: number;
  margin?: number;
  spacing?: number;
}

/** Averages every tile of a tileset image (only its opaque pixels count toward the colour). */
export function averageTiles(ts: TilesetPixels): TileColours {
  const { pixels, imageWidth, tileSize, columns, tilecount } = ts;
  const margin = ts.margin ?? 0;
  const spacing = ts.spacing ?? 0;
  const rgb = new Uint8Array(tilecount * 3);
  const cover = new Float32Array(tilecount);
  for (let t = 0; t < tilecount; t++) {
    const ox = margin + (t % columns) * (tileSize + spacing);
    const oy = margin + Math.floor(t / columns) * (tileSize + spacing);
    let r = 0;
    let g = 0;
    let b = 0;
    let a = 0;
    for (let y = oy; y < oy + tileSize && y < ts.imageHeight; y++) {
      for (let x = ox; x < ox + tileSize && x < imageWidth; x++) {
        const i = (y * imageWidth + x) * 4;
        const alpha = pixels[i + 3]! / 255;
        r += pixels[i]! * alpha;
        g += pixels[i + 1]! * alpha;
        b += pixels[i + 2]! * alpha;
        a += alpha;
      }
    }
    if (a > 0) {
      rgb[t * 3] = Math.round(r / a);
      rgb[t * 3 + 1] = Math.round(g / a);
      rgb[t * 3 + 2] = Math.round(b / a);
    }
    cover[t] = a / (tileSize * tileSize);
  }
  return { firstgid: ts.firstgid, count: tilecount, rgb, cover };
}

/**
 * The map's picture: RGBA, one pixel a tile. Each layer's tile is laid over the ones below it by the share
 * of it that is opaque (a tree's crown mostly hides the grass, a flower barely tints it). `layers` are the
 * gids of each tile layer in drawing order (flip bits already cleared); tiles no tileset has are skipped.
 */
export function paintMap(
  width: number,
  height: number,
  layers: readonly (readonly number[])[],
  tilesets: readonly TileColours[],
  background: readonly [number, number, number],
): Uint8ClampedArray {
  const out = new Uint8ClampedArray(width * height * 4);
  const sorted = [...tilesets].sort((a, b) => b.firstgid - a.firstgid);
  const find = (gid: number): TileColours | undefined =>
    sorted.find((ts) => gid >= ts.firstgid && gid < ts.firstgid + ts.count);
  for (let i = 0; i < width * height; i++) {
    let [r, g, b] = background;
    for (const layer of layers) {
      const gid = layer[i] ?? 0;
      if (!gid) continue;
      const ts = find(gid);
      if (!ts) continue;
      const t = gid - ts.firstgid;
      // Small props (a flower, a stone) tint; solid tiles cover: a square keeps faint ones from muddying.
      const k = Math.min(1, ts.cover[t]! * ts.cover[t]! * 1.4);
      r += (ts.rgb[t * 3]! - r) * k;
      g += (ts.rgb[t * 3 + 1]! - g) * k;
      b += (ts.rgb[t * 3 + 2]! - b) * k;
    }
    out[i * 4] = r;
    out[i * 4 + 1] = g;
    out[i * 4 + 2] = b;
    out[i * 4 + 3] = 255;
  }
  return out;
}
