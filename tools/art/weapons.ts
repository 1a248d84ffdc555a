// Weapons, drawn once pointing up and once pointing up-right around a 2x2 fist, then turned by
// quarter turns to all eight aims. The same templates give the in-hand sheets and the item icons.
import { Canvas } from './canvas.ts';
import { CLEAR, P, type Rgba } from './palette.ts';
import type { Aim, Point } from './poses.ts';
import { quarterTurn } from './transform.ts';

export const WEAPON_IDS = [
  'club',
  'short_sword',
  'axe',
  'mace',
  'long_sword',
  'frost_blade',
  'ember_blade',
] as const;
export type WeaponId = (typeof WEAPON_IDS)[number];

/** Template canvases hold the fist at (11..12, 11..12); quarter turns pivot on its centre. */
export const TEMPLATE = 24;
const FIST = 11;
const PIVOT = 12;

/**
 * Pixel addressing along the weapon: `u` counts steps out from the fist (0 = just past it, -3 =
 * the pommel), `v` across it (0 = lit core, 1 = shaded core, -1 and 2 the outer edges).
 */
interface Grip {
  diagonal: boolean;
  /** Straight lengths shrink by this on the diagonal, where each step is ~1.4 px long. */
  len: (straight: number) => number;
  at: (u: number, v: number) => Point;
  /** A line across the weapon at step u, `half` px to each side: guards and flanges. */
  across: (u: number, half: number) => Point[];
}

const STRAIGHT: Grip = {
  diagonal: false,
  len: (n) => n,
  at: (u, v) => ({ x: 11 + v, y: 10 - u }),
  across: (u, half) => Array.from({ length: 2 + 2 * half }, (_, i) => ({ x: 11 - half + i, y: 10 - u })),
};

const DIAGONAL: Grip = {
  diagonal: true,
  len: (n) => Math.round(n * 0.75),
  at: (u, v) => ({ x: 12 + u + v, y: 10 - u }),
  across: (u, half) => {
    const out = [
      { x: 12 + u, y: 10 - u },
      { x: 13 + u, y: 10 - u },
    ];
    for (let j = 1; j <= half; j++)
      out.push({ x: 12 + u - j, y: 10 - u - j }, { x: 13 + u + j, y: 10 - u + j });
    return out;
  },
};

type Paint = (c: Canvas, g: Grip) => void;

function dot(c: Canvas, p: Point, col: Rgba): void {
  c.put(p.x, p.y, col);
}

/** Handle from the pommel through the fist, plus an optional pommel knob colour. */
function handle(c: Canvas, g: Grip, to: number, wood: readonly Rgba[], pommel?: Rgba): void {
  for (let u = -3; u <= to; u++) {
    dot(c, g.at(u, 0), wood[2]!);
    if (!g.diagonal || u >= 0) dot(c, g.at(u, 1), wood[1]!);
  }
  if (pommel) dot(c, g.at(-3, g.diagonal ? 0 : 1), pommel);
}

/** A blade: lit and shaded halves, a pointed tip, and an optional bright edge colour. */
function blade(c: Canvas, g: Grip, from: number, length: number, ramp: readonly Rgba[], edge?: Rgba): number {
  const n = g.len(length);
  for (let u = from; u < from + n; u++) {
    dot(c, g.at(u, 0), ramp[2]!);
    dot(c, g.at(u, 1), ramp[1]!);
  }
  if (edge) for (let u = from; u < from + n - 1; u += 1) dot(c, g.at(u, 0), u % 3 === 0 ? edge : ramp[2]!);
  dot(c, g.at(from + n, g.diagonal ? 1 : 0), ramp[2]!); // tip
  return from + n;
}

function guard(c: Canvas, g: Grip, u: number, half: number, col: Rgba, shade: Rgba): void {
  for (const p of g.across(u, half)) dot(c, p, col);
  dot(c, g.at(u, 1), shade);
}

const STEEL = [P.stone[1], P.stone[2], P.stone[4]] as const;
const WOOD = [P.wood[1], P.wood[2], P.wood[3]] as const;

const PAINTERS: Record<WeaponId, Paint> = {
  club: (c, g) => {
    handle(c, g, 1, WOOD);
    const top = g.len(7);
    for (let u = 0; u <= top; u++) {
      dot(c, g.at(u, 0), P.wood[3]);
      dot(c, g.at(u, 1), P.wood[2]);
      if (u >= 2 && u < top) dot(c, g.at(u, -1), P.wood[4]);
      if (u >= 3 && u < top) dot(c, g.at(u, 2), P.wood[1]);
    }
    dot(c, g.at(top - 2, 1), P.wood[1]); // a knot
  },
  short_sword: (c, g) => {
    handle(c, g, -1, [P.wood[0], P.wood[1], P.wood[2]], P.brass[3]);
    guard(c, g, 0, 1, P.brass[3], P.brass[1]);
    blade(c, g, 1, 5, STEEL);
  },
  axe: (c, g) => {
    handle(c, g, g.len(7), WOOD);
    const top = g.len(7);
    // The head: a bearded blade out to the right, a short spike to the left.
    for (let u = top - 3; u <= top; u++) {
      const reach = u === top - 3 || u === top ? 2 : 3;
      for (let v = 2; v <= reach; v++) dot(c, g.at(u, v), v === reach ? P.stone[4] : P.stone[2]);
    }
    dot(c, g.at(top - 1, -1), P.stone[1]);
    dot(c, g.at(top - 2, -1), P.stone[2]);
  },
  mace: (c, g) => {
    handle(c, g, g.len(3), WOOD);
    const head = g.len(3) + 1;
    for (let u = head; u <= head + 2; u++)
      for (let v = -1; v <= 2; v++) dot(c, g.at(u, v), v <= 0 && u > head ? P.stone[3] : P.stone[2]);
    dot(c, g.at(head + 1, -1), P.stone[4]);
    for (const p of g.across(head + 1, 2)) if (c.alpha(p.x, p.y) === 0) dot(c, p, P.brass[3]); // flanges
    dot(c, g.at(head + 3, 0), P.brass[3]);
  },
  long_sword: (c, g) => {
    handle(c, g, -1, [P.wood[0], P.roofRed[1], P.roofRed[2]], P.brass[3]);
    guard(c, g, 0, 2, P.brass[3], P.brass[1]);
    blade(c, g, 1, 7, STEEL, P.white);
  },
  frost_blade: (c, g) => {
    handle(c, g, -1, [P.spirit[0], P.spirit[1], P.spirit[2]], P.spirit[4]);
    guard(c, g, 0, 2, P.spirit[3], P.spirit[1]);
    const tip = blade(c, g, 1, 7, [P.spirit[1], P.spirit[2], P.spirit[3]], P.spirit[4]);
    // Ice crystals growing off the edges.
    for (const u of [3, 6]) dot(c, g.at(u, -1), P.spirit[4]);
    dot(c, g.at(tip - 2, 2), P.spirit[3]);
  },
  ember_blade: (c, g) => {
    handle(c, g, -1, [P.basalt[0], P.basalt[2], P.basalt[3]], P.ember[4]);
    guard(c, g, 0, 2, P.brass[3], P.brass[1]);
    const tip = blade(c, g, 1, 7, [P.ember[1], P.ember[2], P.ember[4]], P.ember[5]);
    // Tongues of flame licking off the blade.
    for (const u of [2, 5]) dot(c, g.at(u, 2), P.ember[3]);
    dot(c, g.at(4, -1), P.ember[4]);
    dot(c, g.at(tip, g.diagonal ? 0 : 1), P.ember[4]);
  },
};

/** Aim -> which template and how many clockwise quarter turns. */
const AIMS: Record<Aim, { diagonal: boolean; turns: number }> = {
  n: { diagonal: false, turns: 0 },
  e: { diagonal: false, turns: 1 },
  s: { diagonal: false, turns: 2 },
  w: { diagonal: false, turns: 3 },
  ne: { diagonal: true, turns: 0 },
  se: { diagonal: true, turns: 1 },
  sw: { diagonal: true, turns: 2 },
  nw: { diagonal: true, turns: 3 },
};

const cache = new Map<string, Canvas>();

/** The weapon alone (no outline) pointing `aim`, fist at (11, 11) of a 24x24 canvas. */
export function weaponTemplate(id: WeaponId, aim: Aim): Canvas {
  const key = `${id}:${aim}`;
  let out = cache.get(key);
  if (!out) {
    const { diagonal, turns } = AIMS[aim];
    const base = new Canvas(TEMPLATE, TEMPLATE);
    PAINTERS[id](base, diagonal ? DIAGONAL : STRAIGHT);
    out = quarterTurn(base, turns, PIVOT, PIVOT);
    cache.set(key, out);
  }
  return out;
}

/** Draws the weapon with its grip in the fist at `hand`, outlined, leaving the fist itself clear. */
export function drawWeaponAt(frame: Canvas, id: WeaponId, aim: Aim, hand: Point, outline: Rgba): void {
  const layer = new Canvas(frame.width, frame.height);
  layer.blit(weaponTemplate(id, aim), 0, 0, TEMPLATE, TEMPLATE, hand.x - FIST, hand.y - FIST);
  layer.outline(outline);
  for (let y = 0; y < 2; y++) for (let x = 0; x < 2; x++) layer.put(hand.x + x, hand.y + y, CLEAR);
  frame.blit(layer, 0, 0, frame.width, frame.height, 0, 0);
}
