// Layers that go on top of the basic body: helmets, hats and hoods, beards, pauldrons, capes.
// Coordinates follow body.ts: the head's top row is `y`, the head spans x 7..16, the face (front
// view) x 8..15 rows y+4..y+7 with eyes on x 10 and 13.
import type { Canvas } from './canvas.ts';
import type { Rgba } from './palette.ts';
import type { Direction, Pose } from './poses.ts';

type Ramp3 = readonly [Rgba, Rgba, Rgba];
type Ramp2 = readonly [Rgba, Rgba];

export type Headgear =
  | { kind: 'helm'; ramp: Ramp3; plume?: Ramp2; horns?: Ramp2; eyes?: Rgba; nasal?: boolean }
  | { kind: 'cap-helm'; ramp: Ramp3 }
  | { kind: 'kettle'; ramp: Ramp3 }
  | { kind: 'hood'; ramp: Ramp3; dither?: boolean }
  | { kind: 'wizard'; ramp: Ramp3; band: Rgba }
  | { kind: 'straw'; ramp: Ramp3; band: Rgba }
  | { kind: 'miner'; ramp: Ramp3; lamp: Rgba }
  | { kind: 'wrap'; ramp: Ramp3 }
  | { kind: 'bandana'; ramp: Ramp3 }
  | { kind: 'bald'; skin: Ramp2; fringe: Ramp2 }
  | { kind: 'pigtails'; hair: Ramp2; ribbon: Rgba }
  | { kind: 'goblin'; skin: Ramp2; eyes: Rgba }
  | { kind: 'skull'; bone: Ramp2; socket: Rgba; glow: Rgba };

/** A rounded dome over the top of the head, shaded left-light to right-dark. */
function dome(c: Canvas, r: Ramp3, y: number, rows: number, dir: Direction): void {
  const widths = [
    [9, 14],
    [8, 15],
  ];
  for (let i = 0; i < rows; i++) {
    const [x0, x1] = widths[i] ?? [7, 16];
    c.hline(x0!, x1!, y + i, r[1]);
    c.set(x0!, y + i, r[2]);
    c.set(x1!, y + i, r[0]);
  }
  c.set(10, y + 1, r[2]); // a glint on top
  c.set(11, y + 1, r[2]);
  if (dir !== 'up') c.hline(7, 16, y + rows - 1, r[0]); // rim
}

function helm(c: Canvas, g: Extract<Headgear, { kind: 'helm' }>, dir: Direction, y: number): void {
  const r = g.ramp;
  dome(c, r, y, 4, dir);
  if (dir === 'down') {
    for (const x of [7, 16]) c.vline(x, y + 4, y + 7, x === 7 ? r[1] : r[0]); // cheek guards
    c.vline(8, y + 4, y + 6, r[0]);
    c.vline(15, y + 4, y + 6, r[0]);
    if (g.nasal) c.vline(11, y + 3, y + 5, r[1]); // nose guard
    if (g.eyes) for (const x of [10, 13]) c.vline(x, y + 5, y + 6, g.eyes);
  } else if (dir === 'right') {
    c.fill(7, y + 4, 4, 4, r[1]); // neck guard at the back
    c.vline(7, y + 4, y + 7, r[2]);
    c.fill(11, y + 4, 2, 3, r[0]); // cheek guard over the ear
    c.hline(13, 17, y + 3, r[0]); // brow
    if (g.eyes) c.vline(15, y + 5, y + 6, g.eyes);
  } else {
    c.fill(7, y + 4, 10, 4, r[1]);
    c.vline(7, y + 4, y + 7, r[2]);
    c.vline(16, y + 4, y + 7, r[0]);
    c.vline(11, y, y + 7, r[2]); // crest ridge
  }
  if (g.plume) {
    const [dark, light] = g.plume;
    if (dir === 'right') {
      c.hline(8, 12, y - 1, light);
      c.hline(6, 9, y, dark);
      c.set(6, y + 1, dark);
    } else {
      c.fill(11, y - 2, 2, 2, light);
      c.set(12, y - 2, dark);
      c.set(12, y - 1, dark);
    }
  }
  if (g.horns) {
    const [dark, light] = g.horns;
    const xs: [number, number][] =
      dir === 'right'
        ? [[10, -1]]
        : [
            [6, -1],
            [17, 1],
          ];
    for (const [x, out] of xs) {
      c.set(x, y + 2, dark);
      c.set(x + out, y + 1, dark);
      c.set(x + out, y, light);
      c.set(x + out, y - 1, light);
    }
  }
}

function hood(c: Canvas, g: Extract<Headgear, { kind: 'hood' }>, dir: Direction, y: number): void {
  const r = g.ramp;
  dome(c, r, y, 4, 'up');
  if (dir === 'up') {
    c.fill(7, y + 4, 10, 5, r[1]);
    c.vline(16, y + 2, y + 8, r[0]);
    c.hline(9, 14, y + 8, r[0]);
  } else if (dir === 'right') {
    c.fill(7, y + 4, 5, 5, r[1]);
    c.vline(11, y + 3, y + 8, r[0]); // the opening's edge
    c.hline(12, 16, y + 3, r[1]);
  } else {
    c.vline(7, y + 3, y + 8, r[1]);
    c.vline(8, y + 3, y + 8, r[1]);
    c.vline(15, y + 3, y + 8, r[0]);
    c.vline(16, y + 3, y + 8, r[0]);
    c.hline(9, 14, y + 3, r[0]); // shadow over the brow
  }
  if (g.dither) {
    // Mail rings: every other pixel a step darker.
    for (let yy = y; yy < y + 9; yy++)
      for (let xx = 6; xx < 18; xx++) if ((xx + yy) % 2 === 0 && same(c, xx, yy, r[1])) c.set(xx, yy, r[0]);
  }
}

function same(c: Canvas, x: number, y: number, col: Rgba): boolean {
  const p = c.get(x, y);
  return p[0] === col[0] && p[1] === col[1] && p[2] === col[2] && p[3] > 0;
}

/** A wide hat brim on row `y`, as seen from the front or the side. */
function brim(c: Canvas, r: Ramp3, y: number, x0: number, x1: number): void {
  c.hline(x0, x1, y, r[1]);
  c.hline(x0 + 1, x1 - 1, y + 1, r[0]);
  c.set(x0, y, r[2]);
}

export function drawHeadgear(c: Canvas, g: Headgear, dir: Direction, y: number): void {
  const front = dir !== 'up';
  switch (g.kind) {
    case 'helm':
      return helm(c, g, dir, y);
    case 'cap-helm':
      dome(c, g.ramp, y, 4, dir);
      if (dir === 'down') c.vline(11, y + 3, y + 5, g.ramp[2]);
      if (dir === 'right') c.vline(16, y + 3, y + 5, g.ramp[2]);
      return;
    case 'kettle':
      dome(c, g.ramp, y - 1, 3, dir);
      brim(c, g.ramp, y + 2, 5, 18);
      return;
    case 'hood':
      return hood(c, g, dir, y);
    case 'wizard': {
      brim(c, g.ramp, y + 2, 5, 18);
      c.fill(8, y + 1, 8, 1, g.ramp[1]);
      c.hline(8, 15, y + 1, g.band);
      c.fill(9, y - 1, 6, 2, g.ramp[1]);
      c.set(9, y - 1, g.ramp[2]);
      // The tip flops sideways: there is no room above the head in a 24 px frame.
      const tipX = dir === 'right' ? 8 : 15;
      c.hline(Math.min(tipX, 12), Math.max(tipX, 12) + 2, y - 2, g.ramp[1]);
      c.set(dir === 'right' ? 7 : 18, y - 1, g.ramp[0]);
      return;
    }
    case 'straw':
      c.fill(9, y - 1, 6, 3, g.ramp[2]);
      c.hline(9, 14, y + 1, g.band);
      brim(c, g.ramp, y + 2, 5, 18);
      c.hline(6, 17, y + 2, g.ramp[2]);
      return;
    case 'miner':
      dome(c, g.ramp, y, 4, dir);
      if (dir === 'down') c.fill(11, y + 1, 2, 2, g.lamp);
      if (dir === 'right') c.fill(16, y + 1, 2, 2, g.lamp);
      return;
    case 'wrap':
      dome(c, g.ramp, y - 1, 5, 'up');
      for (let i = 0; i < 3; i++) c.hline(8 + i, 15, y - 1 + i * 2, g.ramp[0]); // folds
      if (dir === 'down') c.fill(8, y + 7, 8, 2, g.ramp[1]); // veil over the mouth
      if (dir === 'right') c.fill(12, y + 7, 5, 2, g.ramp[1]);
      return;
    case 'bandana':
      dome(c, g.ramp, y, 3, dir);
      c.hline(7, 16, y + 2, g.ramp[0]);
      if (dir !== 'down') c.fill(dir === 'right' ? 6 : 11, y + 3, 2, 2, g.ramp[1]); // the knot
      return;
    case 'bald':
      c.fill(9, y, 6, 1, g.skin[1]);
      c.fill(8, y + 1, 8, 2, g.skin[1]);
      c.set(9, y + 1, [255, 240, 220, 255]);
      c.hline(8, 15, y + 2, g.skin[0]);
      if (!front) c.fill(8, y + 3, 8, 2, g.skin[1]);
      for (const x of [7, 16]) c.vline(x, y + 2, y + 6, x === 7 ? g.fringe[1] : g.fringe[0]);
      if (dir === 'up') c.fill(7, y + 5, 10, 3, g.fringe[1]);
      return;
    case 'goblin': {
      // Long ears swept out and up, a hooked nose and a mean squint.
      const sides =
        dir === 'right'
          ? [[10, -1]]
          : [
              [6, -1],
              [17, 1],
            ];
      for (const [x, out] of sides) {
        c.hline(Math.min(x!, x! + out! * 2), Math.max(x!, x! + out! * 2), y + 4, g.skin[1]);
        c.set(x! + out! * 2, y + 3, g.skin[1]);
        c.set(x! + out! * 3, y + 2, g.skin[0]);
        c.set(x!, y + 5, g.skin[0]);
      }
      if (dir === 'down') {
        for (const x of [10, 13]) c.set(x, y + 5, g.eyes);
        c.hline(9, 10, y + 4, g.skin[0]); // brows slanting in
        c.hline(13, 14, y + 4, g.skin[0]);
        c.vline(11, y + 6, y + 7, g.skin[0]);
        c.hline(10, 13, y + 8, g.skin[0]);
      }
      if (dir === 'right') {
        c.set(15, y + 5, g.eyes);
        c.set(17, y + 6, g.skin[1]);
        c.set(18, y + 6, g.skin[0]);
      }
      return;
    }
    case 'skull':
      if (dir === 'down') {
        c.fill(9, y + 5, 2, 2, g.socket);
        c.fill(13, y + 5, 2, 2, g.socket);
        c.set(10, y + 5, g.glow);
        c.set(13, y + 5, g.glow);
        c.set(11, y + 7, g.socket); // nose hole
        c.set(12, y + 7, g.socket);
        c.hline(9, 14, y + 8, g.bone[0]); // teeth
        for (const x of [10, 12, 14]) c.set(x, y + 8, g.bone[1]);
      } else if (dir === 'right') {
        c.fill(14, y + 5, 2, 2, g.socket);
        c.set(15, y + 5, g.glow);
        c.set(17, y + 7, g.socket);
        c.hline(13, 16, y + 8, g.bone[0]);
      } else {
        c.hline(9, 14, y + 8, g.bone[0]);
      }
      if (dir !== 'up') c.hline(7, 16, y + 3, g.bone[1]);
      return;
    case 'pigtails':
      for (const x of dir === 'right' ? [6] : [5, 17]) {
        c.fill(x, y + 3, 2, 3, g.hair[1]);
        c.set(x, y + 2, g.ribbon);
        c.set(x + 1, y + 2, g.ribbon);
      }
      return;
  }
}

export function drawBeard(c: Canvas, r: Ramp2, dir: Direction, y: number): void {
  if (dir === 'up') return;
  if (dir === 'right') {
    c.fill(13, y + 7, 4, 2, r[1]);
    c.fill(13, y + 9, 3, 1, r[0]);
    c.hline(14, 16, y + 6, r[1]); // moustache
    return;
  }
  c.hline(8, 15, y + 7, r[1]);
  c.hline(9, 14, y + 8, r[1]);
  c.hline(10, 13, y + 9, r[0]);
  c.hline(11, 12, y + 10, r[0]);
  c.hline(10, 13, y + 7, r[0]); // moustache shadow under the nose
}

/** Shoulder guards over both shoulders (one from the side), drawn after the arms. */
export function drawPauldrons(c: Canvas, r: Ramp3, dir: Direction, torsoY: number): void {
  const xs = dir === 'right' ? [10] : [4, 16];
  for (const x of xs) {
    c.hline(x + 1, x + 2, torsoY - 1, r[2]);
    c.fill(x, torsoY, 4, 2, r[1]);
    c.set(x, torsoY, r[2]);
    c.hline(x, x + 3, torsoY + 1, r[0]);
  }
}

/** A cape from the shoulders to the calves, swaying against the stride. */
export function drawCape(c: Canvas, r: Ramp3, pose: Pose, torsoY: number): void {
  if (pose.dir === 'right') {
    const sway = pose.stride !== 0 ? 1 : 0;
    for (let y = torsoY; y <= 19; y++) {
      const back = Math.min(3, Math.floor((y - torsoY) / 3)) + sway;
      c.hline(9 - back, 10, y, y % 3 === 0 ? r[0] : r[1]);
    }
    return;
  }
  for (let y = torsoY; y <= 19; y++) {
    const flare = y - torsoY > 4 ? 1 : 0;
    c.hline(7 - flare, 16 + flare, y, r[1]);
    c.set(7 - flare, y, r[2]);
    c.set(16 + flare, y, r[0]);
  }
  if (pose.dir === 'up') for (const x of [10, 13]) c.vline(x, torsoY + 3, 19, r[0]); // folds
}
