// Tileable value noise: periodic over one tile, so texture and terrain edges line up across tiles.
import type { Rng } from './rng.ts';

/**
 * Returns noise(x, y) in [0, 1] that repeats every `period` pixels in both axes. `cells` lattice
 * points per period set the feature size (period / cells pixels).
 */
export function tileableNoise(rng: Rng, cells: number, period = 16): (x: number, y: number) => number {
  const lattice = Array.from({ length: cells * cells }, () => rng.next());
  const at = (i: number, j: number): number =>
    lattice[(((j % cells) + cells) % cells) * cells + (((i % cells) + cells) % cells)]!;
  const smooth = (t: number): number => t * t * (3 - 2 * t);
  const step = period / cells;
  return (x, y) => {
    const fx = x / step;
    const fy = y / step;
    const i = Math.floor(fx);
    const j = Math.floor(fy);
    const tx = smooth(fx - i);
    const ty = smooth(fy - j);
    const top = at(i, j) * (1 - tx) + at(i + 1, j) * tx;
    const bottom = at(i, j + 1) * (1 - tx) + at(i + 1, j + 1) * tx;
    return top * (1 - ty) + bottom * ty;
  };
}

/** 4x4 ordered-dither threshold in [0, 1): blends two colours into a crisp pixel pattern. */
const BAYER = [0, 8, 2, 10, 12, 4, 14, 6, 3, 11, 1, 9, 15, 7, 13, 5];
export function bayer(x: number, y: number): number {
  return (BAYER[(y & 3) * 4 + (x & 3)]! + 0.5) / 16;
}
