// House pieces: stone and timber walls, windows, doors, shingled roofs with a ridge, and floors.
// A house is built from left/middle/right pieces per row, so any width of 3+ tiles works.
import type { Canvas } from './canvas.ts';
import { P, type Rgba } from './palette.ts';
import type { Rng } from './rng.ts';
import type { TileDef } from './tile-def.ts';

type Side = 'w' | 'mid' | 'e';
type Material = 'stone' | 'wood';

function paintStoneCourses(c: Canvas, rng: Rng): void {
  for (let row = 0; row < 4; row++) {
    const y0 = row * 4;
    let x = row % 2 ? -3 : 0;
    while (x < 16) {
      const w = rng.int(5, 7);
      const face = rng.chance(0.35) ? P.stone[3] : P.stone[2];
      c.fill(x, y0, w, 3, face);
      c.hline(x, x + w - 2, y0, P.stone[3]); // lit top edge
      c.hline(x, x + w - 1, y0 + 3, P.stone[1]); // mortar
      c.vline(x + w - 1, y0, y0 + 3, P.stone[1]);
      x += w;
    }
  }
}

function paintPlanks(c: Canvas, rng: Rng): void {
  for (let row = 0; row < 4; row++) {
    const y0 = row * 4;
    c.fill(0, y0, 16, 4, P.wood[3]);
    c.hline(0, 15, y0, P.wood[4]);
    c.hline(0, 15, y0 + 3, P.wood[1]);
    if (rng.chance(0.5)) c.vline(rng.int(2, 13), y0, y0 + 3, P.wood[1]);
    if (rng.chance(0.4)) c.set(rng.int(1, 14), y0 + 2, P.wood[2]); // knot
  }
}

/** Wall body with corner posts/quoins; `upper` rows get the shadow the eaves cast. */
function paintWall(c: Canvas, rng: Rng, m: Material, side: Side, upper: boolean): void {
  if (m === 'stone') paintStoneCourses(c, rng);
  else paintPlanks(c, rng);
  const post: Rgba[] =
    m === 'stone' ? [P.stone[4], P.stone[3], P.stone[2]] : [P.wood[2], P.wood[1], P.wood[1]];
  if (side !== 'mid') {
    const x0 = side === 'w' ? 1 : 12;
    c.fill(x0, 0, 3, 16, post[1]!);
    c.vline(x0, 0, 15, post[0]!);
    c.vline(x0 + 2, 0, 15, post[2]!);
    if (m === 'stone') for (let y = 3; y < 16; y += 4) c.hline(x0, x0 + 2, y, P.stone[1]);
    c.vline(side === 'w' ? 0 : 15, 0, 15, P.outline);
  }
  if (upper) {
    c.hline(0, 15, 0, P.outline);
    c.fill(0, 1, 16, 2, [20, 12, 30, 110]);
  } else {
    // Foundation stones and a dark line where the wall meets the ground.
    c.fill(0, 13, 16, 2, P.stone[1]);
    for (let x = 1; x < 16; x += 5) c.hline(x, x + 2, 13, P.stone[2]);
    c.hline(0, 15, 15, P.outline);
  }
}

function paintWindow(c: Canvas, rng: Rng, m: Material): void {
  paintWall(c, rng, m, 'mid', true);
  c.fill(3, 4, 10, 9, P.wood[1]);
  c.fill(4, 5, 8, 7, P.glass[0]);
  // Diagonal glint and a cross-shaped frame: the classic readable pixel window.
  c.set(5, 6, P.glass[1]);
  c.set(6, 6, P.glass[1]);
  c.set(5, 7, P.glass[1]);
  c.vline(7, 5, 11, P.wood[2]);
  c.hline(4, 11, 8, P.wood[2]);
  c.hline(2, 13, 12, P.wood[4]);
  c.hline(2, 13, 13, P.wood[1]);
  if (m === 'wood') {
    // Flower box under timber-house windows.
    for (let x = 3; x <= 12; x += 2) c.set(x, 11, x % 4 === 1 ? P.flowerRed : P.flowerYellow);
  }
}

function paintDoor(c: Canvas, rng: Rng, m: Material): void {
  paintWall(c, rng, m, 'mid', false);
  c.fill(3, 2, 10, 14, m === 'stone' ? P.stone[3] : P.wood[1]); // frame
  c.fill(4, 3, 8, 13, P.wood[2]);
  c.hline(5, 10, 2, P.wood[2]);
  c.set(3, 2, P.outline);
  c.set(12, 2, P.outline);
  for (let x = 6; x <= 10; x += 2) c.vline(x, 3, 14, P.wood[1]);
  c.hline(4, 11, 6, P.wood[1]);
  c.hline(4, 11, 11, P.wood[1]);
  c.set(10, 9, P.gold);
  c.set(10, 10, P.wood[0]);
  c.fill(2, 15, 12, 1, P.stone[3]); // doorstep
}

function roofRamp(color: 'orange' | 'red'): readonly Rgba[] {
  return color === 'orange' ? P.roofOrange : P.roofRed;
}

/** Overlapping shingles in staggered rows: shadowed lower lip, lit upper-left corner. */
function paintShingles(c: Canvas, rng: Rng, k: readonly Rgba[], fromY: number): void {
  for (let y0 = fromY; y0 < 16; y0 += 4) {
    const offset = (y0 / 4) % 2 ? 2 : 0;
    for (let x = -offset; x < 16; x += 4) {
      c.fill(x, y0, 4, 4, rng.chance(0.2) ? k[3]! : k[2]!);
      c.set(x, y0, k[3]!);
      c.vline(x + 3, y0, y0 + 3, k[1]!);
      c.hline(x, x + 3, y0 + 3, k[1]!);
      c.set(x + 1, y0 + 3, k[0]!);
    }
  }
}

function paintRoof(
  c: Canvas,
  rng: Rng,
  color: 'orange' | 'red',
  part: 'ridge' | 'mid' | 'eave',
  side: Side,
): void {
  const k = roofRamp(color);
  paintShingles(c, rng, k, part === 'ridge' ? 5 : 0);
  if (part === 'ridge') {
    // Ridge cap: a rounded beam along the top of the roof.
    c.hline(0, 15, 0, P.outline);
    c.fill(0, 1, 16, 4, k[1]!);
    c.hline(0, 15, 1, k[3]!);
    c.hline(0, 15, 2, k[2]!);
    c.hline(0, 15, 4, k[0]!);
    for (let x = 3; x < 16; x += 6) c.set(x, 2, k[3]!);
  }
  if (part === 'eave') {
    c.hline(0, 15, 11, k[3]!);
    c.fill(0, 12, 16, 2, P.wood[1]);
    c.hline(0, 15, 12, P.wood[2]);
    c.fill(0, 14, 16, 2, P.outline);
  }
  if (side !== 'mid') {
    // Barge board along the gable end, with the outline on the outer edge.
    const x0 = side === 'w' ? 1 : 12;
    c.fill(x0, 0, 3, 16, P.wood[2]);
    c.vline(side === 'w' ? x0 : x0 + 2, 0, 15, P.wood[3]);
    c.vline(side === 'w' ? x0 + 2 : x0, 0, 15, P.wood[1]);
    c.vline(side === 'w' ? 0 : 15, 0, 15, P.outline);
    if (part === 'ridge') c.hline(0, 15, 0, P.outline);
    if (part === 'eave') c.fill(0, 14, 16, 2, P.outline);
  }
}

function paintChimney(c: Canvas, rng: Rng, color: 'orange' | 'red'): void {
  paintRoof(c, rng, color, 'ridge', 'mid');
  c.fill(8, 1, 6, 10, P.stone[2]);
  c.vline(8, 1, 10, P.stone[3]);
  c.vline(13, 1, 10, P.stone[1]);
  c.hline(8, 13, 5, P.stone[1]);
  c.hline(10, 10, 8, P.stone[1]);
  c.fill(7, 0, 8, 2, P.stone[3]); // cap
  c.hline(7, 14, 1, P.stone[1]);
  c.vline(7, 2, 10, P.outline);
  c.vline(14, 2, 10, P.outline);
  c.hline(8, 13, 11, roofRamp(color)[0]!); // the chimney's shadow on the shingles
}

function paintFloor(c: Canvas, rng: Rng): void {
  for (let row = 0; row < 4; row++) {
    const y0 = row * 4;
    c.fill(0, y0, 16, 4, P.wood[2]);
    c.hline(0, 15, y0, P.wood[3]);
    c.hline(0, 15, y0 + 3, P.wood[1]);
    c.vline((row * 7 + rng.int(0, 3)) % 16, y0, y0 + 3, P.wood[1]);
  }
}

export function houseTiles(): TileDef[] {
  const tiles: TileDef[] = [];
  const sides: Side[] = ['w', 'mid', 'e'];
  const suffix = (side: Side): string => (side === 'mid' ? '' : `_${side}`);
  for (const m of ['stone', 'wood'] as const) {
    for (const side of sides) {
      tiles.push({
        name: `wall_${m}_upper${suffix(side)}`,
        collides: true,
        paint: (c, r) => paintWall(c, r, m, side, true),
      });
    }
    tiles.push({ name: `wall_${m}_window`, collides: true, paint: (c, r) => paintWindow(c, r, m) });
    for (const side of sides) {
      tiles.push({
        name: `wall_${m}_lower${suffix(side)}`,
        collides: true,
        paint: (c, r) => paintWall(c, r, m, side, false),
      });
    }
    // Doors are walkable: the game (and later door objects) treat the doorway as the entrance.
    tiles.push({ name: `door_${m}`, paint: (c, r) => paintDoor(c, r, m) });
  }
  for (const color of ['orange', 'red'] as const) {
    for (const part of ['ridge', 'mid', 'eave'] as const) {
      for (const side of sides) {
        tiles.push({
          name: `roof_${color}_${part}${suffix(side)}`,
          above: true,
          paint: (c, r) => paintRoof(c, r, color, part, side),
        });
      }
    }
    tiles.push({ name: `roof_${color}_chimney`, above: true, paint: (c, r) => paintChimney(c, r, color) });
  }
  tiles.push({ name: 'house_solid', collides: true, paint: (c) => c.fill(0, 0, 16, 16, P.outline) });
  tiles.push({ name: 'floor_wood', paint: paintFloor });
  return tiles;
}
