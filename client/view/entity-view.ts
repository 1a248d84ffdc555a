// Draws one entity following its model: players (body for their armor, weapon on top or behind), mobs
// (with an HP bar once hurt, and name and level when hovered, targeted or a boss), NPCs, items on the
// ground (bobbing, blinking before they vanish) and chests. The HP bar and name are stacked, never drawn
// on each other; the scene fades or hides names in a crowd (labels.ts).
import Phaser from 'phaser';
import type { EntityModel } from '../game-client.ts';
import { animKey, FACINGS, type SheetInfo } from './sprite-sheets.ts';
import { TILE } from './constants.ts';
import { sheetKey, type Atlas } from '../scenes/preload.ts';
import { DANGER_COLOUR, dangerOf, mobLabel, type MobInfo } from './mob-info.ts';
import { stackPile } from './labels.ts';
import type { DrawnBox } from '../input/pick.ts';

export interface SpriteLibrary {
  sheet(key: string): SheetInfo | undefined;
  atlas(name: string): Atlas | undefined;
  npcName(kind: string): string;
  /** Name, level and boss flag of a mob kind, from assets/data/mobs.json. */
  mob(kind: string): MobInfo;
  /** The own character's level, for the danger colour of mob names. */
  playerLevel(): number;
}

/** Names and HP bars are drawn over everything of the world, tree tops too (layers above are 200000+). */
const LABEL_DEPTH = 250000;
/** Heights in world pixels of the HP bar and the name line, for stacking. */
const HP_BAR_H = 4;
const NAME_H = 9;

const FONT = 'Trebuchet MS, Verdana, DejaVu Sans, sans-serif';
/** How long a swing shows, in ms. */
const SWING_MS = 320;
/** Items blink during their last seconds on the ground. */
const BLINK_MS = 10_000;

export class EntityView {
  readonly body: Phaser.GameObjects.Sprite;
  private weapon: Phaser.GameObjects.Sprite | null = null;
  private label: Phaser.GameObjects.Text | null = null;
  private hpBar: Phaser.GameObjects.Graphics | null = null;
  private bodyKey = '';
  private weaponKey = '';
  private current = '';
  private labelText = '';
  private labelColour = '';
  /** Hovered or targeted: a mob then shows its name and level. */
  emphasised = false;
  /** Where the pile over the sprite ends, for bubbles and damage numbers. */
  pileTop = 0;
  /** Set by the scene's crowd pass (labels.ts): how visible the name is, and where it is centred. */
  labelAlpha = 1;
  labelX: number | null = null;
  labelLift = 0;
  /** The name is meant to be drawn (before the crowd pass has its say). */
  private nameOn = false;

  constructor(
    private readonly scene: Phaser.Scene,
    readonly model: EntityModel,
    private readonly library: SpriteLibrary,
    private readonly isSelf: boolean,
    private textResolution: number,
  ) {
    this.body = scene.add.sprite(0, 0, '__DEFAULT');
    const type = model.seen.type;
    if (type === 'player' || type === 'npc' || type === 'mob') {
      this.label = scene.add
        .text(0, 0, '', {
          fontFamily: FONT,
          fontSize: '8px',
          fontStyle: 'bold',
          color: isSelf ? '#ffe28a' : type === 'npc' ? '#9ff3e4' : type === 'mob' ? '#ff9a7a' : '#ffffff',
          stroke: '#1b1220',
          strokeThickness: 2,
        })
        .setOrigin(0.5, 1)
        .setResolution(textResolution);
    }
    if (type === 'mob') this.hpBar = scene.add.graphics();
    this.update(0);
  }

  get x(): number {
    return this.body.x;
  }

  get y(): number {
    return this.body.y;
  }

  /** The top of the drawn sprite, for bubbles and floating numbers. */
  get top(): number {
    return this.body.y - this.body.displayHeight * this.body.originY;
  }

  update(clock: number): void {
    const m = this.model;
    const pos = m.motion.position;
    const x = Math.round(pos.x * TILE + TILE / 2);
    const y = Math.round(pos.y * TILE + TILE);
    if (m.seen.type === 'item' || m.seen.type === 'chest') return this.updateObject(x, y, clock);
    this.ensureSheets();
    const info = this.library.sheet(this.bodyKey);
    if (!info) return;
    this.body.setPosition(x, y - 1).setDepth(1000 + y);
    const swinging = clock - m.swungAt < SWING_MS && info.animations.attack;
    const anim = swinging ? 'attack' : m.motion.moving ? 'walk' : 'idle';
    const facing = FACINGS[m.motion.facing]!;
    const { key, flip } = animKey(this.bodyKey, info, anim, facing);
    if (key !== this.current) {
      this.current = key;
      this.body.play(key, true);
      if (this.weapon)
        this.weapon.play(
          animKey(this.weaponKey, this.library.sheet(this.weaponKey)!, anim, facing).key,
          true,
        );
    }
    this.body.setFlipX(flip);
    if (this.weapon) {
      const behind = this.library.sheet(this.weaponKey)?.behindWhenFacing?.includes(facing) ?? false;
      this.weapon
        .setPosition(x, y - 1)
        .setFlipX(flip)
        .setDepth(1000 + y + (behind ? -0.1 : 0.1));
      this.weapon.setFrame(this.body.frame.name);
    }
    const spriteTop = Math.round(y - 1 - info.frameHeight * (info.anchor?.y ?? 1));
    const barShown = this.hpBarShown();
    const nameShown = this.nameShown();
    const pile = stackPile(spriteTop, { hpBar: barShown ? HP_BAR_H : 0, name: nameShown ? NAME_H : 0 });
    this.pileTop = pile.top;
    this.updateLabel(x, pile.name, nameShown);
    this.updateHpBar(x, pile.hpBar, barShown);
  }

  /** The sprite's drawn box in world pixels and its depth, for picking what a click is on. */
  drawnBox(): DrawnBox | null {
    const b = this.body;
    if (!b.active || b.texture.key === '__DEFAULT') return null;
    const left = b.x - b.displayWidth * b.originX;
    const top = b.y - b.displayHeight * b.originY;
    return {
      id: this.model.seen.id,
      type: this.model.seen.type,
      left,
      top,
      right: left + b.displayWidth,
      bottom: top + b.displayHeight,
      depth: b.depth,
    };
  }

  /**
   * Where a bubble over this entity is placed from: its centre x, its pile's top, and its feet or, when its
   * name was moved down below them (out from under the HUD), that name's foot, so a bubble hung under the
   * speaker does not cover its name.
   */
  speaker(): { x: number; top: number; bottom: number } {
    const feet = this.drawnBox()?.bottom ?? this.pileTop;
    const name = this.label && this.nameOn && this.labelAlpha > 0 ? this.label.y : -Infinity;
    return { x: this.x, top: this.pileTop, bottom: Math.max(feet, name) };
  }

  /** The name's box (centre x, bottom y, size) while it is drawn, for the crowd pass. */
  labelBox(): { x: number; y: number; width: number; height: number } | null {
    const l = this.label;
    if (!l || !this.nameOn || !this.labelText) return null;
    return { x: this.body.x, y: l.y - this.labelLift, width: l.displayWidth, height: l.displayHeight };
  }

  setTextResolution(resolution: number): void {
    this.textResolution = resolution;
    this.label?.setResolution(resolution);
  }

  /** A white flash when struck. */
  flash(): void {
    this.body.setTint(0xffffff).setTintMode(Phaser.TintModes.FILL);
    this.scene.time.delayedCall(
      90,
      () => this.body.active && this.body.clearTint().setTintMode(Phaser.TintModes.MULTIPLY),
    );
  }

  /** Plays the death (or just fades) and removes itself. */
  die(): void {
    this.label?.destroy();
    this.hpBar?.destroy();
    this.weapon?.destroy();
    const info = this.library.sheet(this.bodyKey);
    if (info?.animations.death) {
      this.body.play(`${this.bodyKey}:death`);
      this.body.once('animationcomplete', () =>
        this.scene.tweens.add({
          targets: this.body,
          alpha: 0,
          duration: 400,
          onComplete: () => this.body.destroy(),
        }),
      );
    } else {
      this.scene.tweens.add({
        targets: this.body,
        alpha: 0,
        duration: 500,
        onComplete: () => this.body.destroy(),
      });
    }
  }

  destroy(): void {
    this.body.destroy();
    this.weapon?.destroy();
    this.label?.destroy();
    this.hpBar?.destroy();
  }

  private isBoss(): boolean {
    const { type, kind } = this.model.seen;
    return type === 'mob' && this.library.mob(kind).boss;
  }

  private nameShown(): boolean {
    return this.model.seen.type !== 'mob' || this.emphasised || this.isBoss();
  }

  private hpBarShown(): boolean {
    const m = this.model.seen;
    return m.type === 'mob' && m.maxHp > 0 && (m.hp < m.maxHp || this.emphasised);
  }

  /** Players change sheets when their gear changes; others pick theirs once. */
  private ensureSheets(): void {
    const m = this.model.seen;
    const body =
      m.type === 'player'
        ? sheetKey.armor(m.armor || 'tunic')
        : m.type === 'mob'
          ? sheetKey.mob(m.kind)
          : sheetKey.npc(m.kind);
    if (body !== this.bodyKey && this.library.sheet(body)) {
      this.bodyKey = body;
      this.current = '';
      const info = this.library.sheet(body)!;
      this.body.setTexture(body, 0).setOrigin(info.anchor?.x ?? 0.5, info.anchor?.y ?? 1);
    }
    if (m.type !== 'player') return;
    const weapon = sheetKey.weapon(m.weapon || 'club');
    if (weapon !== this.weaponKey && this.library.sheet(weapon)) {
      this.weaponKey = weapon;
      this.current = '';
      this.weapon ??= this.scene.add.sprite(0, 0, weapon, 0);
      const info = this.library.sheet(weapon)!;
      this.weapon.setTexture(weapon, 0).setOrigin(info.anchor?.x ?? 0.5, info.anchor?.y ?? 1);
    }
  }

  private updateObject(x: number, y: number, clock: number): void {
    const atlas = this.library.atlas('items');
    const { type, kind, id } = this.model.seen;
    const frameName = type === 'chest' ? 'chest_closed' : kind;
    const frame = atlas?.frames[frameName];
    if (frame === undefined) return;
    if (this.body.texture.key !== 'atlas:items') this.body.setTexture('atlas:items', frame).setOrigin(0.5, 1);
    const bob = type === 'item' ? Math.round(Math.sin(clock / 250 + id) * 1) : 0;
    this.body.setPosition(x, y - 1 + bob).setDepth(900 + y);
    const left = this.model.expiresAt ? this.model.expiresAt - clock : Infinity;
    this.body.setVisible(left > BLINK_MS || Math.floor(clock / 150) % 2 === 0);
  }

  private updateLabel(x: number, y: number, shown: boolean): void {
    const label = this.label;
    if (!label) return;
    this.nameOn = shown;
    label.setVisible(shown && this.labelAlpha > 0);
    if (!shown) return;
    const m = this.model.seen;
    const mob = m.type === 'mob' ? this.library.mob(m.kind) : null;
    const text =
      m.type === 'player' ? `${m.name} · ${m.level}` : mob ? mobLabel(mob) : this.library.npcName(m.kind);
    if (text !== this.labelText) {
      this.labelText = text;
      label.setText(text);
    }
    if (mob) {
      const colour = DANGER_COLOUR[dangerOf(mob.level, this.library.playerLevel())];
      if (colour !== this.labelColour) {
        this.labelColour = colour;
        label.setColor(colour);
      }
    }
    label
      .setPosition(this.labelX ?? x, y + this.labelLift)
      .setAlpha(this.labelAlpha)
      .setDepth(LABEL_DEPTH + y);
  }

  private updateHpBar(x: number, y: number, shown: boolean): void {
    const bar = this.hpBar;
    if (!bar) return;
    const m = this.model.seen;
    bar.clear();
    if (!shown) return;
    const width = this.isBoss() ? 28 : 14;
    const filled = Math.max(1, Math.round((width - 2) * (m.hp / m.maxHp)));
    bar.setDepth(LABEL_DEPTH + y);
    bar.fillStyle(0x1b1220, 0.9).fillRect(x - width / 2, y - HP_BAR_H, width, HP_BAR_H);
    bar
      .fillStyle(m.hp / m.maxHp > 0.3 ? 0x6ad04a : 0xe0452b, 1)
      .fillRect(x - width / 2 + 1, y - HP_BAR_H + 1, filled, HP_BAR_H - 2);
  }
}
