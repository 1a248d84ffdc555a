// Once a frame, decides how each name over the world is drawn: hovered and targeted mobs show theirs,
// NPC names are kept inside the view, and in a crowd names that would overlap a more important one are
// hidden while distant ones fade (view/labels.ts does the deciding).
import { clampToView, declutter, type LabelBox } from '../view/labels.ts';
import type { EntityView } from '../view/entity-view.ts';

/** Where names are being placed: who we are, where we stand, what the camera shows, what is pointed at. */
export interface LabelSight {
  selfId: number;
  me: { x: number; y: number } | undefined;
  view: { left: number; right: number };
  hovered: number | null;
  target: number | null;
}

export function placeLabels(views: ReadonlyMap<number, EntityView>, sight: LabelSight): void {
  const { me, view, hovered, target } = sight;
  const boxes: LabelBox[] = [];
  for (const [id, v] of views) {
    v.emphasised = id === hovered || id === target;
    const box = v.labelBox();
    if (!box) continue;
    const self = id === sight.selfId;
    const npc = v.model.seen.type === 'npc';
    const x = npc ? clampToView(box.x, box.width, view.left, view.right) : box.x;
    v.labelX = npc ? x : null;
    const at = v.model.motion.position;
    boxes.push({
      id,
      x,
      y: box.y,
      width: box.width,
      height: box.height,
      priority: self ? 4 : v.emphasised ? 3 : npc ? 2 : v.model.seen.type === 'mob' ? 1 : 0,
      distance: me ? Math.hypot(at.x - me.x, at.y - me.y) : 0,
      keep: self || v.emphasised || npc || v.model.seen.type === 'mob',
    });
  }
  for (const [id, { alpha, dy }] of declutter(boxes)) {
    const drawn = views.get(id)!;
    drawn.labelAlpha = alpha;
    drawn.labelLift = dy;
  }
}
