import { describe, it, expect } from 'vitest';
import { ContentError, parseWorldMap } from './world-map.ts';
import type { TiledLayer, TiledMap } from './tiled-types.ts';

const FILE = 'assets/maps/test.tmj';

/** A 4×3 map: gid 1 is grass, gid 2 a rock (collides), a collision layer marks (3, 0), a spawn at (1, 1). */
function testMap(): TiledMap {
  return {
    type: 'map',
    orientation: 'orthogonal',
    infinite: false,
    width: 4,
    height: 3,
    tilewidth: 16,
    tileheight: 16,
    tilesets: [
      {
        firstgid: 1,
        name: 'ground',
        image: 'ground.png',
        tilecount: 4,
        columns: 4,
        tilewidth: 16,
        tileheight: 16,
        tiles: [
          { id: 1, properties: [{ name: 'collides', type: 'bool', value: true }] },
          { id: 2, properties: [{ name: 'collides', type: 'bool', value: false }] },
        ],
      },
      {
        firstgid: 5,
        name: 'marks',
        image: 'marks.png',
        tilecount: 1,
        columns: 1,
        tilewidth: 16,
        tileheight: 16,
      },
    ],
    layers: [
      {
        id: 1,
        name: 'ground',
        type: 'tilelayer',
        width: 4,
        height: 3,
        data: [1, 1, 1, 1, 1, 1, 3, 1, 1, 1, 1, 1],
      },
      {
        id: 2,
        name: 'decor',
        type: 'group',
        layers: [
          {
            id: 3,
            name: 'rocks',
            type: 'tilelayer',
            width: 4,
            height: 3,
            data: [0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0],
          },
        ],
      },
      {
        id: 4,
        name: 'Collision',
        type: 'tilelayer',
        width: 4,
        height: 3,
        data: [0, 0, 0, 5, 0, 0, 0, 0, 0, 0, 0, 0],
      },
      {
        id: 5,
        name: 'objects',
        type: 'objectgroup',
        objects: [
          { id: 7, name: 'start', type: 'spawn', x: 16, y: 16, width: 32, height: 16 },
          {
            id: 8,
            name: 'sign',
            class: 'sign',
            x: 40,
            y: 8,
            point: true,
            properties: [{ name: 'text', value: 'Hi' }],
          },
        ],
      },
    ],
  };
}

function problemsOf(map: TiledMap): string {
  try {
    parseWorldMap(map, FILE);
  } catch (err) {
    expect(err).toBeInstanceOf(ContentError);
    expect((err as ContentError).file).toBe(FILE);
    expect((err as Error).message).toContain(FILE);
    return (err as Error).message;
  }
  throw new Error('the map parsed without problems');
}

function layer(map: TiledMap, name: string): TiledLayer {
  return map.layers.find((l) => l.name === name)!;
}

/** Tiled's base64 layer format: little-endian uint32 gids. */
function base64Of(gids: number[]): string {
  const bytes = new Uint8Array(gids.length * 4);
  const view = new DataView(bytes.buffer);
  gids.forEach((g, i) => view.setUint32(i * 4, g, true));
  return Buffer.from(bytes).toString('base64');
}

describe('parseWorldMap', () => {
  it('reads size, collision from tile properties and the collision layer, and objects in tiles', () => {
    const map = parseWorldMap(testMap(), FILE);
    expect(map).toMatchObject({ width: 4, height: 3, tileSize: 16 });
    const blocked = [...map.grid.blocked].map((b) => (b ? '#' : '.')).join('');
    expect(blocked).toBe('...#' + '....' + '#...');
    expect(map.spawns).toEqual([
      { id: 7, kind: 'spawn', name: 'start', area: { x: 1, y: 1, width: 2, height: 1 }, properties: {} },
    ]);
    expect(map.objects).toContainEqual({
      id: 8,
      kind: 'sign',
      name: 'sign',
      area: { x: 2, y: 0, width: 1, height: 1 },
      properties: { text: 'Hi' },
    });
  });

  it('places tile objects by their bottom edge, as Tiled stores them', () => {
    const map = testMap();
    const objects = map.layers.find((l) => l.type === 'objectgroup')!.objects!;
    objects.push({ id: 20, name: 'statue', type: 'statue', gid: 1, x: 16, y: 48, width: 16, height: 32 });
    const statue = parseWorldMap(map, FILE).objects.find((o) => o.id === 20);
    expect(statue?.area).toEqual({ x: 1, y: 1, width: 1, height: 2 });
  });

  it('keeps flip flags out of gids', () => {
    const map = testMap();
    layer(map, 'ground').data = [1, 1, 1, 1, 1, 1, 1, 1, (2 | 0x80000000) >>> 0, 1, 1, 1];
    expect(parseWorldMap(map, FILE).grid.blocked[8]).toBe(1);
  });

  it('reads uncompressed base64 layers', () => {
    const map = testMap();
    const ground = layer(map, 'ground');
    ground.data = base64Of([1, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
    ground.encoding = 'base64';
    expect([...parseWorldMap(map, FILE).grid.blocked.subarray(0, 4)]).toEqual([0, 1, 0, 1]);
  });

  it('names the layer whose data has the wrong length', () => {
    const map = testMap();
    layer(map, 'ground').data = [1, 1, 1];
    expect(problemsOf(map)).toMatch(/layer "ground" \(id 1\) has 3 tiles, expected 12/);
  });

  it('names the layer and tile of an unknown gid, inside a group too', () => {
    const map = testMap();
    (map.layers[1]!.layers![0]!.data as number[])[5] = 99;
    expect(problemsOf(map)).toMatch(/layer "rocks" \(id 3\) uses tile 99 at \(1, 1\)/);
  });

  it('refuses external tilesets, naming them', () => {
    const map = testMap();
    map.tilesets.push({ firstgid: 6, source: 'trees.tsx' });
    expect(problemsOf(map)).toMatch(/tileset "trees.tsx" is external/);
  });

  it('refuses infinite maps', () => {
    expect(problemsOf({ ...testMap(), infinite: true })).toMatch(/infinite/);
  });

  it('refuses compressed base64 layers, naming the layer', () => {
    const map = testMap();
    Object.assign(layer(map, 'ground'), {
      data: 'eJzjYGBgYAAAAA0AAQ==',
      encoding: 'base64',
      compression: 'zlib',
    });
    expect(problemsOf(map)).toMatch(/layer "ground" \(id 1\) is saved with zlib compression/);
  });

  it('names a layer whose base64 is broken', () => {
    const map = testMap();
    Object.assign(layer(map, 'ground'), { data: 'not base64!', encoding: 'base64' });
    expect(problemsOf(map)).toMatch(/layer "ground" \(id 1\) has data that is not valid base64/);
  });

  it('asks for a spawn when there is none', () => {
    const map = testMap();
    layer(map, 'objects').objects = [];
    expect(problemsOf(map)).toMatch(/no object of class "spawn"/);
  });

  it('names a spawn with no walkable tile', () => {
    const map = testMap();
    layer(map, 'objects').objects![0] = {
      id: 9,
      name: 'rocky',
      type: 'spawn',
      x: 0,
      y: 32,
      width: 16,
      height: 16,
    };
    expect(problemsOf(map)).toMatch(/spawn object 9 \("rocky"\) has no walkable tile/);
  });

  it('names an object outside the map', () => {
    const map = testMap();
    layer(map, 'objects').objects!.push({
      id: 12,
      name: 'far',
      type: 'chest',
      x: 200,
      y: 0,
      width: 16,
      height: 16,
    });
    expect(problemsOf(map)).toMatch(/object 12 \("far", chest\) in layer "objects" lies outside the map/);
  });

  it('reports every problem at once', () => {
    const map = testMap();
    layer(map, 'ground').data = [1];
    layer(map, 'objects').objects = [];
    const message = problemsOf(map);
    expect(message).toMatch(/2 problem\(s\)/);
  });
});
