// The boss: the Ember Wyrm, a squat lava dragon on 48 px frames. Black basalt scales over a
// belly that glows like a forge, horns, ragged wings, and fire that it breathes in its attack.
import type { Canvas } from './canvas.ts';
import { smokePuff, type MobDesign, type MobFrame } from './mob-sheet.ts';
import { P, SHADOW, withAlpha, type Rgba } from './palette.ts';
import { ball } from './shapes.ts';
import { faded, scaledAbout, stampLine, tinted } from './transform.ts';

const SCALE = [P.basalt[0], P.basalt[1], P.basalt[2], P.basalt[3]] as const;
const HOT = [P.ember[1], P.ember[2], P.ember[3], P.ember[4]] as const;
const HORN = [P.bone[1], P.bone[2], P.bone[3]] as const;

interface Motion {
  bob: number;
  /** Belly glow step: breathing in and out. */
  glow: number;
  /** Wing tip rise in px. */
  wing: number;
  step: number;
  /** Attack: 0 rear back, 1 breathe, 2 follow-through; -1 otherwise. */
  breath: number;
}

function motionOf(f: MobFrame): Motion {
  if (f.anim === 'idle') return { bob: f.i, glow: f.i, wing: f.i, step: 0, breath: -1 };
  if (f.anim === 'walk')
    return { bob: f.i % 2 ? -1 : 0, glow: 1, wing: [0, 2, 0, -1][f.i]!, step: f.i < 2 ? 1 : -1, breath: -1 };
  return { bob: f.i === 0 ? -1 : 1, glow: f.i === 0 ? 2 : 1, wing: f.i === 0 ? 3 : 0, step: 0, breath: f.i };
}

/** A bat-like wing: `fingers` fan from the root to their tips, membrane filled between them. */
function wing(
  c: Canvas,
  root: readonly [number, number],
  tips: readonly (readonly [number, number])[],
): void {
  for (let k = 0; k < tips.length - 1; k++) {
    const [ax, ay] = tips[k]!;
    const [bx, by] = tips[k + 1]!;
    // Fill the triangle root-tip-tip by sweeping lines from the root to points along the edge.
    for (let t = 0; t <= 1; t += 0.05) {
      const ex = ax + (bx - ax) * t;
      const ey = ay + (by - ay) * t + Math.sin(t * Math.PI) * 2; // scalloped trailing edge
      stampLine(
        c,
        root[0],
        root[1],
        Math.round(ex),
        Math.round(ey),
        1,
        t > 0.85 || t < 0.1 ? P.ember[0] : P.ember[1],
      );
    }
  }
  // Bony fingers, lit where they catch the belly's glow.
  for (const [tx, ty] of tips) stampLine(c, root[0], root[1], tx, ty, 1, P.basalt[3]);
  for (const [tx, ty] of tips) c.set(tx, ty, P.ember[3]);
}

function horns(c: Canvas, base: readonly [number, number], out: number): void {
  const [x, y] = base;
  stampLine(c, x, y, x + out * 2, y - 3, 2, HORN[1]);
  stampLine(c, x + out * 2, y - 3, x + out * 5, y - 5, 1, HORN[2]);
  c.set(x + out * 5, y - 5, HORN[2]);
}

/** Rows of glowing belly plates inside an ellipse, with a dark seam between each row. */
function belly(c: Canvas, cx: number, cy: number, rx: number, ry: number, glow: number): void {
  c.ellipse(cx, cy, rx, ry, (dx, dy) => {
    const row = Math.floor((dy + 1) * ry);
    if (row % 3 === 0) return P.ember[1];
    return HOT[Math.min(3, Math.max(0, 1 + glow - Math.round(Math.abs(dx) * 1.5)))]!;
  });
}

/** Lava showing through cracks between the scales; brighter as it breathes in. */
function cracks(
  c: Canvas,
  lines: readonly (readonly [number, number, number, number])[],
  glow: number,
): void {
  for (const [x0, y0, x1, y1] of lines) {
    const steps = Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0));
    for (let k = 0; k <= steps; k++) {
      const x = Math.round(x0 + ((x1 - x0) * k) / steps);
      const y = Math.round(y0 + ((y1 - y0) * k) / steps);
      c.set(x, y, k === Math.floor(steps / 2) && glow > 0 ? P.ember[4] : P.ember[2]);
    }
  }
}

function fire(
  c: Canvas,
  from: readonly [number, number],
  dx: number,
  dy: number,
  len: number,
  fade: number,
): void {
  for (let k = 0; k < len; k++) {
    const w = 1 + Math.floor(k / 3);
    const x = from[0] + dx * k;
    const y = from[1] + dy * k;
    const col: Rgba = k < 2 ? P.ember[5] : k < len / 2 ? P.ember[4] : P.ember[3];
    for (let j = -w; j <= w; j++) {
      const px = dy === 0 ? x : x + j;
      const py = dy === 0 ? y + j : y;
      if ((k + j * 3) % 5 === 4 && k > 2) continue; // ragged tongues
      c.set(px, py, withAlpha(Math.abs(j) === w ? P.ember[2] : col, Math.round(255 * fade)));
    }
  }
}

function side(c: Canvas, m: Motion): void {
  const y = m.bob;
  // Rears back to draw breath, and keeps the head back so the flames fit in the frame.
  const back = m.breath === 0 ? -2 : m.breath >= 1 ? -4 : 0;
  // Far wing, then tail, far legs, body, near legs, neck, head.
  wing(
    c,
    [20, 24 + y],
    [
      [8, 6 - m.wing + y],
      [4, 14 - m.wing + y],
      [6, 22 + y],
    ],
  );
  const tail: [number, number, number][] = [
    [12, 34, 4.5],
    [7, 37, 3.5],
    [4, 40, 2.8],
    [3, 43, 2],
  ];
  for (const [tx, ty, r] of tail) ball(c, tx, ty + y * 0.5, r, r * 0.8, SCALE);
  c.set(1, 44, P.ember[3]);
  for (const lx of [15, 28]) ball(c, lx - m.step, 40, 2.8, 4, [P.basalt[0], P.basalt[1]]);
  ball(c, 21, 32 + y, 11.5, 8, SCALE);
  belly(c, 22, 36 + y, 8.5, 4, m.glow);
  cracks(
    c,
    [
      [13, 29 + y, 17, 27 + y],
      [20, 26 + y, 23, 29 + y],
      [26, 27 + y, 29, 30 + y],
    ],
    m.glow,
  );
  for (const lx of [18, 31]) {
    ball(c, lx + m.step, 40, 3.2, 4.2, SCALE);
    c.hline(lx + m.step - 2, lx + m.step + 3, 44, P.bone[2]); // claws
  }
  // Spikes along the back glowing at the tips.
  for (let k = 0; k < 4; k++) {
    const sx = 12 + k * 5;
    c.set(sx, 23 + y + (k === 0 ? 2 : 0), P.basalt[3]);
    c.set(sx, 22 + y + (k === 0 ? 2 : 0), P.ember[3]);
  }
  const head: [number, number] = [37 + back, 15 + y + (m.breath === 0 ? -2 : 0)];
  for (let k = 0; k <= 3; k++) {
    const nx = 29 + ((head[0] - 29) * k) / 3;
    const ny = 27 + y + ((head[1] + 3 - 27 - y) * k) / 3;
    ball(c, nx, ny, 4.2 - k * 0.3, 4, SCALE);
    c.set(Math.round(nx + 2), Math.round(ny + 2), P.ember[2]); // throat glow
  }
  horns(c, [head[0] - 3, head[1] - 2], -1);
  ball(c, head[0], head[1], 6, 4.6, SCALE);
  const open = m.breath === 1 ? 2 : m.breath === 2 ? 1 : 0;
  c.fill(head[0] + 2, head[1] - 1, 6, 3, P.basalt[2]); // snout
  c.hline(head[0] + 2, head[0] + 7, head[1] - 1, P.basalt[3]);
  c.fill(head[0] + 2, head[1] + 2 + open, 5, 2, P.basalt[1]); // jaw
  if (open) c.fill(head[0] + 3, head[1] + 2, 5, open, P.ember[4]);
  c.set(head[0] + 7, head[1], P.ember[4]); // nostril
  c.fill(head[0], head[1] - 2, 2, 1, P.ember[5]); // eye
  c.set(head[0] - 1, head[1] - 2, P.ember[3]);
  if (m.breath >= 1)
    fire(c, [head[0] + 8, head[1] + 2 + open - 1], 1, 0, m.breath === 1 ? 9 : 6, m.breath === 1 ? 1 : 0.7);
}

function front(c: Canvas, m: Motion, facingUs: boolean): void {
  const y = m.bob;
  for (const s of [-1, 1]) {
    wing(
      c,
      [24 + s * 6, 24 + y],
      [
        [24 + s * 20, 6 - m.wing + y],
        [24 + s * 22, 16 - m.wing + y],
        [24 + s * 16, 26 + y],
      ],
    );
  }
  if (facingUs) {
    // The tail curls round the side of the body.
    for (const [tx, ty, r] of [
      [33, 39, 3.5],
      [38, 41, 3],
      [42, 39.5, 2.5],
      [44, 36, 2],
    ] as const)
      ball(c, tx, ty, r, r * 0.85, SCALE);
    c.set(45, 33, P.ember[3]);
  }
  ball(c, 24, 32 + y, 11, 8.5, SCALE);
  cracks(
    c,
    [
      [15, 28 + y, 18, 31 + y],
      [30, 27 + y, 33, 30 + y],
      [17, 36 + y, 15, 38 + y],
    ],
    m.glow,
  );
  for (const s of [-1, 1]) {
    const lx = 24 + s * 8 + (s > 0 ? m.step : -m.step);
    ball(c, lx, 40, 3.3, 4, SCALE);
    c.hline(lx - 2, lx + 2, 44, P.bone[2]);
  }
  if (!facingUs) {
    // From behind: a ridge of glowing spikes and the tail coming toward us.
    for (let k = 0; k < 5; k++) c.set(24, 24 + k * 3 + y, k % 2 ? P.ember[3] : P.ember[4]);
    for (const [tx, ty, r] of [
      [24, 41, 3.5],
      [27, 44, 2.5],
    ] as const)
      ball(c, tx, ty, r, r * 0.8, SCALE);
    ball(c, 24, 17 + y, 6, 5, SCALE);
    horns(c, [20, 14 + y], -1);
    horns(c, [27, 14 + y], 1);
    if (m.breath >= 1) fire(c, [24, 11 + y], 0, -1, m.breath === 1 ? 10 : 7, m.breath === 1 ? 1 : 0.7);
    return;
  }
  belly(c, 24, 34 + y, 5, 6, m.glow);
  const hy = 17 + y + (m.breath === 0 ? -2 : 0);
  ball(c, 24, hy, 6.5, 5.2, SCALE);
  horns(c, [19, hy - 3], -1);
  horns(c, [28, hy - 3], 1);
  const open = m.breath === 1 ? 2 : m.breath === 2 ? 1 : 0;
  ball(c, 24, hy + 4, 4, 2.5, [P.basalt[1], P.basalt[2], P.basalt[3]]); // snout
  for (const nx of [22, 26]) c.set(nx, hy + 3, P.ember[4]); // nostrils
  if (open) c.fill(22, hy + 6, 5, open, P.ember[4]);
  for (const ex of [20, 27]) {
    c.fill(ex, hy - 1, 2, 2, P.ember[5]);
    c.set(ex + (ex < 24 ? 1 : 0), hy, P.ember[3]);
  }
  if (m.breath >= 1) fire(c, [24, hy + 7 + open], 0, 1, m.breath === 1 ? 14 : 9, m.breath === 1 ? 1 : 0.75);
}

function paintWyrm(c: Canvas, f: MobFrame): void {
  const m = motionOf(f);
  if (f.dir === 'right') side(c, m);
  else front(c, m, f.dir === 'down');
}

/** The fire goes out of it: it slumps, cools from glowing to grey stone, and crumbles to smoke. */
function wyrmDeath(c: Canvas, i: number, body: Canvas): void {
  c.ellipse(24, 44.5, 16 - i * 2, 3, () => SHADOW);
  const frames = [
    () => tinted(body, P.white, 0.55),
    () => scaledAbout(tinted(body, P.ember[1], 0.25), 1.05, 0.8, 24, 45),
    () => scaledAbout(tinted(body, P.stone[1], 0.7), 1.1, 0.6, 24, 45),
    () => faded(scaledAbout(tinted(body, P.stone[2], 0.8), 1.15, 0.4, 24, 45), 0.45),
  ];
  c.blit(frames[i]!(), 0, 0, 48, 48, 0, 0);
  if (i >= 2) {
    smokePuff(c, 18, 34 - i * 2, 5, i === 2 ? 0.1 : 0.6);
    smokePuff(c, 30, 36 - i * 2, 4, i === 2 ? 0.2 : 0.7);
    for (let k = 0; k < 5; k++) c.set(14 + k * 5, 28 - i * 3 - (k % 2) * 3, P.ember[4]); // last embers rising
  }
}

export const EMBER_WYRM: MobDesign = {
  size: 48,
  feetY: 44,
  walkFrames: 4,
  attackFrames: 3,
  shadow: { rx: 16, ry: 3 },
  paint: paintWyrm,
  death: wyrmDeath,
  fps: { idle: 3, walk: 6, attack: 8 },
};

export const BOSSES = { ember_wyrm: EMBER_WYRM };
