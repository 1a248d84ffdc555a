import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseGameData, readDataFiles } from './game-data.ts';
import { OBJECT_CLASSES, parsePlacements } from './placements.ts';
import { parseWorldMap, type MapObject, type WorldMap } from './world-map.ts';
import type { TiledMap } from './tiled-types.ts';
import { gridFromRows, isWalkable } from '../rules/grid.ts';

const read = (f: string): unknown => JSON.parse(readFileSync(f, 'utf8'));
const data = parseGameData(readDataFiles((name) => read(`assets/data/${name}.json`)));

function smallMap(objects: MapObject[]): WorldMap {
  return {
    width: 8,
    height: 4,
    tileSize: 16,
    grid: gridFromRows(['........', '........', '...##...', '........']),
    spawns: [],
    objects,
  };
}

function object(
  id: number,
  kind: string,
  props: Record<string, unknown>,
  area = { x: 1, y: 1, width: 2, height: 2 },
): MapObject {
  return { id, kind, name: `thing${id}`, area, properties: props };
}

describe('parsePlacements', () => {
  it('reads the shipped village: mob areas, NPCs standing on blocked tiles of their own, chests, checkpoints', () => {
    const map = parseWorldMap(read('assets/maps/village.tmj') as TiledMap, 'village.tmj');
    const placed = parsePlacements(map, data, 'village.tmj');
    expect(new Set(placed.mobAreas.map((a) => a.kind))).toEqual(
      new Set(['rat', 'slime', 'crab', 'goblin', 'wolf']),
    );
    expect(placed.npcs.length).toBeGreaterThanOrEqual(5);
    for (const npc of placed.npcs) expect(isWalkable(map.grid, npc.x, npc.y)).toBe(false);
    expect(placed.checkpoints.length).toBeGreaterThanOrEqual(1);
    expect(placed.chests.some((c) => c.guardedBy)).toBe(true);
    expect(placed.areas.map((a) => a.name)).toContain('east_bank');
  });

  it('names each bad object by id: unknown kinds, items and classes, bad counts', () => {
    const map = smallMap([
      object(3, 'mobArea', { kind: 'dragonfly', count: 2 }),
      object(4, 'mobArea', { kind: 'rat', count: 0 }),
      object(5, 'npc', { kind: 'wizard' }),
      object(6, 'chest', { items: 'club, golden_spoon' }),
      object(7, 'chest', {}),
      object(8, 'spwan', {}),
    ]);
    let message = '';
    try {
      parsePlacements(map, data, 'test.tmj');
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toContain('test.tmj');
    expect(message).toMatch(/object 3 .* kind "dragonfly", which is not in mobs\.json/);
    expect(message).toMatch(/object 4 .* count 0/);
    expect(message).toMatch(/object 5 .* kind "wizard", which is not in npcs\.json/);
    expect(message).toMatch(/object 6 .* "golden_spoon", which is not in items\.json/);
    expect(message).toMatch(/object 7 .* needs an "items" property/);
    expect(message).toMatch(/object 8 .* unknown class/);
  });

  it('names every known class in the "unknown class" error, and docs/modding.md documents each one', () => {
    const map = smallMap([object(8, 'dor', {}, { x: 1, y: 1, width: 1, height: 1 })]);
    expect(() => parsePlacements(map, data, 'test.tmj')).toThrow(
      `known classes: ${OBJECT_CLASSES.join(', ')}`,
    );
    expect(OBJECT_CLASSES).toEqual(expect.arrayContaining(['door', 'destination', 'music']));
    const docs = readFileSync('docs/modding.md', 'utf8');
    for (const kind of OBJECT_CLASSES) expect(docs, kind).toContain(`| \`${kind}\``);
  });

  it('refuses a mob area with nowhere to stand', () => {
    const map = smallMap([
      object(9, 'mobArea', { kind: 'rat', count: 1 }, { x: 3, y: 2, width: 2, height: 1 }),
    ]);
    expect(() => parsePlacements(map, data, 'test.tmj')).toThrow(/object 9 .* no walkable tile/);
  });

  it('refuses a door whose destination name two objects share: which one wins would be an accident', () => {
    const map = smallMap([
      object(10, 'door', { to: 'camp' }, { x: 0, y: 0, width: 1, height: 1 }),
      { ...object(11, 'destination', {}, { x: 6, y: 0, width: 1, height: 1 }), name: 'camp' },
      { ...object(12, 'checkpoint', {}, { x: 5, y: 3, width: 2, height: 1 }), name: 'camp' },
    ]);
    expect(() => parsePlacements(map, data, 'test.tmj')).toThrow(
      /object 10 .* leads to "camp", but 2 objects/,
    );
  });

  it('reads camera bounds by name, and names the file and object of a nameless or twice-named one', () => {
    const overworld = { x: 0, y: 0, width: 6, height: 4 };
    const inn = { x: 6, y: 0, width: 2, height: 2 };
    const placed = parsePlacements(
      smallMap([
        { ...object(20, 'bounds', {}, overworld), name: 'overworld' },
        { ...object(21, 'bounds', {}, inn), name: 'inn' },
      ]),
      data,
      'test.tmj',
    );
    expect(placed.bounds).toEqual([
      { objectId: 20, name: 'overworld', area: overworld },
      { objectId: 21, name: 'inn', area: inn },
    ]);
    const bad = smallMap([
      { ...object(22, 'bounds', {}, overworld), name: '' },
      { ...object(23, 'bounds', {}, inn), name: 'inn' },
      { ...object(24, 'bounds', {}, inn), name: 'inn' },
    ]);
    let message = '';
    try {
      parsePlacements(bad, data, 'test.tmj');
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toContain('test.tmj');
    expect(message).toMatch(/object 22 .* needs a name/);
    expect(message).toMatch(/object 24 .* same name as bounds object 23/);
    expect(message).not.toMatch(/object 23 /);
  });
});
