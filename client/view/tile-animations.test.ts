import { describe, expect, it } from 'vitest';
import type Phaser from 'phaser';
import { TileAnimations, frameAt } from './tile-animations.ts';
import type { TiledTileset } from '../../shared/content/tiled-types.ts';

describe('frameAt', () => {
  it('walks through the frames by their durations and loops', () => {
    const ends = [200, 300, 600];
    expect(frameAt(ends, 600, 0)).toBe(0);
    expect(frameAt(ends, 600, 199)).toBe(0);
    expect(frameAt(ends, 600, 200)).toBe(1);
    expect(frameAt(ends, 600, 450)).toBe(2);
    expect(frameAt(ends, 600, 600)).toBe(0);
    expect(frameAt(ends, 600, 1450)).toBe(1);
  });
});

describe('TileAnimations', () => {
  const tileset = {
    firstgid: 1,
    tiles: [
      {
        id: 4,
        animation: [
          { tileid: 4, duration: 100 },
          { tileid: 5, duration: 100 },
        ],
      },
    ],
  } as unknown as TiledTileset;
  const grid = () =>
    [
      [5, 1, -1],
      [5, 5, 2],
    ].map((row) => row.map((index) => ({ index }) as Phaser.Tilemaps.Tile));

  it('animates the same tiles whether it reads the layer’s rows or walks forEachTile', () => {
    const rows = grid();
    const flat = grid();
    const byRows = new TileAnimations([tileset], [{ forEachTile: () => {}, layer: { data: rows } }]);
    const byWalk = new TileAnimations(
      [tileset],
      [{ forEachTile: (cb: (t: Phaser.Tilemaps.Tile) => void) => flat.flat().forEach(cb) }],
    );
    byRows.update(150);
    byWalk.update(150);
    expect(rows.map((r) => r.map((t) => t.index))).toEqual([
      [6, 1, -1],
      [6, 6, 2],
    ]);
    expect(flat.map((r) => r.map((t) => t.index))).toEqual(rows.map((r) => r.map((t) => t.index)));
  });
});
