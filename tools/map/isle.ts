// Ember Isle (assets/maps/isle.tmj): a small island in the sea east of the mainland, reached by the ferry
// on Old Pell's pier. Beach all round, a wooded hill, a smugglers' cove and a dormant crater with a hermit.
// One fixed seed; `npm run map` writes it with the same tileset as the world.
import { tileableNoise } from '../art/noise.ts';
import { createRng, type Rng } from '../art/rng.ts';
import type { TileDef } from '../art/tile-def.ts';
import { MapBuilder } from './builder.ts';
import {
  COVE,
  CRATER,
  HILL_WOODS,
  HUT,
  ISLAND,
  ISLE_FERRY,
  ISLE_H,
  ISLE_LANDING,
  ISLE_PIER,
  ISLE_ROADS,
  ISLE_W,
  LAVA_POOL,
} from './isle-layout.ts';
import { paintRoad } from './land.ts';
import { ferryStage } from './world-places.ts';
import { TerrainGrid, type Terrain } from './terrain.ts';
import { fillUnreachable } from './world.ts';
import { openAround, scatterZone, tryTall, type Scatter } from './world-wild.ts';

const SEED = 0x15_1e_e3_b0;

export interface IsleBuild {
  builder: MapBuilder;
  undergrowth: { filled: number; inOpen: number };
}

type Noise = (x: number, y: number) => number;

const blob = (n: Noise, vx: number, vy: number, b: typeof CRATER, amp: number): number =>
  Math.hypot((vx - b.cx) / b.rx, (vy - b.cy) / b.ry) - (n(vx * 3, vy * 3) - 0.5) * amp;

function layGround(b: MapBuilder, rng: Rng): void {
  const grid = new TerrainGrid(ISLE_W, ISLE_H, 'water');
  const n = tileableNoise(rng, 12, 192);
  for (let vy = 0; vy <= ISLE_H; vy++) {
    for (let vx = 0; vx <= ISLE_W; vx++) {
      const d = blob(n, vx, vy, ISLAND, 0.3);
      let t: Terrain = d < 0.78 ? 'grass' : d < 1 ? 'sand' : 'water';
      // The cove: a sandy bite out of the north-west shore.
      const cove = Math.hypot((vx - COVE.x - 4) / 9, (vy - COVE.y - 5) / 7);
      if (t === 'grass' && cove < 1) t = 'sand';
      const crater = blob(n, vx, vy, CRATER, 0.25);
      if (crater < 1) t = 'basalt';
      if (blob(n, vx, vy, LAVA_POOL, 0.2) < 1) t = 'lava';
      grid.set(vx, vy, t);
    }
  }
  for (const road of ISLE_ROADS)
    for (const [x, y] of paintRoad(grid, road)) b.reserve(x - 1, y - 1, x + 1, y + 1);
  grid.fixCorners();
  const pure = (t: Terrain): string => (t === 'grass' ? `grass_${rng.int(0, 3)}` : `${t}_${rng.int(0, 1)}`);
  for (let y = 0; y < ISLE_H; y++)
    for (let x = 0; x < ISLE_W; x++) b.put('ground', x, y, grid.groundTile(x, y, pure));
}

/** The west pier: planks over every water tile from the ferry's end to the beach, and its landing stage. */
function pier(b: MapBuilder): void {
  const y = ISLE_PIER.y;
  for (let x = ISLE_PIER.x0; x < ISLE_W && /^water_/.test(b.tileAt('ground', x, y)?.name ?? ''); x++)
    b.put('ground', x, y, 'pier');
  ferryStage(b, ISLE_FERRY.x, y, 4, 'east');
  b.reserve(0, y - 2, ISLE_LANDING.x + 8, y + 2);
}

/** The smugglers' cove: crates and barrels above the tide line, a boat's worth of loot under guard. */
function cove(b: MapBuilder): void {
  const c = COVE;
  for (const [dx, dy, name] of [
    [2, 2, 'crate'],
    [3, 2, 'barrel'],
    [9, 3, 'crate'],
    [5, 8, 'barrel'],
    [10, 9, 'crate'],
    [7, 5, 'bones'],
    [1, 6, 'driftwood'],
  ] as const)
    b.put('detail', c.x + dx, c.y + dy, name);
  b.reserve(c.x, c.y, c.x + c.w - 1, c.y + c.h - 1);
}

/** The hermit's hut and a sign by the road to it. */
function hut(b: MapBuilder): void {
  b.placeHouse(HUT, 3);
  b.put('detail', HUT.x - 2, HUT.y + 5, 'barrel');
  b.put('detail', 34, 30, 'sign');
}

/** The crater floor: obsidian and smoking vents where they wall nothing in, bones and grit between. */
function craterFloor(b: MapBuilder, rng: Rng): void {
  for (let y = 0; y < ISLE_H; y++) {
    for (let x = 0; x < ISLE_W; x++) {
      if (b.isReserved(x, y) || !/^basalt_\d$/.test(b.tileAt('ground', x, y)?.name ?? '')) continue;
      if (!b.isEmpty('detail', x, y)) continue;
      const roll = rng.next();
      if (roll < 0.16 && openAround(b, x, y))
        b.put('detail', x, y, rng.pick(['obsidian', 'obsidian', 'vent']));
      else if (roll > 0.9) b.put('detail', x, y, rng.pick(['pebbles', 'pebbles', 'bones']));
    }
  }
}

function scatters(): Scatter[] {
  return [
    {
      area: { x: 0, y: 0, w: ISLE_W, h: ISLE_H },
      ground: /^sand_\d$/,
      props: [
        [0.04, 'shells', false],
        [0.01, 'driftwood', true],
        [0.008, 'rock', true],
      ],
      tall: [[0.02, 'palm', 2, 3]],
    },
    {
      area: { x: HILL_WOODS.x - 8, y: HILL_WOODS.y - 3, w: HILL_WOODS.w + 14, h: HILL_WOODS.h + 8 },
      ground: /^grass_\d$/,
      props: [
        [0.04, ['bush', 'bush_berries'], true],
        [0.05, ['mushrooms', 'flowers_blue'], false],
      ],
      tall: [
        [0.16, 'pine', 2, 3],
        [0.1, 'oak', 2, 3],
        [0.06, 'oak_light', 2, 3],
      ],
    },
    {
      area: { x: 0, y: 0, w: ISLE_W, h: ISLE_H },
      ground: /^grass_\d$/,
      props: [
        [0.015, ['bush', 'bush_berries'], true],
        [0.01, ['rock_mossy', 'stump'], true],
        [0.05, ['flowers_red', 'flowers_yellow', 'pebbles'], false],
      ],
      tall: [[0.012, 'palm', 2, 3]],
    },
    {
      area: { x: CRATER.cx - CRATER.rx - 2, y: 0, w: CRATER.rx * 2 + 6, h: CRATER.cy + CRATER.ry + 3 },
      ground: /^(basalt|ash)_\d$/,
      props: [
        [0.07, 'obsidian', true],
        [0.04, 'vent', true],
        [0.02, 'bones', false],
        [0.07, 'pebbles', false],
      ],
      tall: [[0.03, 'charred_tree', 2, 3]],
    },
  ];
}

export function generateIsle(catalog: readonly TileDef[]): IsleBuild {
  const rng = createRng(SEED);
  const b = new MapBuilder(ISLE_W, ISLE_H, catalog);
  layGround(b, rng);
  pier(b);
  cove(b);
  hut(b);
  // Keep the crater's rim walk and the hermit's yard clear.
  b.reserve(HUT.x - 3, HUT.y + 4, HUT.x + HUT.w + 2, HUT.y + 6);
  b.reserve(CRATER.cx - 3, CRATER.cy + 3, CRATER.cx + 3, CRATER.cy + 6);
  // Palms along the beaches, where the scatter (which wants open ground all round) leaves too few.
  for (const [x, y] of [
    [20, 25],
    [27, 35],
    [12, 36],
    [55, 24],
    [57, 29],
    [52, 34],
    [47, 39],
    [30, 5],
    [40, 4],
    [7, 20],
    [18, 40],
  ] as const)
    tryTall(b, 'palm', x, y, 3, 2, /^(sand|grass)_\d$/);
  craterFloor(b, rng);
  for (const s of scatters()) scatterZone(b, rng, s);
  const reach = b.reachableFrom(ISLE_LANDING.x, ISLE_LANDING.y);
  const undergrowth = fillUnreachable(b, reach);
  return { builder: b, undergrowth };
}
