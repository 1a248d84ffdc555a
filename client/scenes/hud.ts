// The HUD: health, level and XP, the weapon and armor in use. Drawn in screen pixels over the world at a
// fixed 2× for icons. Notices ("You defeated a rat") and the online count (a button opening the player
// list, ui/player-list.ts) are DOM, laid out with the rest of the page (ui/panels.ts).
import Phaser from 'phaser';
import { xpForLevel } from '../../shared/rules/combat.ts';
import type { WorldScene } from './world.ts';
import type { Atlas, ServerStatus } from './preload.ts';

const FONT = 'Trebuchet MS, Verdana, DejaVu Sans, sans-serif';
const BAR_W = 150;

export class HudScene extends Phaser.Scene {
  private bars!: Phaser.GameObjects.Graphics;
  private hpText!: Phaser.GameObjects.Text;
  private levelText!: Phaser.GameObjects.Text;
  private weaponIcon!: Phaser.GameObjects.Image;
  private armorIcon!: Phaser.GameObjects.Image;
  private online = 0;

  constructor() {
    super('hud');
  }

  create(): void {
    const text = (size: number, color = '#fff4d6') => ({
      fontFamily: FONT,
      fontSize: `${size}px`,
      fontStyle: 'bold',
      color,
      stroke: '#1b1220',
      strokeThickness: 4,
    });
    this.bars = this.add.graphics();
    const ui = this.cache.json.get('atlas:ui') as Atlas;
    this.add.image(12, 12, 'atlas:ui', ui.frames.heart).setOrigin(0).setScale(2);
    this.add.image(12, 44, 'atlas:ui', ui.frames.xp_star).setOrigin(0).setScale(2);
    this.hpText = this.add.text(50 + BAR_W / 2, 20, '', text(13)).setOrigin(0.5, 0.5);
    this.levelText = this.add.text(50 + BAR_W / 2, 52, '', text(13)).setOrigin(0.5, 0.5);
    this.weaponIcon = this.add.image(12, 78, 'atlas:items', 0).setOrigin(0).setScale(2);
    this.armorIcon = this.add.image(52, 78, 'atlas:items', 0).setOrigin(0).setScale(2);
    const poll = this.time.addEvent({ delay: 10_000, loop: true, callback: () => void this.refreshOnline() });
    void this.refreshOnline();
    this.events.once('shutdown', () => poll.remove());
  }

  override update(): void {
    const world = this.scene.get('world') as WorldScene;
    const client = world.client;
    const stats = client.stats;
    this.bars.clear();
    if (!stats) return;
    const floor = xpForLevel(stats.level);
    const next = xpForLevel(stats.level + 1);
    const xpShare = next > floor ? (stats.xp - floor) / (next - floor) : 1;
    this.bar(50, 12, stats.hp / Math.max(1, stats.maxHp), stats.invulnerableTicks > 0 ? 0xffd166 : 0xd83a2e);
    this.bar(50, 44, Math.min(1, xpShare), 0x4aa3ff);
    this.hpText.setText(`${stats.hp} / ${stats.maxHp}`);
    this.levelText.setText(`Level ${stats.level}`);
    const items = this.cache.json.get('atlas:items') as Atlas;
    this.weaponIcon.setFrame(items.frames[stats.weapon] ?? 0);
    this.armorIcon.setFrame(items.frames[stats.armor] ?? 0);
    // An older server sends no Population: its /status count (or those in sight) stands in.
    const players = [...client.entities.values()].filter((e) => e.seen.type === 'player').length;
    world.panels.players.fallbackCount(Math.max(this.online, players));
  }

  private bar(x: number, y: number, share: number, color: number): void {
    const w = Math.round(BAR_W * Math.max(0, Math.min(1, share)));
    this.bars.fillStyle(0x1b1220, 0.85).fillRect(x - 2, y - 2, BAR_W + 4, 20);
    this.bars.fillStyle(0x3a2a3e, 1).fillRect(x, y, BAR_W, 16);
    this.bars.fillStyle(color, 1).fillRect(x, y, w, 16);
    this.bars.fillStyle(0xffffff, 0.22).fillRect(x, y, w, 5);
  }

  /** Where the bars, gear icons and online count are drawn, in canvas pixels (for layout tests). */
  boxes(): { name: string; left: number; top: number; right: number; bottom: number }[] {
    // The online button is DOM: its page box in canvas pixels.
    const canvas = this.game.canvas.getBoundingClientRect();
    const ratio = this.game.canvas.width / Math.max(1, canvas.width);
    const button = document.getElementById('btn-online')!.getBoundingClientRect();
    const online = {
      left: (button.left - canvas.left) * ratio,
      top: (button.top - canvas.top) * ratio,
      right: (button.right - canvas.left) * ratio,
      bottom: (button.bottom - canvas.top) * ratio,
    };
    return [
      { name: 'bars', left: 10, top: 10, right: 50 + BAR_W + 2, bottom: 64 },
      { name: 'gear', left: 12, top: 78, right: 84, bottom: 110 },
      { name: 'online', ...online },
    ];
  }

  private async refreshOnline(): Promise<void> {
    try {
      const res = await fetch('status', { cache: 'no-store' });
      this.online = ((await res.json()) as ServerStatus).players;
    } catch {
      // Offline: the disconnect overlay tells the player; the count can wait.
    }
  }
}
