// In-hand weapon sheets: the same frame grid as the body sheets, each frame holding only the
// weapon, gripped at that body frame's hand (poses.ts). The strike frame adds a faint swoosh so a
// swing reads even at 1x.
import type { Canvas } from './canvas.ts';
import { P, withAlpha, type Rgba } from './palette.ts';
import { HUMANOID_SHEET_JSON } from './player.ts';
import { DIRECTIONS, FRAME, posesFor, type Aim, type Pose } from './poses.ts';
import { renderGrid, type Sheet } from './sheet.ts';
import { drawWeaponAt, type WeaponId } from './weapons.ts';

const ANGLE: Record<Aim, number> = { e: 0, se: 45, s: 90, sw: 135, w: 180, nw: -135, n: -90, ne: -45 };

const SWOOSH: Partial<Record<WeaponId, Rgba>> = { frost_blade: P.spirit[4], ember_blade: P.ember[4] };

/** An arc swept by the tip between two aims, kept one pixel inside the frame. */
function drawSwoosh(frame: Canvas, pose: Pose, from: Aim, color: Rgba): void {
  const cx = pose.hand.x + 1;
  const cy = pose.hand.y + 1;
  let a0 = ANGLE[from];
  let a1 = ANGLE[pose.aim];
  if (Math.abs(a1 - a0) > 180) a1 += a1 < a0 ? 360 : -360;
  if (a1 < a0) [a0, a1] = [a1, a0];
  for (let a = a0; a <= a1; a += 3) {
    const rad = (a * Math.PI) / 180;
    for (const [r, alpha] of [
      [8.5, 150],
      [7.5, 80],
    ] as const) {
      const x = Math.round(cx + Math.cos(rad) * r - 0.5);
      const y = Math.round(cy + Math.sin(rad) * r - 0.5);
      if (x >= 1 && y >= 1 && x < FRAME - 1 && y < FRAME - 1 && frame.alpha(x, y) === 0)
        frame.put(x, y, withAlpha(color, alpha));
    }
  }
}

export function weaponSheet(id: WeaponId): Sheet {
  const rows = DIRECTIONS.map((dir) => {
    const poses = posesFor(dir);
    return poses.map((pose, col) => (f: Canvas) => {
      if (pose.swingPhase === 1) drawSwoosh(f, pose, poses[col - 1]!.aim, SWOOSH[id] ?? P.white);
      drawWeaponAt(f, id, pose.aim, pose.hand, P.outline);
    });
  });
  return {
    image: renderGrid(FRAME, FRAME, rows),
    json: { ...HUMANOID_SHEET_JSON, behindWhenFacing: ['up'] },
  };
}
