// The `!` and `?` over NPCs: a quest to give, or one to take back, as the server's NpcMarkers said for
// each NPC kind. Drawn above the NPC's name (its pile), bobbing a little so it catches the eye.
import type Phaser from 'phaser';
import type { NpcMark } from '../../shared/protocol/server-messages.ts';
import type { EntityView } from '../view/entity-view.ts';
import { NPC_MARK_COLOURS as COLOURS } from '../view/constants.ts';

const FONT = 'Trebuchet MS, Verdana, DejaVu Sans, sans-serif';

export class QuestMarks {
  private readonly drawn = new Map<number, Phaser.GameObjects.Text>();

  constructor(
    private readonly scene: Phaser.Scene,
    private resolution: number,
  ) {}

  /** Once a frame: a mark over each NPC in view whose kind has one, none over the others. */
  update(views: ReadonlyMap<number, EntityView>, marks: ReadonlyMap<string, NpcMark>, time: number): void {
    for (const [id, text] of this.drawn) {
      const view = views.get(id);
      if (!view || !marks.has(view.model.seen.kind)) {
        text.destroy();
        this.drawn.delete(id);
      }
    }
    const bob = Math.round(Math.sin(time / 300) * 1.5);
    for (const [id, view] of views) {
      if (view.model.seen.type !== 'npc') continue;
      const mark = marks.get(view.model.seen.kind);
      if (!mark) continue;
      let text = this.drawn.get(id);
      if (!text) {
        text = this.scene.add
          .text(0, 0, mark, {
            fontFamily: FONT,
            fontSize: '14px',
            fontStyle: 'bold',
            color: COLOURS[mark],
            stroke: '#1b1220',
            strokeThickness: 3,
          })
          .setOrigin(0.5, 1)
          .setResolution(this.resolution);
        this.drawn.set(id, text);
      }
      if (text.text !== mark) text.setText(mark).setColor(COLOURS[mark]);
      // Over the name, wherever it was moved (kept on screen, out from under the HUD).
      text.setPosition(view.labelX ?? view.x, view.pileTop - 1 + bob).setDepth(300000 + view.y);
    }
  }

  /** Where each mark is drawn (world pixels), for tests. */
  boxes(): { id: number; mark: string; x: number; y: number }[] {
    return [...this.drawn].map(([id, t]) => ({ id, mark: t.text, x: t.x, y: t.y }));
  }

  setResolution(resolution: number): void {
    this.resolution = resolution;
    for (const text of this.drawn.values()) text.setResolution(resolution);
  }

  clear(): void {
    for (const text of this.drawn.values()) text.destroy();
    this.drawn.clear();
  }
}
