// Once a frame, decides how each name over the world is drawn: hovered and targeted mobs show theirs,
// NPC names are kept inside the view, and in a crowd names that would overlap a more important one are
// hidden while distant ones fade (view/labels.ts does the deciding).
import { clampToView, declutter, type LabelBox } from '../view/labels.ts';
import type { WorldScene } from './world.ts';

export function placeLabels(scene: WorldScene): void {
  const me = scene.client.self?.motion.position;
  const view = scene.cameras.main.worldView;
  const { hovered, target } = scene.pointer;
  const boxes: LabelBox[] = [];
  for (const [id, v] of scene.views) {
    v.emphasised = id === hovered || id === target;
    const box = v.labelBox();
    if (!box) continue;
    const self = id === scene.client.selfId;
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
    const view = scene.views.get(id)!;
    view.labelAlpha = alpha;
    view.labelLift = dy;
  }
}
