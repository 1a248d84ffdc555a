// Whole-canvas operations the sprite painters share: turning weapon templates, squashing a body
// as it falls, dissolving it into the ground, flashing it a colour.
import { Canvas } from './canvas.ts';
import { bayer } from './noise.ts';
import type { Rgba } from './palette.ts';

/**
 * Turns a square canvas by quarter turns clockwise about the pixel corner (cx, cy). Turning about
 * a corner maps pixels exactly onto pixels, so nothing smears.
 */
export function quarterTurn(src: Canvas, turns: number, cx: number, cy: number): Canvas {
  const out = new Canvas(src.width, src.height);
  const t = ((turns % 4) + 4) % 4;
  for (let y = 0; y < src.height; y++) {
    for (let x = 0; x < src.width; x++) {
      const c = src.get(x, y);
      if (c[3] === 0) continue;
      let a = x + 0.5 - cx;
      let b = y + 0.5 - cy;
      for (let k = 0; k < t; k++) [a, b] = [-b, a];
      out.put(Math.floor(cx + a), Math.floor(cy + b), c);
    }
  }
  return out;
}

export function mirrored(src: Canvas): Canvas {
  const out = new Canvas(src.width, src.height);
  out.blit(src, 0, 0, src.width, src.height, 0, 0, true);
  return out;
}

/**
 * Nearest-neighbour rescale about a pivot (px, py), e.g. the feet, so a squash keeps the creature
 * standing on the same spot.
 */
export function scaledAbout(src: Canvas, sx: number, sy: number, px: number, py: number): Canvas {
  const out = new Canvas(src.width, src.height);
  for (let y = 0; y < out.height; y++) {
    for (let x = 0; x < out.width; x++) {
      const fx = Math.floor((x + 0.5 - px) / sx + px);
      const fy = Math.floor((y + 0.5 - py) / sy + py);
      const c = src.get(fx, fy);
      if (c[3] > 0) out.put(x, y, c);
    }
  }
  return out;
}

export function shifted(src: Canvas, dx: number, dy: number): Canvas {
  const out = new Canvas(src.width, src.height);
  out.blit(src, 0, 0, src.width, src.height, dx, dy);
  return out;
}

/** Removes an ordered-dither share of the pixels (0 = none, 1 = all): a crisp fade-out. */
export function dissolved(src: Canvas, amount: number): Canvas {
  const out = new Canvas(src.width, src.height);
  for (let y = 0; y < src.height; y++) {
    for (let x = 0; x < src.width; x++) {
      if (bayer(x, y) >= amount) out.put(x, y, src.get(x, y));
    }
  }
  return out;
}

/** Multiplies every pixel's alpha: for ghosts and fading smoke. */
export function faded(src: Canvas, alpha: number): Canvas {
  const out = new Canvas(src.width, src.height);
  for (let y = 0; y < src.height; y++) {
    for (let x = 0; x < src.width; x++) {
      const c = src.get(x, y);
      if (c[3] > 0) out.put(x, y, [c[0], c[1], c[2], Math.round(c[3] * alpha)]);
    }
  }
  return out;
}

/** Mixes every opaque pixel toward a colour (0..1), keeping alpha: hurt flashes, petrified looks. */
export function tinted(src: Canvas, color: Rgba, amount: number): Canvas {
  const out = new Canvas(src.width, src.height);
  for (let y = 0; y < src.height; y++) {
    for (let x = 0; x < src.width; x++) {
      const c = src.get(x, y);
      if (c[3] === 0) continue;
      const mix = (k: number): number => Math.round(c[k]! + (color[k]! - c[k]!) * amount);
      out.put(x, y, [mix(0), mix(1), mix(2), c[3]]);
    }
  }
  return out;
}

/** Draws a thick line of w*w stamps from (x0, y0) to (x1, y1): limbs, tails, handles. */
export function stampLine(
  c: Canvas,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  w: number,
  color: Rgba,
): void {
  const steps = Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0), 1);
  for (let i = 0; i <= steps; i++) {
    const x = Math.round(x0 + ((x1 - x0) * i) / steps);
    const y = Math.round(y0 + ((y1 - y0) * i) / steps);
    c.fill(x, y, w, w, color);
  }
}

/** Counts pixels at least this opaque (tests and sanity checks). */
export function opaqueCount(c: Canvas, x = 0, y = 0, w = c.width, h = c.height, threshold = 1): number {
  let n = 0;
  for (let yy = y; yy < y + h; yy++) for (let xx = x; xx < x + w; xx++) if (c.alpha(xx, yy) >= threshold) n++;
  return n;
}
