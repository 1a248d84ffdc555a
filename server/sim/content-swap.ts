// Live reload (the server watches assets/): what changes in a running world when its map or data is
// replaced between two ticks. Players stay; everything placed by the map is taken away and placed afresh.
import { isWalkable, type Grid } from '../../shared/rules/grid.ts';
import type { Entity, Player } from './entities.ts';
import type { SimContext } from './context.ts';
import type { GameData } from '../../shared/content/game-data.ts';
import type { WorldMap } from '../../shared/content/world-map.ts';
import { parsePlacements, type Placements } from '../../shared/content/placements.ts';
import { placeNpcsAndChests } from './loot.ts';
import { populateMobs } from './mob-life.ts';
import { welcome } from './welcome.ts';
import type { Visibility } from './visibility.ts';

/** A world whose content can be replaced: its map, data and placements are written here. */
export interface Swappable extends SimContext {
  readonly name: string;
  readonly mapPath: string;
  contentVersion: string;
  map: WorldMap;
  data: GameData;
  placements: Placements;
  readonly vis: Visibility;
}

/**
 * The new map and data replace the old (throws, changing nothing, if the placements are bad or the size
 * changed). Players stay, moved off any new wall; everything the map places is placed afresh; each
 * placed player is welcomed again and shown what it sees now.
 */
export function replaceContent(
  world: Swappable,
  map: WorldMap,
  data: GameData,
  mapFile: string,
  version: string,
): void {
  if (map.width !== world.map.width || map.height !== world.map.height)
    throw new Error(`${mapFile}: the map's size changed (restart the server to play a map of a new size)`);
  const placements = parsePlacements(map, data, mapFile);
  clearPlaced(world);
  const placed = [...world.players.values()].filter((p) => p.cell >= 0);
  for (const p of placed) world.vis.remove(p);
  world.map = map;
  world.data = data;
  world.placements = placements;
  world.contentVersion = version;
  for (const p of world.players.values()) settlePlayer(map.grid, p);
  placeNpcsAndChests(world);
  populateMobs(world);
  for (const p of placed) world.vis.place(p);
  // A welcome starts the client's picture afresh, then everything in sight.
  for (const p of placed) {
    p.outbox.clear();
    p.outbox.tellFirst(...welcome(world, p));
    world.vis.showAround(p);
  }
}

/** The nearest walkable tile to (x, y) by steps on the grid (the tile itself when it is open). */
export function nearestWalkable(grid: Grid, x: number, y: number): { x: number; y: number } {
  if (isWalkable(grid, x, y)) return { x, y };
  const seen = new Uint8Array(grid.width * grid.height);
  const queue = [
    { x: Math.min(Math.max(x, 0), grid.width - 1), y: Math.min(Math.max(y, 0), grid.height - 1) },
  ];
  seen[queue[0]!.y * grid.width + queue[0]!.x] = 1;
  for (let i = 0; i < queue.length; i++) {
    const t = queue[i]!;
    if (isWalkable(grid, t.x, t.y)) return t;
    for (const [dx, dy] of [
      [1, 0],
      [-1, 0],
      [0, 1],
      [0, -1],
    ] as const) {
      const nx = t.x + dx;
      const ny = t.y + dy;
      if (nx < 0 || ny < 0 || nx >= grid.width || ny >= grid.height || seen[ny * grid.width + nx]) continue;
      seen[ny * grid.width + nx] = 1;
      queue.push({ x: nx, y: ny });
    }
  }
  return { x, y }; // no walkable tile at all: the checker refuses such a map before it gets here
}

/** Mobs, items, NPCs and chests leave the world (watchers see them go) and give back their ids. */
export function clearPlaced(world: SimContext): void {
  const gone = (e: Entity): void => {
    world.vis.remove(e);
    world.releaseId(e.id);
  };
  for (const mob of world.mobs.values()) {
    world.mobTiles.remove(mob);
    gone(mob);
  }
  for (const map of [world.items, world.npcs, world.chests]) for (const e of map.values()) gone(e);
  world.mobs.clear();
  world.items.clear();
  world.npcs.clear();
  world.chests.clear();
}

/**
 * The player stops where it stands (its walk was planned on the old grid) and, if its tile or checkpoint
 * became a wall, goes to the nearest open tile. Its goal is dropped: the target was taken away.
 */
export function settlePlayer(grid: Grid, p: Player): void {
  const tile = nearestWalkable(grid, p.x, p.y);
  p.x = p.endX = tile.x;
  p.y = p.endY = tile.y;
  p.path = [];
  p.progress = 0;
  p.started = null;
  p.goal = null;
  if (p.checkpoint.map === '')
    p.checkpoint = { ...nearestWalkable(grid, p.checkpoint.x, p.checkpoint.y), map: '' };
  p.dirty = true;
}
