// Where the HUD lies over the world, in world pixels, so names are placed clear of it (world-labels.ts):
// the HP and XP bars and gear drawn by the HUD scene, and the DOM parts over the canvas (the online
// count, the minimap, the target frame, the toolbar, the belt). The HUD is always drawn over the world;
// this keeps the world's words out from under it rather than letting either hide the other.
import type Phaser from 'phaser';
import type { Rect } from '../view/labels.ts';

/** What this reads of the HUD scene (hud.ts): its boxes in canvas pixels. (Not the scene's type: that
 * imports the world scene, which imports this.) */
interface HudBoxes {
  boxes(): (Rect & { name: string })[];
}

/** The DOM parts of the HUD that sit over the world. */
const HUD_PARTS = ['#btn-online', '#minimap', '#target-frame', '#toolbar', '#belt'];
/** What a speech bubble also keeps clear of: the chat log and line, and the bag card (a phone's bottom
 * half). A name may pass under them (the log fades when idle, and names are many); a bubble is a line to
 * read, and there is one at a time per speaker. */
const BUBBLE_PARTS = [...HUD_PARTS, '#chat-log', '#chat', '#bag'];
/** Their boxes are read again this often (a resize, the target frame coming and going), not every frame. */
const READ_MS = 250;
/** Page pixels kept free around each part, so a name does not touch it. */
const MARGIN = 3;

export class HudSafeArea {
  private page: { names: Rect[]; bubbles: Rect[] } = { names: [], bubbles: [] };
  private readAt = -Infinity;

  constructor(private readonly scene: Phaser.Scene) {}

  /** The HUD's boxes over the world as the camera shows it now: what names, or bubbles, keep clear of. */
  inWorld(now: number, words: 'names' | 'bubbles' = 'names'): Rect[] {
    if (now - this.readAt >= READ_MS || now < this.readAt) {
      this.readAt = now;
      this.page = this.read();
    }
    const cam = this.scene.cameras.main;
    const canvas = this.scene.game.canvas;
    const rect = canvas.getBoundingClientRect();
    // Page pixels to world pixels: through the canvas's own pixels, then the camera's zoom.
    const scale = canvas.width / Math.max(1, rect.width) / cam.zoom;
    return this.page[words].map((b) => ({
      left: cam.worldView.x + (b.left - MARGIN - rect.left) * scale,
      right: cam.worldView.x + (b.right + MARGIN - rect.left) * scale,
      top: cam.worldView.y + (b.top - MARGIN - rect.top) * scale,
      bottom: cam.worldView.y + (b.bottom + MARGIN - rect.top) * scale,
    }));
  }

  private read(): { names: Rect[]; bubbles: Rect[] } {
    const canvasBoxes = this.canvasBoxes();
    return {
      names: [...domBoxes(HUD_PARTS), ...canvasBoxes],
      bubbles: [...domBoxes(BUBBLE_PARTS), ...canvasBoxes],
    };
  }

  /** The HUD scene's bars and gear, in page pixels. */
  private canvasBoxes(): Rect[] {
    const boxes: Rect[] = [];
    if (this.scene.scene.isActive('hud')) {
      const hud = this.scene.scene.get('hud') as unknown as HudBoxes;
      const canvas = this.scene.game.canvas;
      const rect = canvas.getBoundingClientRect();
      const ratio = Math.max(1, rect.width) / canvas.width;
      for (const b of hud.boxes())
        if (b.name !== 'online')
          boxes.push({
            left: rect.left + b.left * ratio,
            top: rect.top + b.top * ratio,
            right: rect.left + b.right * ratio,
            bottom: rect.top + b.bottom * ratio,
          });
    }
    return boxes;
  }
}

/** The page boxes of those of `selectors` laid out now. */
function domBoxes(selectors: readonly string[]): Rect[] {
  const boxes: Rect[] = [];
  for (const selector of selectors) {
    const el = document.querySelector<HTMLElement>(selector);
    // offsetParent is null for anything not laid out (hidden, or the HUD not up yet).
    if (!el || el.hidden || el.offsetParent === null) continue;
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.height > 0)
      boxes.push({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
  }
  return boxes;
}
