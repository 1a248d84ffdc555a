import { describe, expect, it } from 'vitest';
import { mapKey, resolvePath, tilesetKey } from './map-files.ts';

describe('map file paths', () => {
  it('resolves a tileset image as Tiled writes it, relative to its map', () => {
    expect(resolvePath('maps/world.tmj', 'tiles/terrain.png')).toBe('maps/tiles/terrain.png');
    expect(resolvePath('maps/isle/isle.tmj', '../tiles/terrain.png')).toBe('maps/tiles/terrain.png');
    expect(resolvePath('maps/world.tmj', './a.png')).toBe('maps/a.png');
  });

  it('keys two maps sharing an image to one texture, and same-named tilesets of other images apart', () => {
    expect(tilesetKey('maps/world.tmj', 'tiles/terrain.png')).toBe(
      tilesetKey('maps/isle/isle.tmj', '../tiles/terrain.png'),
    );
    expect(tilesetKey('maps/a/m.tmj', 'terrain.png')).not.toBe(tilesetKey('maps/b/m.tmj', 'terrain.png'));
    expect(mapKey('maps/isle.tmj')).not.toBe(mapKey('maps/world.tmj'));
  });
});
