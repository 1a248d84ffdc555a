// Validates the committed starter map as the game will read it, and that the generator is repeatable.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tileCatalog, tiledTileset, renderTileset } from '../art/tileset.ts';
import { stringifyTiledMap, toTiledMap, type TiledMap, type TiledTileLayer } from './tmj.ts';
import { generateVillage } from './village.ts';

const map = JSON.parse(
  readFileSync(new URL('../../assets/maps/village.tmj', import.meta.url), 'utf8'),
) as TiledMap;
const tileset = map.tilesets[0]!;
const tileLayers = map.layers.filter((l): l is TiledTileLayer => l.type === 'tilelayer');
const layer = (name: string): TiledTileLayer => tileLayers.find((l) => l.name === name)!;

const flags = new Map<number, { collides: boolean; above: boolean; name: string }>();
for (const t of tileset.tiles) {
  const prop = (n: string): unknown => t.properties.find((p) => p.name === n)?.value;
  flags.set(t.id + tileset.firstgid, {
    collides: prop('collides') === true,
    above: prop('above') === true,
    name: String(prop('name')),
  });
}

/** The collision rule from docs/modding.md. */
function blocked(x: number, y: number): boolean {
  if (x < 0 || y < 0 || x >= map.width || y >= map.height) return true;
  return tileLayers.some((l) => {
    const gid = l.data[y * map.width + x]!;
    return l.name === 'collision' ? gid !== 0 : gid !== 0 && flags.get(gid)!.collides;
  });
}

const spawn = map.layers
  .flatMap((l) => (l.type === 'objectgroup' ? l.objects : []))
  .find((o) => o.type === 'spawn')!;

describe('village.tmj', () => {
  // Any Tiled version may have saved it last (Debian's 1.8 writes "1.8"); the generator writes 1.10, below.
  it('is an orthogonal map with an embedded 16px tileset', () => {
    expect(map).toMatchObject({
      type: 'map',
      orientation: 'orthogonal',
      renderorder: 'right-down',
      infinite: false,
      tilewidth: 16,
      tileheight: 16,
    });
    expect(map.width).toBeGreaterThanOrEqual(64);
    expect(map.height).toBeGreaterThanOrEqual(64);
    expect(tileset).toMatchObject({
      firstgid: 1,
      image: 'terrain.png',
      margin: 1,
      spacing: 2,
      tilewidth: 16,
    });
    expect(map.nextlayerid).toBeGreaterThan(Math.max(...map.layers.map((l) => l.id)));
  });

  it('has ground, detail, above and objects layers in order, sized to the map', () => {
    expect(map.layers.map((l) => l.name)).toEqual(['ground', 'detail', 'above', 'objects']);
    for (const l of tileLayers) expect(l.data).toHaveLength(map.width * map.height);
    expect(layer('above').properties).toContainEqual({ name: 'above', type: 'bool', value: true });
  });

  it('uses only gids inside the tileset, with no holes in the ground', () => {
    for (const l of tileLayers) {
      for (const gid of l.data) {
        expect(gid).toBeGreaterThanOrEqual(0);
        if (gid) expect(flags.has(gid)).toBe(true);
      }
    }
    expect(layer('ground').data.every((g) => g > 0)).toBe(true);
    expect(layer('above').data.every((g) => g === 0 || flags.get(g)!.above)).toBe(true);
  });

  it('has a walkable village spawn of at least 6x6 tiles on whole tiles', () => {
    expect(spawn).toMatchObject({ name: 'village', type: 'spawn' });
    for (const v of [spawn.x, spawn.y, spawn.width, spawn.height]) expect(v % 16).toBe(0);
    expect(spawn.width / 16).toBeGreaterThanOrEqual(6);
    expect(spawn.height / 16).toBeGreaterThanOrEqual(6);
    for (let y = spawn.y / 16; y < (spawn.y + spawn.height) / 16; y++) {
      for (let x = spawn.x / 16; x < (spawn.x + spawn.width) / 16; x++) expect(blocked(x, y)).toBe(false);
    }
  });

  it('lets a player reach nearly all walkable land, every door and the bridge from the spawn', () => {
    const seen = new Uint8Array(map.width * map.height);
    const stack = [[spawn.x / 16, spawn.y / 16] as [number, number]];
    seen[stack[0]![1] * map.width + stack[0]![0]] = 1;
    while (stack.length) {
      const [x, y] = stack.pop()!;
      for (const [nx, ny] of [
        [x + 1, y],
        [x - 1, y],
        [x, y + 1],
        [x, y - 1],
      ] as [number, number][]) {
        if (!blocked(nx, ny) && !seen[ny * map.width + nx]) {
          seen[ny * map.width + nx] = 1;
          stack.push([nx, ny]);
        }
      }
    }
    let walkable = 0;
    let reached = 0;
    const named = (gid: number): string => flags.get(gid)?.name ?? '';
    const mustReach: string[] = [];
    for (let i = 0; i < seen.length; i++) {
      if (!blocked(i % map.width, Math.floor(i / map.width))) walkable++;
      if (seen[i]) reached++;
      const detail = named(layer('detail').data[i]!);
      const ground = named(layer('ground').data[i]!);
      if (detail.startsWith('door_') || ground.startsWith('bridge_'))
        mustReach.push(seen[i] ? 'ok' : `${detail || ground}@${i}`);
    }
    expect(reached / walkable).toBeGreaterThan(0.95);
    expect(walkable / seen.length).toBeGreaterThan(0.5);
    expect(mustReach.filter((m) => m !== 'ok')).toEqual([]);
    expect(mustReach.length).toBeGreaterThanOrEqual(5 + 2); // 5+ doors and a two-row bridge
  });

  it('has at least five houses, each with a door', () => {
    const doors = layer('detail').data.filter((g) => flags.get(g)?.name.startsWith('door_'));
    expect(doors.length).toBeGreaterThanOrEqual(5);
  });
});

describe('map generator', () => {
  it('produces the same map text on every run', () => {
    const catalog = tileCatalog();
    const ts = tiledTileset(catalog, renderTileset(catalog));
    const text = (): string => {
      const { builder, spawn: s } = generateVillage(catalog);
      return stringifyTiledMap(
        toTiledMap(builder, ts, [
          { name: 'village', type: 'spawn', x: s.x * 16, y: s.y * 16, width: s.w * 16, height: s.h * 16 },
        ]),
      );
    };
    expect(text()).toBe(text());
    expect(JSON.parse(text())).toMatchObject({ version: '1.10', tiledversion: '1.10.2' });
  });
});
