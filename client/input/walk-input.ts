// Turns clicks, taps, WASD and arrow keys into intents: a click on a mob attacks it, on an item picks it
// up, on an NPC talks, on a chest opens it, on another player opens its menu; anywhere else walks there. What a click is on is decided by
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
    if (e.seen.type !== 'mob') continue;
    const t = e.motion.tile;
    const d = Math.abs(t.x - me.x) + Math.abs(t.y - me.y);
    if (d <= range && (!best || d < best.d)) best = { id: e.seen.id, d };
  }
  return best?.id ?? null;
}

/** Most steps steering queues ahead (after a very slow frame); letting go cuts them off anyway. */
const MAX_STEPS_AHEAD = 6;

export class WalkInput {
  private readonly keys: [Phaser.Input.Keyboard.Key[], number, number][];

  constructor(
    scene: Phaser.Scene,
    private readonly client: GameClient,
    onDestination: (tile: { x: number; y: number }) => void,
    pick: (worldX: number, worldY: number) => number | null,
    /** A click on another player: true when it was taken (its menu opened), so no walk follows. */
    onPlayer: (worldX: number, worldY: number, pageX: number, pageY: number) => boolean = () => false,
  ) {
    const keyboard = scene.input.keyboard!;
    // No key capture: the title screen's name field and the chat field must still receive W, A, S and D.
    this.keys = KEYS.map(([codes, dx, dy]) => [codes.map((c) => keyboard.addKey(c, false)), dx, dy]);
    // Phaser handles a frame's key events together at its start: a tap shorter than a frame is down and
    // up again before update() looks, so steering listens to the events themselves.
    for (const [keys, dx, dy] of this.keys) {
      for (const key of keys) {
        key.on('down', () => {
          if (this.canSteer()) client.steer(dx, dy, 1);
        });
        key.on('up', () => {
          // Let go: finish the step under way and stop, rather than walk what was queued ahead.
          if (this.canSteer() && !this.held()) client.steer(0, 0, 0);
        });
      }
    }
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
      const page = pointer.event as MouseEvent | undefined;
      if (onPlayer(pointer.worldX, pointer.worldY, page?.clientX ?? pointer.x, page?.clientY ?? pointer.y))
        return;
      const end = client.walkTo(tile);
      if (end) onDestination(end);
    });
  }

  /**
   * Steering: while a direction is held, keep queued past the current step as many steps as this frame
   * lasted (at least one), so a slow frame neither stops the walk nor wastes its time.
   */
  update(frameMs: number): void {
    const held = this.held();
    if (!held || !this.canSteer()) return;
    const ahead = Math.min(MAX_STEPS_AHEAD, Math.max(1, Math.ceil(frameMs / this.client.stepMs)));
    this.client.steer(held[0], held[1], ahead);
  }

  /** The direction of the first held key, if any. */
  private held(): [number, number] | null {
    for (const [keys, dx, dy] of this.keys) if (keys.some((k) => k.isDown)) return [dx, dy];
    return null;
  }

  private canSteer(): boolean {
    return (
      !(document.activeElement instanceof HTMLInputElement) && this.client.connected && !this.client.dead
    );
  }
}
