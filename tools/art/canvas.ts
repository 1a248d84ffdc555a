// A small RGBA raster with the few drawing operations pixel art needs.
import type { Rgba } from './palette.ts';

export class Canvas {
  readonly data: Uint8Array;

  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.data = new Uint8Array(width * height * 4);
  }

  inside(x: number, y: number): boolean {
    return x >= 0 && y >= 0 && x < this.width && y < this.height;
  }

  get(x: number, y: number): Rgba {
    if (!this.inside(x, y)) return [0, 0, 0, 0];
    const i = (y * this.width + x) * 4;
    const d = this.data;
    return [d[i]!, d[i + 1]!, d[i + 2]!, d[i + 3]!];
  }

  alpha(x: number, y: number): number {
    return this.inside(x, y) ? this.data[(y * this.width + x) * 4 + 3]! : 0;
  }

  /** Sets a pixel, blending translucent colours over what is already there. */
  set(x: number, y: number, c: Rgba): void {
    x = Math.floor(x);
    y = Math.floor(y);
    if (!this.inside(x, y)) return;
    const i = (y * this.width + x) * 4;
    const d = this.data;
    const a = c[3] / 255;
    if (a >= 1 || d[i + 3] === 0) {
      d.set(c, i);
      return;
    }
    const under = d[i + 3]! / 255;
    const out = a + under * (1 - a);
    for (let k = 0; k < 3; k++) d[i + k] = Math.round((c[k]! * a + d[i + k]! * under * (1 - a)) / out);
    d[i + 3] = Math.round(out * 255);
  }

  /** Replaces a pixel outright (no blending), e.g. to punch transparency. */
  put(x: number, y: number, c: Rgba): void {
    if (this.inside(x, y)) this.data.set(c, (y * this.width + x) * 4);
  }

  fill(x: number, y: number, w: number, h: number, c: Rgba): void {
    for (let yy = y; yy < y + h; yy++) for (let xx = x; xx < x + w; xx++) this.set(xx, yy, c);
  }

  hline(x0: number, x1: number, y: number, c: Rgba): void {
    for (let x = x0; x <= x1; x++) this.set(x, y, c);
  }

  vline(x: number, y0: number, y1: number, c: Rgba): void {
    for (let y = y0; y <= y1; y++) this.set(x, y, c);
  }

  /** Filled ellipse centred on (cx, cy); shade(dx, dy) picks the colour from the offset in -1..1. */
  ellipse(cx: number, cy: number, rx: number, ry: number, shade: (dx: number, dy: number) => Rgba): void {
    for (let y = Math.floor(cy - ry); y <= Math.ceil(cy + ry); y++) {
      for (let x = Math.floor(cx - rx); x <= Math.ceil(cx + rx); x++) {
        const dx = (x + 0.5 - cx) / rx;
        const dy = (y + 0.5 - cy) / ry;
        if (dx * dx + dy * dy <= 1) this.set(x, y, shade(dx, dy));
      }
    }
  }

  /** Draws a 1px outline on transparent pixels that touch an opaque one (4-neighbourhood). */
  outline(c: Rgba, threshold = 128): void {
    const edge: number[] = [];
    for (let y = 0; y < this.height; y++) {
      for (let x = 0; x < this.width; x++) {
        if (this.alpha(x, y) >= threshold) continue;
        const touches =
          this.alpha(x - 1, y) >= threshold ||
          this.alpha(x + 1, y) >= threshold ||
          this.alpha(x, y - 1) >= threshold ||
          this.alpha(x, y + 1) >= threshold;
        if (touches) edge.push(x, y);
      }
    }
    for (let i = 0; i < edge.length; i += 2) this.put(edge[i]!, edge[i + 1]!, c);
  }

  /** Copies a w*h block from src, optionally mirrored left-right, blending over this canvas. */
  blit(
    src: Canvas,
    sx: number,
    sy: number,
    w: number,
    h: number,
    dx: number,
    dy: number,
    flipX = false,
  ): void {
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const c = src.get(sx + (flipX ? w - 1 - x : x), sy + y);
        if (c[3] > 0) this.set(dx + x, dy + y, c);
      }
    }
  }

  /** A copy of one region as its own canvas. */
  crop(sx: number, sy: number, w: number, h: number): Canvas {
    const out = new Canvas(w, h);
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) out.put(x, y, this.get(sx + x, sy + y));
    return out;
  }
}

/** Nearest-neighbour upscale, for previews. */
export function scaled(src: Canvas, factor: number): Canvas {
  const out = new Canvas(src.width * factor, src.height * factor);
  for (let y = 0; y < out.height; y++) {
    for (let x = 0; x < out.width; x++)
      out.put(x, y, src.get(Math.floor(x / factor), Math.floor(y / factor)));
  }
  return out;
}
