// The realm's cross-map links: two small maps joined by portals both ways pass, and each way of breaking
// the link is named with the file, the object id and the fix.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gridFromRows } from '../rules/grid.ts';
import { parseGameData, readDataFiles } from './game-data.ts';
import { parsePlacements } from './placements.ts';
import { parseRealm, type Realm } from './realm.ts';
import { checkRealm, type LoadedMap } from './realm-checks.ts';
import type { MapObject, WorldMap } from './world-map.ts';

const read = (f: string): unknown => JSON.parse(readFileSync(f, 'utf8'));
const data = parseGameData(readDataFiles((name) => read(`assets/data/${name}.json`)));

const portal = (id: number, name: string, x: number, map: string, to: string): MapObject => ({
  id,
  kind: 'portal',
  name,
  area: { x, y: 1, width: 1, height: 1 },
  properties: { map, to },
});
const dest = (id: number, name: string, x: number, y = 1): MapObject => ({
  id,
  kind: 'destination',
  name,
  area: { x, y, width: 1, height: 1 },
  properties: {},
});

/** An 8×3 strip with a wall tile at (4, 0), its objects parsed the way the server parses them. */
function strip(file: string, objects: MapObject[]): LoadedMap {
  const map: WorldMap = {
    width: 8,
    height: 3,
    tileSize: 16,
    grid: gridFromRows(['....#...', '........', '........']),
    spawns: [],
    objects,
  };
  return { file, map, placements: parsePlacements(map, data, file) };
}

const realm = (...maps: string[]): Realm =>
  parseRealm(
    { worlds: maps.map((map, i) => ({ id: `w${i}`, title: `World ${i}`, map })) },
    'assets/realm.json',
    100,
  );

const WORLD = 'maps/world.tmj';
const ISLE = 'maps/isle.tmj';

/** The world and the isle linked both ways; `edit` breaks one thing. */
function linked(edit: { world?: MapObject[]; isle?: MapObject[] } = {}): Map<string, LoadedMap> {
  const world = edit.world ?? [portal(1, 'ferry', 7, ISLE, 'landing'), dest(2, 'back', 5)];
  const isle = edit.isle ?? [portal(1, 'ferry_home', 0, WORLD, 'back'), dest(2, 'landing', 2)];
  return new Map([
    [WORLD, strip('assets/maps/world.tmj', world)],
    [ISLE, strip('assets/maps/isle.tmj', isle)],
  ]);
}

describe('checkRealm', () => {
  it('passes two maps linked by portals both ways', () => {
    expect(checkRealm(realm(WORLD, ISLE), linked())).toEqual({ errors: [], warnings: [] });
  });

  it('names a portal whose destination is missing in the other map (broken link, world to isle)', () => {
    const maps = linked({ world: [portal(1, 'ferry', 7, ISLE, 'landnig'), dest(2, 'back', 5)] });
    expect(checkRealm(realm(WORLD, ISLE), maps).errors).toEqual([
      'assets/maps/world.tmj: portal object 1 ("ferry") leads to "landnig" in assets/maps/isle.tmj, but no ' +
        'object there has that name: add a destination point named "landnig" to assets/maps/isle.tmj, or fix ' +
        'the portal\'s "to" property',
    ]);
  });

  it('names the other direction too (isle to world), and a missing "to" object on both sides at once', () => {
    const maps = linked({
      world: [portal(1, 'ferry', 7, ISLE, 'landing'), dest(2, 'bakc', 5)],
      isle: [portal(4, 'ferry_home', 0, WORLD, 'back'), dest(2, 'landing', 2)],
    });
    const { errors } = checkRealm(realm(WORLD, ISLE), maps);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /^assets\/maps\/isle\.tmj: portal object 4 \("ferry_home"\) leads to "back" in assets\/maps\/world\.tmj, but no object there has that name/,
    );
  });

  it('names a destination name used twice in the target map, with both ids', () => {
    const maps = linked({
      isle: [portal(1, 'ferry_home', 0, WORLD, 'back'), dest(2, 'landing', 2), dest(3, 'landing', 6)],
    });
    expect(checkRealm(realm(WORLD, ISLE), maps).errors).toEqual([
      expect.stringMatching(
        /^assets\/maps\/world\.tmj: portal object 1 \("ferry"\) leads to "landing" in assets\/maps\/isle\.tmj, but 2 objects there have that name \(ids 2, 3\): rename all but one/,
      ),
    ]);
  });

  it('names a destination in a wall, with its tile, and one on a portal', () => {
    const inWall = linked({ isle: [portal(1, 'ferry_home', 0, WORLD, 'back'), dest(2, 'landing', 4, 0)] });
    expect(checkRealm(realm(WORLD, ISLE), inWall).errors).toEqual([
      expect.stringMatching(
        /world\.tmj: portal object 1 \("ferry"\) leads to "landing" in assets\/maps\/isle\.tmj \(object 2\), which stands in a wall at \(4, 0\): move that object onto open ground$/,
      ),
    ]);
    const onPortal = linked({ isle: [portal(1, 'ferry_home', 0, WORLD, 'back'), dest(2, 'landing', 0)] });
    expect(checkRealm(realm(WORLD, ISLE), onPortal).errors).toEqual([
      expect.stringMatching(
        /\(object 2\), which lies on portal object 1 \("ferry_home"\): .*move the destination off/,
      ),
    ]);
  });

  it('names a portal into a map no world plays, and a realm map that is not there', () => {
    const { errors } = checkRealm(realm(WORLD), linked());
    expect(errors).toContainEqual(
      'assets/maps/world.tmj: portal object 1 ("ferry") leads to map "maps/isle.tmj", which no world in ' +
        'assets/realm.json plays: add a world for "maps/isle.tmj" to assets/realm.json',
    );
    const missing = checkRealm(realm(WORLD, ISLE, 'maps/crypt.tmj'), linked()).errors;
    expect(missing).toEqual([
      'assets/realm.json: worlds[2] ("w2") plays "maps/crypt.tmj", which is missing or did not load: put the ' +
        'map at assets/maps/crypt.tmj (and fix what the checker reports in it), or fix the world\'s "map"',
    ]);
    // The isle itself is still checked (a warning: its portals cannot be used while no world plays it).
    expect(checkRealm(realm(WORLD), linked()).warnings).toEqual([
      expect.stringMatching(
        /^assets\/maps\/isle\.tmj: has portals \(object 1\) but no world in assets\/realm\.json plays it/,
      ),
    ]);
  });

  it('names a map with no way back, once, against the map that needs the portal', () => {
    const maps = linked({ isle: [dest(2, 'landing', 2)] });
    expect(checkRealm(realm(WORLD, ISLE), maps).errors).toEqual([
      'assets/maps/isle.tmj: has no portal back to "maps/world.tmj", which portal object 1 ("ferry") in ' +
        'assets/maps/world.tmj leads here from: players who cross could never return. Add a portal object ' +
        'with "map" = "maps/world.tmj" and "to" = the name of a destination in that map',
    ]);
  });
});
