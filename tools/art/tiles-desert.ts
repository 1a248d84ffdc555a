// Desert and coast props: cacti, palms, sandstone ruins, shells, driftwood and a plank pier.
import { Canvas } from './canvas.ts';
import { P, SHADOW } from './palette.ts';
import type { Rng } from './rng.ts';
import { leafClump } from './tiles-nature.ts';
import { paintWater } from './tiles-ground.ts';
import { multiTile, type TileDef } from './tile-def.ts';

const green = [P.moss[0], P.moss[1], P.grass[1], P.grass[2], P.grass[3]];

/** A ribbed cactus column: lit left rib, shaded right, with a few pale spines. */
function column(c: Canvas, rng: Rng, x0: number, y0: number, w: number, y1: number): void {
  c.fill(x0, y0 + 1, w, y1 - y0, green[2]!);
  c.hline(x0 + 1, x0 + w - 2, y0, green[3]!);
  c.vline(x0 + 1, y0 + 1, y1, green[3]!);
  c.vline(x0 + w - 1, y0 + 1, y1, green[1]!);
  if (w > 3) c.vline(x0 + Math.floor(w / 2), y0 + 2, y1, green[1]!);
  for (let i = 0; i < w; i++) c.set(x0 + rng.int(0, w - 1), rng.int(y0 + 2, y1), P.bone[3]);
}

function paintCactus(c: Canvas, rng: Rng): void {
  c.ellipse(8, 30, 6, 2, () => SHADOW);
  column(c, rng, 5, 3, 6, 30);
  // Arms: out sideways, then up.
  c.fill(1, 15, 5, 3, green[2]!);
  column(c, rng, 1, 8, 3, 16);
  c.fill(10, 19, 4, 3, green[1]!);
  column(c, rng, 12, 12, 3, 20);
  c.set(7, 2, P.flowerPink);
  c.set(8, 2, P.flowerRed);
  c.outline(P.outline);
}

function paintSmallCactus(c: Canvas, rng: Rng): void {
  c.ellipse(8, 14, 6, 2, () => SHADOW);
  for (const [x, y, r] of [
    [6, 9, 3.5],
    [10, 10, 3],
    [8, 6, 3],
  ] as const) {
    c.ellipse(x, y, r, r, (dx, dy) => (dx + dy < -0.4 ? green[3]! : dx + dy < 0.6 ? green[2]! : green[1]!));
    c.set(x, y - 1, P.bone[3]);
  }
  if (rng.chance(0.6)) c.set(8, 3, P.flowerYellow);
  c.outline(P.outline);
}

function paintPalm(c: Canvas, rng: Rng): void {
  c.ellipse(16, 44, 8, 2.5, () => SHADOW);
  // A curved, ringed trunk leaning a little to the right.
  for (let y = 14; y <= 44; y++) {
    const x = 14 + Math.round(Math.sin((44 - y) / 18) * 3);
    c.fill(x, y, 4, 1, P.wood[3]);
    c.set(x + 3, y, P.wood[1]);
    if (y % 3 === 0) c.hline(x, x + 3, y, P.wood[2]);
  }
  const fronds: [number, number][] = [
    [-1, 0.2],
    [1, 0.2],
    [-0.8, -0.5],
    [0.8, -0.5],
    [0, -1],
  ];
  for (const [dx, dy] of fronds) {
    for (let k = 0; k < 13; k++) {
      const x = 17 + dx * k;
      const y = 13 + dy * k + (k * k) / 22;
      leafClump(c, rng, x, y, 2.6 - k / 8, [P.leaf[0], P.leaf[1], P.leaf[2], P.leaf[3], P.leaf[4]]);
    }
  }
  c.fill(15, 12, 4, 3, P.wood[1]); // coconuts
  c.set(15, 12, P.wood[3]);
  c.outline(P.outline);
}

const sandstone = [P.sand[0], P.dirt[2], P.sand[1], P.sand[2], P.sand[3]];

/** A fluted sandstone pillar, whole (capital on the above row) or snapped off. */
function paintPillar(c: Canvas, broken: boolean): void {
  const top = broken ? 20 : 4;
  c.ellipse(8, 30, 7, 2, () => SHADOW);
  c.fill(4, top + 2, 8, 28 - top, sandstone[2]!);
  c.vline(5, top + 2, 29, sandstone[4]!);
  c.vline(8, top + 2, 29, sandstone[1]!);
  c.vline(11, top + 2, 29, sandstone[0]!);
  c.fill(2, 28, 12, 3, sandstone[2]!); // base
  c.hline(2, 13, 28, sandstone[3]!);
  if (broken) {
    for (let x = 4; x < 12; x++) c.set(x, top + 1 + ((x * 3) % 4), sandstone[3]!);
  } else {
    c.fill(2, top, 12, 3, sandstone[3]!); // capital
    c.hline(2, 13, top + 2, sandstone[1]!);
  }
  c.outline(P.outline);
}

function paintRuinBlock(c: Canvas, rng: Rng, rubble: boolean): void {
  c.ellipse(8, 14, 7, 2, () => SHADOW);
  const blocks: [number, number, number, number][] = rubble
    ? [
        [2, 9, 5, 4],
        [8, 10, 4, 3],
        [5, 6, 4, 3],
      ]
    : [
        [1, 3, 7, 5],
        [8, 3, 7, 5],
        [1, 8, 5, 6],
        [6, 8, 9, 6],
      ];
  for (const [x, y, w, h] of blocks) {
    c.fill(x, y, w, h, rng.chance(0.3) ? sandstone[3]! : sandstone[2]!);
    c.hline(x, x + w - 1, y, sandstone[4]!);
    c.vline(x + w - 1, y, y + h - 1, sandstone[0]!);
    c.hline(x, x + w - 1, y + h - 1, sandstone[1]!);
  }
  c.outline(P.outline);
}

function paintShells(c: Canvas, rng: Rng): void {
  for (let i = 0; i < 3; i++) {
    const x = rng.int(3, 12);
    const y = rng.int(3, 12);
    const shell = rng.pick([P.rose[3], P.white, P.bone[3]]);
    c.fill(x, y, 3, 2, shell);
    c.set(x + 1, y + 1, P.rose[1]);
  }
}

function paintDriftwood(c: Canvas): void {
  c.ellipse(8, 12, 7, 1.5, () => SHADOW);
  c.fill(1, 8, 14, 3, P.bone[1]);
  c.hline(1, 14, 8, P.bone[2]);
  c.hline(1, 14, 10, P.wood[1]);
  c.fill(10, 5, 2, 3, P.bone[1]);
  c.outline(P.outline);
}

/** A north-south plank pier standing in the water (walkable; the water shows at its sides). */
function paintPier(c: Canvas, rng: Rng): void {
  const water = new Canvas(16, 16);
  paintWater(water, rng);
  c.blit(water, 0, 0, 16, 16, 0, 0);
  c.fill(1, 0, 14, 16, SHADOW);
  for (let y = 0; y < 16; y += 4) {
    c.fill(2, y, 12, 3, rng.chance(0.3) ? P.wood[4] : P.wood[3]);
    c.hline(2, 13, y + 3, P.wood[1]);
  }
  c.vline(2, 0, 15, P.wood[1]);
  c.vline(13, 0, 15, P.wood[0]);
}

export function desertTiles(): TileDef[] {
  const topAbove = (row: number): { above?: boolean; collides?: boolean } =>
    row === 0 ? { above: true } : { collides: true };
  return [
    ...multiTile('cactus', 1, 2, paintCactus, topAbove),
    { name: 'cactus_small', collides: true, paint: paintSmallCactus },
    ...multiTile('palm', 2, 3, paintPalm, (row) => (row < 2 ? { above: true } : { collides: true })),
    ...multiTile('pillar', 1, 2, (c) => paintPillar(c, false), topAbove),
    { name: 'pillar_broken', collides: true, paint: (c) => c.blit(pillarStub(), 0, 16, 16, 16, 0, 0) },
    { name: 'ruin_block', collides: true, paint: (c, r) => paintRuinBlock(c, r, false) },
    { name: 'rubble', paint: (c, r) => paintRuinBlock(c, r, true) },
    { name: 'shells', paint: paintShells },
    { name: 'driftwood', collides: true, paint: paintDriftwood },
    { name: 'pier', paint: paintPier },
  ];
}

function pillarStub(): Canvas {
  const c = new Canvas(16, 32);
  paintPillar(c, true);
  return c;
}
