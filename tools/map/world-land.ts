// The overland's ground on the corner grid: volcano, desert, graveyard, mountains, forest floor,
// the coast and the sea, the river from the waterfall, and the roads. Noise makes every border wobble.
import { tileableNoise } from '../art/noise.ts';
import type { Rng } from '../art/rng.ts';
import type { MapBuilder } from './builder.ts';
import { paintRoad } from './land.ts';
import type { Terrain, TerrainGrid } from './terrain.ts';
import { LAIR_MOUTH, MINE_MOUTH, NORTH_ROAD, OUTCROP_MOUTH, WATERFALL } from './world-layout.ts';

type Noise = (x: number, y: number) => number;

/** A blob around (cx, cy) with radii rx, ry whose rim wobbles by `amp` (0..1 of the radius). */
function inBlob(
  n: Noise,
  vx: number,
  vy: number,
  cx: number,
  cy: number,
  rx: number,
  ry: number,
  amp = 0.3,
): boolean {
  const d = Math.hypot((vx - cx) / rx, (vy - cy) / ry);
  return d < 1 - amp / 2 + n(vx * 3, vy * 3) * amp;
}

export function paintWorldLand(grid: TerrainGrid, b: MapBuilder, rng: Rng): void {
  const low = tileableNoise(rng, 16, 512);
  const mid = tileableNoise(rng, 24, 384);
  const wob = (v: number, amp: number, salt = 0): number =>
    (low(v * 2 + salt * 37, salt * 53) - 0.5) * 2 * amp;
  for (let vy = 0; vy <= grid.height; vy++) {
    for (let vx = 0; vx <= grid.width; vx++) {
      let t: Terrain = 'grass';
      if (vy < 54 + wob(vx, 4, 1)) t = 'basalt';
      else if (vy < 118 + wob(vx, 5, 2)) t = 'sand';
      else if (vx < 60 + wob(vy, 4, 3) && vy < 174 + wob(vx, 3, 4)) t = 'deadgrass';
      else if (vx < 112 && vy >= 172 && vy < 246 && mid(vx, vy) > 0.32) t = 'forest';
      if (vy >= 60 && vx >= 136 + wob(vy, 3, 5)) t = 'water';
      else if (vy >= 112 && vx >= 127 + wob(vy, 3, 6)) t = 'sand';
      grid.set(vx, vy, t);
    }
  }
  paintVolcano(grid, mid);
  paintMountains(grid, mid);
  paintDesertDetails(grid, mid);
  // The river: out of the waterfall's pool, south through the forest, into the village's river.
  for (const [x, y] of paintRoad(grid, { width: 2, points: NORTH_ROAD })) b.reserve(x - 1, y, x + 1, y);
  for (const road of SIDE_ROADS) for (const [x, y] of paintRoad(grid, road)) b.reserve(x, y, x, y);
}

/** Branches off the north road: to the graveyard gate, the mine valley (over a bridge) and the coast. */
export const SIDE_ROADS = [
  {
    width: 1,
    points: [
      [62, 150],
      [48, 150],
    ] as [number, number][],
  },
  {
    width: 1,
    points: [
      [68, 200],
      [95, 200],
      [95, 172],
    ] as [number, number][],
  },
  {
    width: 2,
    points: [
      [109, 278],
      [124, 278],
    ] as [number, number][],
  },
];

/** Lava rivers and pools across the volcano, with ash fields; basalt fords keep every part reachable. */
function paintVolcano(grid: TerrainGrid, n: Noise): void {
  for (let vy = 0; vy <= 56; vy++) {
    for (let vx = 0; vx <= grid.width; vx++) {
      if (grid.get(vx, vy) !== 'basalt') continue;
      // Two lava rivers running east-west, and a moat in front of the lair.
      const r1 = Math.abs(vy - (38 + 4 * Math.sin(vx / 9) + 2 * Math.sin(vx / 4))) < 1.6;
      const r2 = Math.abs(vy - (22 + 3 * Math.sin(vx / 11 + 2))) < 1.3;
      const ford = (x: number): boolean => Math.abs(vx - x) < 3;
      const fords1 = ford(60) || ford(20) || ford(118);
      const fords2 = ford(75) || ford(34) || ford(130);
      const pool =
        inBlob(n, vx, vy, 24, 12, 7, 5) ||
        inBlob(n, vx, vy, 120, 10, 8, 5) ||
        inBlob(n, vx, vy, 100, 46, 5, 3);
      // A ring of lava round the gate, crossed by one causeway from the south.
      const moat = Math.abs(Math.hypot((vx - LAIR_MOUTH.x - 1) / 1.5, vy - LAIR_MOUTH.y - 1) - 7) < 1.1;
      const bridge = Math.abs(vx - LAIR_MOUTH.x - 1) < 2;
      if (((r1 && !fords1) || (r2 && !fords2) || pool || moat) && !(moat && bridge)) grid.set(vx, vy, 'lava');
      else if (n(vx * 2 + 100, vy * 2) > 0.62) grid.set(vx, vy, 'ash');
    }
  }
}

/**
 * The mountains between graveyard and coast: a cliff massif with a valley cut in from the south to
 * the mine's mouth, and a straight south face where the waterfall comes down.
 */
function paintMountains(grid: TerrainGrid, n: Noise): void {
  for (let vy = 104; vy <= 176; vy++) {
    for (let vx = 60; vx <= 130; vx++) {
      const massif = inBlob(n, vx, vy, 96, 140, 30, 28, 0.25);
      const valley = vx >= MINE_MOUTH.x - 6 && vx <= MINE_MOUTH.x + 8 && vy >= MINE_MOUTH.y + 2 && vy <= 176;
      const valleyWobble =
        vx >= MINE_MOUTH.x - 8 + n(vy * 4, 1) * 3 && vx <= MINE_MOUTH.x + 10 - n(vy * 4, 9) * 3;
      if (massif && !(valley && valleyWobble)) grid.set(vx, vy, 'cliff');
    }
  }
  // Flat faces where things are cut into the rock.
  const face = (x0: number, x1: number, y: number, depth: number): void => {
    for (let vx = x0; vx <= x1; vx++) {
      for (let vy = y - depth; vy <= y; vy++) grid.set(vx, vy, 'cliff');
      for (let vy = y + 1; vy <= y + 3; vy++) grid.set(vx, vy, 'grass');
    }
  };
  face(WATERFALL.x - 5, WATERFALL.x + 8, WATERFALL.footY - 1, 8);
  face(MINE_MOUTH.x - 3, MINE_MOUTH.x + 5, MINE_MOUTH.y + 1, 6);
}

/** The oasis pool and the rocky outcrop that hides the mine's back door. */
function paintDesertDetails(grid: TerrainGrid, n: Noise): void {
  for (let vy = 60; vy <= 116; vy++) {
    for (let vx = 0; vx <= 130; vx++) {
      if (inBlob(n, vx, vy, 112, 84, 6, 4)) grid.set(vx, vy, 'water');
      if (inBlob(n, vx, vy, OUTCROP_MOUTH.x + 1, OUTCROP_MOUTH.y - 3, 7, 5, 0.2)) grid.set(vx, vy, 'cliff');
    }
  }
  for (let vx = OUTCROP_MOUTH.x - 2; vx <= OUTCROP_MOUTH.x + 4; vx++) {
    for (let vy = OUTCROP_MOUTH.y - 4; vy <= OUTCROP_MOUTH.y + 1; vy++) grid.set(vx, vy, 'cliff');
    for (let vy = OUTCROP_MOUTH.y + 2; vy <= OUTCROP_MOUTH.y + 4; vy++) grid.set(vx, vy, 'grass');
  }
}
