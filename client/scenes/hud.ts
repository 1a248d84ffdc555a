// The HUD: who you are, which world, how many are online, and a hint on how to move.
import Phaser from 'phaser';
import type { WorldScene } from './world.ts';
import type { ServerStatus } from './preload.ts';

const FONT = 'Trebuchet MS, Verdana, DejaVu Sans, sans-serif';

export class HudScene extends Phaser.Scene {
  private info!: Phaser.GameObjects.Text;
  private hint!: Phaser.GameObjects.Text;
  private online = 0;
  private poll: Phaser.Time.TimerEvent | null = null;

  constructor() {
    super('hud');
  }

  create(): void {
    const style = {
      fontFamily: FONT,
      fontSize: '15px',
      color: '#fff4d6',
      stroke: '#1b1220',
      strokeThickness: 4,
    };
    this.info = this.add.text(12, 10, '', style);
    this.hint = this.add
      .text(0, 0, 'Click or tap to walk · WASD / arrow keys', {
        ...style,
        fontSize: '13px',
        color: '#e8dcc0',
      })
      .setOrigin(0.5, 1)
      .setAlpha(0.85);
    this.layout();
    this.scale.on('resize', () => this.layout());
    this.poll = this.time.addEvent({ delay: 10_000, loop: true, callback: () => void this.refreshOnline() });
    void this.refreshOnline();
    this.time.delayedCall(12_000, () => this.tweens.add({ targets: this.hint, alpha: 0, duration: 1500 }));
    this.events.once('shutdown', () => this.poll?.remove());
  }

  override update(): void {
    const client = (this.scene.get('world') as WorldScene).client;
    const count = Math.max(this.online, client.entities.size);
    this.info.setText(`${client.name} · ${client.world}\n${count} online`);
  }

  private layout(): void {
    this.hint.setPosition(this.scale.width / 2, this.scale.height - 10);
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
