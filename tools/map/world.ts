// The world map "world": the village from village.ts at the south, then forest, coast, graveyard,
// mountains with the mine's mouth, desert, volcano and the wyrm's gate (the mines, the lair and the houses
// one can enter are maps of their own: interiors.ts, house-interiors.ts). One fixed seed; `npm run map`
// writes it.
import { createRng, type Rng } from '../art/rng.ts';
import type { TileDef } from '../art/tile-def.ts';
import { MapBuilder } from './builder.ts';
import { TerrainGrid, type Terrain } from './terrain.ts';
import { buildVillage, layVillageLand, SPAWN } from './village.ts';
import { scatter } from './wild.ts';
import { OVER_W, VILLAGE_ORIGIN, WATERFALL, WORLD_H, WORLD_W, ZONES } from './world-layout.ts';
import { paintWorldLand } from './world-land.ts';
import { destinations } from './world-objects.ts';
import type { Place } from './village-objects.ts';
import { bridgeRiver, placeSetPieces, reserveClearings, secretLane, waterfall } from './world-places.ts';
import { crownCliffs, plantWoods, scatterZone, varyGround } from './world-wild.ts';
import { zoneScatters } from './world-scatter.ts';

const SEED = 0xe3be_4057;

export const WORLD_SPAWN = {
  x: SPAWN.x + VILLAGE_ORIGIN.x,
  y: SPAWN.y + VILLAGE_ORIGIN.y,
  w: SPAWN.w,
  h: SPAWN.h,
};

export interface WorldBuild {
  builder: MapBuilder;
  spawn: typeof WORLD_SPAWN;
  undergrowth: { filled: number; inOpen: number };
  /** Camera areas: the overland (the whole map). */
  bounds: Place[];
}

/** The row where the mine road crosses the river. */
export const MINE_ROAD_BRIDGE_Y = 200;

function layGround(b: MapBuilder, rng: Rng): void {
  const grid = new TerrainGrid(OVER_W, WORLD_H);
  paintWorldLand(grid, b, rng);
  layVillageLand(b, grid, rng, VILLAGE_ORIGIN, WATERFALL.footY + 2);
  grid.fixCorners();
  const pure = (t: Terrain): string => (t === 'grass' ? `grass_${rng.int(0, 3)}` : `${t}_${rng.int(0, 1)}`);
  for (let y = 0; y < WORLD_H; y++)
    for (let x = 0; x < OVER_W; x++) b.put('ground', x, y, grid.groundTile(x, y, pure));
}

/** Where the woods stand: the forest zone (but not its clearings), and the map's west and south rims. */
function inWoods(x: number, y: number): boolean {
  const f = ZONES.forest!;
  const forest = x < f.x + f.w - 2 && y >= f.y && y < f.y + f.h - 4;
  const rim = (x < 5 && y >= f.y) || (y > WORLD_H - 4 && x < OVER_W - 20);
  return forest || rim;
}

/** What grows in a walkable pocket nobody can reach, so the server never puts anyone there. */
const FILLER: readonly [RegExp, string][] = [
  [/^(sand|dune|flagstone)_/, 'cactus_small'],
  [/^(basalt|ash|lava)_/, 'obsidian'],
  [/^(cave|cliff|lair_floor)_/, 'stalagmite'],
];

export function fillUnreachable(b: MapBuilder, reach: Uint8Array): { filled: number; inOpen: number } {
  let filled = 0;
  let inOpen = 0;
  for (let y = 0; y < b.height; y++) {
    for (let x = 0; x < b.width; x++) {
      if (reach[y * b.width + x] || b.blocked(x, y)) continue;
      const ground = b.tileAt('ground', x, y)?.name ?? '';
      b.put('detail', x, y, FILLER.find(([re]) => re.test(ground))?.[1] ?? 'bush');
      filled++;
      if (b.isEmpty('above', x, y)) inOpen++;
    }
  }
  return { filled, inOpen };
}

export function generateWorld(catalog: readonly TileDef[]): WorldBuild {
  const rng = createRng(SEED);
  const b = new MapBuilder(WORLD_W, WORLD_H, catalog);
  layGround(b, rng);
  buildVillage(b, rng, VILLAGE_ORIGIN);
  b.reserve(
    WORLD_SPAWN.x,
    WORLD_SPAWN.y,
    WORLD_SPAWN.x + WORLD_SPAWN.w - 1,
    WORLD_SPAWN.y + WORLD_SPAWN.h - 1,
  );
  reserveClearings(b);
  placeSetPieces(b, rng);
  waterfall(b, WATERFALL.x, WATERFALL.topY, WATERFALL.footY);
  bridgeRiver(b, MINE_ROAD_BRIDGE_Y, 70, 94);
  plantWoods(b, rng, { x: 0, y: ZONES.forest!.y - 2, w: OVER_W, h: WORLD_H - ZONES.forest!.y + 2 }, inWoods, [
    'oak',
    'oak',
    'oak_light',
    'pine',
  ]);
  varyGround(b, rng, ZONES.desert!, /^sand_\d$/, ['dune_0', 'dune_1'], 0.25);
  for (const s of zoneScatters()) scatterZone(b, rng, s);
  crownCliffs(b, rng, { x: 0, y: 60, w: OVER_W, h: 120 });
  scatter(b, rng);
  secretLane(b);
  const reach = new Uint8Array(b.width * b.height);
  for (const [x, y] of [[WORLD_SPAWN.x, WORLD_SPAWN.y] as const, ...destinations()]) {
    const r = b.reachableFrom(x, y);
    for (let i = 0; i < r.length; i++) reach[i] ||= r[i]!;
  }
  const undergrowth = fillUnreachable(b, reach);
  const bounds: Place[] = [{ type: 'bounds', name: 'overland', x: 0, y: 0, w: OVER_W, h: WORLD_H }];
  return { builder: b, spawn: WORLD_SPAWN, undergrowth, bounds };
}
