import { describe, expect, it } from 'vitest';
import { averageTiles, paintMap } from './map-image.ts';

/** A 2-tile tileset of 2x2 px tiles: tile 0 solid red, tile 1 one green pixel in four (the rest clear). */
function tileset() {
  const w = 4;
  const px = new Uint8ClampedArray(w * 2 * 4);
  const set = (x: number, y: number, rgba: number[]) => px.set(rgba, (y * w + x) * 4);
  for (const [x, y] of [
    [0, 0],
    [1, 0],
    [0, 1],
    [1, 1],
  ] as const)
    set(x, y, [200, 0, 0, 255]);
  set(2, 0, [0, 240, 0, 255]);
  return { firstgid: 1, pixels: px, imageWidth: 4, imageHeight: 2, tileSize: 2, columns: 2, tilecount: 2 };
}

describe('averageTiles', () => {
  it('averages the opaque pixels of each tile and says how much of it is opaque', () => {
    const t = averageTiles(tileset());
    expect([...t.rgb.slice(0, 3)]).toEqual([200, 0, 0]);
    expect([...t.rgb.slice(3, 6)]).toEqual([0, 240, 0]);
    expect(t.cover[0]).toBe(1);
    expect(t.cover[1]).toBe(0.25);
  });
});

describe('paintMap', () => {
  it('lays each layer over the ones below by its cover; gaps show the background', () => {
    const colours = averageTiles(tileset());
    const ground = [1, 1, 0];
    const detail = [0, 2, 2];
    const out = paintMap(3, 1, [ground, detail], [colours], [10, 20, 30]);
    expect([...out.slice(0, 4)]).toEqual([200, 0, 0, 255]);
    // A sprig over red: still mostly red, a little greener.
    const [r, g] = out.slice(4, 6);
    expect(r).toBeGreaterThan(150);
    expect(g).toBeGreaterThan(0);
    // Nothing but a sprig over the void: the void, tinted.
    expect(out[8]).toBeLessThan(20);
    expect(out[9]).toBeGreaterThan(20);
    expect(out[11]).toBe(255);
  });

  it('skips tiles no tileset has', () => {
    const out = paintMap(1, 1, [[99]], [averageTiles(tileset())], [1, 2, 3]);
    expect([...out]).toEqual([1, 2, 3, 255]);
  });
});
