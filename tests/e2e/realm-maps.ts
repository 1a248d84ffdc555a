// Two small maps for the realm's browser test, made at run time from the shipped tileset and meant to look
// nothing alike: a green meadow (played by two shards) and a wooden hall walled in stone (shared), linked
// by a portal each way. Written under assets/maps/e2e/ (git-ignored; the server loads maps only under
// assets/), the realm file in a temp folder; `remove` deletes both.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TileRect } from '../../shared/content/world-map.ts';
import type { TiledMap, TiledObject } from '../../shared/content/tiled-types.ts';
import { repoRoot } from '../../tools/server-process.ts';

const TILE = 16;
const W = 24;
const H = 16;

export interface RealmMaps {
  /** REALM=… for the server. */
  realmFile: string;
  /** Map paths under assets/. */
  meadow: string;
  hall: string;
  spawn: TileRect;
  /** The meadow's portal into the hall, and where one arrives back from the hall. */
  meadowPortal: { x: number; y: number };
  meadowArrival: { x: number; y: number };
  hallPortal: { x: number; y: number };
  hallArrival: { x: number; y: number };
  remove(): void;
}

export function writeRealmMaps(): RealmMaps {
  const shipped = JSON.parse(
    readFileSync(path.join(repoRoot, 'assets/maps/village.tmj'), 'utf8'),
  ) as TiledMap;
  const tileset = shipped.tilesets[0]!;
  const gid = (name: string): number => {
    const tile = tileset.tiles?.find((t) => t.properties?.some((p) => p.name === 'name' && p.value === name));
    if (!tile) throw new Error(`assets/maps/village.tmj: its tileset has no tile named ${name}`);
    return tileset.firstgid + tile.id;
  };
  const folder = `realm-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  const dir = path.join(repoRoot, 'assets/maps/e2e', folder);
  mkdirSync(dir, { recursive: true });
  const tmp = mkdtempSync(path.join(tmpdir(), 'emberquest-realm-e2e-'));
  const meadow = `maps/e2e/${folder}/meadow.tmj`;
  const hall = `maps/e2e/${folder}/hall.tmj`;
  const spawn = { x: 3, y: 6, width: 3, height: 3 };
  const places = {
    meadowPortal: { x: 18, y: 7 },
    meadowArrival: { x: 15, y: 7 },
    hallPortal: { x: 4, y: 12 },
    hallArrival: { x: 8, y: 8 },
  };

  const write = (
    file: string,
    inside: number,
    edge: number,
    objects: (rect: Rect, point: Point) => TiledObject[],
  ): void => {
    const ground = new Array<number>(W * H).fill(edge);
    for (let y = 1; y < H - 1; y++) for (let x = 1; x < W - 1; x++) ground[y * W + x] = inside;
    let id = 0;
    const rect: Rect = (type, name, r, properties) => ({
      id: ++id,
      name,
      type,
      x: r.x * TILE,
      y: r.y * TILE,
      width: r.width * TILE,
      height: r.height * TILE,
      ...(properties ? { properties } : {}),
    });
    const point: Point = (name, t) => ({
      id: ++id,
      name,
      type: 'destination',
      x: t.x * TILE + TILE / 2,
      y: t.y * TILE + TILE / 2,
      point: true,
    });
    const layer = (layerId: number, name: string, data: number[]) => ({
      id: layerId,
      name,
      type: 'tilelayer' as const,
      width: W,
      height: H,
      x: 0,
      y: 0,
      opacity: 1,
      visible: true,
      data,
    });
    const empty = new Array<number>(W * H).fill(0);
    const map: TiledMap = {
      ...shipped,
      width: W,
      height: H,
      // Two folders below the shipped maps: the client resolves `../../` as Tiled does.
      tilesets: [{ ...tileset, image: `../../${tileset.image}` }],
      layers: [
        layer(1, 'ground', ground),
        layer(2, 'detail', empty),
        layer(3, 'above', empty),
        { id: 4, name: 'objects', type: 'objectgroup', objects: objects(rect, point) },
      ],
    };
    writeFileSync(path.join(dir, file), JSON.stringify(map));
  };
  const one = (t: { x: number; y: number }): TileRect => ({ ...t, width: 1, height: 1 });
  const to = (map: string, name: string): TiledObject['properties'] => [
    { name: 'map', type: 'string', value: map },
    { name: 'to', type: 'string', value: name },
  ];
  write('meadow.tmj', gid('grass_0'), gid('water_0'), (rect, point) => [
    rect('spawn', 'start', spawn),
    rect('portal', 'into the hall', one(places.meadowPortal), to(hall, 'hall arrival')),
    point('meadow arrival', places.meadowArrival),
  ]);
  write('hall.tmj', gid('floor_wood'), gid('wall_stone_lower'), (rect, point) => [
    rect('spawn', 'start', spawn),
    rect('portal', 'out to the meadow', one(places.hallPortal), to(meadow, 'meadow arrival')),
    point('hall arrival', places.hallArrival),
  ]);
  const realmFile = path.join(tmp, 'realm.json');
  writeFileSync(
    realmFile,
    JSON.stringify({
      start: meadow,
      worlds: [
        { id: 'meadow-1', title: 'Meadow I', map: meadow, shard: '1', maxPlayers: 20 },
        { id: 'meadow-2', title: 'Meadow II', map: meadow, shard: '2', maxPlayers: 20 },
        { id: 'hall', title: 'The Hall', map: hall, maxPlayers: 20 },
      ],
    }),
  );
  return {
    realmFile,
    meadow,
    hall,
    spawn,
    ...places,
    remove() {
      rmSync(dir, { recursive: true, force: true });
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}

type Rect = (type: string, name: string, r: TileRect, properties?: TiledObject['properties']) => TiledObject;
type Point = (name: string, t: { x: number; y: number }) => TiledObject;
