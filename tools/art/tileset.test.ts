import { describe, expect, it } from 'vitest';
import { cornerField } from './tiles-ground.ts';
import { COLUMNS, renderTileset, tileCatalog, tiledTileset, tileOrigin } from './tileset.ts';
import { TILE } from './tile-def.ts';

const catalog = tileCatalog();
const image = renderTileset(catalog);

describe('tile catalog', () => {
  it('has unique names and the tiles the map and modders rely on', () => {
    const names = catalog.map((t) => t.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of [
      'grass_0',
      'path_0',
      'sand_0',
      'water_0',
      'water_nw_ne',
      'path_sw',
      'sand_ne_sw_se',
      'oak_0_2',
      'pine_1_0',
      'well_0_1',
      'bridge_1_0',
      'door_stone',
      'roof_red_ridge_w',
      'roof_orange_chimney',
      'fence_e_w',
      'fence_post',
      'sign',
      'barrel',
      'crate',
      'flowers_red',
      'floor_wood',
      'collision',
    ]) {
      expect(names).toContain(name);
    }
  });

  it('makes canopy and roofs above, trunks, walls and water collide', () => {
    const byName = new Map(catalog.map((t) => [t.name, t]));
    expect(byName.get('oak_0_0')?.above).toBe(true);
    expect(byName.get('oak_0_2')?.collides).toBe(true);
    expect(byName.get('roof_orange_mid')?.above).toBe(true);
    expect(byName.get('wall_stone_lower')?.collides).toBe(true);
    expect(byName.get('water_0')?.collides).toBe(true);
    expect(byName.get('water_nw')?.collides).toBe(false); // a small notch of water is still walkable shore
    expect(byName.get('door_wood')?.collides).toBeFalsy();
    expect(byName.get('bridge_1_1')?.collides).toBeFalsy();
  });
});

describe('renderTileset', () => {
  it('lays tiles out with margin 1 and spacing 2, and extrudes each edge by one pixel', () => {
    const { canvas } = image;
    expect(canvas.width).toBe(2 + COLUMNS * TILE + (COLUMNS - 1) * 2);
    for (const id of [0, 17, catalog.length - 1]) {
      const { x, y } = tileOrigin(id);
      for (let i = 0; i < TILE; i++) {
        expect(canvas.get(x - 1, y + i)).toEqual(canvas.get(x, y + i));
        expect(canvas.get(x + TILE, y + i)).toEqual(canvas.get(x + TILE - 1, y + i));
        expect(canvas.get(x + i, y - 1)).toEqual(canvas.get(x + i, y));
        expect(canvas.get(x + i, y + TILE)).toEqual(canvas.get(x + i, y + TILE - 1));
      }
    }
  });

  it('is deterministic', () => {
    expect(Buffer.from(renderTileset(catalog).canvas.data).equals(Buffer.from(image.canvas.data))).toBe(true);
  });

  it('paints ground tiles fully opaque', () => {
    for (const name of ['grass_0', 'path_1', 'water_ne_sw', 'sand_se', 'bridge_0_0']) {
      const { x, y } = tileOrigin(catalog.findIndex((t) => t.name === name));
      for (let py = 0; py < TILE; py++)
        for (let px = 0; px < TILE; px++) expect(image.canvas.alpha(x + px, y + py)).toBe(255);
    }
  });
});

describe('tiledTileset', () => {
  it('describes the image the way Tiled computes it and names every tile', () => {
    const ts = tiledTileset(catalog, image);
    expect(ts.imagewidth).toBe(image.canvas.width);
    expect(ts.columns).toBe(
      Math.floor((ts.imagewidth - 2 * ts.margin + ts.spacing) / (ts.tilewidth + ts.spacing)),
    );
    const rows = Math.floor((ts.imageheight - 2 * ts.margin + ts.spacing) / (ts.tileheight + ts.spacing));
    expect(ts.tilecount).toBe(ts.columns * rows);
    expect(ts.tiles).toHaveLength(catalog.length);
    for (const t of ts.tiles)
      expect(t.properties.some((p) => p.name === 'name' && typeof p.value === 'string')).toBe(true);
  });
});

describe('cornerField', () => {
  // Neighbouring tiles must agree on which side of the boundary each edge pixel lies.
  it('agrees across every shared vertical edge for all corner combinations', () => {
    for (let left = 0; left < 16; left++) {
      for (let right = 0; right < 16; right++) {
        const leftNe = (left >> 1) & 1;
        const leftSe = (left >> 3) & 1;
        if (leftNe !== (right & 1) || leftSe !== ((right >> 2) & 1)) continue; // edge corners must match
        for (let y = 0; y < TILE; y++) {
          const a = cornerField(left, TILE - 0.01, y + 0.5, 0) > 0;
          const b = cornerField(right, 0.01, y + 0.5, 0) > 0;
          expect(a).toBe(b);
        }
      }
    }
  });

  it('covers a pure tile entirely and an empty one not at all', () => {
    expect(cornerField(15, 3, 3, 0)).toBeGreaterThan(0);
    expect(cornerField(0, 3, 3, 0)).toBeLessThan(0);
  });
});
