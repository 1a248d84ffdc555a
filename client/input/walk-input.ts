// Turns clicks, taps, WASD and arrow keys into walk intents for the player's character.
import Phaser from 'phaser';
import type { GameClient } from '../game-client.ts';
import { TILE } from '../view/constants.ts';

const KEYS: [number[], number, number][] = [
  [[Phaser.Input.Keyboard.KeyCodes.UP, Phaser.Input.Keyboard.KeyCodes.W], 0, -1],
  [[Phaser.Input.Keyboard.KeyCodes.DOWN, Phaser.Input.Keyboard.KeyCodes.S], 0, 1],
  [[Phaser.Input.Keyboard.KeyCodes.LEFT, Phaser.Input.Keyboard.KeyCodes.A], -1, 0],
  [[Phaser.Input.Keyboard.KeyCodes.RIGHT, Phaser.Input.Keyboard.KeyCodes.D], 1, 0],
];

export class WalkInput {
  private readonly keys: [Phaser.Input.Keyboard.Key[], number, number][];

  constructor(
    scene: Phaser.Scene,
    private readonly client: GameClient,
    onDestination: (tile: { x: number; y: number }) => void,
  ) {
    const keyboard = scene.input.keyboard!;
    // No key capture: the title screen's name field must still receive W, A, S and D.
    this.keys = KEYS.map(([codes, dx, dy]) => [codes.map((c) => keyboard.addKey(c, false)), dx, dy]);
    scene.input.on('pointerdown', (pointer: Phaser.Input.Pointer) => {
      if (!client.connected) return;
      const tile = { x: Math.floor(pointer.worldX / TILE), y: Math.floor(pointer.worldY / TILE) };
      const end = client.walkTo(tile);
      if (end) onDestination(end);
    });
  }

  /** Steering: while a direction is held, keep one step queued past the current one. */
  update(): void {
    const typing = document.activeElement instanceof HTMLInputElement;
    if (typing) return;
    const motion = this.client.self?.motion;
    if (!motion || motion.queue.length > 0) return;
    for (const [keys, dx, dy] of this.keys) {
      if (keys.some((k) => k.isDown)) {
        this.client.stepToward(dx, dy);
        return;
      }
    }
  }
}
