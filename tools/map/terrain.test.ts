import { describe, expect, it } from 'vitest';
import { TerrainGrid } from './terrain.ts';

const pure = (t: string): string => `${t}_0`;

describe('TerrainGrid', () => {
  it('names transition tiles after the corners the upper terrain covers', () => {
    const g = new TerrainGrid(3, 3);
    g.fillTiles(1, 1, 1, 1, 'path');
    expect(g.groundTile(1, 1, pure)).toBe('path_0');
    expect(g.groundTile(0, 0, pure)).toBe('path_se');
    expect(g.groundTile(1, 0, pure)).toBe('path_sw_se');
    expect(g.groundTile(2, 2, pure)).toBe('path_nw');
  });

  it('turns grass next to water into shore sand, and keeps paths off the sand', () => {
    const g = new TerrainGrid(6, 6);
    g.fillTiles(2, 2, 3, 3, 'water');
    g.fillTiles(0, 0, 5, 0, 'path');
    g.set(2, 1, 'path');
    g.fixCorners();
    for (let y = 0; y < 6; y++)
      for (let x = 0; x < 6; x++) expect(() => g.groundTile(x, y, pure)).not.toThrow();
    expect(g.get(2, 1)).not.toBe('path');
    expect(g.groundTile(2, 2, pure)).toBe('water_0');
  });

  it('rejects a corner mix that has no tile', () => {
    const g = new TerrainGrid(1, 1);
    g.set(0, 0, 'water');
    expect(() => g.groundTile(0, 0, pure)).toThrow(/no transition tile/);
  });
});
