// The player character sheet. The body is drawn from a colour set, so armour tiers can reuse the
// same drawing with new colours (or extend `BodyColors` with extra layers).
import { Canvas } from './canvas.ts';
import { P, SHADOW, type Rgba } from './palette.ts';

export const FRAME = 24;
export const WALK_FRAMES = 4;
export const IDLE_FRAMES = 2;
export const DIRECTIONS = ['down', 'up', 'right'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export interface BodyColors {
  skin: readonly [Rgba, Rgba]; // shade, light
  hair: readonly [Rgba, Rgba];
  tunic: readonly [Rgba, Rgba, Rgba]; // dark, mid, light
  belt: Rgba;
  buckle: Rgba;
  pants: readonly [Rgba, Rgba];
  boots: readonly [Rgba, Rgba];
  outline: Rgba;
}

/** Tier 0: a plain cloth tunic. */
export const CLOTH_TUNIC: BodyColors = {
  skin: P.skin,
  hair: P.hair,
  tunic: [P.water[0], P.water[1], P.water[2]],
  belt: P.wood[1],
  buckle: P.gold,
  pants: [P.wood[1], P.wood[2]],
  boots: [P.wood[0], P.wood[1]],
  outline: P.outline,
};

export interface Pose {
  dir: Direction;
  /** Whole-body vertical offset in px (breathing, walk bounce). */
  bob: number;
  /** Per-leg lift in px: [left/back, right/front]. */
  legLift: readonly [number, number];
  /** Leg stride in px for the side view: + puts the near leg forward. */
  stride: number;
  /** Arm swing in px: + moves the near/right hand forward. */
  swing: number;
}

/** Rows of the 24 px frame: feet rest on FEET_Y, the torso top is TORSO_Y (+ bob). */
const FEET_Y = 21;
const TORSO_Y = 11;

function drawLegs(c: Canvas, k: BodyColors, pose: Pose): void {
  const top = TORSO_Y + 6 + pose.bob;
  if (pose.dir === 'right') {
    // Far leg first (darker), near leg over it; boots point forward (to the right).
    const legs = [
      { x: 11 - pose.stride, lift: pose.legLift[0], pants: k.pants[0], boot: k.boots[0] },
      { x: 11 + pose.stride, lift: pose.legLift[1], pants: k.pants[1], boot: k.boots[1] },
    ];
    for (const leg of legs) {
      const bottom = FEET_Y - leg.lift;
      c.fill(leg.x, top, 2, bottom - 1 - top, leg.pants);
      c.fill(leg.x, bottom - 1, 3, 2, leg.boot);
    }
    return;
  }
  const legs = [
    { x: 9, lift: pose.legLift[0], toe: -1 },
    { x: 13, lift: pose.legLift[1], toe: 0 },
  ];
  for (const leg of legs) {
    const bottom = FEET_Y - leg.lift;
    c.fill(leg.x, top, 2, bottom - 1 - top, k.pants[1]);
    c.vline(leg.x + 1, top, bottom - 2, k.pants[0]);
    c.fill(leg.x + leg.toe, bottom - 1, 3, 2, k.boots[1]);
    c.hline(leg.x + leg.toe, leg.x + leg.toe + 2, bottom, k.boots[0]);
  }
}

function drawTorso(c: Canvas, k: BodyColors, pose: Pose): void {
  const y = TORSO_Y + pose.bob;
  const side = pose.dir === 'right';
  const x0 = side ? 9 : 8;
  const w = side ? 6 : 8;
  c.fill(x0, y, w, 4, k.tunic[1]);
  c.vline(x0, y, y + 3, k.tunic[2]);
  c.vline(x0 + w - 1, y, y + 3, k.tunic[0]);
  c.hline(x0, x0 + w - 1, y + 4, k.belt);
  c.fill(x0 - 1, y + 5, w + 2, 1, k.tunic[1]); // flared hem
  c.set(x0 - 1, y + 5, k.tunic[2]);
  c.set(x0 + w, y + 5, k.tunic[0]);
  if (pose.dir === 'down') {
    c.set(11, y + 4, k.buckle);
    c.set(12, y + 4, k.buckle);
    c.set(11, y, k.skin[0]); // V collar
    c.set(12, y, k.skin[0]);
    c.set(11, y + 1, k.tunic[0]);
    c.set(12, y + 1, k.tunic[0]);
  }
  if (side) c.set(x0 + w - 2, y + 4, k.buckle);
}

/** A sleeve and hand; hands end level with the belt. `dy` swings it (forward = lower in front view). */
function drawArm(c: Canvas, k: BodyColors, x: number, dy: number, far: boolean): void {
  const y = TORSO_Y + dy;
  c.fill(x, y, 2, 3, far ? k.tunic[0] : k.tunic[1]);
  if (!far) c.vline(x, y, y + 2, k.tunic[2]);
  c.fill(x, y + 3, 2, 2, far ? k.skin[0] : k.skin[1]);
}

function drawHead(c: Canvas, k: BodyColors, pose: Pose): void {
  const y = 2 + pose.bob;
  // Big friendly chibi head, 10 px wide, hair framing the face; lit from the top-left.
  c.hline(9, 14, y, k.hair[1]);
  c.fill(8, y + 1, 8, 1, k.hair[1]);
  c.fill(7, y + 2, 10, 6, k.hair[1]);
  c.set(10, y + 1, lighten(k.hair[1])); // shine on the hair
  c.set(11, y + 1, lighten(k.hair[1]));
  c.vline(16, y + 2, y + 7, k.hair[0]);
  if (pose.dir === 'up') {
    for (const x of [9, 12, 14]) c.vline(x, y + 5, y + 7, k.hair[0]);
    c.hline(9, 14, y + 8, k.skin[0]); // nape of the neck
    return;
  }
  if (pose.dir === 'right') {
    c.fill(12, y + 4, 5, 4, k.skin[1]);
    c.hline(12, 16, y + 3, k.hair[1]); // fringe
    c.set(17, y + 5, k.skin[1]); // nose
    c.hline(12, 15, y + 8, k.skin[0]);
    c.vline(15, y + 5, y + 6, k.outline); // eye
    c.set(11, y + 5, k.skin[0]); // ear
    c.set(11, y + 6, k.skin[0]);
    c.set(16, y + 7, k.skin[0]);
    return;
  }
  c.fill(8, y + 4, 8, 4, k.skin[1]);
  c.set(9, y + 3, k.skin[1]); // fringe gaps
  c.set(14, y + 3, k.skin[1]);
  c.hline(9, 14, y + 8, k.skin[0]);
  c.vline(10, y + 5, y + 6, k.outline); // eyes
  c.vline(13, y + 5, y + 6, k.outline);
  c.set(9, y + 7, k.skin[0]); // cheeks
  c.set(14, y + 7, k.skin[0]);
}

function lighten(c: Rgba): Rgba {
  return [Math.min(255, c[0] + 40), Math.min(255, c[1] + 30), Math.min(255, c[2] + 20), c[3]];
}

/** Draws one frame at (ox, oy) on `sheet`. Feet rest on y = 21 of the 24 px frame. */
export function drawCharacter(sheet: Canvas, ox: number, oy: number, k: BodyColors, pose: Pose): void {
  const c = new Canvas(FRAME, FRAME);
  if (pose.dir === 'right') {
    drawArm(c, k, 11 - pose.swing, pose.bob, true);
    drawLegs(c, k, pose);
    drawTorso(c, k, pose);
    drawHead(c, k, pose);
    drawArm(c, k, 11 + pose.swing, pose.bob + 1, false);
  } else {
    drawLegs(c, k, pose);
    drawTorso(c, k, pose);
    drawHead(c, k, pose);
    // Arms sit one pixel clear of the torso so the outline separates them.
    drawArm(c, k, 5, pose.bob + Math.max(0, pose.swing), false);
    drawArm(c, k, 17, pose.bob + Math.max(0, -pose.swing), false);
  }
  c.outline(k.outline);
  sheet.ellipse(ox + 12, oy + 21.5, 6, 1.8, () => SHADOW);
  sheet.blit(c, 0, 0, FRAME, FRAME, ox, oy);
}

/** Idle breathes (bob 0, 1); walk alternates contact and passing poses. */
export function posesFor(dir: Direction): Pose[] {
  const idle: Pose[] = [0, 1].map((bob) => ({ dir, bob, legLift: [0, 0], stride: 0, swing: 0 }));
  const walk: Pose[] =
    dir === 'right'
      ? [
          { dir, bob: 0, legLift: [0, 0], stride: 2, swing: 2 },
          { dir, bob: -1, legLift: [1, 0], stride: 0, swing: 0 },
          { dir, bob: 0, legLift: [0, 0], stride: -2, swing: -2 },
          { dir, bob: -1, legLift: [0, 1], stride: 0, swing: 0 },
        ]
      : [
          { dir, bob: 0, legLift: [0, 1], stride: 0, swing: 1 },
          { dir, bob: -1, legLift: [0, 0], stride: 0, swing: 0 },
          { dir, bob: 0, legLift: [1, 0], stride: 0, swing: -1 },
          { dir, bob: -1, legLift: [0, 0], stride: 0, swing: 0 },
        ];
  return [...idle, ...walk];
}

export function renderCharacterSheet(k: BodyColors): Canvas {
  const cols = IDLE_FRAMES + WALK_FRAMES;
  const sheet = new Canvas(cols * FRAME, DIRECTIONS.length * FRAME);
  DIRECTIONS.forEach((dir, row) => {
    posesFor(dir).forEach((pose, col) => drawCharacter(sheet, col * FRAME, row * FRAME, k, pose));
  });
  return sheet;
}

export const PLAYER_SHEET_JSON = {
  frameWidth: FRAME,
  frameHeight: FRAME,
  anchor: { x: 0.5, y: 0.92 },
  directions: { down: 0, up: 1, right: 2 },
  flipLeftFrom: 'right',
  animations: {
    idle: { frames: [0, 1], fps: 2 },
    walk: { frames: [2, 3, 4, 5], fps: 10 },
  },
};
