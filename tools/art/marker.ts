// The destination marker shown on the tile a player clicked: a ring on the ground that pulses
// outward under a small bobbing arrow.
import { Canvas } from './canvas.ts';
import { P, withAlpha } from './palette.ts';

export const MARKER_FRAME = 16;
export const MARKER_FRAMES = 4;

/** True on a 1px-thick elliptical ring of horizontal radius r (flattened: seen on the ground). */
function onRing(x: number, y: number, r: number): boolean {
  const inside = (rx: number, ry: number): boolean => {
    const dx = (x + 0.5 - 8) / rx;
    const dy = (y + 0.5 - 12) / ry;
    return dx * dx + dy * dy <= 1;
  };
  // Thicker left/right than top/bottom, like a ring lying on the ground.
  return inside(r, r * 0.55) && !inside(r - 1.5, r * 0.55 - 1);
}

function drawFrame(c: Canvas, ox: number, i: number): void {
  const f = new Canvas(MARKER_FRAME, MARKER_FRAME);
  const r = 4 + i * 1.2; // the ring spreads outward each frame...
  const alpha = [255, 235, 190, 130][i]!; // ...and fades, so the pulse reads as a ripple
  for (let y = 6; y < 16; y++) {
    for (let x = 0; x < 16; x++) {
      if (onRing(x, y, r)) {
        f.put(x, y, withAlpha(y < 12 && x < 8 ? P.white : P.gold, alpha));
      } else if (onRing(x, y - 1, r) && f.alpha(x, y) === 0) {
        f.put(x, y, withAlpha(P.outline, Math.round(alpha * 0.6)));
      }
    }
  }
  // A small arrow bobbing over the spot.
  const y0 = 1 + [0, 1, 2, 1][i]!;
  const arrow = new Canvas(MARKER_FRAME, MARKER_FRAME);
  for (let row = 0; row < 4; row++) arrow.hline(5 + row, 10 - row, y0 + row, row === 0 ? P.white : P.gold);
  arrow.set(7, y0 + 1, P.white);
  arrow.outline(P.outline);
  f.blit(arrow, 0, 0, 16, 16, 0, 0);
  c.blit(f, 0, 0, 16, 16, ox, 0);
}

export function renderMarker(): Canvas {
  const c = new Canvas(MARKER_FRAME * MARKER_FRAMES, MARKER_FRAME);
  for (let i = 0; i < MARKER_FRAMES; i++) drawFrame(c, i * MARKER_FRAME, i);
  return c;
}

export const MARKER_JSON = {
  frameWidth: MARKER_FRAME,
  frameHeight: MARKER_FRAME,
  anchor: { x: 0.5, y: 0.5 },
  animations: { pulse: { frames: [0, 1, 2, 3], fps: 8 } },
};
