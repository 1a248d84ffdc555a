// Caves, volcano and lair props: cave and lair mouths cut into a cliff, stairs out, stalagmites,
// crystals, obsidian, vents, braziers, and a waterfall that a character can walk behind.
import { Canvas } from './canvas.ts';
import { P, SHADOW, type Rgba } from './palette.ts';
import type { Rng } from './rng.ts';
import { animated, paintGrass, ramp } from './tiles-ground.ts';
import { multiTile, TILE, type TileDef } from './tile-def.ts';
import { paintBasalt, paintRockTop } from './tiles-zones.ts';

/**
 * A 2x2 opening in a cliff face: rock on top, the face, a dark arch and the ground it opens onto,
 * so it fits into a cliff's south edge. `frame` gives a mine's timbers or the lair's ember glow.
 */
function paintMouth(c: Canvas, rng: Rng, ground: 'grass' | 'basalt', frame: 'timber' | 'ember'): void {
  const tile = new Canvas(TILE, TILE);
  for (let ty = 0; ty < 2; ty++) {
    for (let tx = 0; tx < 2; tx++) {
      paintRockTop(tile, rng);
      c.blit(tile, 0, 0, TILE, TILE, tx * TILE, ty * TILE);
    }
  }
  const floor = new Canvas(TILE, TILE);
  if (ground === 'grass') paintGrass(floor, rng);
  else paintBasalt(floor, rng);
  for (let x = 0; x < 32; x++) {
    for (let y = 24; y < 32; y++) c.set(x, y, floor.get(x % TILE, y - 16));
    const faces = [P.stone[2], P.stone[1], P.stone[0], P.stone[1], P.stone[0]];
    for (let k = 0; k < 5; k++) c.set(x, 19 + k, faces[k]!);
    c.set(x, 18, P.outline);
    c.set(x, 24, SHADOW);
  }
  // The arch: black depth fading to the floor's edge at the bottom.
  for (let y = 6; y < 32; y++) {
    const half = y < 12 ? Math.round(Math.sqrt(36 - (12 - y) ** 2) * 1.4) : 8;
    for (let x = 16 - half; x < 16 + half; x++) c.set(x, y, y > 28 ? P.basalt[1] : P.basalt[0]);
    c.set(16 - half - 1, y, P.outline);
    c.set(16 + half, y, P.outline);
  }
  if (frame === 'timber') {
    c.fill(6, 6, 3, 26, P.wood[2]);
    c.fill(23, 6, 3, 26, P.wood[1]);
    c.vline(6, 6, 31, P.wood[3]);
    c.fill(5, 4, 22, 3, P.wood[2]);
    c.hline(5, 26, 4, P.wood[4]);
    c.hline(5, 26, 7, P.wood[0]);
  } else {
    for (let y = 20; y < 32; y++) c.hline(10, 21, y, y > 27 ? P.ember[2] : y > 24 ? P.ember[1] : P.ember[0]);
    for (const x of [5, 26]) {
      c.fill(x, 8, 2, 24, P.basalt[2]);
      c.set(x, 6, P.ember[4]);
      c.set(x, 7, P.ember[3]);
    }
  }
}

/** Stone steps climbing north toward daylight: the way out of a cave. */
function paintStairs(c: Canvas): void {
  c.fill(0, 0, 16, 16, P.basalt[0]);
  for (let i = 0; i < 4; i++) {
    const y = 12 - i * 4;
    const tone = [P.stone[1], P.stone[2], P.stone[3], P.stone[4]][i]!;
    c.fill(1 + i, y, 14 - 2 * i, 4, tone);
    c.hline(1 + i, 14 - i, y + 3, P.stone[0]);
  }
  c.fill(5, 0, 6, 2, P.white);
  c.fill(5, 2, 6, 1, P.sand[3]);
}

function paintSpike(c: Canvas, rng: Rng, tones: readonly Rgba[], glow: boolean): void {
  c.ellipse(8, 14, 6, 2, () => SHADOW);
  for (const [x, top, w] of glow
    ? ([
        [5, 3, 3],
        [10, 6, 2],
        [7, 8, 2],
      ] as const)
    : ([
        [7, 2, 3],
        [4, 9, 2],
        [11, 8, 2],
      ] as const)) {
    for (let y = top; y <= 14; y++) {
      const half = Math.min(w, ((y - top) / (14 - top)) * w + 0.6);
      for (let dx = -Math.floor(half); dx <= Math.floor(half); dx++)
        c.set(x + dx, y, dx < 0 ? tones[3]! : dx === 0 ? tones[2]! : tones[1]!);
    }
    if (glow) c.set(x - 1, top + 2, tones[4]!);
  }
  if (!glow && rng.chance(0.5)) c.set(7, 6, P.stone[4]);
  c.outline(P.outline);
}

function paintObsidian(c: Canvas): void {
  c.ellipse(8, 14, 7, 2, () => SHADOW);
  const pts: [number, number, number][] = [
    [3, 6, 5],
    [8, 3, 4],
    [12, 7, 4],
  ];
  for (const [x, y, r] of pts) {
    c.ellipse(x + 1, y + 4, r, r + 1, (dx, dy) =>
      dx + dy < -0.5 ? P.violet[1] : dx + dy < 0.4 ? P.basalt[2] : P.basalt[0],
    );
  }
  c.set(6, 5, P.violet[3]);
  c.set(10, 4, P.spirit[2]);
  c.outline(P.outline);
}

function paintVent(c: Canvas, rng: Rng): void {
  c.ellipse(8, 9, 6, 4, (dx, dy) =>
    dx * dx + dy * dy < 0.35 ? P.ember[2] : dx + dy < 0 ? P.basalt[3] : P.basalt[1],
  );
  c.ellipse(8, 9, 2.5, 1.5, () => P.ember[4]);
  for (let i = 0; i < 6; i++)
    c.set(rng.int(5, 11), rng.int(1, 6), [P.stone[3][0], P.stone[3][1], P.stone[3][2], 150]);
  c.outline(P.outline);
}

/** A stone bowl of fire; the flames flicker over three frames. */
function paintBrazier(c: Canvas, phase: number): void {
  c.ellipse(8, 14, 6, 2, () => SHADOW);
  c.fill(7, 9, 2, 5, P.basalt[2]);
  c.fill(4, 13, 8, 2, P.basalt[2]);
  c.ellipse(8, 8, 6, 2.5, (dx) => (dx < -0.3 ? P.stone[2] : P.stone[1]));
  const sway = [0, 1, -1][phase % 3]!;
  for (let y = 1; y < 8; y++) {
    const half = (y / 7) * 4;
    for (let x = Math.round(8 - half); x <= Math.round(8 + half); x++) {
      const hot = Math.abs(x - 8 - (sway * (7 - y)) / 7) < half / 2;
      c.set(x + Math.round((sway * (7 - y)) / 7), y, hot ? (y < 4 ? P.ember[5] : P.ember[4]) : P.ember[3]);
    }
  }
  c.outline(P.outline);
}

export const WATERFALL_FRAMES = 4;

/** Falling water: streaks slide down a quarter tile each frame, so four frames loop seamlessly. */
function paintWaterfall(c: Canvas, rng: Rng, part: 'top' | 'fall' | 'foot', phase: number): void {
  const streaks = Array.from({ length: 8 }, () => [rng.int(0, 15), rng.int(0, 15), rng.int(3, 7)] as const);
  for (let y = 0; y < TILE; y++) {
    for (let x = 0; x < TILE; x++)
      c.set(x, y, ramp([P.water[1], P.water[2], P.water[3]], 0.3 + (x % 5) * 0.08, x, y));
  }
  for (const [x, y0, len] of streaks) {
    for (let k = 0; k < len; k++)
      c.set(x, (y0 + k + phase * 4) % TILE, k === len - 1 ? P.water[4] : P.water[3]);
  }
  if (part === 'top') {
    c.fill(0, 0, 16, 4, P.water[3]);
    c.hline(0, 15, 0, P.water[4]);
    c.hline(0, 15, 4, P.white);
  }
  if (part === 'foot') {
    for (let y = 8; y < 16; y++) {
      for (let x = 0; x < 16; x++)
        if ((x * 7 + y * 3 + phase * 5) % 4 !== 0) c.set(x, y, y > 12 ? P.water[4] : P.white);
    }
  }
}

export function caveTiles(): TileDef[] {
  const mouthFlags = (row: number): { collides?: boolean } => (row === 0 ? { collides: true } : {});
  const fall = (part: 'top' | 'fall' | 'foot'): TileDef => {
    const name = part === 'fall' ? 'waterfall' : `waterfall_${part}`;
    return {
      name,
      above: true,
      paint: (c, r) => paintWaterfall(c, r, part, 0),
      ...animated(name, WATERFALL_FRAMES, 160, (k) => (c, r) => paintWaterfall(c, r, part, k)),
    };
  };
  return [
    ...multiTile('cave_mouth', 2, 2, (c, r) => paintMouth(c, r, 'grass', 'timber'), mouthFlags),
    ...multiTile('lair_mouth', 2, 2, (c, r) => paintMouth(c, r, 'basalt', 'ember'), mouthFlags),
    { name: 'stairs_up', paint: paintStairs },
    // The dark between cave interiors: never reached, only seen at a cave's edge.
    { name: 'void', collides: true, paint: (c) => c.fill(0, 0, TILE, TILE, P.basalt[0]) },
    { name: 'stalagmite', collides: true, paint: (c, r) => paintSpike(c, r, P.stone, false) },
    { name: 'crystal', collides: true, paint: (c, r) => paintSpike(c, r, P.spirit, true) },
    { name: 'obsidian', collides: true, paint: paintObsidian },
    { name: 'vent', collides: true, paint: paintVent },
    {
      name: 'brazier',
      collides: true,
      paint: (c) => paintBrazier(c, 0),
      ...animated('brazier', 3, 180, (k) => (c) => paintBrazier(c, k)),
    },
    fall('top'),
    fall('fall'),
    fall('foot'),
  ];
}
