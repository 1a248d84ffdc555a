// The starter map "village": where everything goes. Coordinates are in tiles; tweak them here and
// run `npm run map`. Randomness (shore wobble, scatter, tree kinds) comes from one fixed seed.
import type { TileDef } from '../art/tile-def.ts';
import { createRng } from '../art/rng.ts';
import { MapBuilder, houseHeight, type House } from './builder.ts';
import { paintRoad, paintWater, type Road } from './land.ts';
import { TerrainGrid, type Terrain } from './terrain.ts';
import { fillUnreachable, plantForest, plantMeadowTrees, scatter } from './wild.ts';

export const WIDTH = 80;
export const HEIGHT = 72;
const SEED = 0x5eed_7111;

/** The village square, where new players appear (tile rectangle). */
const SQUARE = { x0: 29, y0: 29, x1: 42, y1: 38 };
export const SPAWN = { x: 32, y: 33, w: 6, h: 6 };
const WELL = { x: 35, y: 30 };
const MAIN_ROAD_Y = 34;

/** Houses; `lane` is the row their door path runs down to. */
export const HOUSES: readonly (House & { lane: number })[] = [
  { x: 20, y: 21, w: 5, wall: 'stone', roof: 'orange', lane: 28 },
  { x: 30, y: 19, w: 6, wall: 'wood', roof: 'red', lane: 28, mids: 2 },
  { x: 44, y: 21, w: 5, wall: 'stone', roof: 'red', lane: 28 },
  { x: 19, y: 40, w: 5, wall: 'wood', roof: 'orange', lane: 46 },
  { x: 45, y: 39, w: 6, wall: 'wood', roof: 'orange', lane: 46, mids: 2 },
  { x: 27, y: 49, w: 5, wall: 'stone', roof: 'red', lane: 55 },
  { x: 40, y: 49, w: 4, wall: 'wood', roof: 'red', lane: 55 },
];

const ROADS: readonly Road[] = [
  // Main east-west road: from the west woods, through the square, over the bridge, to the east.
  {
    width: 2,
    points: [
      [0, 35],
      [12, 35],
      [12, MAIN_ROAD_Y],
      [66, MAIN_ROAD_Y],
      [66, 32],
      [79, 32],
    ],
  },
  {
    width: 1,
    points: [
      [40, 28],
      [40, 14],
      [38, 14],
      [38, 0],
    ],
  }, // north road
  {
    width: 1,
    points: [
      [35, 39],
      [35, 60],
      [33, 60],
      [33, 71],
    ],
  }, // south road
  // Lanes in front of the houses; door paths join them below.
  {
    width: 1,
    points: [
      [22, 28],
      [29, 28],
    ],
  },
  {
    width: 1,
    points: [
      [42, 28],
      [46, 28],
    ],
  },
  {
    width: 1,
    points: [
      [21, 46],
      [48, 46],
    ],
  },
  {
    width: 1,
    points: [
      [29, 55],
      [42, 55],
    ],
  },
];

/** Fenced gardens: rectangle, gate tiles and what grows inside. */
const GARDENS = [
  {
    x0: 10,
    y0: 21,
    x1: 16,
    y1: 26,
    gates: [[13, 26]] as [number, number][],
    crops: ['crops_cabbage', 'soil', 'crops_sprouts'],
  },
  {
    x0: 23,
    y0: 11,
    x1: 29,
    y1: 16,
    gates: [[26, 16]] as [number, number][],
    crops: ['crops_sprouts', 'soil'],
  },
  {
    x0: 10,
    y0: 47,
    x1: 16,
    y1: 52,
    gates: [[13, 47]] as [number, number][],
    crops: ['flowers_red', 'flowers_yellow', 'flowers_blue'],
  },
];

const SIGNS: readonly [number, number][] = [
  [27, 32],
  [53, 36],
  [41, 26],
];

/** Market clutter at the square's corners, flowers by the well: away from the spawn and roads. */
const SQUARE_PROPS: readonly [number, number, string][] = [
  [29, 29, 'barrel'],
  [30, 29, 'crate'],
  [42, 29, 'crate'],
  [29, 38, 'crate'],
  [29, 37, 'barrel'],
  [30, 38, 'barrel'],
  [42, 38, 'barrel'],
  [41, 38, 'crate'],
  [42, 37, 'crate'],
  [34, 31, 'flowers_red'],
  [37, 31, 'flowers_yellow'],
];

export interface VillageMap {
  builder: MapBuilder;
  spawn: typeof SPAWN;
  /** Walkable tiles cut off from the spawn that got undergrowth (`inOpen`: not under canopy). */
  undergrowth: { filled: number; inOpen: number };
}

/** Where the village's top-left corner lies on a bigger map (the world); 0,0 for village.tmj. */
export interface Origin {
  x: number;
  y: number;
}

const shift = (o: Origin, points: readonly [number, number][]): [number, number][] =>
  points.map(([x, y]) => [x + o.x, y + o.y]);

/** Where the village's river runs at row y (the world's river follows it north to the waterfall). */
export function villageRiverCentre(o: Origin, y: number): number {
  return o.x + 57 + 2 * Math.sin((y - o.y) / 7) + 0.8 * Math.sin((y - o.y) / 3 + 1);
}

/**
 * The village's land on a corner grid: river and lake, the square, roads and door paths (reserved so
 * nothing grows on them). `riverFromY` lets the world's river come down from further north.
 */
export function layVillageLand(
  b: MapBuilder,
  grid: TerrainGrid,
  rng: ReturnType<typeof createRng>,
  o: Origin,
  riverFromY = o.y,
): void {
  paintWater(
    grid,
    {
      riverCentre: (y) => villageRiverCentre(o, y),
      riverHalfWidth: (y) => 1.6 + 0.4 * Math.sin((y - o.y) / 4),
      riverStartY: riverFromY,
      riverEndY: o.y + 58,
      lake: { cx: o.x + 63, cy: o.y + 63, rx: 13, ry: 6.5 },
    },
    rng,
  );
  grid.fillTiles(SQUARE.x0 + o.x, SQUARE.y0 + o.y, SQUARE.x1 + o.x, SQUARE.y1 + o.y, 'path');
  for (const road of ROADS)
    for (const [x, y] of paintRoad(grid, { width: road.width, points: shift(o, road.points) }))
      b.reserve(x, y, x, y);
  for (const h of HOUSES) {
    const doorX = h.x + Math.floor(h.w / 2) + o.x;
    const front = h.y + houseHeight(h) + o.y;
    paintRoad(grid, {
      width: 1,
      points: [
        [doorX, front],
        [doorX, h.lane + o.y],
      ],
    });
    b.reserve(doorX, front, doorX, h.lane + o.y);
  }
}

function layGround(b: MapBuilder, rng: ReturnType<typeof createRng>): void {
  const grid = new TerrainGrid(WIDTH, HEIGHT);
  layVillageLand(b, grid, rng, { x: 0, y: 0 });
  grid.fixCorners();
  const pure = (t: Terrain): string =>
    t === 'grass'
      ? `grass_${rng.int(0, 3)}`
      : t === 'path'
        ? `path_${rng.int(0, 1)}`
        : `${t}_${rng.int(0, 1)}`;
  for (let y = 0; y < HEIGHT; y++)
    for (let x = 0; x < WIDTH; x++) b.put('ground', x, y, grid.groundTile(x, y, pure));
}

/** The bridge replaces every non-path ground tile on the main road where it crosses the river. */
function layBridge(b: MapBuilder, o: Origin): void {
  const row = MAIN_ROAD_Y + o.y;
  const isPath = (x: number): boolean => /^path_\d$/.test(b.tileAt('ground', x, row)?.name ?? '');
  let x0 = 50 + o.x;
  while (isPath(x0)) x0++;
  let x1 = x0;
  while (!isPath(x1 + 1)) x1++;
  for (let x = x0; x <= x1; x++) {
    const col = x === x0 ? 0 : x === x1 ? 2 : 1;
    b.put('ground', x, row, `bridge_${col}_0`);
    b.put('ground', x, row + 1, `bridge_${col}_1`);
  }
  b.reserve(x0 - 1, row - 1, x1 + 1, row + 2);
}

/** Bridge, square, houses, gardens and clutter, on ground that is already laid. */
export function buildVillage(b: MapBuilder, rng: ReturnType<typeof createRng>, o: Origin): void {
  layBridge(b, o);
  b.reserve(SQUARE.x0 - 1 + o.x, SQUARE.y0 - 1 + o.y, SQUARE.x1 + 1 + o.x, SQUARE.y1 + 1 + o.y);
  b.placeMulti('well', WELL.x + o.x, WELL.y + o.y, 2, 2, 1);
  for (const house of HOUSES) {
    const h = { ...house, x: house.x + o.x, y: house.y + o.y };
    b.placeHouse(h, rng.chance(0.5) ? 1 : h.w - 2);
    // Barrels and crates against the side walls, clear of the door path.
    const wallY = h.y + houseHeight(h) - 1;
    if (rng.chance(0.7)) b.put('detail', h.x + h.w, wallY, rng.pick(['barrel', 'crate']));
    if (rng.chance(0.5)) b.put('detail', h.x - 1, wallY, rng.pick(['barrel', 'crate']));
  }
  for (const g of GARDENS) {
    const [x0, y0, x1, y1] = [g.x0 + o.x, g.y0 + o.y, g.x1 + o.x, g.y1 + o.y];
    b.placeFence(x0, y0, x1, y1, shift(o, g.gates));
    for (let y = y0 + 1; y < y1; y++) {
      for (let x = x0 + 1; x < x1; x++) b.put('detail', x, y, g.crops[(y - y0 - 1) % g.crops.length]!);
    }
  }
  for (const [x, y] of SIGNS) b.put('detail', x + o.x, y + o.y, 'sign');
  for (const [x, y, name] of SQUARE_PROPS) b.put('detail', x + o.x, y + o.y, name);
}

export function generateVillage(catalog: readonly TileDef[]): VillageMap {
  const rng = createRng(SEED);
  const b = new MapBuilder(WIDTH, HEIGHT, catalog);
  layGround(b, rng);
  buildVillage(b, rng, { x: 0, y: 0 });
  b.reserve(SPAWN.x, SPAWN.y, SPAWN.x + SPAWN.w - 1, SPAWN.y + SPAWN.h - 1);
  plantForest(b, rng);
  plantMeadowTrees(b, rng, 10);
  scatter(b, rng);
  const undergrowth = fillUnreachable(b, b.reachableFrom(SPAWN.x, SPAWN.y));
  return { builder: b, spawn: SPAWN, undergrowth };
}
