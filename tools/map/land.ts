// The land itself on the corner grid: river, lake and its beach, the village square and the roads.
import { tileableNoise } from '../art/noise.ts';
import type { Rng } from '../art/rng.ts';
import type { TerrainGrid } from './terrain.ts';

export interface Road {
  /** Tile waypoints; consecutive points must share a row or a column. */
  points: readonly [number, number][];
  /** Width in full tiles (the soft edges add half a tile each side). */
  width: number;
}

/** Marks a road's tiles as path; returns every tile it covers so the layout can keep them clear. */
export function paintRoad(grid: TerrainGrid, road: Road): [number, number][] {
  const tiles: [number, number][] = [];
  for (let i = 1; i < road.points.length; i++) {
    const [ax, ay] = road.points[i - 1]!;
    const [bx, by] = road.points[i]!;
    if (ax !== bx && ay !== by) throw new Error(`road segment ${ax},${ay} -> ${bx},${by} is not straight`);
    const x0 = Math.min(ax, bx);
    const y0 = Math.min(ay, by);
    const x1 = Math.max(ax, bx) + (ay === by ? 0 : road.width - 1);
    const y1 = Math.max(ay, by) + (ax === bx ? 0 : road.width - 1);
    grid.fillTiles(x0, y0, x1, y1, 'path');
    for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) tiles.push([x, y]);
  }
  return tiles;
}

export interface WaterPlan {
  riverCentre: (y: number) => number;
  riverHalfWidth: (y: number) => number;
  /** First corner row of the river (default 0, the map's north edge). */
  riverStartY?: number;
  riverEndY: number;
  lake: { cx: number; cy: number; rx: number; ry: number };
}

/** A meandering river from the north edge into a lake, with sand shores (a wide beach at the lake). */
export function paintWater(grid: TerrainGrid, plan: WaterPlan, rng: Rng): void {
  const wobble = tileableNoise(rng, 8, 96);
  const { lake } = plan;
  const inLake = (vx: number, vy: number): boolean => {
    const dx = (vx - lake.cx) / lake.rx;
    const dy = (vy - lake.cy) / lake.ry;
    return Math.hypot(dx, dy) < 0.85 + wobble(vx * 3, vy * 3) * 0.3;
  };
  const riverStartY = plan.riverStartY ?? 0;
  for (let vy = 0; vy <= grid.height; vy++) {
    for (let vx = 0; vx <= grid.width; vx++) {
      const river =
        vy >= riverStartY &&
        vy <= plan.riverEndY &&
        Math.abs(vx - plan.riverCentre(vy)) <= plan.riverHalfWidth(vy);
      if (river || inLake(vx, vy)) grid.set(vx, vy, 'water');
    }
  }
  // Shore: grass corners near water turn to sand; the lake gets a wider, uneven beach.
  const shore: [number, number][] = [];
  const y0 = Math.max(0, riverStartY - 2);
  const y1 = Math.min(grid.height, Math.max(plan.riverEndY, lake.cy + lake.ry * 1.5) + 4);
  for (let vy = y0; vy <= y1; vy++) {
    for (let vx = 0; vx <= grid.width; vx++) {
      if (grid.get(vx, vy) !== 'grass') continue;
      const nearLake =
        Math.hypot((vx - lake.cx) / lake.rx, (vy - lake.cy) / lake.ry) < 1.05 + wobble(vx * 5, vy * 5) * 0.35;
      const reach = nearLake ? 3 : 1;
      let near = false;
      for (let dy = -reach; dy <= reach && !near; dy++) {
        for (let dx = -reach; dx <= reach && !near; dx++) near = grid.get(vx + dx, vy + dy) === 'water';
      }
      if (near) shore.push([vx, vy]);
    }
  }
  for (const [vx, vy] of shore) grid.set(vx, vy, 'sand');
}
