// What a click or tap means: the topmost drawn sprite under the pointer (by the sprite's drawn bounds,
// not the tile it stands on), and the action a click on it asks for. Pure, so tests can feed it boxes.

export type ClickAction = 'walk' | 'attack' | 'talk' | 'take' | 'open';

const ACTIONS: Record<string, ClickAction> = { mob: 'attack', npc: 'talk', item: 'take', chest: 'open' };

/** The action a click on an entity of this type asks for ('walk' for players and the ground). */
export function actionFor(type: string): ClickAction {
  return ACTIONS[type] ?? 'walk';
}

/** One sprite as drawn: its box in world pixels and its drawing depth (higher is drawn on top). */
export interface DrawnBox {
  id: number;
  type: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
  depth: number;
}

/** The topmost box under the point that a click can act on; players are not targets and do not block. */
export function pickAt(boxes: Iterable<DrawnBox>, x: number, y: number): DrawnBox | null {
  let best: DrawnBox | null = null;
  for (const b of boxes) {
    if (actionFor(b.type) === 'walk') continue;
    if (x < b.left || x >= b.right || y < b.top || y >= b.bottom) continue;
    if (!best || b.depth > best.depth) best = b;
  }
  return best;
}

/** The topmost player under the point (a click on one opens its menu: invite, whisper). */
export function pickPlayerAt(boxes: Iterable<DrawnBox>, x: number, y: number): DrawnBox | null {
  let best: DrawnBox | null = null;
  for (const b of boxes) {
    if (b.type !== 'player') continue;
    if (x < b.left || x >= b.right || y < b.top || y >= b.bottom) continue;
    if (!best || b.depth > best.depth) best = b;
  }
  return best;
}
