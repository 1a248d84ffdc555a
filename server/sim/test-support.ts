// Helpers for simulation tests: small maps built from text, and players that keep a client's view.
import { readFileSync } from 'node:fs';
import { gridFromRows } from '../../shared/rules/grid.ts';
import { applyFrame, createView, type ViewEvent, type WorldView } from '../../shared/protocol/view.ts';
import { decodeServerFrame } from '../../shared/protocol/codec.ts';
import type { ServerMsg } from '../../shared/protocol/server-messages.ts';
import { parseWorldMap, type TileRect, type WorldMap } from '../../shared/content/world-map.ts';
import { parseGameData, readDataFiles, type GameData, type MobKind } from '../../shared/content/game-data.ts';
import type { TiledMap } from '../../shared/content/tiled-types.ts';
import type { World, Player } from './world.ts';
import type { Mob } from './entities.ts';
import type { Walker } from './walking.ts';
import { newCharacter, type SavedCharacter } from './character.ts';

/** A map from rows of text ('#' blocked) with one spawn area. */
export function mapFromRows(rows: readonly string[], spawn: TileRect): WorldMap {
  const grid = gridFromRows(rows);
  return {
    width: grid.width,
    height: grid.height,
    tileSize: 16,
    grid,
    spawns: [{ id: 1, kind: 'spawn', name: 's', area: spawn, properties: {} }],
    objects: [],
  };
}

/** An open map of the given size, spawning everyone on one tile. */
export function openMap(width: number, height: number, spawnX = 0, spawnY = 0): WorldMap {
  return mapFromRows(
    Array.from({ length: height }, () => '.'.repeat(width)),
    { x: spawnX, y: spawnY, width: 1, height: 1 },
  );
}

/** A joined player plus the view its client would hold from the frames the world sends it. */
export interface TestClient {
  player: Player;
  view: WorldView;
  frames: Uint8Array[];
  problems: string[];
}

export function joinClient(world: World, name: string): TestClient {
  const joined = world.join(name);
  if (!joined.ok) throw new Error(`join ${name}: ${joined.reason}`);
  return { player: joined.player, view: createView(), frames: [], problems: [] };
}

/** Ticks the world once and delivers each client its frame; returns every client's events. */
export function tickAndDeliver(world: World, clients: Iterable<TestClient>): Map<TestClient, ViewEvent[]> {
  world.tick();
  const events = new Map<TestClient, ViewEvent[]>();
  for (const client of clients) {
    const frame = world.takeFrame(client.player.id);
    if (!frame) continue;
    client.frames.push(frame);
    const applied = applyFrame(client.view, frame, world.tickCount);
    for (const e of applied)
      if (e.type === 'problem') client.problems.push(`tick ${world.tickCount}: ${e.text}`);
    events.set(client, applied);
  }
  return events;
}

/** Where the server says a player's or mob's walk ends. */
export function walkEnd(p: Walker): { x: number; y: number } {
  const last = p.path.at(-1);
  return last ? { x: last.x, y: last.y } : { x: p.x, y: p.y };
}

/** A map object for `adventureMap`, in tiles (a 1×1 area unless `w`/`h` say otherwise). */
export interface Place {
  id: number;
  type: string;
  name?: string;
  x: number;
  y: number;
  w?: number;
  h?: number;
  props?: Record<string, string | number | boolean>;
}

/**
 * A Tiled map from rows of text ('#' blocked) and objects placed in tiles, as a modder would save it:
 * going through the real loader keeps NPC and chest tiles blocked the way the game's maps are.
 */
export function tiledFromRows(rows: readonly string[], places: readonly Place[]): TiledMap {
  const width = rows[0]!.length;
  const height = rows.length;
  const tile = 16;
  return {
    orientation: 'orthogonal',
    width,
    height,
    tilewidth: tile,
    tileheight: tile,
    tilesets: [
      {
        firstgid: 1,
        name: 'test',
        tilecount: 2,
        columns: 2,
        tiles: [{ id: 1, properties: [{ name: 'collides', type: 'bool', value: true }] }],
      },
    ],
    layers: [
      {
        id: 1,
        name: 'ground',
        type: 'tilelayer',
        width,
        height,
        data: rows.flatMap((row) => [...row].map((c) => (c === '#' ? 2 : 1))),
      },
      {
        id: 2,
        name: 'objects',
        type: 'objectgroup',
        objects: places.map((p) => ({
          id: p.id,
          name: p.name ?? `${p.type}${p.id}`,
          type: p.type,
          x: p.x * tile,
          y: p.y * tile,
          width: (p.w ?? 1) * tile,
          height: (p.h ?? 1) * tile,
          properties: Object.entries(p.props ?? {}).map(([name, value]) => ({ name, value })),
        })),
      },
    ],
  };
}

export function adventureMap(rows: readonly string[], places: readonly Place[]): WorldMap {
  return parseWorldMap(tiledFromRows(rows, places), 'test.tmj');
}

/** Open ground of the given size. */
export function openRows(width: number, height: number): string[] {
  return Array.from({ length: height }, () => '.'.repeat(width));
}

let shipped: GameData | null = null;

/** The game's real data files, with test mobs added by `withMobs`. */
export function shippedData(): GameData {
  if (!shipped) {
    const read = (name: string): unknown => JSON.parse(readFileSync(`assets/data/${name}.json`, 'utf8'));
    shipped = parseGameData(readDataFiles(read));
  }
  return shipped;
}

/** The shipped data plus mob kinds made for a test (each a copy: tests never share mutable data). */
export function withMobs(...kinds: MobKind[]): GameData {
  const data = shippedData();
  const mobs = new Map(data.mobs);
  for (const k of kinds) mobs.set(k.id, k);
  return { ...data, mobs };
}

/** A plain mob kind for tests: passive, harmless-ish, never dropping anything unless told. */
export function mobKind(id: string, over: Partial<MobKind> = {}): MobKind {
  return {
    id,
    name: id,
    level: 1,
    hp: 50,
    armor: 1,
    weapon: 1,
    stepTicks: 2,
    attackTicks: 20,
    aggroRadius: 0,
    leash: 8,
    respawnSeconds: 5,
    xp: 1,
    boss: false,
    drops: [],
    ...over,
  };
}

/** Joins a player (optionally a saved character) and ticks once, so it stands in the world. */
export function placedClient(world: World, name: string, saved?: Partial<SavedCharacter>): TestClient {
  const joined = world.join(name, saved && { ...newCharacter(), ...saved });
  if (!joined.ok) throw new Error(`join ${name}: ${joined.reason}`);
  const client = { player: joined.player, view: createView(), frames: [], problems: [] };
  tickAndDeliver(world, [client]);
  return client;
}

/** Ticks up to `max` times until `done` holds; returns the ticks taken, or fails the test. */
export function tickUntil(
  world: World,
  clients: readonly TestClient[],
  done: () => boolean,
  max: number,
  what = 'a condition',
): number {
  for (let t = 1; t <= max; t++) {
    tickAndDeliver(world, clients);
    if (done()) return t;
  }
  throw new Error(`no ${what} within ${max} ticks`);
}

export function tickTimes(world: World, clients: readonly TestClient[], n: number): void {
  for (let t = 0; t < n; t++) tickAndDeliver(world, clients);
}

/** Every message of the given op the client received, in order, with the tick of its frame. */
export function received<O extends ServerMsg[0]>(
  client: TestClient,
  op: O,
): Extract<ServerMsg, [O, ...unknown[]]>[] {
  return client.frames.flatMap((f) =>
    decodeServerFrame(f).filter((m): m is Extract<ServerMsg, [O, ...unknown[]]> => m[0] === op),
  );
}

/** The one mob in the world (most tests have exactly one). */
export function onlyMob(world: World): Mob {
  const mobs = [...world.mobs.values()];
  if (mobs.length !== 1) throw new Error(`expected one mob, found ${mobs.length}`);
  return mobs[0]!;
}
