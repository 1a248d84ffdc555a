// Draws one entity: its animated sprite (shadow included in the art) and a name label, following its Motion.
import type Phaser from 'phaser';
import type { EntityModel } from '../game-client.ts';
import { animKey, FACINGS, type SheetInfo } from './sprite-sheets.ts';
import { TILE } from './constants.ts';

export class EntityView {
  private readonly sprite: Phaser.GameObjects.Sprite;
  private readonly label: Phaser.GameObjects.Text;
  private current = '';

  constructor(
    scene: Phaser.Scene,
    readonly model: EntityModel,
    private readonly sheet: string,
    private readonly info: SheetInfo,
    isSelf: boolean,
    textResolution: number,
  ) {
    this.sprite = scene.add.sprite(0, 0, sheet, 0);
    this.sprite.setOrigin(info.anchor?.x ?? 0.5, info.anchor?.y ?? 1);
    this.label = scene.add
      .text(0, 0, model.name, {
        fontFamily: 'Trebuchet MS, Verdana, DejaVu Sans, sans-serif',
        fontSize: '8px',
        fontStyle: 'bold',
        color: isSelf ? '#ffe28a' : '#ffffff',
        stroke: '#1b1220',
        strokeThickness: 2,
      })
      .setOrigin(0.5, 1)
      .setResolution(textResolution);
    this.update();
  }

  update(): void {
    const motion = this.model.motion;
    const pos = motion.position;
    const x = Math.round(pos.x * TILE + TILE / 2);
    const y = Math.round(pos.y * TILE + TILE);
    this.sprite.setPosition(x, y - 1);
    this.label.setPosition(x, y - this.info.frameHeight * (this.info.anchor?.y ?? 1) - 1);
    const depth = 1000 + y;
    this.sprite.setDepth(depth);
    this.label.setDepth(100000 + y);
    const { key, flip } = animKey(
      this.sheet,
      this.info,
      motion.moving ? 'walk' : 'idle',
      FACINGS[motion.facing]!,
    );
    if (key !== this.current) {
      this.current = key;
      this.sprite.play(key, true);
    }
    this.sprite.setFlipX(flip);
  }

  setTextResolution(resolution: number): void {
    this.label.setResolution(resolution);
  }

  destroy(): void {
    this.sprite.destroy();
    this.label.destroy();
  }
}
