// Turns clicks, taps, WASD and arrow keys into intents: a click on a mob attacks it, on an item picks it
// up, on an NPC talks, on a chest opens it; anywhere else walks there. What a click is on is decided by
// the sprites' drawn bounds (`pick`, see scenes/world-pointer.ts), never by the tiles a walk crosses.
import Phaser from 'phaser';
import type { GameClient } from '../game-client.ts';
import { TILE } from '../view/constants.ts';

const KEYS: [number[], number, number][] = [
  [[Phaser.Input.Keyboard.KeyCodes.UP, Phaser.Input.Keyboard.KeyCodes.W], 0, -1],
  [[Phaser.Input.Keyboard.KeyCodes.DOWN, Phaser.Input.Keyboard.KeyCodes.S], 0, 1],
  [[Phaser.Input.Keyboard.KeyCodes.LEFT, Phaser.Input.Keyboard.KeyCodes.A], -1, 0],
  [[Phaser.Input.Keyboard.KeyCodes.RIGHT, Phaser.Input.Keyboard.KeyCodes.D], 1, 0],
];

/** The closest living mob within `range` tiles of the player, if any. */
export function nearestMob(client: GameClient, range: number): number | null {
  const me = client.self?.motion.tile;
  if (!me) return null;
  let best: { id: number; d: number } | null = null;
  for (const e of client.entities.values()) {
    if (e.type !== 'mob') continue;
    const t = e.motion.tile;
    const d = Math.abs(t.x - me.x) + Math.abs(t.y - me.y);
    if (d <= range && (!best || d < best.d)) best = { id: e.id, d };
  }
  return best?.id ?? null;
}

export class WalkInput {
  private readonly keys: [Phaser.Input.Keyboard.Key[], number, number][];

  constructor(
    scene: Phaser.Scene,
    private readonly client: GameClient,
    onDestination: (tile: { x: number; y: number }) => void,
    pick: (worldX: number, worldY: number) => number | null,
  ) {
    const keyboard = scene.input.keyboard!;
    // No key capture: the title screen's name field and the chat field must still receive W, A, S and D.
    this.keys = KEYS.map(([codes, dx, dy]) => [codes.map((c) => keyboard.addKey(c, false)), dx, dy]);
    // Space (or F) fights the nearest creature in sight.
    for (const code of [Phaser.Input.Keyboard.KeyCodes.SPACE, Phaser.Input.Keyboard.KeyCodes.F]) {
      keyboard.addKey(code, false).on('down', () => {
        if (document.activeElement instanceof HTMLInputElement || !client.connected || client.dead) return;
        const target = nearestMob(client, 8);
        if (target !== null) client.interact(target);
      });
    }
    scene.input.on('pointerdown', (pointer: Phaser.Input.Pointer) => {
      if (!client.connected || client.dead) return;
      const tile = { x: Math.floor(pointer.worldX / TILE), y: Math.floor(pointer.worldY / TILE) };
      const target = pick(pointer.worldX, pointer.worldY);
      if (target !== null && client.interact(target)) return;
      const end = client.walkTo(tile);
      if (end) onDestination(end);
    });
  }

  /** Steering: while a direction is held, keep one step queued past the current one. */
  update(): void {
    if (document.activeElement instanceof HTMLInputElement) return;
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
