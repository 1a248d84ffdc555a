// Helpers for simulation tests: small maps built from text, and players that keep a client's view.
import { gridFromRows } from '../../shared/rules/grid.ts';
import { applyFrame, createView, type ViewEvent, type WorldView } from '../../shared/protocol/view.ts';
import type { TileRect, WorldMap } from '../../shared/content/world-map.ts';
import type { World, Player } from './world.ts';

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

/** Where the server says the player's walk ends. */
export function walkEnd(p: Player): { x: number; y: number } {
  const last = p.path.at(-1);
  return last ? { x: last.x, y: last.y } : { x: p.x, y: p.y };
}
