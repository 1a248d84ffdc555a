// Renders a built map to pixels (ground, detail, a character, above) for eyeballing the result.
import { Canvas, scaled } from '../art/canvas.ts';
import { tileOrigin } from '../art/tileset.ts';
import { TILE } from '../art/tile-def.ts';
import type { MapBuilder } from './builder.ts';

export interface PreviewOptions {
  /** Tile rectangle to draw; the whole map by default. */
  area?: { x: number; y: number; w: number; h: number };
  scale?: number;
  /** Character sheet frame drawn standing on this tile, between the detail and above layers. */
  character?: { sheet: Canvas; frame: number; tileX: number; tileY: number };
  /** More sprites (first frame of each sheet), feet on the bottom centre of their tile. */
  sprites?: readonly {
    sheet: Canvas;
    frameWidth: number;
    frameHeight: number;
    tileX: number;
    tileY: number;
  }[];
}

export function renderPreview(b: MapBuilder, tileset: Canvas, opts: PreviewOptions = {}): Canvas {
  const area = opts.area ?? { x: 0, y: 0, w: b.width, h: b.height };
  const out = new Canvas(area.w * TILE, area.h * TILE);
  const drawLayer = (layer: 'ground' | 'detail' | 'above'): void => {
    for (let ty = 0; ty < area.h; ty++) {
      for (let tx = 0; tx < area.w; tx++) {
        const gid = b.layers[layer][(area.y + ty) * b.width + area.x + tx] ?? 0;
        if (!gid) continue;
        const { x, y } = tileOrigin(gid - 1);
        out.blit(tileset, x, y, TILE, TILE, tx * TILE, ty * TILE);
      }
    }
  };
  drawLayer('ground');
  drawLayer('detail');
  const ch = opts.character;
  if (ch) {
    // Frame anchored at the tile's bottom centre, as the game does.
    const px = (ch.tileX - area.x) * TILE + TILE / 2 - 12;
    const py = (ch.tileY - area.y + 1) * TILE - 22;
    out.blit(ch.sheet, (ch.frame % 6) * 24, Math.floor(ch.frame / 6) * 24, 24, 24, px, py);
  }
  for (const s of [...(opts.sprites ?? [])].sort((a, b) => a.tileY - b.tileY)) {
    const px = (s.tileX - area.x) * TILE + TILE / 2 - Math.floor(s.frameWidth / 2);
    const py = (s.tileY - area.y + 1) * TILE - Math.round(s.frameHeight * 0.93);
    out.blit(s.sheet, 0, 0, s.frameWidth, s.frameHeight, px, py);
  }
  drawLayer('above');
  return opts.scale && opts.scale > 1 ? scaled(out, opts.scale) : out;
}
