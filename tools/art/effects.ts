// One-shot effects drawn over the world: the hit spark, the puff a dead mob leaves, the level-up
// burst and the twinkle over loot. No directions: one row, one `play` animation each.
import { Canvas } from './canvas.ts';
import { smokePuff } from './mob-sheet.ts';
import { P, withAlpha, type Rgba } from './palette.ts';
import { renderGrid, span, type Sheet } from './sheet.ts';

/** A four-pointed star: arms of length `r` along the axes, shorter on the diagonals. */
function star(c: Canvas, cx: number, cy: number, r: number, core: Rgba, rays: Rgba): void {
  for (let k = 1; k <= r; k++) {
    const col = k <= r / 2 ? core : rays;
    c.set(cx + k, cy, col);
    c.set(cx - k, cy, col);
    c.set(cx, cy + k, col);
    c.set(cx, cy - k, col);
  }
  for (let k = 1; k <= Math.floor(r / 2.5); k++) {
    for (const [dx, dy] of [
      [1, 1],
      [1, -1],
      [-1, 1],
      [-1, -1],
    ] as const)
      c.set(cx + dx * k, cy + dy * k, rays);
  }
  c.set(cx, cy, P.white);
}

function hitFrame(c: Canvas, i: number): void {
  const layer = new Canvas(16, 16);
  if (i === 0) star(layer, 8, 8, 3, P.white, P.flowerYellow);
  if (i === 1) {
    star(layer, 8, 8, 6, P.white, P.flowerYellow);
    layer.fill(7, 7, 3, 3, P.white);
  }
  if (i === 2) {
    // The flash becomes a ring of sparks flying out.
    for (let a = 0; a < 8; a++) {
      const rad = (a * Math.PI) / 4 + 0.2;
      layer.set(
        Math.round(8 + Math.cos(rad) * 5),
        Math.round(8 + Math.sin(rad) * 5),
        a % 2 ? P.flowerYellow : P.white,
      );
      layer.set(Math.round(8 + Math.cos(rad) * 4), Math.round(8 + Math.sin(rad) * 4), P.ember[4]);
    }
    layer.set(8, 8, P.flowerYellow);
  }
  if (i === 3) {
    for (let a = 0; a < 8; a += 2) {
      const rad = (a * Math.PI) / 4 + 0.6;
      layer.set(
        Math.round(8 + Math.cos(rad) * 7),
        Math.round(8 + Math.sin(rad) * 7),
        withAlpha(P.flowerYellow, 170),
      );
    }
  }
  if (i < 2) layer.outline(withAlpha(P.ember[2], 220));
  c.blit(layer, 0, 0, 16, 16, 0, 0);
}

function deathPuffFrame(c: Canvas, i: number): void {
  const age = i / 4;
  const r = 3.5 + i * 1.1;
  smokePuff(c, 12, 15 - i, r, age);
  if (i < 3) {
    smokePuff(c, 6 + i, 17 - i * 0.5, r * 0.55, age);
    smokePuff(c, 18 - i, 17 - i * 0.5, r * 0.55, age);
  }
}

function levelUpFrame(c: Canvas, i: number): void {
  // A golden ring lifts off the ground and widens while sparkles stream upward.
  const ringY = 27 - i * 2;
  const rx = 6 + i * 1.3;
  const fade = i < 5 ? 255 : 255 - (i - 4) * 55;
  for (let a = 0; a < 360; a += 4) {
    const rad = (a * Math.PI) / 180;
    const x = Math.round(16 + Math.cos(rad) * rx - 0.5);
    const y = Math.round(ringY + Math.sin(rad) * rx * 0.35 - 0.5);
    const back = Math.sin(rad) < 0;
    // Two pixels thick with a darker underside, so the ring reads on sand as well as grass.
    c.set(x, y + 1, withAlpha(P.brass[1], Math.round(fade * (back ? 0.5 : 0.9))));
    c.set(x, y, withAlpha(back ? P.brass[3] : P.white, back ? Math.round(fade * 0.7) : fade));
  }
  if (i >= 1 && i <= 5) {
    // A faint column of light rising from the ring.
    for (let y = ringY - 14; y < ringY; y++)
      for (let x = 16 - Math.round(rx * 0.6); x <= 16 + Math.round(rx * 0.6); x++)
        if (c.alpha(x, y) === 0 && (x + y) % 2 === 0)
          c.set(x, y, withAlpha(P.brass[4], 40 + (y - ringY + 14) * 4));
  }
  const sparks: [number, number, number][] = [
    [9, 0, 2],
    [22, 1, 3],
    [15, 2, 1],
    [12, 4, 2],
    [20, 5, 2],
    [6, 6, 1],
    [26, 3, 1],
  ];
  for (const [x, delay, size] of sparks) {
    const t = i - delay;
    if (t < 0 || t > 5) continue;
    const y = 26 - t * 5 - (x % 3);
    const col = t < 3 ? P.white : P.flowerYellow;
    if (size > 1 && t < 4) star(c, x, y, size, col, P.brass[3]);
    else c.set(x, y, col);
  }
  if (i === 2 || i === 3) {
    // The flash of the moment itself.
    star(c, 16, 14, 4 + (i - 2) * 2, P.white, P.brass[4]);
  }
}

function lootSparkleFrame(c: Canvas, i: number): void {
  const twinkles: [number, number, number][] = [
    [5, 5, 0],
    [11, 8, 1],
    [7, 12, 2],
    [12, 3, 3],
  ];
  const layer = new Canvas(16, 16);
  for (const [x, y, phase] of twinkles) {
    const life = (i - phase + 4) % 4; // each twinkle grows and shrinks in its own turn
    const r = [2, 1, 0, 0][life]!;
    if (life === 2) layer.set(x, y, P.flowerYellow);
    if (r > 0) star(layer, x, y, r, P.white, P.flowerYellow);
  }
  layer.outline(withAlpha(P.brass[1], 150)); // a soft dark edge so it shows on sand too
  c.blit(layer, 0, 0, 16, 16, 0, 0);
}

function effect(
  size: number,
  frames: number,
  paint: (c: Canvas, i: number) => void,
  fps: number,
  repeat: number,
): Sheet {
  return {
    image: renderGrid(size, size, [Array.from({ length: frames }, (_, i) => (f: Canvas) => paint(f, i))]),
    json: {
      frameWidth: size,
      frameHeight: size,
      anchor: { x: 0.5, y: 0.5 },
      animations: { play: { frames: span(0, frames), fps, repeat } },
    },
  };
}

export const EFFECTS: Record<'hit' | 'death_puff' | 'level_up' | 'loot_sparkle', () => Sheet> = {
  hit: () => effect(16, 4, hitFrame, 16, 0),
  death_puff: () => effect(24, 5, deathPuffFrame, 12, 0),
  level_up: () => {
    const sheet = effect(32, 8, levelUpFrame, 10, 0);
    // Centred on the character's feet, so the ring starts on the ground around them.
    return { ...sheet, json: { ...sheet.json, anchor: { x: 0.5, y: 0.88 } } };
  },
  loot_sparkle: () => effect(16, 4, lootSparkleFrame, 8, -1),
};
