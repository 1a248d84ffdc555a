// Sprite sheet descriptions (assets/sprites/*.json) and the Phaser animations made from them.
import type Phaser from 'phaser';

export interface SheetInfo {
  frameWidth: number;
  frameHeight: number;
  anchor?: { x: number; y: number };
  /** Row of each facing; `left` may be missing and drawn as a mirrored `flipLeftFrom`. */
  directions?: Record<string, number>;
  flipLeftFrom?: string;
  /** Frames are columns of the facing's row, or of `row` for animations without a facing (death). */
  animations: Record<string, { frames: number[]; fps: number; repeat?: number; row?: number }>;
  /** Weapon overlays: facings in which the weapon is drawn behind the body. */
  behindWhenFacing?: string[];
}

export const FACINGS = ['up', 'right', 'down', 'left'] as const;
export type Facing = (typeof FACINGS)[number];

/** The animation key for a sheet, animation and facing, and whether to mirror it. */
export function animKey(
  sheet: string,
  info: SheetInfo,
  anim: string,
  facing: Facing,
): { key: string; flip: boolean } {
  const dirs = info.directions;
  if (!dirs) return { key: `${sheet}:${anim}`, flip: false };
  if (facing === 'left' && dirs.left === undefined) {
    return { key: `${sheet}:${anim}:${info.flipLeftFrom ?? 'right'}`, flip: true };
  }
  return { key: `${sheet}:${anim}:${facing}`, flip: false };
}

/** Creates every animation the sheet describes, once per facing row. */
export function createAnimations(scene: Phaser.Scene, sheet: string, info: SheetInfo): void {
  const texture = scene.textures.get(sheet);
  const columns = Math.max(1, Math.floor(texture.getSourceImage().width / info.frameWidth));
  const rows: [string, number][] = info.directions ? Object.entries(info.directions) : [['', 0]];
  for (const [facing, facingRow] of rows) {
    for (const [anim, spec] of Object.entries(info.animations)) {
      const row = spec.row ?? facingRow;
      const key = facing && spec.row === undefined ? `${sheet}:${anim}:${facing}` : `${sheet}:${anim}`;
      if (scene.anims.exists(key)) continue;
      scene.anims.create({
        key,
        frames: spec.frames.map((c) => ({ key: sheet, frame: row * columns + c })),
        frameRate: spec.fps,
        repeat: spec.repeat ?? -1,
      });
    }
  }
}
