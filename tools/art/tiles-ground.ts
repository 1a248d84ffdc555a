// Ground textures (grass, path, sand, water) and the corner-based transitions between them.
import { Canvas } from './canvas.ts';
import { bayer, tileableNoise } from './noise.ts';
import { P, type Rgba } from './palette.ts';
import { createRng, hashSeed, type Rng } from './rng.ts';
import { TILE, type TileDef } from './tile-def.ts';

/** Picks from a dark->light ramp with ordered dither, so gradients read as crisp pixel texture. */
export function ramp(colors: readonly Rgba[], v: number, x: number, y: number): Rgba {
  const i = Math.floor(Math.min(0.999, Math.max(0, v)) * (colors.length - 1) + bayer(x, y));
  return colors[Math.min(colors.length - 1, Math.max(0, i))]!;
}

const wrap = (v: number): number => ((v % TILE) + TILE) % TILE;

export function paintGrass(
  c: Canvas,
  rng: Rng,
  extra: 'plain' | 'flowers' | 'tall' | 'dark' = 'plain',
): void {
  const noise = tileableNoise(rng, 4);
  // 'dark' is the shaded floor under the forest canopy.
  const tones = extra === 'dark' ? [P.leaf[0], P.grass[0], P.grass[1]] : [P.grass[1], P.grass[2], P.grass[3]];
  for (let y = 0; y < TILE; y++) {
    for (let x = 0; x < TILE; x++) c.set(x, y, ramp(tones, 0.22 + noise(x, y) * 0.55, x, y));
  }
  // Little blade marks: a lit tip over a shaded root, like BrowserQuest's meadow texture.
  for (let i = 0; i < 7; i++) {
    const x = rng.int(0, 15);
    const y = rng.int(1, 15);
    c.set(x, y, P.grass[1]);
    c.set(x, wrap(y - 1), P.grass[3]);
    if (rng.chance(0.5)) c.set(wrap(x + 1), wrap(y - 1), P.grass[4]);
  }
  if (extra === 'flowers') {
    const colors = [P.flowerYellow, P.white, P.flowerRed, P.flowerPink];
    for (let i = 0; i < 4; i++) {
      const x = rng.int(2, 13);
      const y = rng.int(2, 13);
      const petal = rng.pick(colors);
      c.set(x, y + 1, P.grass[0]);
      c.set(x - 1, y, petal);
      c.set(x + 1, y, petal);
      c.set(x, y - 1, petal);
      c.set(x, y, petal === P.flowerYellow ? P.white : P.flowerYellow);
    }
  }
  if (extra === 'tall') {
    for (let i = 0; i < 3; i++) paintTuft(c, rng.int(3, 12), rng.int(6, 14));
  }
}

/** A clump of tall grass blades rooted at (x, y). */
function paintTuft(c: Canvas, x: number, y: number): void {
  c.hline(x - 2, x + 2, y, P.grass[0]);
  const blades: [number, number][] = [
    [-2, 3],
    [-1, 5],
    [0, 4],
    [1, 6],
    [2, 3],
  ];
  for (const [dx, h] of blades) {
    for (let k = 1; k <= h; k++)
      c.set(x + dx + (k > 3 ? Math.sign(dx) : 0), y - k, k === h ? P.grass[4] : P.grass[k > 2 ? 3 : 2]);
  }
}

export function paintDirt(c: Canvas, rng: Rng): void {
  const noise = tileableNoise(rng, 4);
  const tones = [P.dirt[1], P.dirt[2], P.dirt[3]];
  for (let y = 0; y < TILE; y++) {
    for (let x = 0; x < TILE; x++) c.set(x, y, ramp(tones, 0.3 + noise(x, y) * 0.45, x, y));
  }
  // Pebbles: lit top-left, shaded bottom-right, so the path reads as trodden stones and earth.
  for (let i = 0; i < 5; i++) {
    const x = rng.int(0, 15);
    const y = rng.int(0, 15);
    c.set(x, y, P.dirt[3]);
    c.set(wrap(x + 1), y, rng.chance(0.5) ? P.sand[2] : P.dirt[3]);
    c.set(x, wrap(y + 1), P.dirt[0]);
    c.set(wrap(x + 1), wrap(y + 1), P.dirt[1]);
  }
  for (let i = 0; i < 6; i++) c.set(rng.int(0, 15), rng.int(0, 15), P.dirt[1]);
}

export function paintSand(c: Canvas, rng: Rng): void {
  const noise = tileableNoise(rng, 4);
  const tones = [P.sand[1], P.sand[2], P.sand[3]];
  for (let y = 0; y < TILE; y++) {
    for (let x = 0; x < TILE; x++) c.set(x, y, ramp(tones, 0.25 + noise(x, y) * 0.5, x, y));
  }
  for (let i = 0; i < 8; i++) c.set(rng.int(0, 15), rng.int(0, 15), P.sand[1]);
  if (rng.chance(0.5)) {
    const x = rng.int(2, 13);
    const y = rng.int(2, 13);
    c.set(x, y, P.white);
    c.set(x + 1, y, P.flowerPink);
    c.set(x, y + 1, P.sand[0]);
  }
}

/** Water ripples sway a pixel or two each frame and come back: a gentle loop, not a current. */
export const WATER_FRAMES = 4;
const SWAY = [0, 1, 2, 1];

export function paintWater(c: Canvas, rng: Rng, phase = 0): void {
  const noise = tileableNoise(rng, 2);
  const tones = [P.water[1], P.water[2], P.water[2]];
  for (let y = 0; y < TILE; y++) {
    for (let x = 0; x < TILE; x++) c.set(x, y, ramp(tones, 0.15 + noise(x, y) * 0.8, x, y));
  }
  // Ripples: a short lit crest over a dark trough, wrapped so they cross tile edges cleanly.
  for (let i = 0; i < 3; i++) {
    const x = rng.int(0, 15) + SWAY[phase % WATER_FRAMES]! * (i % 2 ? -1 : 1);
    const y = rng.int(0, 15);
    const len = rng.int(3, 5);
    for (let k = 0; k < len; k++) {
      c.set(wrap(x + k), y, k === 1 + (phase % 2) ? P.water[4] : P.water[3]);
      c.set(wrap(x + k + 1), wrap(y + 1), P.water[1]);
    }
  }
}

/** Corner bits of a transition tile: which corners are covered by the upper terrain. */
export const CORNERS = ['nw', 'ne', 'sw', 'se'] as const;
const CORNER_POS: readonly [number, number][] = [
  [0, 0],
  [TILE, 0],
  [0, TILE],
  [TILE, TILE],
];

export function cornerSuffix(mask: number): string {
  return CORNERS.filter((_, i) => mask & (1 << i)).join('_');
}

/**
 * Signed distance (px) from the terrain boundary at pixel centre (px, py) for a corner mask:
 * positive inside the upper terrain. One corner is a quarter disc, two side-by-side corners a
 * straight half, three corners the complement of a disc. Every shape meets the tile edges at their
 * midpoints at right angles, so any two neighbouring tiles join without a seam.
 */
export function cornerField(mask: number, px: number, py: number, wobble: number): number {
  const on = CORNERS.map((_, i) => (mask & (1 << i)) !== 0);
  const count = on.filter(Boolean).length;
  const r = TILE / 2 + wobble;
  const dist = (i: number): number => Math.hypot(px - CORNER_POS[i]![0], py - CORNER_POS[i]![1]);
  if (count === 0) return -99;
  if (count === 4) return 99;
  if (count === 1) return r - dist(on.indexOf(true));
  if (count === 3) return dist(on.indexOf(false)) - r;
  const [nw, ne, sw] = on;
  if (nw && ne) return r - py;
  if (sw && on[3]) return py - (TILE - r);
  if (nw && sw) return r - px;
  if (ne && on[3]) return px - (TILE - r);
  // Diagonal pair: two separate quarter discs.
  const pair = nw ? [0, 3] : [1, 2];
  return Math.max(r - dist(pair[0]!), r - dist(pair[1]!));
}

export interface TerrainPair {
  /** Name prefix of the upper terrain's tiles, e.g. "path". */
  name: string;
  under: (c: Canvas, rng: Rng) => void;
  over: (c: Canvas, rng: Rng, phase: number) => void;
  /** Colours for the first pixels inside the upper terrain, outermost first. */
  overRim: readonly Rgba[];
  /** Colours for the first pixels of the lower terrain next to the boundary, nearest first. */
  underRim: readonly Rgba[];
  /** Transition tiles with at least this many upper corners collide (used for water). */
  collidesFrom?: number;
  /** Transition tiles with at most this many upper corners collide (a cave floor between rock walls). */
  collidesUpTo?: number;
  /**
   * A cliff's south face: pixels of the `on` side with the boundary just below them get these
   * colours, nearest the boundary first, so rock reads as standing up out of the ground.
   */
  face?: { on: 'over' | 'under'; colors: readonly Rgba[] };
  /** Animated upper terrain: this many frames of `frameMs`, painted with phase 0..frames-1. */
  frames?: number;
  frameMs?: number;
}

function paintTransition(c: Canvas, rng: Rng, pair: TerrainPair, mask: number, phase: number): void {
  const wobble = tileableNoise(createRng(hashSeed(`${pair.name}-edge`)), 4);
  const field = (x: number, y: number): number =>
    cornerField(mask, x + 0.5, y + 0.5, (wobble(x, wrap(y)) - 0.5) * 4);
  const over = new Canvas(TILE, TILE);
  pair.under(c, rng);
  pair.over(over, rng, phase);
  const face = pair.face;
  for (let y = 0; y < TILE; y++) {
    for (let x = 0; x < TILE; x++) {
      const s = field(x, y);
      if (s > 0) {
        const rim = pair.overRim[Math.floor(s)];
        c.set(x, y, rim ?? over.get(x, y));
      } else {
        const rim = pair.underRim[Math.floor(-s)];
        if (rim) c.set(x, y, rim);
      }
      if (!face) continue;
      const inside = face.on === 'over' ? s > 0 : s <= 0;
      if (!inside) continue;
      for (let d = 1; d <= face.colors.length; d++) {
        const below = field(x, y + d);
        if (face.on === 'over' ? below <= 0 : below > 0) {
          c.set(x, y, face.colors[d - 1]!);
          break;
        }
      }
    }
  }
}

/** The 14 transition tiles of a pair (corner masks 1..14), animated if the pair is. */
export function transitionTiles(pair: TerrainPair): TileDef[] {
  const tiles: TileDef[] = [];
  for (let mask = 1; mask < 15; mask++) {
    const count = CORNERS.filter((_, i) => mask & (1 << i)).length;
    const name = `${pair.name}_${cornerSuffix(mask)}`;
    const collides =
      (pair.collidesFrom !== undefined && count >= pair.collidesFrom) ||
      (pair.collidesUpTo !== undefined && count <= pair.collidesUpTo);
    tiles.push({
      name,
      collides,
      paint: (c, rng) => paintTransition(c, rng, pair, mask, 0),
      ...animated(name, pair.frames, pair.frameMs, (k) => (c, rng) => paintTransition(c, rng, pair, mask, k)),
    });
  }
  return tiles;
}

/** Frame tiles `${name}_f1..` painted with the same seed as the first frame, for a TileDef spread. */
export function animated(
  name: string,
  frames: number | undefined,
  frameMs: number | undefined,
  painter: (phase: number) => (c: Canvas, rng: Rng) => void,
): Pick<TileDef, 'frames' | 'frameMs'> {
  if (!frames || frames < 2) return {};
  const extra: TileDef[] = [];
  for (let k = 1; k < frames; k++) extra.push({ name: `${name}_f${k}`, seed: name, paint: painter(k) });
  return { frames: extra, frameMs: frameMs ?? 250 };
}

const PAIRS: readonly TerrainPair[] = [
  {
    name: 'path',
    under: (c, r) => paintGrass(c, r),
    over: paintDirt,
    overRim: [P.dirt[1]],
    underRim: [P.grass[0], P.grass[1]],
  },
  {
    name: 'sand',
    under: (c, r) => paintGrass(c, r),
    over: paintSand,
    overRim: [P.sand[1]],
    underRim: [P.grass[1]],
  },
  {
    name: 'water',
    under: paintSand,
    over: paintWater,
    overRim: [P.water[4], P.water[3]],
    underRim: [P.sand[0], P.sand[1]],
    collidesFrom: 2,
    frames: WATER_FRAMES,
    frameMs: 320,
  },
];

export function groundTiles(): TileDef[] {
  const tiles: TileDef[] = [];
  for (let i = 0; i < 4; i++) tiles.push({ name: `grass_${i}`, paint: (c, r) => paintGrass(c, r) });
  for (let i = 0; i < 2; i++)
    tiles.push({ name: `grass_flowers_${i}`, paint: (c, r) => paintGrass(c, r, 'flowers') });
  for (let i = 0; i < 2; i++)
    tiles.push({ name: `grass_tall_${i}`, paint: (c, r) => paintGrass(c, r, 'tall') });
  for (let i = 0; i < 2; i++)
    tiles.push({ name: `grass_dark_${i}`, paint: (c, r) => paintGrass(c, r, 'dark') });
  for (let i = 0; i < 2; i++) tiles.push({ name: `path_${i}`, paint: paintDirt });
  for (let i = 0; i < 2; i++) tiles.push({ name: `sand_${i}`, paint: paintSand });
  for (let i = 0; i < 2; i++) {
    const name = `water_${i}`;
    tiles.push({
      name,
      collides: true,
      paint: (c, r) => paintWater(c, r),
      ...animated(name, WATER_FRAMES, 320, (k) => (c, r) => paintWater(c, r, k)),
    });
  }
  for (const pair of PAIRS) tiles.push(...transitionTiles(pair));
  return tiles;
}
