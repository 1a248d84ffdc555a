// The small fry of the early zones, on 16 px frames: rat, slime, crab and bat.
import type { Canvas } from './canvas.ts';
import { defaultDeath, type MobDesign, type MobFrame } from './mob-sheet.ts';
import { P, withAlpha } from './palette.ts';
import { ball, eyes, legs } from './shapes.ts';
import { faded } from './transform.ts';

const FUR = [P.stone[0], P.stone[1], P.stone[2], P.stone[3]] as const;
/** The head a step lighter than the body, so the two read apart at 1x. */
const HEAD = [P.stone[1], P.stone[2], P.stone[3]] as const;
const JELLY = [P.rose[0], P.rose[1], P.rose[2], P.rose[3]] as const;
const SHELL = [P.roofRed[0], P.roofRed[1], P.roofRed[2], P.roofRed[3]] as const;
const WING = [P.violet[0], P.violet[1], P.violet[2], P.violet[3]] as const;

/** Per-frame body motion: walk cycles bob and alternate feet; an attack lunges on its last frames. */
function motion(f: MobFrame): { bob: number; step: number; lunge: number } {
  if (f.anim === 'walk') return { bob: f.i % 2 === 1 ? -1 : 0, step: f.i % 4 < 2 ? 1 : -1, lunge: 0 };
  if (f.anim === 'attack') return { bob: f.i === 0 ? -1 : 0, step: 0, lunge: f.i === 0 ? -1 : 2 };
  return { bob: f.i, step: 0, lunge: 0 };
}

function paintRat(c: Canvas, f: MobFrame): void {
  const { bob, step, lunge } = motion(f);
  const biting = f.anim === 'attack' && f.i > 0;
  if (f.dir === 'right') {
    const x = lunge;
    const tailY = 12 + (f.i % 2);
    c.hline(0 + x, 2 + x, tailY, P.rose[1]); // tail
    c.set(0 + x, tailY - 1, P.rose[1]);
    legs(c, [5 + x + step, 9 + x - step], 13, 2, P.stone[0]);
    ball(c, 6.5 + x, 11 + bob * 0.5, 4.5, 3, FUR);
    ball(c, 11.5 + x, 10.5 + bob * 0.5, 2.8, 2.3, FUR);
    c.hline(13 + x, 14 + x, 11, P.stone[2]); // snout
    c.set(15 + x, 11, P.rose[2]); // nose
    ball(c, 10 + x, 7.5, 1.6, 1.6, [P.rose[1], P.rose[2], P.rose[3]]); // ear
    eyes(c, [12 + x], 9, P.outline);
    if (biting) c.set(14 + x, 12, P.white);
    return;
  }
  if (f.dir === 'up') {
    // From behind: a round rump, the tail trailing toward us, ears over the head.
    const sway = f.anim === 'walk' ? step : 0;
    legs(c, [5, 10], 12 + (step > 0 ? 0 : 1), 2, P.stone[0]);
    ball(c, 8, 9.5 + bob * 0.5, 4.5, 4, FUR);
    c.set(8 + sway, 13, P.rose[1]);
    c.hline(8 + sway, 9 + sway, 14, P.rose[1]);
    c.set(10 + sway, 15, P.rose[1]);
    ball(c, 8, 5 + bob * 0.5, 3, 2.4, HEAD);
    for (const x of [4.5, 11.5]) ball(c, x, 4, 1.9, 1.9, HEAD);
    return;
  }
  // Facing us: the head leads, big round ears, a pale pointed snout and a pink nose.
  const y = bob * 0.5 + Math.max(0, lunge);
  c.hline(12, 14, 6, P.rose[1]); // tail peeking out behind
  c.set(14, 5, P.rose[1]);
  ball(c, 8, 8 + y, 4.5, 3.6, FUR);
  legs(c, [5 + (step > 0 ? 0 : -1), 10 + (step > 0 ? 1 : 0)], 13 + y, 2, P.stone[0]);
  ball(c, 8, 10.5 + y, 3.4, 2.8, HEAD);
  for (const x of [4, 12]) {
    ball(c, x, 6 + y, 2.3, 2.3, HEAD);
    c.fill(x - (x < 8 ? 0 : 1), Math.floor(5.5 + y), 2, 2, P.rose[2]);
  }
  c.hline(7, 9, Math.floor(13 + y), P.stone[3]); // snout
  c.set(8, Math.floor(13 + y), P.rose[2]);
  eyes(c, [6, 10], Math.floor(9 + y), P.outline, 2);
  if (biting) {
    c.set(7, Math.floor(14 + y), P.white);
    c.set(9, Math.floor(14 + y), P.white);
  }
}

/** The slime squashes wide on the ground and stretches tall as it hops. */
function slimeShape(f: MobFrame): { w: number; h: number; lift: number } {
  if (f.anim === 'idle') return f.i === 0 ? { w: 6, h: 5, lift: 0 } : { w: 6.5, h: 4.5, lift: 0 };
  if (f.anim === 'walk')
    return [
      { w: 7, h: 4, lift: 0 },
      { w: 5, h: 6, lift: 1 },
      { w: 5.5, h: 5.5, lift: 3 },
      { w: 6, h: 5, lift: 1 },
    ][f.i]!;
  return [
    { w: 7.5, h: 3.5, lift: 0 },
    { w: 5, h: 6.5, lift: 2 },
  ][f.i]!;
}

function paintSlime(c: Canvas, f: MobFrame): void {
  const s = slimeShape(f);
  const lean = f.dir === 'right' ? (f.anim === 'attack' && f.i === 1 ? 2 : 0.5) : 0;
  const cx = 8 + lean;
  const base = 14 - s.lift;
  // A dome: flat bottom, round top, so it sits on the ground like jelly.
  c.ellipse(cx, base - s.h + 1, s.w, s.h, (dx, dy) =>
    dy > 0.7 ? JELLY[0] : dx * dx + dy * dy > 0.75 ? JELLY[1] : dx < -0.2 && dy < -0.2 ? JELLY[3] : JELLY[2],
  );
  c.fill(Math.round(cx - s.w + 1), base, Math.round(s.w * 2) - 1, 1, JELLY[0]);
  c.set(Math.round(cx - s.w * 0.5), Math.round(base - s.h * 1.4), P.white); // shine
  c.set(Math.round(cx - s.w * 0.5) + 1, Math.round(base - s.h * 1.4), withAlpha(P.white, 180));
  if (f.dir === 'up') return;
  const ey = Math.round(base - s.h * 0.9);
  const ex =
    f.dir === 'right' ? [Math.round(cx) + 1, Math.round(cx) + 4] : [Math.round(cx) - 2, Math.round(cx) + 2];
  eyes(c, ex, ey, P.outline, 2);
  c.set(ex[0]! + 1, ey + 2, f.anim === 'attack' ? P.outline : P.rose[0]); // mouth
  c.set(ex[0]! - 1, ey + 2, P.rose[3]); // blush
  c.set(ex[1]! + 1, ey + 2, P.rose[3]);
}

function slimeDeath(c: Canvas, i: number): void {
  // Melts into a puddle, which then dries away.
  const w = [7, 7.5, 7, 6][i]!;
  const h = [4, 2, 1, 1][i]!;
  const puddle = c;
  puddle.ellipse(8, 14 - h / 2, w, h, (dx, dy) => (dy < -0.3 && dx < 0 ? JELLY[2] : JELLY[1]));
  if (i === 0) eyes(puddle, [6, 10], 11, P.outline, 2);
  if (i === 1) for (const x of [6, 10]) puddle.set(x, 13, P.outline);
  puddle.outline(P.outline);
  if (i >= 2) {
    // The puddle dries: it thins out and gives off two last bubbles.
    c.data.set(faded(puddle, i === 2 ? 0.7 : 0.35).data);
    c.set(6, 10 - i, withAlpha(JELLY[3], 220));
    c.set(10, 9 - i * 2, withAlpha(JELLY[3], 160));
  }
}

function paintCrab(c: Canvas, f: MobFrame): void {
  const { bob, step } = motion(f);
  const snap = f.anim === 'attack' ? f.i : f.anim === 'idle' ? 0 : -1;
  const y = 10 + bob * 0.5;
  // Legs: three a side, scuttling.
  for (let k = 0; k < 3; k++) {
    const ly = 11 + k;
    const off = (k + (step > 0 ? 0 : 1)) % 2;
    c.set(3 - off, ly + 1, SHELL[0]);
    c.set(12 + off, ly + 1, SHELL[0]);
  }
  ball(c, 8, y, 5, 3.5, SHELL);
  c.hline(5, 10, Math.floor(y) + 2, SHELL[0]);
  // Claws: raised pincers that open on the wind-up and clamp on the strike.
  const clawY = Math.floor(y) - 3 - (snap === 1 ? 1 : 0);
  for (const [x, dir] of [
    [2, -1],
    [13, 1],
  ] as const) {
    ball(c, x + 0.5, clawY + 1.5, 1.8, 1.8, SHELL);
    const open = snap === 0 ? 1 : 0;
    c.set(x, clawY - 1 - open, SHELL[2]);
    c.set(x + dir, clawY - 1 - open, SHELL[3]);
    c.vline(x - dir * 1, clawY + 2, Math.floor(y), SHELL[1]); // arm
  }
  if (f.dir === 'up') return;
  const look = f.dir === 'right' ? 1 : 0;
  for (const x of [6 + look, 9 + look]) {
    c.vline(x, Math.floor(y) - 5, Math.floor(y) - 3, SHELL[1]); // eye stalks
    c.set(x, Math.floor(y) - 5, P.outline);
    c.set(x, Math.floor(y) - 6, P.white);
  }
  c.set(8 + look, Math.floor(y) + 1, P.outline); // a tiny grumpy mouth
}

function paintBat(c: Canvas, f: MobFrame): void {
  // Wings cycle up, level, down, level; the body rises and falls against them.
  const beat = f.anim === 'walk' ? f.i : f.anim === 'idle' ? f.i * 2 : 1 + f.i;
  const wing = [-3, 0, 2, 0][beat % 4]!;
  const y = 6 + (wing > 0 ? -1 : 0) + (f.anim === 'attack' && f.i === 1 ? 2 : 0);
  const side = f.dir === 'right';
  for (const dir of side ? [-1] : [-1, 1]) {
    // Each wing is a fan of three fingers ending in scallops.
    for (let k = 0; k < 6; k++) {
      const x = 8 + dir * (2 + k);
      const top = y + 1 + Math.round((wing * k) / 5) - (k < 3 ? 1 : 0);
      const bottom = top + (k === 5 ? 1 : 3 - (k % 2));
      c.vline(x, top, bottom, k < 2 ? WING[1] : WING[2]);
      c.set(x, top, WING[3]);
    }
  }
  const cx = side ? 9 : 8;
  ball(c, cx, y + 2.5, 2.6, 3, [P.violet[1], P.violet[2], P.violet[3]]);
  // Big pointed ears with pink insides.
  for (const x of side ? [cx - 1] : [cx - 2, cx + 2]) {
    c.vline(x, y - 2, y, P.violet[2]);
    if (f.dir !== 'up') c.set(x, y - 1, P.rose[2]);
  }
  if (f.dir === 'up') return;
  c.hline(side ? cx : cx - 1, cx + 1, y + 4, P.violet[3]); // pale belly
  eyes(c, side ? [cx + 1] : [cx - 1, cx + 1], y + 1, P.flowerYellow);
  if (f.anim === 'attack') c.set(side ? cx + 1 : cx, y + 4, P.white); // fang
}

export const CRITTERS: Record<'rat' | 'slime' | 'crab' | 'bat', MobDesign> = {
  rat: {
    size: 16,
    feetY: 14,
    walkFrames: 4,
    attackFrames: 2,
    shadow: { rx: 5, ry: 1.5 },
    paint: paintRat,
  },
  slime: {
    size: 16,
    feetY: 14,
    walkFrames: 4,
    attackFrames: 2,
    shadow: { rx: 6, ry: 1.5 },
    paint: paintSlime,
    death: (c, i) => slimeDeath(c, i),
    fps: { idle: 2, walk: 6 },
  },
  crab: {
    size: 16,
    feetY: 14,
    walkFrames: 4,
    attackFrames: 2,
    shadow: { rx: 6, ry: 1.5 },
    paint: paintCrab,
  },
  bat: {
    size: 16,
    feetY: 14,
    walkFrames: 4,
    attackFrames: 2,
    shadow: { rx: 3, ry: 1 },
    paint: paintBat,
    fps: { idle: 6, walk: 12 },
    death: (c, i, body) => defaultDeath(c, i, body, { ...CRITTERS_BASE, size: 16 }),
  },
};

/** Shadow and feet used by the bat's death, which falls to the ground first. */
const CRITTERS_BASE: MobDesign = {
  size: 16,
  feetY: 14,
  walkFrames: 4,
  attackFrames: 2,
  shadow: { rx: 4, ry: 1.2 },
  paint: () => {},
};
