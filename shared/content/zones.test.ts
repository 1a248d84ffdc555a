import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseGameData, readDataFiles } from './game-data.ts';
import { parsePlacements } from './placements.ts';
import { parseWorldMap, type MapObject, type WorldMap } from './world-map.ts';
import type { TiledMap } from './tiled-types.ts';
import { placeTitle, titleProblem, zoneAt, type Zone } from './zones.ts';
import { gridFromRows, isWalkable } from '../rules/grid.ts';

const read = (f: string): unknown => JSON.parse(readFileSync(f, 'utf8'));
const data = parseGameData(readDataFiles((name) => read(`assets/data/${name}.json`)));
const rect = (x: number, y: number, width: number, height: number) => ({ x, y, width, height });

describe('zoneAt', () => {
  const woods: Zone = { title: 'Whispering Woods', area: rect(0, 0, 20, 20) };
  const camp: Zone = { title: 'Goblin Camp', area: rect(5, 5, 4, 4) };
  const twin: Zone = { title: 'Later Twin', area: rect(5, 5, 4, 4) };

  it('names the zone a tile lies in, the smallest where zones nest, null outside all', () => {
    expect(zoneAt([woods, camp], 1, 1)?.title).toBe('Whispering Woods');
    expect(zoneAt([woods, camp], 6, 6)?.title).toBe('Goblin Camp');
    expect(zoneAt([camp, woods], 6, 6)?.title).toBe('Goblin Camp');
    expect(zoneAt([woods], 20, 0)).toBeNull();
    expect(zoneAt([woods], -1, 3)).toBeNull();
  });

  it('gives equal sizes to the later zone (drawn on top in Tiled)', () => {
    expect(zoneAt([camp, twin], 6, 6)?.title).toBe('Later Twin');
  });

  it('falls back on the map title outside every zone', () => {
    expect(placeTitle([woods], 30, 30, 'Emberfall')).toBe('Emberfall');
    expect(placeTitle([woods], 3, 3, 'Emberfall')).toBe('Whispering Woods');
  });
});

describe('titleProblem', () => {
  it('accepts a short name and refuses a missing, blank, non-text or overlong one', () => {
    expect(titleProblem('Ember Isle')).toBeNull();
    expect(titleProblem(undefined)).toMatch(/needs a "title" property/);
    expect(titleProblem('  ')).toMatch(/needs a "title"/);
    expect(titleProblem(3)).toMatch(/has 3/);
    expect(titleProblem('x'.repeat(41))).toMatch(/41 characters; keep it to 40/);
  });
});

function smallMap(objects: MapObject[]): WorldMap {
  return {
    width: 8,
    height: 4,
    tileSize: 16,
    grid: gridFromRows(['........', '........', '........', '........']),
    spawns: [],
    objects,
  };
}

describe('zone objects in a map', () => {
  it('are read with their titles', () => {
    const map = smallMap([
      { id: 1, kind: 'zone', name: 'z', area: rect(0, 0, 4, 4), properties: { title: ' The Fields ' } },
    ]);
    expect(parsePlacements(map, data, 'test.tmj').zones).toEqual([
      { title: 'The Fields', area: rect(0, 0, 4, 4) },
    ]);
  });

  it('without a usable title are refused, naming the object', () => {
    const map = smallMap([
      { id: 7, kind: 'zone', name: 'nameless', area: rect(0, 0, 4, 4), properties: {} },
      { id: 8, kind: 'zone', name: 'long', area: rect(0, 0, 4, 4), properties: { title: 'y'.repeat(50) } },
    ]);
    expect(() => parsePlacements(map, data, 'test.tmj')).toThrow(
      /object 7 \("nameless", zone\) needs a "title" property[\s\S]*object 8 \("long", zone\) has a title of 50/,
    );
  });

  it("a map's title property must be text; a good one is read", () => {
    const base = read('assets/maps/isle.tmj') as TiledMap;
    expect(parseWorldMap(base, 'isle.tmj').title).toBe('Ember Isle');
    const bad = { ...base, properties: [{ name: 'title', type: 'int', value: 5 }] };
    expect(() => parseWorldMap(bad, 'bad.tmj')).toThrow(
      /the map's property "title" must be the name players see/,
    );
    const none = { ...base, properties: [] };
    expect(parseWorldMap(none, 'none.tmj').title).toBeUndefined();
  });
});

describe('the shipped maps', () => {
  it('name every walkable overland tile of the world by a zone, the village at the start', () => {
    const map = parseWorldMap(read('assets/maps/world.tmj') as TiledMap, 'world.tmj');
    const { zones, bounds } = parsePlacements(map, data, 'world.tmj');
    expect(map.title).toBe('Emberfall');
    const overland = bounds.find((b) => b.name === 'overland')!.area;
    const unnamed: string[] = [];
    for (let y = overland.y; y < overland.y + overland.height; y++)
      for (let x = overland.x; x < overland.x + overland.width; x++)
        if (isWalkable(map.grid, x, y) && !zoneAt(zones, x, y)) unnamed.push(`${x},${y}`);
    expect(unnamed).toEqual([]);
    const spawn = map.spawns[0]!.area;
    expect(placeTitle(zones, spawn.x, spawn.y, map.title!)).toBe('Emberfall Village');
    expect(new Set(zones.map((z) => z.title)).size).toBe(zones.length);
  });

  it('give the isle a title and its corners names', () => {
    const map = parseWorldMap(read('assets/maps/isle.tmj') as TiledMap, 'isle.tmj');
    const titles = parsePlacements(map, data, 'isle.tmj').zones.map((z) => z.title);
    expect(titles).toEqual(expect.arrayContaining(["Smugglers' Cove", 'Ember Crater']));
  });
});
