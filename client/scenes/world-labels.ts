// Once a frame, decides how each name over the world is drawn: every name is kept inside the view (one
// over the camera's top row comes down into it), hovered and targeted mobs show theirs, NPC names slide
// out from under the HUD, other names under the HUD are hidden until their owner walks clear, and in a
// crowd names that would overlap a more important one are hidden while distant ones fade (view/labels.ts
// does the deciding).
import {
  clampToView,
  declutter,
  dropClear,
  slideClear,
  underAny,
  type LabelBox,
  type Rect,
} from '../view/labels.ts';
import type { EntityView } from '../view/entity-view.ts';

/** Where names are being placed: who we are, where we stand, what the camera shows, what is pointed at. */
export interface LabelSight {
  selfId: number;
  me: { x: number; y: number } | undefined;
  view: { left: number; right: number; top: number; bottom: number };
  hovered: number | null;
  target: number | null;
  /** The HUD's parts over the world (hud-safe-area.ts), in world pixels: no name is drawn under them. */
  hud: readonly Rect[];
}

export function placeLabels(views: ReadonlyMap<number, EntityView>, sight: LabelSight): void {
  const { me, view, hovered, target, hud } = sight;
  const boxes: LabelBox[] = [];
  /** How far each name was brought down into the view, before any lift. */
  const down = new Map<number, number>();
  for (const [id, v] of views) {
    v.emphasised = id === hovered || id === target;
    const box = v.labelBox();
    if (!box) continue;
    const self = id === sight.selfId;
    const npc = v.model.seen.type === 'npc';
    // Cut off by the view's edge, a name is as lost as under the HUD: it is moved inside first.
    const inView = clampToView(box.x, box.width, view.left, view.right);
    const y = Math.max(box.y, view.top + box.height);
    if (!npc && underAny(inView, y, box.width, box.height, hud)) {
      v.labelX = null;
      v.labelAlpha = 0;
      v.labelLift = 0;
      continue;
    }
    const x = npc
      ? (slideClear(inView, y, box.width, box.height, hud, view.left, view.right) ?? inView)
      : inView;
    v.labelX = npc || x !== box.x ? x : null;
    down.set(id, y - box.y);
    const at = v.model.motion.position;
    boxes.push({
      id,
      x,
      y,
      width: box.width,
      height: box.height,
      priority: self ? 4 : v.emphasised ? 3 : npc ? 2 : v.model.seen.type === 'mob' ? 1 : 0,
      distance: me ? Math.hypot(at.x - me.x, at.y - me.y) : 0,
      keep: self || v.emphasised || npc || v.model.seen.type === 'mob',
    });
  }
  const byId = new Map(boxes.map((b) => [b.id, b]));
  for (const [id, placed] of declutter(boxes)) {
    const drawn = views.get(id)!;
    const b = byId.get(id)!;
    const alpha = placed.alpha;
    // Lifted clear of a crowd, a name still stays under the view's top.
    const dy = Math.max(placed.dy, view.top + b.height - b.y);
    let lift = down.get(id)! + dy;
    // Still under the HUD (no room beside it on its row, or lifted into it clear of a crowd): an NPC's
    // name slides along its row, or else drops below the HUD; any other name is hidden.
    if (alpha > 0 && underAny(b.x, b.y + dy, b.width, b.height, hud)) {
      const npc = drawn.model.seen.type === 'npc';
      const slid = npc ? slideClear(b.x, b.y + dy, b.width, b.height, hud, view.left, view.right) : null;
      const drop =
        npc && slid === null ? dropClear(b.x, b.y + dy, b.width, b.height, hud, view.bottom) : null;
      if (slid === null && drop === null) {
        drawn.labelAlpha = 0;
        drawn.labelLift = 0;
        continue;
      }
      if (slid !== null) drawn.labelX = slid;
      else lift += drop!;
    }
    drawn.labelAlpha = alpha;
    drawn.labelLift = lift;
  }
}
