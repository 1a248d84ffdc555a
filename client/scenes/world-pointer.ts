// What the pointer is on and what a click there will do: the topmost drawn sprite under it (pick.ts), a
// highlighted tile coloured by the action, an icon beside the pointer (a sword to attack, a speech
// bubble to talk, the item to take, a chest to open; none to walk), and the clicked target it keeps.
import type Phaser from 'phaser';
import { TILE } from '../view/constants.ts';
import { actionFor, pickAt, pickPlayerAt, type ClickAction, type DrawnBox } from '../input/pick.ts';
import type { Atlas } from './preload.ts';
import type { TargetShown } from '../ui/target-frame.ts';
import type { GameClient } from '../game-client.ts';
import type { EntityView } from '../view/entity-view.ts';
import type { MobInfo } from '../view/mob-info.ts';

/** What the pointer needs of the world besides Phaser: the entities, their drawings, mob data. */
export interface PointerWorld {
  readonly client: Pick<GameClient, 'entities' | 'selfId' | 'stats'>;
  readonly views: ReadonlyMap<number, Pick<EntityView, 'drawnBox'>>;
  mob(kind: string): MobInfo;
}

const TILE_COLOUR: Record<ClickAction, number> = {
  walk: 0xfff4d6,
  attack: 0xff5a4a,
  talk: 0x9ff3e4,
  take: 0xffd166,
  open: 0xffd166,
};

export class WorldPointer {
  /** The entity under the pointer that a click would act on. */
  hovered: number | null = null;
  /** The last entity a click acted on, while it is still around. */
  target: number | null = null;
  action: ClickAction = 'walk';
  private readonly highlight: Phaser.GameObjects.Graphics;
  private readonly icon: Phaser.GameObjects.Image;
  private drawnTile = '';

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly world: PointerWorld,
  ) {
    this.highlight = scene.add.graphics().setDepth(998);
    this.icon = scene.add.image(0, 0, 'atlas:ui', 0).setOrigin(0, 0).setDepth(400000).setVisible(false);
  }

  /** The entity a click at this world point acts on; it becomes the target. */
  pick(worldX: number, worldY: number): number | null {
    const hit = pickAt(this.boxes(), worldX, worldY);
    if (hit) this.target = hit.id;
    return hit?.id ?? null;
  }

  /** The other player drawn at this world point, if any (its name: a click opens its menu). */
  playerAt(worldX: number, worldY: number): string | null {
    const hit = pickPlayerAt(this.boxes(), worldX, worldY);
    const seen = hit ? this.world.client.entities.get(hit.id)?.seen : undefined;
    return seen?.name ?? null;
  }

  /** Each frame: what is under the pointer now (things walk under a still pointer), and how to show it. */
  update(playing: boolean): void {
    if (this.target !== null && !this.world.client.entities.has(this.target)) this.target = null;
    const pointer = this.scene.input.activePointer;
    const cam = this.scene.cameras.main;
    const over = playing && !pointer.wasTouch && this.overCanvas(pointer);
    if (!over) {
      this.hovered = null;
      this.action = 'walk';
      this.show(null, 'walk');
      return;
    }
    const at = cam.getWorldPoint(pointer.x, pointer.y);
    const hit = pickAt(this.boxes(), at.x, at.y);
    this.hovered = hit?.id ?? null;
    this.action = hit ? actionFor(hit.type) : 'walk';
    const entity = hit ? this.world.client.entities.get(hit.id) : undefined;
    const tile = entity ? entity.motion.tile : { x: Math.floor(at.x / TILE), y: Math.floor(at.y / TILE) };
    this.show(tile, this.action, entity?.seen.kind);
    // Another player under the pointer: a click opens its menu (invite, whisper).
    if (!hit && this.playerAt(at.x, at.y)) this.scene.game.canvas.style.cursor = 'pointer';
    this.icon.setPosition(at.x + 4 / cam.zoom + 3, at.y + 3);
  }

  /** For the target frame: the mob under the pointer, else the one last clicked. */
  shown(): TargetShown | null {
    const client = this.world.client;
    for (const id of [this.hovered, this.target]) {
      const e = id === null ? undefined : client.entities.get(id)?.seen;
      if (e?.type !== 'mob') continue;
      const info = this.world.mob(e.kind);
      return { id: e.id, info, hp: e.hp, maxHp: e.maxHp, playerLevel: client.stats?.level ?? 1 };
    }
    return null;
  }

  private show(tile: { x: number; y: number } | null, action: ClickAction, kind = ''): void {
    const canvas = this.scene.game.canvas;
    const cursor = action === 'walk' ? 'default' : 'pointer';
    if (canvas.style.cursor !== cursor) canvas.style.cursor = cursor;
    const key = tile ? `${tile.x},${tile.y},${action}` : '';
    if (key !== this.drawnTile) {
      this.drawnTile = key;
      this.highlight.clear();
      if (tile) {
        const colour = TILE_COLOUR[action];
        this.highlight.fillStyle(colour, 0.18).fillRect(tile.x * TILE, tile.y * TILE, TILE, TILE);
        this.highlight
          .lineStyle(1, colour, 0.85)
          .strokeRect(tile.x * TILE + 0.5, tile.y * TILE + 0.5, TILE - 1, TILE - 1);
      }
    }
    this.setIcon(action, kind);
  }

  private setIcon(action: ClickAction, kind: string): void {
    if (action === 'walk') {
      this.icon.setVisible(false);
      return;
    }
    const [atlas, frame] =
      action === 'attack'
        ? ['ui', 'sword']
        : action === 'talk'
          ? ['ui', 'chat']
          : action === 'open'
            ? ['items', 'chest_closed']
            : ['items', kind];
    const info = this.scene.cache.json.get(`atlas:${atlas}`) as Atlas | undefined;
    const index = info?.frames[frame!];
    if (index === undefined) return void this.icon.setVisible(false);
    this.icon.setTexture(`atlas:${atlas}`, index).setScale(0.75).setVisible(true);
  }

  private boxes(): DrawnBox[] {
    const out: DrawnBox[] = [];
    for (const [id, view] of this.world.views) {
      if (id === this.world.client.selfId) continue;
      const box = view.drawnBox();
      if (box) out.push(box);
    }
    return out;
  }

  /** The pointer is over the game itself, not over a button, card or the chat. */
  private overCanvas(pointer: Phaser.Input.Pointer): boolean {
    const event = pointer.event as MouseEvent | undefined;
    return !event || event.target === this.scene.game.canvas;
  }
}
