// Which open tiles connect: every walkable tile gets the number of its region (4-neighbour flood fill),
// blocked tiles -1. No path joins two regions, which A* could otherwise learn only by exhausting its budget
// (a click on the sea, a mob across a river): the pathfinder asks here first.
import type { Grid } from './grid.ts';

const cache = new WeakMap<Grid, Int32Array>();

/** The region of every tile, computed once per grid (grids do not change after the map is loaded). */
export function regionsOf(grid: Grid): Int32Array {
  let regions = cache.get(grid);
  if (!regions) cache.set(grid, (regions = labelRegions(grid)));
  return regions;
}

function labelRegions(grid: Grid): Int32Array {
  const { width, height, blocked } = grid;
  const regions = new Int32Array(width * height).fill(-1);
  const stack: number[] = [];
  let next = 0;
  for (let seed = 0; seed < regions.length; seed++) {
    if (blocked[seed] || regions[seed]! >= 0) continue;
    const region = next++;
    regions[seed] = region;
    stack.push(seed);
    while (stack.length) {
      const i = stack.pop()!;
      const x = i % width;
      if (x > 0) visit(i - 1);
      if (x < width - 1) visit(i + 1);
      if (i >= width) visit(i - width);
      if (i < (height - 1) * width) visit(i + width);
    }
    function visit(j: number): void {
      if (blocked[j] || regions[j]! >= 0) return;
      regions[j] = region;
      stack.push(j);
    }
  }
  return regions;
}
