// Village props: well, fences, signpost, crates, barrels, garden beds and the river bridge.
import { Canvas } from './canvas.ts';
import { P, SHADOW } from './palette.ts';
import type { Rng } from './rng.ts';
import { paintWater, ramp } from './tiles-ground.ts';
import { multiTile, type TileDef } from './tile-def.ts';

function paintWell(c: Canvas): void {
  c.ellipse(16, 29, 14, 3, () => SHADOW);
  // Stone drum: a ring of blocks with a dark water opening on top.
  c.fill(4, 19, 24, 9, P.stone[2]);
  for (let y = 19; y < 28; y += 3) {
    for (let x = 4 + ((y / 3) % 2) * 2; x < 28; x += 4) {
      c.hline(x, x + 2, y, P.stone[3]);
      c.vline(x + 3, y, y + 2, P.stone[1]);
    }
  }
  c.vline(4, 19, 27, P.stone[3]);
  c.fill(24, 19, 4, 9, P.stone[1]);
  c.ellipse(16, 19, 12, 4, (dx, dy) =>
    dx * dx + dy * dy > 0.55 ? P.stone[3] : dy < 0 ? P.water[0] : P.water[1],
  );
  // Posts, crossbeam, rope and bucket.
  for (const x of [5, 25]) {
    c.fill(x, 6, 2, 15, P.wood[2]);
    c.vline(x, 6, 20, P.wood[3]);
  }
  c.hline(6, 25, 9, P.wood[1]);
  c.vline(16, 10, 14, P.wood[4]);
  c.fill(14, 14, 5, 4, P.stone[2]);
  c.hline(14, 18, 14, P.stone[3]);
  // Little gabled roof over the well.
  for (let y = 0; y < 8; y++) {
    const half = 6 + y * 1.5;
    for (let x = Math.round(16 - half); x <= Math.round(16 + half); x++) {
      c.set(
        x,
        y + 1,
        ramp(P.roofRed, y === 7 ? 0 : 0.95 - (x - 16 + half) / (2 * half) - (y % 3 === 2 ? 0.3 : 0), x, y),
      );
    }
  }
  c.hline(9, 23, 1, P.roofRed[3]);
  c.outline(P.outline);
}

function paintSign(c: Canvas): void {
  c.ellipse(8, 14, 4, 1.5, () => SHADOW);
  c.fill(7, 8, 2, 7, P.wood[2]);
  c.vline(7, 8, 14, P.wood[3]);
  c.fill(2, 2, 12, 7, P.wood[3]);
  c.hline(2, 13, 2, P.wood[4]);
  c.hline(2, 13, 8, P.wood[1]);
  for (const [y, x0, x1] of [
    [4, 4, 11],
    [6, 4, 9],
  ] as const) {
    c.hline(x0, x1, y, P.wood[1]);
  }
  c.outline(P.outline);
}

function paintCrate(c: Canvas): void {
  c.ellipse(8, 14, 7, 2, () => SHADOW);
  c.fill(2, 3, 12, 3, P.wood[4]); // top face
  c.fill(2, 6, 12, 8, P.wood[3]);
  c.hline(2, 13, 6, P.wood[1]);
  c.vline(2, 6, 13, P.wood[2]);
  c.vline(13, 6, 13, P.wood[1]);
  for (let i = 0; i < 8; i++) {
    c.set(3 + i + (i > 3 ? 1 : 0), 7 + i, P.wood[2]); // diagonal brace
  }
  c.hline(3, 12, 10, P.wood[2]);
  c.outline(P.outline);
}

function paintBarrel(c: Canvas): void {
  c.ellipse(8, 14, 6, 2, () => SHADOW);
  for (let y = 3; y <= 14; y++) {
    const bulge = y > 5 && y < 12 ? 1 : 0;
    for (let x = 3 - bulge; x <= 12 + bulge; x++) {
      const t = (x - 2) / 12;
      c.set(x, y, t < 0.25 ? P.wood[4] : t < 0.7 ? P.wood[3] : P.wood[2]);
    }
  }
  for (const y of [5, 11]) c.hline(2, 13, y, P.stone[1]);
  c.ellipse(8, 3.5, 5, 1.8, (dx) => (dx < 0 ? P.wood[2] : P.wood[1]));
  c.outline(P.outline);
}

const DIRS = ['n', 'e', 's', 'w'] as const;

/** Fence piece joined towards the directions in `mask` (bit 0 = north, 1 = east, 2 = south, 3 = west). */
function paintFence(c: Canvas, mask: number): void {
  const has = (i: number): boolean => (mask & (1 << i)) !== 0;
  c.ellipse(8, 13, 3, 1.2, () => SHADOW);
  for (const y of [6, 10]) {
    const from = has(3) ? 0 : 7;
    const to = has(1) ? 15 : 9;
    if (has(1) || has(3)) {
      c.hline(from, to, y, P.wood[3]);
      c.hline(from, to, y + 1, P.wood[1]);
    }
  }
  if (has(0)) c.fill(7, 0, 2, 4, P.wood[2]);
  if (has(2)) c.fill(7, 12, 2, 4, P.wood[2]);
  if (has(0) || has(2)) {
    c.vline(7, has(0) ? 0 : 12, has(2) ? 15 : 4, P.wood[3]);
  }
  c.fill(6, 3, 4, 10, P.wood[2]);
  c.vline(6, 3, 12, P.wood[3]);
  c.vline(9, 3, 12, P.wood[1]);
  c.hline(6, 9, 3, P.wood[4]);
  c.outline(P.outline);
}

function fenceName(mask: number): string {
  const dirs = DIRS.filter((_, i) => mask & (1 << i));
  return dirs.length ? `fence_${dirs.join('_')}` : 'fence_post';
}

function paintSoil(c: Canvas): void {
  c.fill(0, 0, 16, 16, P.dirt[1]);
  for (let y = 1; y < 16; y += 4) {
    c.hline(0, 15, y, P.dirt[2]);
    c.hline(0, 15, y + 2, P.dirt[0]);
  }
}

function paintCrops(c: Canvas, rng: Rng, kind: 'cabbage' | 'sprouts'): void {
  paintSoil(c);
  for (let y = 2; y < 16; y += 4) {
    for (let x = 2; x < 16; x += 4) {
      if (kind === 'cabbage') {
        c.ellipse(x, y, 2, 1.6, (dx, dy) =>
          dx + dy < -0.3 ? P.grass[4] : dx + dy < 0.5 ? P.grass[3] : P.grass[1],
        );
        c.set(x, y + 1, P.grass[0]);
      } else {
        c.set(x, y, P.grass[3]);
        c.set(x - 1, y - 1, P.grass[4]);
        c.set(x + 1, y - 1, rng.chance(0.5) ? P.grass[3] : P.grass[4]);
      }
    }
  }
}

function paintBridge(c: Canvas, rng: Rng): void {
  // Water shows only above and below the deck; the tile is a ground tile that replaces water.
  for (let ty = 0; ty < 2; ty++) {
    for (let tx = 0; tx < 3; tx++) {
      const water = new Canvas(16, 16);
      paintWater(water, rng);
      c.blit(water, 0, 0, 16, 16, tx * 16, ty * 16);
    }
  }
  c.fill(0, 2, 48, 28, SHADOW);
  for (let x = 0; x < 48; x += 4) {
    c.fill(x, 3, 4, 26, rng.chance(0.3) ? P.wood[4] : P.wood[3]);
    c.vline(x + 3, 3, 28, P.wood[1]);
    c.set(x + 1, 3 + rng.int(2, 22), P.wood[2]);
  }
  c.hline(0, 47, 29, P.wood[0]);
  // Rails with posts at the ends and mid-span.
  for (const y of [1, 26]) {
    c.fill(0, y, 48, 2, P.wood[2]);
    c.hline(0, 47, y, P.wood[4]);
    c.hline(0, 47, y + 2, P.wood[0]);
  }
  for (const x of [1, 22, 44]) {
    for (const y of [0, 25]) {
      c.fill(x, y, 3, 5, P.wood[1]);
      c.hline(x, x + 2, y, P.wood[4]);
    }
  }
}

function paintCollisionMarker(c: Canvas): void {
  c.fill(0, 0, 16, 16, [220, 40, 60, 90]);
  for (let i = 1; i < 15; i++) {
    c.set(i, i, [255, 80, 90, 255]);
    c.set(15 - i, i, [255, 80, 90, 255]);
  }
}

export function propTiles(): TileDef[] {
  const tiles: TileDef[] = [
    ...multiTile('well', 2, 2, paintWell, (row) => (row === 0 ? { above: true } : { collides: true })),
    ...multiTile('bridge', 3, 2, paintBridge, () => ({})),
    { name: 'sign', collides: true, paint: paintSign },
    { name: 'crate', collides: true, paint: paintCrate },
    { name: 'barrel', collides: true, paint: paintBarrel },
    { name: 'soil', paint: paintSoil },
    { name: 'crops_cabbage', paint: (c, r) => paintCrops(c, r, 'cabbage') },
    { name: 'crops_sprouts', paint: (c, r) => paintCrops(c, r, 'sprouts') },
    { name: 'collision', collides: true, paint: paintCollisionMarker },
  ];
  for (let mask = 0; mask < 16; mask++) {
    tiles.push({ name: fenceName(mask), collides: true, paint: (c) => paintFence(c, mask) });
  }
  return tiles;
}
