// The humanoid body every player, armour tier and NPC is drawn with: a chibi figure (big head,
// short limbs) on a 24 px frame, lit from the top-left, feet on row 21. Outfits change colours
// and add gear layers (see gear.ts); poses come from poses.ts.
import { Canvas } from './canvas.ts';
import { drawBeard, drawCape, drawHeadgear, drawPauldrons, type Headgear } from './gear.ts';
import { SHADOW, type Rgba } from './palette.ts';
import { FRAME, shoulders, type Pose, type Point } from './poses.ts';
import { stampLine } from './transform.ts';

export type Ramp3 = readonly [Rgba, Rgba, Rgba];
export type Ramp2 = readonly [Rgba, Rgba];

/** The basic colour set of a body (the original player's tunic look is one of these). */
export interface BodyColors {
  skin: Ramp2; // shade, light
  hair: Ramp2;
  tunic: Ramp3; // dark, mid, light
  belt: Rgba;
  buckle: Rgba;
  pants: Ramp2;
  boots: Ramp2;
  outline: Rgba;
}

/** Torso box handed to pattern painters (chain links, scales, plate seams). */
export interface TorsoBox {
  x: number;
  y: number;
  w: number;
  dir: Pose['dir'];
}

/** A body plus optional gear layers; everything optional defaults to the plain body. */
export interface Outfit extends BodyColors {
  /** Sleeve colours when they differ from the tunic (mail sleeves, plate arms). */
  sleeves?: Ramp3;
  /** Glove colours; bare hands when missing. */
  gloves?: Ramp2;
  /** Extra marks on the chest: mail rings, scales, plate seams, embroidery. */
  pattern?: (c: Canvas, box: TorsoBox) => void;
  pauldrons?: Ramp3;
  headgear?: Headgear;
  beard?: Ramp2;
  cape?: Ramp3;
  /** A robe reaching the ankles instead of tunic and trousers. */
  robe?: boolean;
  /** Shorter legs and a lower head: the village child. */
  small?: boolean;
  /** Something the NPC holds in the right hand (staff, hammer, rod), drawn after the arm. */
  prop?: (c: Canvas, hand: Point, pose: Pose) => void;
}

const FEET_Y = 21;
export const TORSO_Y = 11;

/** Vertical offsets of the whole upper body: the child stands three pixels shorter. */
function lift(k: Outfit): number {
  return k.small ? 3 : 0;
}

function drawLegs(c: Canvas, k: Outfit, pose: Pose): void {
  const top = TORSO_Y + 6 + pose.bob + lift(k);
  if (k.robe) {
    // Under a robe only the boot toes show, stepping in turn.
    const toes = pose.dir === 'right' ? [11 - pose.stride, 11 + pose.stride] : [9, 13];
    toes.forEach((x, i) => c.fill(x, FEET_Y - pose.legLift[i]!, 3, 1, k.boots[i === 0 ? 0 : 1]));
    return;
  }
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

function drawTorso(c: Canvas, k: Outfit, pose: Pose): void {
  const y = TORSO_Y + pose.bob + lift(k);
  const side = pose.dir === 'right';
  const x0 = side ? 9 : 8;
  const w = side ? 6 : 8;
  const h = k.small ? 3 : 4;
  c.fill(x0, y, w, h, k.tunic[1]);
  c.vline(x0, y, y + h - 1, k.tunic[2]);
  c.vline(x0 + w - 1, y, y + h - 1, k.tunic[0]);
  if (k.robe) {
    // The robe widens to the ankles: lit edge left, shaded edge right, a fold down the middle.
    for (let row = h; row <= FEET_Y - 1 - y; row++) {
      const flare = Math.min(2, Math.floor((row - h) / 2) + 1);
      c.hline(x0 - flare, x0 + w - 1 + flare, y + row, k.tunic[1]);
      c.set(x0 - flare, y + row, k.tunic[2]);
      c.set(x0 + w - 1 + flare, y + row, k.tunic[0]);
    }
    c.vline(side ? x0 + 3 : x0 + 4, y + h + 2, FEET_Y - 1, k.tunic[0]);
    c.hline(x0, x0 + w - 1, y + h, k.belt);
  } else {
    c.hline(x0, x0 + w - 1, y + h, k.belt);
    c.fill(x0 - 1, y + h + 1, w + 2, 1, k.tunic[1]); // flared hem
    c.set(x0 - 1, y + h + 1, k.tunic[2]);
    c.set(x0 + w, y + h + 1, k.tunic[0]);
  }
  k.pattern?.(c, { x: x0, y, w, dir: pose.dir });
  if (pose.dir === 'down') {
    c.set(11, y + h, k.buckle);
    c.set(12, y + h, k.buckle);
    if (!k.pattern) {
      c.set(11, y, k.skin[0]); // V collar
      c.set(12, y, k.skin[0]);
      c.set(11, y + 1, k.tunic[0]);
      c.set(12, y + 1, k.tunic[0]);
    }
  }
  if (side) c.set(x0 + w - 2, y + h, k.buckle);
}

/** A sleeve from the shoulder to the fist, then the 2x2 fist. Far arms are a shade darker. */
function drawArm(c: Canvas, k: Outfit, shoulder: Point, hand: Point, far: boolean): void {
  const sleeve = k.sleeves ?? k.tunic;
  const hands = k.gloves ?? k.skin;
  stampLine(c, shoulder.x, shoulder.y, hand.x, hand.y, 2, far ? sleeve[0] : sleeve[1]);
  if (!far && hand.y > shoulder.y) c.vline(shoulder.x, shoulder.y, hand.y - 1, sleeve[2]);
  c.fill(hand.x, hand.y, 2, 2, far ? hands[0] : hands[1]);
  if (!far) c.set(hand.x + 1, hand.y + 1, hands[0]);
}

function drawHead(c: Canvas, k: Outfit, pose: Pose): void {
  const y = 2 + pose.bob + lift(k);
  // Big friendly head, 10 px wide, hair framing the face.
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

export function lighten(c: Rgba): Rgba {
  return [Math.min(255, c[0] + 40), Math.min(255, c[1] + 30), Math.min(255, c[2] + 20), c[3]];
}

/** Draws one body frame (24x24, with its ground shadow unless told not to) for an outfit and pose. */
export function drawBody(frame: Canvas, k: Outfit, pose: Pose, shadow = true): void {
  const c = new Canvas(FRAME, FRAME);
  const up = lift(k);
  const sh = shoulders(pose.dir, pose.bob + up);
  const hand = { x: pose.hand.x, y: pose.hand.y + up };
  const offHand = { x: pose.offHand.x, y: pose.offHand.y + up };
  const headY = 2 + pose.bob + up;
  const near = (): void => {
    drawArm(c, k, sh.weapon, hand, false);
    k.prop?.(c, hand, pose);
  };
  if (pose.dir === 'right') {
    drawArm(c, k, sh.off, offHand, true);
    if (k.cape) drawCape(c, k.cape, pose, TORSO_Y + pose.bob + up);
    drawLegs(c, k, pose);
    drawTorso(c, k, pose);
    drawHead(c, k, pose);
    if (k.beard) drawBeard(c, k.beard, pose.dir, headY);
    if (k.headgear) drawHeadgear(c, k.headgear, pose.dir, headY);
    near();
    if (k.pauldrons) drawPauldrons(c, k.pauldrons, pose.dir, TORSO_Y + pose.bob + up);
  } else {
    if (k.cape && pose.dir === 'down') drawCape(c, k.cape, pose, TORSO_Y + pose.bob + up);
    drawLegs(c, k, pose);
    drawTorso(c, k, pose);
    if (k.cape && pose.dir === 'up') drawCape(c, k.cape, pose, TORSO_Y + pose.bob + up);
    drawHead(c, k, pose);
    if (k.beard) drawBeard(c, k.beard, pose.dir, headY);
    if (k.headgear) drawHeadgear(c, k.headgear, pose.dir, headY);
    // Arms sit one pixel clear of the torso so the outline separates them.
    drawArm(c, k, sh.off, offHand, false);
    near();
    if (k.pauldrons) drawPauldrons(c, k.pauldrons, pose.dir, TORSO_Y + pose.bob + up);
  }
  c.outline(k.outline);
  if (shadow) frame.ellipse(12, 21.5, 6, 1.8, () => SHADOW);
  frame.blit(c, 0, 0, FRAME, FRAME, 0, 0);
}
