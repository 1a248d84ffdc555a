// Where the body is in every player frame: bob, legs and, above all, the weapon hand. The body
// painter draws the arm to `hand` and the weapon sheet places the weapon's grip on the same
// `hand`, so the two sheets cannot drift apart.
export const FRAME = 24;
export const DIRECTIONS = ['down', 'up', 'right'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** Where a held weapon points, by compass on the screen (n = up the screen). */
export type Aim = 'n' | 'ne' | 'e' | 'se' | 's' | 'sw' | 'w' | 'nw';

export interface Point {
  x: number;
  y: number;
}

export interface Pose {
  dir: Direction;
  /** Whole-body vertical offset in px (breathing, walk bounce, the crouch of a swing). */
  bob: number;
  /** Per-leg lift in px: [left/back, right/front]. */
  legLift: readonly [number, number];
  /** Leg stride in px for the side view: + puts the near leg forward. */
  stride: number;
  /** Top-left pixel of the 2x2 fist that holds the weapon (the character's right hand). */
  hand: Point;
  /** Top-left pixel of the other fist. */
  offHand: Point;
  aim: Aim;
  /** 0 wind-up, 1 strike, 2 follow-through; missing outside an attack. */
  swingPhase?: number;
}

/** Column layout shared by every humanoid sheet (player, armour, weapons, NPCs). */
export const COLUMNS = { idle: [0, 1], walk: [2, 3, 4, 5], attack: [6, 7, 8] } as const;

/** Shoulder pixel (top-left of the 2px sleeve) of the weapon arm and the other arm. */
export function shoulders(dir: Direction, bob: number): { weapon: Point; off: Point } {
  if (dir === 'right') return { weapon: { x: 11, y: 12 + bob }, off: { x: 11, y: 11 + bob } };
  const left = { x: 5, y: 11 + bob };
  const right = { x: 17, y: 11 + bob };
  // Facing down the character's right hand is on the viewer's left; facing up, on the right.
  return dir === 'down' ? { weapon: left, off: right } : { weapon: right, off: left };
}

/** Hands hanging at the sides; `swing` moves them as the legs step (+ = right hand forward). */
function restingPose(
  dir: Direction,
  bob: number,
  legLift: Pose['legLift'],
  stride: number,
  swing: number,
): Pose {
  const idleAim: Record<Direction, Aim> = { down: 'n', up: 'n', right: 'ne' };
  if (dir === 'right') {
    return {
      dir,
      bob,
      legLift,
      stride,
      hand: { x: 11 + swing, y: 15 + bob },
      offHand: { x: 11 - swing, y: 14 + bob },
      aim: idleAim[dir],
    };
  }
  const forward = { x: 0, y: 14 + bob + Math.max(0, swing) };
  const back = { x: 0, y: 14 + bob + Math.max(0, -swing) };
  return {
    dir,
    bob,
    legLift,
    stride,
    hand: { ...forward, x: dir === 'down' ? 5 : 17 },
    offHand: { ...back, x: dir === 'down' ? 17 : 5 },
    aim: idleAim[dir],
  };
}

/**
 * The three swing frames per facing. Each keeps the whole weapon inside the 24 px frame (the
 * weapon tests check this for the longest blade).
 */
const SWINGS: Record<Direction, { bob: number; hand: Point; offHand: Point; aim: Aim }[]> = {
  down: [
    { bob: 0, hand: { x: 4, y: 11 }, offHand: { x: 17, y: 13 }, aim: 'n' },
    { bob: 1, hand: { x: 7, y: 12 }, offHand: { x: 17, y: 15 }, aim: 'se' },
    { bob: 1, hand: { x: 9, y: 11 }, offHand: { x: 17, y: 15 }, aim: 's' },
  ],
  up: [
    { bob: 0, hand: { x: 17, y: 11 }, offHand: { x: 5, y: 13 }, aim: 'n' },
    { bob: 1, hand: { x: 15, y: 10 }, offHand: { x: 5, y: 15 }, aim: 'nw' },
    { bob: 1, hand: { x: 11, y: 13 }, offHand: { x: 5, y: 15 }, aim: 'w' },
  ],
  right: [
    { bob: 0, hand: { x: 9, y: 10 }, offHand: { x: 10, y: 14 }, aim: 'nw' },
    { bob: 1, hand: { x: 11, y: 11 }, offHand: { x: 9, y: 15 }, aim: 'e' },
    { bob: 1, hand: { x: 11, y: 13 }, offHand: { x: 9, y: 15 }, aim: 'se' },
  ],
};

/** All nine poses of a facing, in column order: idle (breath), walk (4 steps), attack (3). */
export function posesFor(dir: Direction): Pose[] {
  const idle = [0, 1].map((bob) => restingPose(dir, bob, [0, 0], 0, 0));
  const walk =
    dir === 'right'
      ? [
          restingPose(dir, 0, [0, 0], 2, 2),
          restingPose(dir, -1, [1, 0], 0, 0),
          restingPose(dir, 0, [0, 0], -2, -2),
          restingPose(dir, -1, [0, 1], 0, 0),
        ]
      : [
          restingPose(dir, 0, [0, 1], 0, 1),
          restingPose(dir, -1, [0, 0], 0, 0),
          restingPose(dir, 0, [1, 0], 0, -1),
          restingPose(dir, -1, [0, 0], 0, 0),
        ];
  const attack = SWINGS[dir].map((s, i): Pose => ({
    dir,
    bob: s.bob,
    legLift: [0, 0],
    stride: dir === 'right' && i > 0 ? 1 : 0,
    hand: s.hand,
    offHand: s.offHand,
    aim: s.aim,
    swingPhase: i,
  }));
  return [...idle, ...walk, ...attack];
}
