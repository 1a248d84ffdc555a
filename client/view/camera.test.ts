import { describe, expect, it } from 'vitest';
import { areaAt, CameraFollow, clampCentre } from './camera.ts';

const STEP_MS = 150;
const TILE = 16;

/** Walks a target right at one tile per step, updating the camera every `frameMs`; the worst gap, in tiles. */
function worstGap(frameMs: number, ms = 3000): number {
  const camera = new CameraFollow();
  let worst = 0;
  for (let t = 0; t <= ms; t += frameMs) {
    const target = { x: (t / STEP_MS) * TILE, y: 0 };
    const at = camera.update(target, frameMs, t === 0);
    worst = Math.max(worst, Math.abs(target.x - at.x) / TILE);
  }
  return worst;
}

describe('CameraFollow', () => {
  it('starts on its target and jumps to it on a teleport, with no sweep', () => {
    const camera = new CameraFollow();
    expect(camera.update({ x: 100, y: 50 }, 16, false)).toEqual({ x: 100, y: 50 });
    expect(camera.update({ x: 3000, y: 900 }, 16, true)).toEqual({ x: 3000, y: 900 });
  });

  it('keeps a walker within a tile of the centre at 60 fps and at 7 fps alike', () => {
    // The old per-frame lerp (0.15 a frame) trailed 5 tiles at 7 fps; a rate in time does not.
    expect(worstGap(1000 / 60)).toBeLessThan(1);
    expect(worstGap(1000 / 7)).toBeLessThan(1);
    expect(worstGap(1000 / 3)).toBeLessThan(1);
  });

  it('closes a gap in the same real time whatever the frame rate', () => {
    const fast = new CameraFollow();
    const slow = new CameraFollow();
    fast.update({ x: 0, y: 0 }, 0, true);
    slow.update({ x: 0, y: 0 }, 0, true);
    let f = { x: 0, y: 0 };
    for (let i = 0; i < 12; i++) f = fast.update({ x: 32, y: 0 }, 25, false);
    const s = slow.update({ x: 32, y: 0 }, 300, false);
    expect(f.x).toBeCloseTo(s.x, 6);
  });
});

describe('clampCentre', () => {
  const view = { width: 400, height: 200 };

  it('keeps the view inside the area', () => {
    const area = { x: 0, y: 0, width: 1000, height: 1000 };
    expect(clampCentre({ x: 10, y: 10 }, view, area)).toEqual({ x: 200, y: 100 });
    expect(clampCentre({ x: 990, y: 995 }, view, area)).toEqual({ x: 800, y: 900 });
    expect(clampCentre({ x: 500, y: 500 }, view, area)).toEqual({ x: 500, y: 500 });
  });

  it('centres an area smaller than the view', () => {
    const room = { x: 1600, y: 320, width: 160, height: 128 };
    expect(clampCentre({ x: 1610, y: 330 }, view, room)).toEqual({ x: 1680, y: 384 });
  });
});

describe('areaAt', () => {
  const map = { width: 100, height: 60 };
  const overworld = { x: 0, y: 0, width: 80, height: 60 };
  const inn = { x: 84, y: 2, width: 10, height: 8 };

  it('is the bounds holding the tile, the smallest when they nest', () => {
    expect(areaAt([overworld, inn], { x: 10, y: 10 }, map)).toEqual(overworld);
    expect(areaAt([overworld, inn], { x: 85, y: 3 }, map)).toEqual(inn);
    const cellar = { x: 20, y: 20, width: 4, height: 4 };
    expect(areaAt([overworld, cellar], { x: 21, y: 21 }, map)).toEqual(cellar);
  });

  it('is the whole map when no bounds hold the tile, and never reaches past the map', () => {
    expect(areaAt([], { x: 5, y: 5 }, map)).toEqual({ x: 0, y: 0, width: 100, height: 60 });
    expect(areaAt([inn], { x: 50, y: 50 }, map)).toEqual({ x: 0, y: 0, width: 100, height: 60 });
    const wide = { x: -10, y: 50, width: 200, height: 40 };
    expect(areaAt([wide], { x: 5, y: 55 }, map)).toEqual({ x: 0, y: 50, width: 100, height: 10 });
  });
});
