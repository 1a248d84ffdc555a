// The world scene's camera: centred on the player's drawn position inside the area they are in (the
// sums are in view/camera.ts), with dark panels over whatever lies outside that area, and the drift over
// the village behind the title screen.
import type Phaser from 'phaser';
import type { TileRect } from '../../shared/content/world-map.ts';
import type { EntityModel } from '../game-client.ts';
import { areaAt, CameraFollow, clampCentre, type Point } from '../view/camera.ts';
import { TILE } from '../view/constants.ts';

/** What the camera keeps to on the map drawn now. */
export interface CameraGround {
  bounds: readonly TileRect[];
  width: number;
  height: number;
}

export class WorldCamera {
  /** Where the camera looks with no character to follow (the title screen), in world pixels. */
  private follow = { x: 0, y: 0 };
  private readonly sweep = new CameraFollow();
  /** The character and jump count the camera last followed: a change means jump, not sweep. */
  private followed: { model: EntityModel | null; jumps: number } = { model: null, jumps: 0 };
  /** Dark panels over whatever lies outside the camera's area (another interior, the void). */
  private readonly letterbox: Phaser.GameObjects.Rectangle[];
  /** The area the camera keeps to now, in tiles. */
  area: TileRect = { x: 0, y: 0, width: 0, height: 0 };

  constructor(
    private readonly scene: Phaser.Scene,
    start: TileRect,
  ) {
    this.follow.x = (start.x + start.width / 2) * TILE;
    this.follow.y = (start.y + start.height / 2) * TILE;
    this.letterbox = [0, 1, 2, 3].map(() =>
      scene.add.rectangle(0, 0, 1, 1, 0x1b1220).setOrigin(0, 0).setDepth(400000),
    );
  }

  /** A new map: whoever is followed next is jumped to, not swept to across the old map's coordinates. */
  forget(): void {
    this.followed = { model: null, jumps: 0 };
  }

  /** On the title screen the camera drifts slowly over the village. */
  drift(now: number): void {
    this.follow.x += Math.sin(now / 4000) * 0.25;
  }

  /**
   * Centres the camera on `model`'s drawn position (or the drift point without one), inside the area it is
   * in. Any move the player did not walk (join, reconnect, respawn, door, correction) jumps there with its
   * area; walks are followed at a rate in time.
   */
  update(ms: number, model: EntityModel | null, ground: CameraGround): void {
    let target: Point = this.follow;
    let jump = false;
    let tile: Point = { x: Math.floor(this.follow.x / TILE), y: Math.floor(this.follow.y / TILE) };
    if (model) {
      const pos = model.motion.position;
      target = { x: pos.x * TILE + TILE / 2, y: pos.y * TILE + TILE / 2 };
      tile = model.motion.tile;
      jump = model !== this.followed.model || model.motion.jumps !== this.followed.jumps;
      this.followed = { model, jumps: model.motion.jumps };
    } else if (this.followed.model) {
      jump = true; // back on the title screen
      this.followed = { model: null, jumps: 0 };
    }
    const cam = this.scene.cameras.main;
    const area = areaAt(ground.bounds, tile, ground);
    const pixels = {
      x: area.x * TILE,
      y: area.y * TILE,
      width: area.width * TILE,
      height: area.height * TILE,
    };
    const view = { width: cam.width / cam.zoom, height: cam.height / cam.zoom };
    const centre = clampCentre(this.sweep.update(target, ms, jump), view, pixels);
    cam.centerOn(centre.x, centre.y);
    this.area = area;
    this.coverOutside(pixels, centre, view);
  }

  /** Page coordinates of a tile's centre (for tests and tools). */
  tileToClient(x: number, y: number): { x: number; y: number } {
    const cam = this.scene.cameras.main;
    const canvas = this.scene.game.canvas;
    const rect = canvas.getBoundingClientRect();
    const ratio = rect.width / canvas.width;
    return {
      x: rect.left + (x * TILE + TILE / 2 - cam.worldView.x) * cam.zoom * ratio,
      y: rect.top + (y * TILE + TILE / 2 - cam.worldView.y) * cam.zoom * ratio,
    };
  }

  /** Four panels covering the view outside `area`, so another area's tiles never show beside this one. */
  private coverOutside(area: TileRect, centre: Point, view: { width: number; height: number }): void {
    const left = centre.x - view.width / 2 - TILE;
    const top = centre.y - view.height / 2 - TILE;
    const right = centre.x + view.width / 2 + TILE;
    const bottom = centre.y + view.height / 2 + TILE;
    const panels: [number, number, number, number][] = [
      [left, top, Math.max(0, area.x - left), bottom - top],
      [area.x + area.width, top, Math.max(0, right - area.x - area.width), bottom - top],
      [area.x, top, area.width, Math.max(0, area.y - top)],
      [area.x, area.y + area.height, area.width, Math.max(0, bottom - area.y - area.height)],
    ];
    panels.forEach(([x, y, w, h], i) => {
      this.letterbox[i]!.setPosition(x, y)
        .setSize(w, h)
        .setVisible(w > 0 && h > 0);
    });
  }
}
