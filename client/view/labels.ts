// Keeps the words over entities readable: each entity's own pile (HP bar, name, bubble) is stacked so
// none covers another, damage numbers take free lanes, in a crowd lower-priority names that would
// overlap a more important one are hidden while distant ones fade, and names keep out from under the
// HUD. Pure: boxes in, placements out.

/** The things piled over one entity, bottom first, each with its height in world pixels (0 = absent). */
export interface Pile {
  hpBar: number;
  name: number;
}

/** The bottom y of each part of an entity's pile, from the sprite's drawn top, and the pile's top. */
export function stackPile(
  spriteTop: number,
  pile: Pile,
  gap = 1,
): { hpBar: number; name: number; top: number } {
  let y = spriteTop - gap;
  const hpBar = y;
  if (pile.hpBar > 0) y -= pile.hpBar + gap;
  const name = y;
  if (pile.name > 0) y -= pile.name + gap;
  return { hpBar, name, top: y };
}

/** The lowest lane not taken by a damage number still in the air over the same entity. */
export function freeLane(busy: Iterable<number>): number {
  const taken = new Set(busy);
  let lane = 0;
  while (taken.has(lane)) lane++;
  return lane;
}

export interface LabelBox {
  id: number;
  /** Centre x and bottom y, world pixels. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** Higher wins a contested spot: own name, then the target, then NPCs, then nearer players. */
  priority: number;
  /** Tiles from the player, for fading. */
  distance: number;
  /** Never hidden by a crowd (NPC names, the own name, the target). */
  keep: boolean;
}

/** Names within this many tiles are drawn fully; beyond, they fade to FAR_ALPHA at FADE_END tiles. */
const FADE_START = 6;
const FADE_END = 14;
const FAR_ALPHA = 0.35;

export function fadeFor(distance: number): number {
  if (distance <= FADE_START) return 1;
  if (distance >= FADE_END) return FAR_ALPHA;
  return 1 - ((distance - FADE_START) / (FADE_END - FADE_START)) * (1 - FAR_ALPHA);
}

/** How a label is drawn: its alpha, and how far it was lifted (world pixels, negative is up). */
export interface Placement {
  alpha: number;
  dy: number;
}

/** A kept label is lifted at most this many lines to get clear of another. */
const MAX_LIFTS = 4;

/**
 * Placement of every label, most important first: one that would overlap a label already placed is hidden
 * (alpha 0), unless it must be kept, when it is lifted line by line until clear; the rest fade with
 * distance (kept ones stay fully drawn).
 */
export function declutter(labels: LabelBox[]): Map<number, Placement> {
  const order = [...labels].sort((a, b) => b.priority - a.priority || a.distance - b.distance || a.id - b.id);
  const shown: LabelBox[] = [];
  const out = new Map<number, Placement>();
  for (const l of order) {
    let placed = l;
    let lifts = 0;
    while (shown.some((s) => overlaps(s, placed)) && l.keep && lifts < MAX_LIFTS) {
      lifts++;
      placed = { ...l, y: l.y - lifts * (l.height + 1) };
    }
    if (!l.keep && shown.some((s) => overlaps(s, placed))) {
      out.set(l.id, { alpha: 0, dy: 0 });
      continue;
    }
    shown.push(placed);
    out.set(l.id, { alpha: l.keep ? 1 : fadeFor(l.distance), dy: placed.y - l.y });
  }
  return out;
}

function overlaps(a: LabelBox, b: LabelBox): boolean {
  return Math.abs(a.x - b.x) * 2 < a.width + b.width && a.y - a.height < b.y && b.y - b.height < a.y;
}

/** Moves a label's centre x so the whole label lies inside the view (NPC names stay on screen). */
export function clampToView(x: number, width: number, viewLeft: number, viewRight: number): number {
  const half = width / 2;
  if (viewRight - viewLeft <= width) return (viewLeft + viewRight) / 2;
  return Math.min(viewRight - half, Math.max(viewLeft + half, x));
}

/** A box in world pixels (the HUD's parts, as they lie over the world now). */
export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Whether a label (centre `x`, bottom `y`) meets any of `boxes`. */
export function underAny(
  x: number,
  y: number,
  width: number,
  height: number,
  boxes: readonly Rect[],
): boolean {
  return boxes.some((b) => meets(b, x - width / 2, x + width / 2, y - height, y));
}

/**
 * The centre x nearest `x` at which a label on its row lies clear of every HUD box and inside the view
 * (beside the box it would be under: an NPC at the top right keeps its name left of the online count), or
 * null if its row has no such place. The HUD is drawn over the world, so a name under it is lost.
 */
export function slideClear(
  x: number,
  y: number,
  width: number,
  height: number,
  hud: readonly Rect[],
  viewLeft: number,
  viewRight: number,
): number | null {
  const half = width / 2;
  const row = hud.filter((b) => b.top < y && y - height < b.bottom);
  const spots = [x, ...row.flatMap((b) => [b.left - half - 1, b.right + half + 1])];
  let best: number | null = null;
  for (const spot of spots) {
    if (spot - half < viewLeft - 0.5 || spot + half > viewRight + 0.5) continue;
    if (row.some((b) => meets(b, spot - half, spot + half, y - height, y))) continue;
    if (best === null || Math.abs(spot - x) < Math.abs(best - x)) best = spot;
  }
  return best;
}

/**
 * How far down (world pixels) a label must go to lie below every HUD box it meets, for a row with no room
 * beside them (a phone's top row: bars on the left, the online count on the right); null if that takes it
 * past `viewBottom`.
 */
export function dropClear(
  x: number,
  y: number,
  width: number,
  height: number,
  hud: readonly Rect[],
  viewBottom: number,
): number | null {
  let dy = 0;
  for (let tries = 0; tries <= hud.length; tries++) {
    const hit = hud.filter((b) => meets(b, x - width / 2, x + width / 2, y + dy - height, y + dy));
    if (!hit.length) return y + dy <= viewBottom ? dy : null;
    dy = Math.max(...hit.map((b) => b.bottom + height + 1 - y));
  }
  return null;
}

function meets(b: Rect, left: number, right: number, top: number, bottom: number): boolean {
  return b.left < right && left < b.right && b.top < bottom && top < b.bottom;
}
