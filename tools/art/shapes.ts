// Shaded primitives for creatures: lit from the top-left like every tile and sprite in the game.
import type { Canvas } from './canvas.ts';
import type { Rgba } from './palette.ts';

/** Picks a ramp step for a point on a round form: brighter toward the top-left, darker at the rim. */
export function litStep(ramp: readonly Rgba[], dx: number, dy: number, rim = 0.8): Rgba {
  const light = -(dx * 0.55 + dy * 0.75); // -1..1, + faces the light
  const edge = dx * dx + dy * dy > rim ? -0.35 : 0;
  const t = Math.max(0, Math.min(0.999, 0.5 + light * 0.5 + edge));
  return ramp[Math.floor(t * ramp.length)]!;
}

/** A lit ellipse: bodies, heads, boulders. */
export function ball(
  c: Canvas,
  cx: number,
  cy: number,
  rx: number,
  ry: number,
  ramp: readonly Rgba[],
  rim = 0.8,
): void {
  c.ellipse(cx, cy, rx, ry, (dx, dy) => litStep(ramp, dx, dy, rim));
}

/** A 1px-wide pair of eyes (or one, from the side), with a catch-light when there is room. */
export function eyes(
  c: Canvas,
  xs: readonly number[],
  y: number,
  color: Rgba,
  height = 1,
  shine?: Rgba,
): void {
  for (const x of xs) {
    c.vline(x, y, y + height - 1, color);
    if (shine && height > 1) c.set(x, y, shine);
  }
}

/** Short legs: a column of `len` pixels per x, lifted by `lift[i]`. */
export function legs(
  c: Canvas,
  xs: readonly number[],
  top: number,
  len: number,
  color: Rgba,
  lift: readonly number[] = [],
): void {
  xs.forEach((x, i) => c.vline(x, top - (lift[i] ?? 0), top + len - 1 - (lift[i] ?? 0), color));
}
