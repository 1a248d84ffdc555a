// Short-lived things drawn over the world: floating damage numbers, hit sparks, death smoke, the
// level-up ring, and speech bubbles for chat and NPC lines. Text is always drawn as text, never HTML.
// Over an entity, damage numbers take lanes above its name and HP bar, and its bubble sits above them,
// unless the view's edge or the HUD is in the way (bubble-place.ts finds it another place).
import type Phaser from 'phaser';
import { freeLane, type Rect } from './labels.ts';
import { bubbleBox, placeBubble, type Speaker, type View } from './bubble-place.ts';

/** Height of one damage number's lane (its text plus how far it rises). */
const LANE_H = 15;
const RISE = 6;

const FONT = 'Trebuchet MS, Verdana, DejaVu Sans, sans-serif';

/** How far a bubble's tail reaches out of its box, to the tip at the container's origin. */
const TAIL = 4;

/** A speech bubble: its box (without the tail) and how it was last drawn, so it is redrawn only on a change. */
interface Bubble {
  container: Phaser.GameObjects.Container;
  box: Phaser.GameObjects.Graphics;
  text: Phaser.GameObjects.Text;
  tone: 'chat' | 'npc';
  width: number;
  height: number;
  drawn: string;
}

/** Draws the box and tail over the tip (`below`: the box hangs under it, tail up), `tailX` off centre. */
function drawBubble(b: Bubble, below: boolean, tailX: number): void {
  const key = `${below ? 'below' : 'over'}${tailX}`;
  if (key === b.drawn) return;
  b.drawn = key;
  const { width: w, height: h } = b;
  const fill = b.tone === 'npc' ? 0xe9fbf6 : 0xfff6e0;
  const top = below ? TAIL : -h - TAIL;
  const edge = below ? TAIL : -TAIL;
  b.box.clear();
  b.box.fillStyle(fill, 0.96).fillRoundedRect(-w / 2, top, w, h, 3);
  b.box.lineStyle(1, 0x1b1220, 1).strokeRoundedRect(-w / 2, top, w, h, 3);
  b.box.fillStyle(fill, 0.96).fillTriangle(tailX - 3, edge, tailX + 3, edge, tailX, 0);
  b.text.setPosition(0, top + h - 3);
}

export class Effects {
  private bubbles = new Map<number, Bubble>();
  /** Lanes taken by damage numbers in the air, per entity. */
  private lanes = new Map<number, Set<number>>();

  constructor(
    private readonly scene: Phaser.Scene,
    private resolution: number,
  ) {}

  setResolution(resolution: number): void {
    this.resolution = resolution;
  }

  /**
   * A number that rises a little and fades over entity `id`, in the lowest free lane above its pile:
   * red when we are hurt, gold when we deal it, white otherwise.
   */
  damage(id: number, x: number, pileTop: number, amount: number, tone: 'hurt' | 'dealt' | 'other'): void {
    const busy = this.lanes.get(id) ?? new Set<number>();
    this.lanes.set(id, busy);
    const lane = freeLane(busy);
    busy.add(lane);
    const y = pileTop - lane * LANE_H;
    const color = tone === 'hurt' ? '#ff5a4a' : tone === 'dealt' ? '#ffd166' : '#ffffff';
    const text = this.scene.add
      .text(x, y, amount > 0 ? String(amount) : 'miss', {
        fontFamily: FONT,
        fontSize: amount > 0 ? '9px' : '7px',
        fontStyle: 'bold',
        color,
        stroke: '#1b1220',
        strokeThickness: 3,
      })
      .setOrigin(0.5, 1)
      .setDepth(290000)
      .setResolution(this.resolution);
    this.scene.tweens.add({
      targets: text,
      y: y - RISE,
      alpha: { from: 1, to: 0 },
      duration: 800,
      ease: 'Cubic.Out',
      onComplete: () => {
        text.destroy();
        busy.delete(lane);
        if (busy.size === 0 && this.lanes.get(id) === busy) this.lanes.delete(id);
      },
    });
  }

  /** Plays a one-shot effect sheet (`effects/<id>`) at a point, then removes it. */
  burst(id: 'hit' | 'death_puff' | 'level_up' | 'loot_sparkle', x: number, y: number): void {
    const key = `effects/${id}`;
    if (!this.scene.textures.exists(key)) return;
    const sprite = this.scene.add.sprite(x, y, key, 0).setDepth(150000);
    sprite.play(`${key}:play`);
    sprite.once('animationcomplete', () => sprite.destroy());
  }

  /** A speech bubble over an entity for a few seconds; a newer one from the same speaker replaces it. */
  bubble(id: number, x: number, y: number, line: string, tone: 'chat' | 'npc'): void {
    this.bubbles.get(id)?.container.destroy();
    const text = this.scene.add
      .text(0, 0, line, {
        fontFamily: FONT,
        fontSize: '7px',
        color: '#1b1220',
        wordWrap: { width: 110, useAdvancedWrap: true },
        align: 'center',
      })
      .setOrigin(0.5, 1)
      .setResolution(this.resolution);
    const box = this.scene.add.graphics();
    const container = this.scene.add.container(x, y, [box, text]).setDepth(300000);
    const bubble: Bubble = {
      container,
      box,
      text,
      tone,
      width: Math.ceil(text.width) + 8,
      height: Math.ceil(text.height) + 6,
      drawn: '',
    };
    drawBubble(bubble, false, 0);
    this.bubbles.set(id, bubble);
    const ms = Math.min(9000, 2500 + line.length * 60);
    this.scene.time.delayedCall(ms, () => {
      if (this.bubbles.get(id) !== bubble) return;
      this.bubbles.delete(id);
      this.scene.tweens.add({
        targets: container,
        alpha: 0,
        duration: 300,
        onComplete: () => container.destroy(),
      });
    });
  }

  /**
   * Keeps bubbles with their speakers as they walk: over their piles (and any damage numbers), or where
   * bubble-place.ts finds room inside the view and clear of the HUD's parts (`hud`, world pixels).
   */
  follow(speakers: ReadonlyMap<number, { speaker(): Speaker }>, hud: readonly Rect[], view: View): void {
    for (const [id, bubble] of this.bubbles) {
      const at = speakers.get(id)?.speaker();
      if (!at) continue;
      const speaker = { ...at, top: at.top - this.lanesHeight(id) };
      const place = placeBubble(speaker, bubble.width, bubble.height + TAIL, hud, view);
      bubble.container.setPosition(place.x, place.y);
      // The tail points back at the speaker from wherever the bubble went.
      const reach = bubble.width / 2 - 5;
      drawBubble(bubble, place.below, Math.round(Math.max(-reach, Math.min(reach, speaker.x - place.x))));
    }
  }

  /** The bubbles up now, in world pixels (the tail included), for tests. */
  bubbleBoxes(): (Rect & { id: number; below: boolean })[] {
    return [...this.bubbles].map(([id, b]) => {
      const place = { x: b.container.x, y: b.container.y, below: b.drawn.startsWith('below') };
      return { id, below: place.below, ...bubbleBox(place, b.width, b.height + TAIL) };
    });
  }

  /** How high the damage numbers over an entity reach above its pile. */
  private lanesHeight(id: number): number {
    const busy = this.lanes.get(id);
    return busy && busy.size ? (Math.max(...busy) + 1) * LANE_H : 0;
  }
}
