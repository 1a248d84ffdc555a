// Ground for the wider world: forest floor, withered graveyard grass, cliffs and cave floors,
// desert dunes, volcanic basalt, ash and animated lava, and hard-edged flagstones for ruins and the lair.
import type { Canvas } from './canvas.ts';
import { tileableNoise } from './noise.ts';
import { P, SHADOW, type Rgba } from './palette.ts';
import type { Rng } from './rng.ts';
import { animated, paintGrass, paintSand, ramp, transitionTiles, type TerrainPair } from './tiles-ground.ts';
import { TILE, type TileDef } from './tile-def.ts';

const wrap = (v: number): number => ((v % TILE) + TILE) % TILE;

/** Noise texture over three tones, plus `specks` single pixels of a speck colour. */
function textured(c: Canvas, rng: Rng, tones: readonly Rgba[], cells = 4, spread = 0.5): void {
  const noise = tileableNoise(rng, cells);
  for (let y = 0; y < TILE; y++) {
    for (let x = 0; x < TILE; x++) c.set(x, y, ramp(tones, 0.5 - spread / 2 + noise(x, y) * spread, x, y));
  }
}

function specks(c: Canvas, rng: Rng, n: number, colors: readonly Rgba[]): void {
  for (let i = 0; i < n; i++) c.set(rng.int(0, 15), rng.int(0, 15), rng.pick(colors));
}

/** Shaded forest floor: moss, leaf litter and twigs under the canopy. */
export function paintForest(c: Canvas, rng: Rng): void {
  textured(c, rng, [P.leaf[0], P.grass[0], P.leaf[1]], 4, 0.6);
  for (let i = 0; i < 5; i++) {
    const x = rng.int(0, 15);
    const y = rng.int(0, 15);
    const leaf = rng.pick([P.dirt[1], P.wood[2], P.moss[1], P.dirt[0]]);
    c.set(x, y, leaf);
    c.set(wrap(x + 1), y, leaf);
  }
  specks(c, rng, 4, [P.moss[2], P.leaf[2]]);
}

/** Withered, grey-olive grass: the graveyard and the waste around it. */
export function paintDeadGrass(c: Canvas, rng: Rng): void {
  textured(c, rng, [P.moss[0], P.moss[1], P.bone[0]], 4, 0.55);
  for (let i = 0; i < 7; i++) {
    const x = rng.int(0, 15);
    const y = rng.int(1, 15);
    c.set(x, y, P.moss[0]);
    c.set(x, wrap(y - 1), rng.chance(0.5) ? P.bone[1] : P.moss[2]);
  }
}

/** The flat top of rock: cliffs outside, walls inside caves. */
export function paintRockTop(c: Canvas, rng: Rng): void {
  textured(c, rng, [P.stone[1], P.stone[2], P.stone[2]], 4, 0.6);
  for (let i = 0; i < 3; i++) {
    let x = rng.int(0, 15);
    let y = rng.int(0, 15);
    for (let k = 0; k < 4; k++) {
      c.set(wrap(x), wrap(y), P.stone[0]);
      c.set(wrap(x - 1), wrap(y - 1), P.stone[3]);
      x += rng.int(0, 1);
      y += 1;
    }
  }
}

export function paintCaveFloor(c: Canvas, rng: Rng): void {
  textured(c, rng, [P.basalt[1], P.basalt[2], P.stone[0]], 4, 0.6);
  for (let i = 0; i < 4; i++) {
    const x = rng.int(0, 15);
    const y = rng.int(0, 15);
    c.set(x, y, P.stone[1]);
    c.set(wrap(x + 1), wrap(y + 1), P.basalt[0]);
  }
}

/** Wind ripples across desert sand: a lit crest with its shadow, wrapped across tile edges. */
function paintDune(c: Canvas, rng: Rng): void {
  paintSand(c, rng);
  for (let i = 0; i < 3; i++) {
    const y0 = rng.int(0, 15);
    const x0 = rng.int(0, 15);
    for (let k = 0; k < 9; k++) {
      const y = wrap(y0 + Math.round(Math.sin(k / 2) * 1.2));
      c.set(wrap(x0 + k), y, P.sand[3]);
      c.set(wrap(x0 + k), wrap(y + 1), P.sand[0]);
    }
  }
}

export function paintBasalt(c: Canvas, rng: Rng): void {
  textured(c, rng, [P.basalt[1], P.basalt[2], P.basalt[3]], 4, 0.6);
  for (let i = 0; i < 4; i++) {
    const x = rng.int(0, 15);
    const y = rng.int(0, 15);
    c.set(x, y, P.basalt[3]);
    c.set(wrap(x + 1), y, P.stone[1]);
    c.set(x, wrap(y + 1), P.basalt[0]);
  }
  if (rng.chance(0.4)) c.set(rng.int(1, 14), rng.int(1, 14), P.ember[2]); // a cooling ember
}

function paintAsh(c: Canvas, rng: Rng): void {
  textured(c, rng, [P.stone[1], P.stone[2], P.bone[0]], 4, 0.5);
  specks(c, rng, 8, [P.stone[3], P.basalt[2], P.stone[0]]);
}

export const LAVA_FRAMES = 4;

/** Molten rock that churns in place: a bright flow whose veins pulse through a four-frame loop. */
export function paintLava(c: Canvas, rng: Rng, phase = 0): void {
  const body = tileableNoise(rng, 4);
  const churn = tileableNoise(rng, 2);
  const crust = tileableNoise(rng, 3);
  const t = (phase / LAVA_FRAMES) * Math.PI * 2;
  const tones = [P.ember[1], P.ember[2], P.ember[3], P.ember[4], P.ember[5]];
  for (let y = 0; y < TILE; y++) {
    for (let x = 0; x < TILE; x++) {
      const v = 0.35 * body(x, y) + 0.35 * (0.5 + 0.5 * Math.sin(t + churn(x, y) * 6.3)) + 0.15;
      const k = crust(x, y);
      c.set(x, y, k > 0.86 ? P.basalt[1] : k > 0.8 ? P.ember[1] : ramp(tones, v, x, y));
    }
  }
}

/** Squared-off slabs with mortar lines: ruins floors (sandstone) and the wyrm's hall (basalt). */
function paintSlabs(c: Canvas, rng: Rng, tones: readonly Rgba[], mortar: Rgba, glow?: Rgba): void {
  textured(c, rng, tones, 4, 0.4);
  for (const y of [0, 8]) c.hline(0, 15, y, mortar);
  for (const [y, x] of [
    [0, rng.int(3, 6)],
    [0, rng.int(10, 13)],
    [8, rng.int(0, 4)],
    [8, rng.int(8, 12)],
  ] as const) {
    c.vline(x, y, y + 7, mortar);
    c.vline(wrap(x + 1), y + 1, y + 7, tones[2]!);
  }
  if (glow) {
    let x = rng.int(2, 12);
    for (let y = rng.int(2, 6); y < 14; y++) {
      c.set(x, y, glow);
      if (rng.chance(0.4)) x += rng.pick([-1, 1]);
    }
  }
}

const basaltRim = [P.basalt[0], P.basalt[1]];

export const ZONE_PAIRS: readonly TerrainPair[] = [
  {
    name: 'forest',
    under: (c, r) => paintGrass(c, r),
    over: paintForest,
    overRim: [P.grass[0]],
    underRim: [P.grass[1]],
  },
  {
    name: 'deadgrass',
    under: (c, r) => paintGrass(c, r),
    over: paintDeadGrass,
    overRim: [P.moss[1]],
    underRim: [P.grass[1]],
  },
  {
    name: 'cliff',
    under: (c, r) => paintGrass(c, r),
    over: paintRockTop,
    overRim: [P.outline, P.stone[3]],
    underRim: [SHADOW, SHADOW],
    face: { on: 'over', colors: [P.stone[0], P.stone[1], P.stone[0], P.stone[1], P.stone[2]] },
    collidesFrom: 2,
  },
  {
    name: 'cave',
    under: paintRockTop,
    over: paintCaveFloor,
    overRim: [P.basalt[0], P.basalt[1]],
    underRim: [P.outline, P.stone[3]],
    face: { on: 'under', colors: [P.stone[0], P.stone[1], P.stone[0], P.stone[1], P.stone[2]] },
    collidesUpTo: 2,
  },
  {
    name: 'basalt',
    under: paintSand,
    over: paintBasalt,
    overRim: [P.basalt[0]],
    underRim: [P.sand[0]],
  },
  {
    name: 'ash',
    under: paintBasalt,
    over: paintAsh,
    overRim: [P.stone[1]],
    underRim: [P.basalt[1]],
  },
  {
    name: 'lava',
    under: paintBasalt,
    over: paintLava,
    overRim: [P.ember[5], P.ember[4]],
    underRim: basaltRim,
    collidesFrom: 2,
    frames: LAVA_FRAMES,
    frameMs: 280,
  },
];

function pure(name: string, paint: (c: Canvas, rng: Rng) => void, n = 2, collides = false): TileDef[] {
  return Array.from({ length: n }, (_, i) => ({ name: `${name}_${i}`, collides, paint }));
}

export function zoneGroundTiles(): TileDef[] {
  const lava = [0, 1].map((i) => ({
    name: `lava_${i}`,
    collides: true,
    paint: (c: Canvas, r: Rng) => paintLava(c, r),
    ...animated(`lava_${i}`, LAVA_FRAMES, 280, (k) => (c, r) => paintLava(c, r, k)),
  }));
  return [
    ...pure('forest', paintForest),
    ...pure('deadgrass', paintDeadGrass),
    ...pure('cliff', paintRockTop, 2, true),
    ...pure('cave', paintCaveFloor),
    ...pure('basalt', paintBasalt),
    ...pure('ash', paintAsh),
    ...lava,
    ...pure('dune', paintDune),
    ...pure('flagstone', (c, r) => paintSlabs(c, r, [P.sand[0], P.sand[1], P.sand[2]], P.dirt[1])),
    ...pure('lair_floor', (c, r) =>
      paintSlabs(c, r, [P.basalt[1], P.basalt[2], P.basalt[3]], P.basalt[0], P.ember[2]),
    ),
    ...ZONE_PAIRS.flatMap(transitionTiles),
  ];
}
