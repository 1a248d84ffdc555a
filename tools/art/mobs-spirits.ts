// Things of stone, smoke and fire: the graveyard ghost (translucent, floating), the cave golem
// (32 px, glowing eyes) and the fire imp (a flame that never burns the same way twice).
import { Canvas } from './canvas.ts';
import { smokePuff, type MobDesign, type MobFrame } from './mob-sheet.ts';
import { P, SHADOW, withAlpha } from './palette.ts';
import { ball, eyes } from './shapes.ts';
import { faded, scaledAbout, shifted, tinted } from './transform.ts';

const ECTO = [P.spirit[1], P.spirit[2], P.spirit[3], P.spirit[4]] as const;
const ROCK = [P.stone[0], P.stone[1], P.stone[2], P.stone[3]] as const;
const IMP = [P.ember[0], P.ember[1], P.ember[2], P.ember[3]] as const;

/** Float height of flyers: a slow sine over the frames, so idle and walk both drift. */
function hover(f: MobFrame): number {
  const phase = f.anim === 'walk' ? f.i : f.anim === 'idle' ? f.i * 2 : 1;
  return [0, -1, -2, -1][phase % 4]!;
}

function paintGhost(c: Canvas, f: MobFrame): void {
  const y = 4 + hover(f) + (f.anim === 'attack' && f.i === 1 ? 1 : 0);
  const lean = f.dir === 'right' ? 1 : 0;
  const reach = f.anim === 'attack' ? (f.i === 0 ? -1 : 2) : 0;
  // A round head flowing into a sheet with a wavy, drifting hem.
  ball(c, 12 + lean, y + 6, 6, 6, ECTO, 0.85);
  c.fill(6 + lean, y + 6, 13, 6, ECTO[1]);
  c.vline(6 + lean, y + 6, y + 11, ECTO[2]);
  c.vline(18 + lean, y + 6, y + 11, ECTO[0]);
  const wave = f.anim === 'walk' ? f.i : f.i * 2;
  for (let x = 6; x <= 18; x++) {
    const tail = [0, 1, 2, 1][(x + wave) % 4]!;
    c.vline(
      x + lean - (f.dir === 'right' ? Math.floor(tail / 2) : 0),
      y + 12,
      y + 12 + tail,
      ECTO[x < 12 ? 1 : 0],
    );
  }
  c.set(9 + lean, y + 2, P.white); // shine
  // Stubby arms reaching out on the attack.
  for (const s of f.dir === 'right' ? [1] : [-1, 1]) {
    const ax = 12 + lean + s * (7 + reach);
    c.fill(ax - (s < 0 ? 1 : 0), y + 8 - (reach > 0 ? 2 : 0), 2, 2, ECTO[2]);
  }
  if (f.dir === 'up') return;
  const ex = f.dir === 'right' ? [14, 17] : [9, 14];
  eyes(c, ex, y + 5, P.spirit[0], 2);
  const mouthX = f.dir === 'right' ? 15 : 11;
  const open = f.anim === 'attack' ? 2 : 1;
  c.fill(mouthX, y + 8, 2, open, P.spirit[0]); // a little "oo"
}

/** The ghost rises and thins out until nothing is left but a wisp. */
function ghostDeath(c: Canvas, i: number, body: Canvas): void {
  const lifted = shifted(scaledAbout(body, 1 - i * 0.12, 1 + i * 0.15, 12, 10), 0, -i * 2);
  c.blit(faded(tinted(lifted, P.white, 0.2 + i * 0.2), [1, 0.8, 0.6, 0.45][i]!), 0, 0, 24, 24, 0, 0);
  // A last bright wisp slipping away upward.
  if (i >= 2)
    for (let k = 0; k < 3; k++) c.set(12 + (k % 2), 4 - i + k, withAlpha(P.spirit[4], 255 - k * 60));
}

function paintGolem(c: Canvas, f: MobFrame): void {
  const stomp = f.anim === 'walk' ? [0, -1, 0, -1][f.i]! : f.anim === 'idle' ? f.i : 0;
  const slam = f.anim === 'attack' ? f.i : -1;
  const y = 10 + stomp;
  const side = f.dir === 'right';
  // Legs: squat pillars that trade places as it lumbers.
  const step = f.anim === 'walk' ? (f.i < 2 ? 1 : -1) : 0;
  for (const [lx, s] of side
    ? [
        [12, step],
        [17, -step],
      ]
    : [
        [10, step],
        [18, -step],
      ])
    ball(c, lx! + (side ? s! : 0), 26 - Math.max(0, s!), 3, 3, ROCK);
  // The boulder body with a glowing crystal heart.
  ball(c, side ? 15 : 16, y + 8, side ? 8 : 10, 8, ROCK);
  ball(c, side ? 13 : 12, y + 12, 3, 2, [P.moss[1], P.moss[2], P.moss[3]]); // moss patch
  if (f.dir !== 'up') {
    const core = side ? 19 : 16;
    c.fill(core - 1, y + 7, 2, 3, P.spirit[3]);
    c.set(core - 1, y + 7, P.spirit[4]);
  }
  c.hline(side ? 10 : 9, side ? 13 : 13, y + 4, P.stone[1]); // cracks
  c.set(side ? 17 : 21, y + 13, P.stone[0]);
  // Head: a smaller stone set low between the shoulders.
  const hx = side ? 19 : 16;
  c.hline(hx - 3, hx + 3, y + 2, P.stone[0]); // the shadow under the head stone
  ball(c, hx, y - 1, 4.5, 3.4, [P.stone[1], P.stone[2], P.stone[3], P.stone[4]]);
  if (f.dir === 'down') for (const ex of [13, 17]) c.fill(ex, y - 1, 2, 1, P.spirit[4]);
  if (side) c.fill(21, y - 1, 2, 1, P.spirit[4]);
  // Arms: huge fists, raised together for the slam.
  const arms: [number, number][] = side
    ? [[slam === 0 ? 17 : slam === 1 ? 25 : 20, slam === 0 ? y - 3 : slam === 1 ? y + 14 : y + 13]]
    : [
        [slam === 0 ? 9 : 5, slam === 0 ? y - 2 : slam === 1 ? y + 16 : y + 12 + Math.max(0, stomp)],
        [slam === 0 ? 23 : 27, slam === 0 ? y - 2 : slam === 1 ? y + 16 : y + 12 + Math.max(0, stomp)],
      ];
  for (const [ax, ay] of arms) {
    ball(c, ax, ay, 3.3, 3, ROCK);
    c.set(ax - 1, ay - 1, P.stone[3]);
  }
  if (slam === 1) {
    // Dust kicked up where the fists land.
    for (const [dx, dy] of [
      [-4, 2],
      [4, 2],
      [0, 4],
    ] as const)
      for (const [ax, ay] of arms) c.set(ax + dx, ay + dy, withAlpha(P.sand[3], 200));
  }
}

/** The golem crumbles into a pile of stones, its eyes going dark. */
function golemDeath(c: Canvas, i: number, body: Canvas): void {
  c.ellipse(16, 28.5, 11, 2.5, () => SHADOW);
  if (i === 0) {
    c.blit(tinted(body, P.white, 0.5), 0, 0, 32, 32, 0, 0);
    return;
  }
  if (i === 1) {
    c.blit(tinted(scaledAbout(body, 1.1, 0.7, 16, 29), P.stone[0], 0.3), 0, 0, 32, 32, 0, 0);
    return;
  }
  const pile = new Canvas(32, 32);
  const stones: [number, number, number][] = [
    [10, 26, 3.5],
    [17, 27, 4],
    [23, 26, 3],
    [14, 23, 3],
    [20, 22.5, 3],
    [17, 19, 2.5],
  ];
  for (const [x, y, r] of stones.slice(0, i === 2 ? 6 : 4)) ball(pile, x, y, r, r * 0.8, ROCK);
  pile.outline(P.outline);
  c.blit(pile, 0, 0, 32, 32, 0, 0);
  smokePuff(c, 16, 20 - i * 2, 4, i === 2 ? 0.2 : 0.8);
}

function paintImp(c: Canvas, f: MobFrame): void {
  const y = 9 + hover(f);
  const side = f.dir === 'right';
  const cx = side ? 11 : 12;
  // Dark leathery wings behind, beating; a pointed tail.
  const flap = (f.anim === 'walk' ? f.i : f.i * 2) % 2;
  for (const s of side ? [-1] : [-1, 1]) {
    for (let k = 1; k <= 4; k++)
      c.vline(
        cx + s * (2 + k),
        y + 3 - flap * 2 + (k > 2 ? -1 : 0),
        y + 8 - k,
        k === 4 ? P.ember[1] : P.basalt[2],
      );
  }
  c.hline(side ? cx - 5 : cx + 2, side ? cx - 3 : cx + 4, y + 11, P.ember[1]);
  c.set(side ? cx - 6 : cx + 5, y + 10, P.ember[3]);
  // Small dark body, big bright head: the face is what you read.
  ball(c, cx, y + 8, 2.6, 3, [P.ember[0], P.ember[1], P.ember[2]]);
  c.fill(cx - 2, y + 11, 2, 1, P.ember[0]);
  c.fill(cx + 1, y + 11, 2, 1, P.ember[0]);
  const hx = cx + (side ? 1 : 0);
  ball(c, hx, y + 3, 4.4, 3.8, IMP);
  // Curled horns.
  for (const [x, out] of side
    ? [[hx - 2, -1]]
    : [
        [hx - 3, -1],
        [hx + 2, 1],
      ]) {
    c.set(x!, y - 1, P.bone[2]);
    c.set(x! + out!, y - 2, P.bone[3]);
    c.set(x! + out!, y - 3, P.bone[3]);
  }
  // The flame on its head flickers differently in every frame.
  const seed = (f.anim === 'attack' ? 5 : f.anim === 'walk' ? 2 : 0) + f.i + (f.dir === 'up' ? 3 : 0);
  const tall = [4, 6, 5, 7, 4, 6, 5, 7][seed % 8]!;
  for (let k = 0; k < tall; k++) {
    const sway = [0, 1, 1, 0, -1, -1][(seed * 2 + k) % 6]!;
    const half = k < 2 ? 1 : k < tall - 2 ? 1 : 0;
    const col = k < 2 ? P.ember[3] : k < tall - 2 ? P.ember[4] : P.ember[5];
    c.hline(hx - half + (k > 1 ? sway : 0), hx + half + (k > 1 ? sway : 0) - (half ? 0 : 0), y - 1 - k, col);
  }
  if (f.dir !== 'up') {
    const ex = side ? [hx + 2] : [hx - 2, hx + 1];
    for (const x of ex) {
      c.fill(x, y + 2, side ? 1 : 2, 2, P.ember[5]);
      c.set(x + (side ? 0 : 1), y + 3, P.outline);
    }
    c.hline(side ? hx + 1 : hx - 2, side ? hx + 3 : hx + 2, y + 5, P.ember[0]); // grin
    c.set(side ? hx + 2 : hx - 1, y + 5, P.white); // one fang
  }
  // A fireball grows in its hand and is flung.
  const hand = { x: cx + 3, y: y + 7 };
  c.fill(hand.x, hand.y, 2, 2, P.ember[3]);
  if (f.anim === 'attack') {
    const r = f.i === 0 ? 1.6 : 2.4;
    const bx = hand.x + (f.i === 0 ? 1 : side ? 7 : 3);
    const by = hand.y - (f.i === 0 ? 2 : side ? 2 : -5);
    c.ellipse(bx, by, r, r, (dx, dy) =>
      dx * dx + dy * dy < 0.3 ? P.ember[5] : dx + dy < 0 ? P.ember[4] : P.ember[3],
    );
  }
}

export const SPIRITS: Record<'ghost' | 'golem' | 'fire_imp', MobDesign> = {
  ghost: {
    size: 24,
    feetY: 21,
    walkFrames: 4,
    attackFrames: 2,
    shadow: { rx: 4, ry: 1.2 },
    paint: paintGhost,
    outline: P.spirit[0],
    // Translucent, so the ground shows through: the one mob you can see through.
    finish: (c) => faded(c, 0.78),
    death: (c, i, body) => ghostDeath(c, i, body),
    fps: { idle: 3, walk: 6 },
  },
  golem: {
    size: 32,
    feetY: 28,
    walkFrames: 4,
    attackFrames: 3,
    shadow: { rx: 11, ry: 2.5 },
    paint: paintGolem,
    death: golemDeath,
    fps: { idle: 2, walk: 5, attack: 8 },
  },
  fire_imp: {
    size: 24,
    feetY: 21,
    walkFrames: 4,
    attackFrames: 2,
    shadow: { rx: 4, ry: 1.2 },
    paint: paintImp,
    fps: { idle: 6, walk: 10 },
  },
};
