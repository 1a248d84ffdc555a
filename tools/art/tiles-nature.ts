// Trees, bushes, rocks and flowers: round shaded shapes with a dark outline, lit from the top-left.
import type { Canvas } from './canvas.ts';
import { ramp } from './tiles-ground.ts';
import { P, SHADOW, type Rgba } from './palette.ts';
import type { Rng } from './rng.ts';
import { multiTile, type TileDef } from './tile-def.ts';

/** A leafy ball: lit top-left, shaded bottom-right, with speckled leaves for texture. */
export function leafClump(
  c: Canvas,
  rng: Rng,
  cx: number,
  cy: number,
  r: number,
  tones: readonly Rgba[],
): void {
  c.ellipse(cx, cy, r, r * 0.9, (dx, dy) => {
    const light = 0.62 - dx * 0.3 - dy * 0.38 + (rng.next() - 0.5) * 0.3;
    const rim = dx * dx + dy * dy > 0.72 && dx + dy > 0.3;
    return rim ? tones[0]! : ramp(tones, light, Math.round(cx + dx * r), Math.round(cy + dy * r));
  });
}

function groundShadow(c: Canvas, cx: number, cy: number, rx: number, ry: number): void {
  c.ellipse(cx, cy, rx, ry, () => SHADOW);
}

function paintTrunk(c: Canvas, x0: number, x1: number, y0: number, y1: number, rng: Rng): void {
  for (let y = y0; y <= y1; y++) {
    const flare = y > y1 - 3 ? y1 - 3 - y : 0; // roots spread at the base
    for (let x = x0 + flare; x <= x1 - flare; x++) {
      const t = (x - x0 - flare) / Math.max(1, x1 - x0 - 2 * flare);
      c.set(x, y, t < 0.25 ? P.wood[3] : t < 0.6 ? P.wood[2] : P.wood[1]);
    }
  }
  for (let i = 0; i < 5; i++)
    c.vline(rng.int(x0 + 1, x1 - 1), rng.int(y0, y1 - 4), rng.int(y0 + 2, y1 - 2), P.wood[1]);
}

/** Two oak shapes so a forest of them does not read as a stamped grid. */
const OAK_CLUMPS: Record<'oak' | 'oak_light', [number, number, number][]> = {
  // Back clumps first, front (lower) clumps last so they overlap like layered foliage.
  oak: [
    [11, 9, 8],
    [21, 9, 8],
    [16, 6, 8],
    [7, 17, 8],
    [25, 17, 7],
    [16, 15, 10],
    [10, 24, 7],
    [22, 24, 7],
    [16, 26, 7],
  ],
  oak_light: [
    [14, 7, 8],
    [22, 11, 7],
    [8, 13, 7],
    [18, 17, 9],
    [25, 20, 6],
    [9, 22, 7],
    [17, 26, 7],
  ],
};

function paintOak(c: Canvas, rng: Rng, kind: 'oak' | 'oak_light'): void {
  groundShadow(c, 16, 43, 12, 3.5);
  paintTrunk(c, 12, 19, 26, 44, rng);
  const tones =
    kind === 'oak'
      ? [P.leaf[0], P.leaf[1], P.leaf[2], P.leaf[3], P.leaf[4]]
      : [P.leaf[0], P.grass[1], P.grass[2], P.grass[3], P.grass[4]];
  const clumps = OAK_CLUMPS[kind];
  for (const [x, y, r] of clumps) leafClump(c, rng, x, y, r, tones);
  // A few bright leaf glints on the lit side.
  for (let i = 0; i < 12; i++) {
    const x = rng.int(5, 20);
    const y = rng.int(3, 18);
    if (c.alpha(x, y) > 0) c.set(x, y, P.leaf[4]);
  }
  c.outline(P.outline);
}

function paintPine(c: Canvas, rng: Rng): void {
  groundShadow(c, 16, 43, 10, 3);
  paintTrunk(c, 13, 18, 30, 44, rng);
  const tones = [P.leaf[0], P.leaf[0], P.leaf[1], P.leaf[2], P.leaf[3]];
  const tiers: [number, number, number][] = [
    [1, 12, 5],
    [6, 20, 9],
    [12, 28, 12],
    [18, 35, 15],
  ];
  for (const [top, bottom, half] of tiers) {
    for (let y = top; y <= bottom; y++) {
      const t = (y - top) / (bottom - top);
      const w = half * t;
      for (let x = Math.round(16 - w); x <= Math.round(16 + w); x++) {
        // Scalloped hem: the bottom rows of each tier bite in between the boughs.
        const hem = y >= bottom - 1 && (x + y) % 4 === 0;
        if (hem) continue;
        const side = (x - 16) / Math.max(1, w);
        const light = 0.55 - side * 0.4 - t * 0.2 + (rng.next() - 0.5) * 0.25;
        c.set(x, y, y === bottom ? tones[0]! : ramp(tones, light, x, y));
      }
    }
  }
  c.outline(P.outline);
}

function paintBush(c: Canvas, rng: Rng, berries: boolean): void {
  groundShadow(c, 8, 13, 7, 2.5);
  const tones = [P.leaf[0], P.leaf[1], P.leaf[2], P.leaf[3], P.leaf[4]];
  leafClump(c, rng, 5, 9, 4.5, tones);
  leafClump(c, rng, 11, 9, 4.5, tones);
  leafClump(c, rng, 8, 6, 5, tones);
  leafClump(c, rng, 8, 10, 4.5, tones);
  if (berries) {
    for (let i = 0; i < 5; i++) {
      const x = rng.int(3, 12);
      const y = rng.int(4, 11);
      if (c.alpha(x, y) === 255) {
        c.set(x, y, P.flowerRed);
        c.set(x, y + 1, P.roofRed[0]);
      }
    }
  }
  c.outline(P.outline);
}

function paintRock(c: Canvas, rng: Rng, mossy: boolean): void {
  groundShadow(c, 8, 13, 7, 2.5);
  const tones = [P.stone[0], P.stone[1], P.stone[2], P.stone[3], P.stone[4]];
  c.ellipse(8, 9, 6.5, 5, (dx, dy) => {
    const flatTop = dy < -0.2 ? 0.2 : 0;
    return ramp(
      tones,
      0.5 - dx * 0.25 - dy * 0.35 + flatTop + (rng.next() - 0.5) * 0.15,
      Math.round(dx * 9),
      Math.round(dy * 9),
    );
  });
  // A crack and a chip, so it reads as stone rather than a grey blob.
  c.set(7, 7, P.stone[0]);
  c.set(8, 8, P.stone[0]);
  c.set(8, 9, P.stone[1]);
  c.set(11, 10, P.stone[1]);
  if (mossy) {
    for (let x = 3; x <= 11; x++) {
      if (rng.chance(0.7)) c.set(x, 5 + (x % 3 === 0 ? 1 : 0), x % 2 ? P.grass[3] : P.grass[2]);
    }
  }
  c.outline(P.outline);
}

function paintStump(c: Canvas): void {
  groundShadow(c, 8, 13, 6.5, 2.5);
  c.fill(3, 7, 10, 6, P.wood[2]);
  c.vline(3, 7, 12, P.wood[3]);
  c.vline(11, 7, 12, P.wood[1]);
  c.vline(12, 7, 12, P.wood[1]);
  c.set(2, 12, P.wood[2]);
  c.set(13, 12, P.wood[1]);
  c.ellipse(8, 7, 5, 2.5, (dx, dy) => (dx * dx + dy * dy < 0.3 ? P.wood[3] : P.wood[4]));
  c.set(8, 7, P.wood[2]);
  c.outline(P.outline);
}

function paintPebbles(c: Canvas, rng: Rng): void {
  for (let i = 0; i < 4; i++) {
    const x = rng.int(2, 12);
    const y = rng.int(3, 12);
    c.set(x, y, P.stone[3]);
    c.set(x + 1, y, P.stone[2]);
    c.set(x, y + 1, P.stone[1]);
    c.set(x + 1, y + 1, P.stone[0]);
  }
}

function paintFlowers(c: Canvas, rng: Rng, petals: readonly Rgba[]): void {
  const spots: [number, number][] = [
    [4, 5],
    [11, 4],
    [7, 10],
    [13, 11],
    [3, 13],
  ];
  for (const [x, y] of spots) {
    const petal = rng.pick(petals);
    c.vline(x, y + 1, y + 3, P.grass[1]);
    c.set(x + 1, y + 2, P.grass[3]);
    c.set(x - 1, y, petal);
    c.set(x + 1, y, petal);
    c.set(x, y - 1, petal);
    c.set(x, y + 1, petal);
    c.set(x, y, P.flowerYellow === petal ? P.wood[3] : P.flowerYellow);
  }
  c.outline([P.grass[0][0], P.grass[0][1], P.grass[0][2], 160]);
}

function paintMushrooms(c: Canvas): void {
  for (const [x, y] of [
    [5, 9],
    [10, 12],
  ] as const) {
    c.fill(x - 1, y, 2, 3, P.white);
    c.ellipse(x, y, 3, 2, (dx, dy) => (dy < -0.3 && dx < 0 ? P.roofRed[3] : P.roofRed[2]));
    c.set(x - 1, y - 1, P.white);
    c.set(x + 1, y, P.white);
  }
  c.outline(P.outline);
}

export function natureTiles(): TileDef[] {
  const trunkRow = (row: number): { above?: boolean; collides?: boolean } =>
    row < 2 ? { above: true } : { collides: true };
  return [
    ...multiTile('oak', 2, 3, (c, r) => paintOak(c, r, 'oak'), trunkRow),
    ...multiTile('oak_light', 2, 3, (c, r) => paintOak(c, r, 'oak_light'), trunkRow),
    ...multiTile('pine', 2, 3, paintPine, trunkRow),
    { name: 'bush', collides: true, paint: (c, r) => paintBush(c, r, false) },
    { name: 'bush_berries', collides: true, paint: (c, r) => paintBush(c, r, true) },
    { name: 'rock', collides: true, paint: (c, r) => paintRock(c, r, false) },
    { name: 'rock_mossy', collides: true, paint: (c, r) => paintRock(c, r, true) },
    { name: 'stump', collides: true, paint: paintStump },
    { name: 'pebbles', paint: paintPebbles },
    { name: 'flowers_red', paint: (c, r) => paintFlowers(c, r, [P.flowerRed, P.flowerPink]) },
    { name: 'flowers_yellow', paint: (c, r) => paintFlowers(c, r, [P.flowerYellow, P.white]) },
    { name: 'flowers_blue', paint: (c, r) => paintFlowers(c, r, [P.flowerBlue, P.flowerPurple]) },
    { name: 'mushrooms', paint: paintMushrooms },
  ];
}
