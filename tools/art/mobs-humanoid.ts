// Mobs that walk on two legs reuse the player's body, poses and weapons: the goblin (a short,
// green, club-waving thing) and the skeleton (bones and a rusty sword). Same layout as the player
// sheets plus a death row.
import type { Canvas } from './canvas.ts';
import { drawBody, type Outfit } from './body.ts';
import type { MobDesign, MobFrame } from './mob-sheet.ts';
import { P, SHADOW } from './palette.ts';
import { ball } from './shapes.ts';
import { scaledAbout, tinted } from './transform.ts';
import { drawWeaponAt, type WeaponId } from './weapons.ts';
import { COLUMNS, posesFor } from './poses.ts';

const GOBLIN: Outfit = {
  skin: [P.moss[2], P.moss[3]],
  hair: [P.moss[1], P.moss[2]],
  tunic: [P.dirt[0], P.dirt[1], P.dirt[2]],
  belt: P.wood[0],
  buckle: P.bone[2],
  pants: [P.wood[0], P.wood[1]],
  boots: [P.moss[1], P.moss[2]],
  outline: P.outline,
  small: true,
  headgear: { kind: 'goblin', skin: [P.moss[1], P.moss[3]], eyes: P.flowerYellow },
  pattern: (c, b) => {
    // Ragged hem and a patch.
    if (b.dir !== 'up') c.set(b.x + 1, b.y + 1, P.wood[2]);
    c.set(b.x + b.w - 2, b.y + 2, P.dirt[0]);
  },
};

const BONE = [P.bone[1], P.bone[2], P.bone[3]] as const;

const SKELETON: Outfit = {
  skin: [P.bone[2], P.bone[3]],
  hair: [P.bone[2], P.bone[3]],
  tunic: BONE,
  belt: P.wood[1],
  buckle: P.stone[2],
  pants: [P.bone[1], P.bone[2]],
  boots: [P.bone[1], P.bone[2]],
  outline: P.outline,
  headgear: { kind: 'skull', bone: [P.bone[1], P.bone[3]], socket: P.basalt[0], glow: P.spirit[3] },
  pattern: (c, b) => {
    // Ribs: dark gaps between bone bars, a spine down the middle.
    for (const dy of [1, 3]) c.hline(b.x + 1, b.x + b.w - 2, b.y + dy, P.basalt[1]);
    c.vline(b.x + Math.floor(b.w / 2), b.y, b.y + 3, P.bone[3]);
  },
};

function humanoidPainter(outfit: Outfit, weapon: WeaponId): (c: Canvas, f: MobFrame) => void {
  return (c, f) => {
    const pose = posesFor(f.dir)[COLUMNS[f.anim][f.i]!]!;
    const lift = outfit.small ? 3 : 0;
    const hand = { x: pose.hand.x, y: pose.hand.y + lift };
    const behind = f.dir === 'up';
    if (behind) drawWeaponAt(c, weapon, pose.aim, hand, P.outline);
    drawBody(c, outfit, pose, false);
    if (!behind) drawWeaponAt(c, weapon, pose.aim, hand, P.outline);
  };
}

/** The skeleton falls apart into a heap of bones with the skull on top, which then crumbles. */
function boneHeap(c: Canvas, i: number, body: Canvas): void {
  c.ellipse(12, 21.5, 6, 1.8, () => SHADOW);
  if (i === 0) {
    c.blit(tinted(body, P.white, 0.6), 0, 0, 24, 24, 0, 0);
    return;
  }
  if (i === 1) {
    c.blit(scaledAbout(body, 1.1, 0.65, 12, 22), 0, 0, 24, 24, 0, 0);
    return;
  }
  const heap = c;
  const bones: [number, number, number, number][] = [
    [6, 20, 11, 18],
    [10, 21, 16, 19],
    [13, 18, 18, 21],
    [8, 18, 12, 21],
  ];
  for (const [x0, y0, x1, y1] of bones) {
    const steps = Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0));
    for (let s = 0; s <= steps; s++)
      heap.set(Math.round(x0 + ((x1 - x0) * s) / steps), Math.round(y0 + ((y1 - y0) * s) / steps), P.bone[3]);
    heap.set(x0, y0, P.bone[2]);
    heap.set(x1, y1, P.bone[2]);
  }
  if (i === 2) {
    ball(heap, 12, 16, 3, 2.6, [P.bone[1], P.bone[2], P.bone[3]]);
    heap.fill(10, 16, 2, 1, P.basalt[0]);
    heap.fill(13, 16, 2, 1, P.basalt[0]);
  }
  heap.outline(P.outline);
  if (i === 3) heap.data.set(tinted(heap, P.stone[2], 0.5).data);
}

const HUMANOID = { size: 24, feetY: 21, walkFrames: 4, attackFrames: 3, selfOutlined: true } as const;

export const HUMANOID_MOBS: Record<'goblin' | 'skeleton', MobDesign> = {
  goblin: {
    ...HUMANOID,
    shadow: { rx: 5, ry: 1.6 },
    paint: humanoidPainter(GOBLIN, 'club'),
    fps: { walk: 10, attack: 12 },
  },
  skeleton: {
    ...HUMANOID,
    shadow: { rx: 5.5, ry: 1.7 },
    paint: humanoidPainter(SKELETON, 'short_sword'),
    death: boneHeap,
    fps: { walk: 8, attack: 10 },
  },
};
