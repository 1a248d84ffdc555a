// Four-legged (and eight-legged) hunters on 24 px frames: the forest wolf and the desert scorpion.
import type { Canvas } from './canvas.ts';
import type { MobDesign, MobFrame } from './mob-sheet.ts';
import { P } from './palette.ts';
import { ball, eyes } from './shapes.ts';
import { stampLine } from './transform.ts';

const FUR = [P.stone[0], P.stone[1], P.stone[2], P.stone[3]] as const;
const PALE = P.stone[4];
/** Blue-black chitin with a glossy teal sheen, like an emperor scorpion; reads on sand and rock. */
const CHITIN = [P.basalt[1], P.spirit[0], P.spirit[1], P.spirit[2]] as const;

/** Gallop: legs [back-far, back-near, front-far, front-near] swing in pairs. */
const GALLOP = [
  [1, -1, -1, 1],
  [0, 0, 0, 0],
  [-1, 1, 1, -1],
  [0, 0, 0, 0],
];

function paintWolf(c: Canvas, f: MobFrame): void {
  const walking = f.anim === 'walk';
  const bob = walking ? (f.i % 2 === 1 ? -1 : 0) : f.anim === 'idle' ? f.i : 0;
  const lunge = f.anim === 'attack' ? (f.i === 0 ? -2 : 3) : 0;
  const jaw = f.anim === 'attack' && f.i === 1;
  if (f.dir === 'right') {
    const x = lunge;
    const g = walking ? GALLOP[f.i]! : [0, 0, 0, 0];
    // Far legs first, a shade darker.
    for (const [lx, k, col] of [
      [7, 0, FUR[0]],
      [15, 2, FUR[0]],
    ] as const)
      stampLine(c, lx + x, 15, lx + x + g[k]! * 2, 19, 2, col);
    // Bushy tail, swishing.
    const tailUp = f.anim === 'idle' ? f.i : walking ? f.i % 2 : 1;
    ball(c, 4 + x, 11 - tailUp, 3, 1.6, FUR);
    c.set(2 + x, 11 - tailUp, PALE);
    ball(c, 11 + x, 13 + bob * 0.5, 6.5, 3.5, FUR);
    c.hline(8 + x, 14 + x, 16 + bob, FUR[1]); // belly shade
    for (const [lx, k] of [
      [9, 1],
      [16, 3],
    ] as const)
      stampLine(c, lx + x, 15 + bob, lx + x + g[k]! * 2, 19, 2, FUR[2]);
    // Head and snout, ears pricked.
    const hy = 9 + bob + (f.anim === 'attack' && f.i === 0 ? 2 : 0);
    ball(c, 17 + x, hy + 1, 3.3, 2.8, FUR);
    c.fill(19 + x, hy + 1, 3, 2, FUR[2]);
    c.hline(19 + x, 21 + x, hy + 3, jaw ? P.roofRed[1] : PALE);
    if (jaw) {
      c.hline(19 + x, 21 + x, hy + 4, PALE);
      c.set(20 + x, hy + 3, P.white);
    }
    c.set(22 + x, hy + 1, P.outline); // nose
    c.vline(15 + x, hy - 3, hy - 1, FUR[2]);
    c.vline(16 + x, hy - 2, hy - 1, FUR[1]);
    eyes(c, [18 + x], hy, P.flowerYellow);
    return;
  }
  const step = walking ? (f.i % 4 < 2 ? 1 : -1) : 0;
  if (f.dir === 'up') {
    for (const [lx, s] of [
      [8, step],
      [14, -step],
    ] as const)
      c.fill(lx, 16 - Math.max(0, s), 2, 4, FUR[1]);
    ball(c, 12, 12 + bob * 0.5, 5.5, 5, FUR);
    ball(c, 12, 6 + bob * 0.5, 3.5, 3, FUR);
    for (const ex of [9, 14]) c.vline(ex, 2 + bob, 4 + bob, FUR[2]);
    // The tail hangs toward us and wags.
    const wag = walking ? step : f.i === 1 ? 1 : 0;
    ball(c, 12 + wag, 18, 2, 3, FUR);
    c.set(12 + wag, 20, PALE);
    return;
  }
  const dy = bob * 0.5 + Math.max(0, lunge) * 0.5;
  ball(c, 12, 11 + dy, 6, 4, FUR);
  for (const [lx, s] of [
    [8, step],
    [14, -step],
  ] as const)
    c.fill(lx, 16 - Math.max(0, s), 2, 4, FUR[2]);
  const hy = 12 + dy;
  ball(c, 12, hy, 4.2, 3.6, FUR);
  // Tall pointed ears: a triangle each, pink inside.
  for (let k = 0; k < 4; k++) {
    const w = Math.min(k, 2);
    c.hline(7, 7 + w, hy - 7 + k, FUR[2]);
    c.hline(16 - w, 16, hy - 7 + k, FUR[1]);
  }
  ball(c, 12, hy + 2.5, 2.4, 2.2, [P.stone[3], PALE]); // muzzle
  c.fill(11, Math.floor(hy + 1), 2, 1, P.outline); // nose
  c.vline(12, Math.floor(hy - 3), Math.floor(hy - 1), FUR[3]); // pale blaze between the eyes
  eyes(c, [10, 14], Math.floor(hy - 1), P.flowerYellow);
  if (jaw) c.hline(11, 12, Math.floor(hy + 4), P.roofRed[1]);
}

function tailChain(
  c: Canvas,
  points: readonly (readonly [number, number])[],
  stinger: readonly [number, number],
): void {
  points.forEach(([x, y], k) => ball(c, x, y, 1.9 - k * 0.1, 1.7 - k * 0.1, CHITIN));
  const [sx, sy] = stinger;
  c.set(sx, sy, P.ember[3]);
  c.set(sx, sy + 1, P.ember[2]);
}

function paintScorpion(c: Canvas, f: MobFrame): void {
  const walking = f.anim === 'walk';
  const strike = f.anim === 'attack' ? f.i : -1;
  const bob = f.anim === 'idle' ? f.i : 0;
  if (f.dir === 'right') {
    // Legs: four a side, rippling.
    for (let k = 0; k < 4; k++) {
      const lx = 8 + k * 3;
      const up = walking && (k + f.i) % 2 === 0 ? 1 : 0;
      c.vline(lx, 17 - up, 19 - up, CHITIN[0]);
      c.set(lx - 1, 19 - up, CHITIN[0]);
    }
    ball(c, 10, 16, 4.5, 2.5, CHITIN);
    ball(c, 15.5, 16, 3, 2.3, CHITIN);
    const tail: [number, number][] =
      strike === 1
        ? [
            [6, 14],
            [6, 11],
            [8, 8],
            [11, 7],
            [14, 8],
          ]
        : [
            [6, 14],
            [4, 11],
            [4, 8],
            [6, 5 + bob],
            [9, 4 + bob],
          ];
    const last = tail[tail.length - 1]!;
    tailChain(c, tail, strike === 1 ? [last[0] + 2, last[1] + 1] : [last[0] + 2, last[1]]);
    // Pincer reaching forward; opens on the wind-up.
    const reach = strike === 0 ? -1 : strike === 1 ? 2 : walking ? f.i % 2 : 0;
    stampLine(c, 17, 16, 19 + reach, 15, 1, CHITIN[2]);
    ball(c, 20.5 + reach, 14.5, 1.8, 1.6, CHITIN);
    c.set(22 + reach, strike === 0 ? 12 : 13, CHITIN[3]);
    eyes(c, [17], 14, P.ember[3]);
    return;
  }
  const front = f.dir === 'down';
  for (let k = 0; k < 3; k++) {
    const up = walking && (k + f.i) % 2 === 0 ? 1 : 0;
    for (const s of [-1, 1]) c.vline(12 + s * (5 + k), 15 - up + k, 17 - up + k, CHITIN[0]);
  }
  const pinch = strike === 0 ? 1 : 0;
  const clawY = front ? 18 + (strike === 1 ? 1 : 0) : 9;
  if (!front) ball(c, 12, 13, 5, 4, CHITIN);
  for (const s of [-1, 1]) {
    stampLine(c, 12 + s * 3, front ? 15 : 11, 12 + s * 6, clawY, 1, CHITIN[2]);
    ball(c, 12 + s * 6.5, clawY, 2, 1.8, CHITIN);
    c.set(12 + s * (6 - pinch), clawY - 2, CHITIN[3]);
  }
  if (front) {
    // The tail rises behind the body and arches over toward us.
    tailChain(
      c,
      [
        [12, 11],
        [12, 8],
        [12, 5 + bob],
        [12, 3 + bob],
      ],
      [12, strike === 1 ? 7 : 6 + bob],
    );
    ball(c, 12, 15, 5, 3.5, CHITIN);
    eyes(c, [10, 13], 14, P.ember[3]);
  } else {
    tailChain(
      c,
      [
        [12, 17],
        [12, 14],
        [12, 11],
        [12, 8 + bob],
      ],
      [12, 5 + bob],
    );
  }
}

export const BEASTS: Record<'wolf' | 'scorpion', MobDesign> = {
  wolf: {
    size: 24,
    feetY: 20,
    walkFrames: 4,
    attackFrames: 2,
    shadow: { rx: 8, ry: 2 },
    paint: paintWolf,
    fps: { walk: 10 },
  },
  scorpion: {
    size: 24,
    feetY: 20,
    walkFrames: 4,
    attackFrames: 2,
    shadow: { rx: 8, ry: 2 },
    paint: paintScorpion,
  },
};
