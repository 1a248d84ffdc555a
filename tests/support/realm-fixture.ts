// A small realm for the realm's tests: a field played by two shards and a cave every shard shares, linked
// by portals both ways. The maps go under assets/maps/test/ (the server loads maps only under assets/;
// git-ignored), the realm file in a temp folder; `remove` deletes both.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GRASS, rect, tileLayer, tinyMap } from '../../tools/content/fixture-assets.ts';
import type { TiledMap, TiledObject } from '../../shared/content/tiled-types.ts';
import { repoRoot } from '../../tools/server-process.ts';

export interface RealmFixture {
  /** The realm file (REALM=…). */
  file: string;
  /** Map paths under assets/. */
  field: string;
  cave: string;
  /** Where each map's portal is, and where arrivals from the other map land. */
  fieldPortal: { x: number; y: number };
  caveArrival: { x: number; y: number };
  cavePortal: { x: number; y: number };
  fieldArrival: { x: number; y: number };
  /** Writes another realm file beside this one (for tests of bad realm files). */
  writeRealm(json: unknown, name: string): string;
  remove(): void;
}

function named(o: TiledObject, name: string): TiledObject {
  return { ...o, name };
}

/** A 12×10 grass map with a spawn in its top-left corner and these objects. */
function grassMap(objects: TiledObject[]): TiledMap {
  const map = tinyMap();
  map.tilesets[0]!.image = '../../terrain.png'; // the shipped tileset, two folders up
  map.layers = [tileLayer(1, 'ground', GRASS), tileLayer(2, 'detail'), { ...map.layers[2]!, objects }];
  return map;
}

/** `maxPlayers`: each world's cap (benchmarks hold more than the tests' 50). */
export function writeRealmFixture({ maxPlayers = 50 }: { maxPlayers?: number } = {}): RealmFixture {
  const folder = `realm-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  const mapsDir = path.join(repoRoot, 'assets/maps/test', folder);
  mkdirSync(mapsDir, { recursive: true });
  const tmp = mkdtempSync(path.join(tmpdir(), 'emberquest-realm-'));
  const field = `maps/test/${folder}/field.tmj`;
  const cave = `maps/test/${folder}/cave.tmj`;
  const spawn = rect(1, 'spawn', 0, 0, 2, 2);
  writeFileSync(
    path.join(mapsDir, 'field.tmj'),
    JSON.stringify(
      grassMap([
        spawn,
        named(rect(2, 'portal', 10, 5, 1, 1, { map: cave, to: 'from_field' }), 'to_cave'),
        named(rect(3, 'destination', 8, 5), 'from_cave'),
        rect(4, 'checkpoint', 4, 2, 2, 2),
      ]),
    ),
  );
  writeFileSync(
    path.join(mapsDir, 'cave.tmj'),
    JSON.stringify(
      grassMap([
        spawn,
        named(rect(2, 'portal', 1, 8, 1, 1, { map: field, to: 'from_cave' }), 'to_field'),
        named(rect(3, 'destination', 6, 4), 'from_field'),
      ]),
    ),
  );
  const writeRealm = (json: unknown, name: string): string => {
    const file = path.join(tmp, name);
    writeFileSync(file, typeof json === 'string' ? json : JSON.stringify(json, null, 1));
    return file;
  };
  const file = writeRealm(
    {
      start: field,
      worlds: [
        { id: 'field-1', title: 'Field I', map: field, shard: '1', maxPlayers },
        { id: 'field-2', title: 'Field II', map: field, shard: '2', maxPlayers },
        { id: 'cave', title: 'The Cave', map: cave, maxPlayers },
      ],
    },
    'realm.json',
  );
  return {
    file,
    field,
    cave,
    fieldPortal: { x: 10, y: 5 },
    caveArrival: { x: 6, y: 4 },
    cavePortal: { x: 1, y: 8 },
    fieldArrival: { x: 8, y: 5 },
    writeRealm,
    remove() {
      rmSync(mapsDir, { recursive: true, force: true });
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}
