import { describe, it, expect } from 'vitest';
import { gridFromRows, isWalkable, makeGrid, type Grid } from './grid.ts';
import { findPath, type Tile } from './path.ts';
import { dirBetween } from './dirs.ts';

const roomy = { nodeBudget: 100_000, maxSteps: 10_000 };

/** Checks the path is a chain of one-tile steps from `from` over open tiles only. */
function expectWalkable(grid: Grid, from: Tile, path: Tile[]): void {
  let at = from;
  for (const t of path) {
    expect(dirBetween(at.x, at.y, t.x, t.y)).not.toBe(-1);
    expect(isWalkable(grid, t.x, t.y)).toBe(true);
    at = t;
  }
}

/** Shortest path lengths by breadth-first search, the reference A* must match. */
function bfs(grid: Grid, from: Tile): Int32Array {
  const dist = new Int32Array(grid.width * grid.height).fill(-1);
  const queue = [from.y * grid.width + from.x];
  dist[queue[0]!] = 0;
  for (let head = 0; head < queue.length; head++) {
    const at = queue[head]!;
    const x = at % grid.width;
    const y = Math.floor(at / grid.width);
    for (const [dx, dy] of [
      [0, -1],
      [1, 0],
      [0, 1],
      [-1, 0],
    ] as const) {
      const nx = x + dx;
      const ny = y + dy;
      const next = ny * grid.width + nx;
      if (isWalkable(grid, nx, ny) && dist[next] === -1) {
        dist[next] = dist[at]! + 1;
        queue.push(next);
      }
    }
  }
  return dist;
}

describe('findPath', () => {
  it('walks the Manhattan distance on an open grid, ending on the target', () => {
    const grid = makeGrid(20, 20);
    const path = findPath(grid, { x: 2, y: 3 }, { x: 15, y: 11 }, roomy);
    expect(path).toHaveLength(13 + 8);
    expect(path.at(-1)).toEqual({ x: 15, y: 11 });
    expectWalkable(grid, { x: 2, y: 3 }, path);
  });

  it('goes around a wall by the shortest way', () => {
    const grid = gridFromRows([
      '..........',
      '.#######..',
      '.......#..',
      '.......#..',
      '.#######..',
      '..........',
    ]);
    const from = { x: 2, y: 2 };
    const to = { x: 9, y: 2 };
    const path = findPath(grid, from, to, roomy);
    expectWalkable(grid, from, path);
    expect(path.at(-1)).toEqual(to);
    expect(path.length).toBe(bfs(grid, from)[to.y * grid.width + to.x]);
  });

  it('matches breadth-first distances on random mazes and never steps on a wall', () => {
    let seed = 99;
    const random = (): number => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
    for (let round = 0; round < 40; round++) {
      const rows = Array.from({ length: 16 }, () =>
        Array.from({ length: 16 }, () => (random() < 0.3 ? '#' : '.')).join(''),
      );
      const grid = gridFromRows(rows);
      grid.blocked[0] = 0;
      const dist = bfs(grid, { x: 0, y: 0 });
      for (let target = 0; target < 256; target += 7) {
        const to = { x: target % 16, y: Math.floor(target / 16) };
        const path = findPath(grid, { x: 0, y: 0 }, to, roomy);
        expectWalkable(grid, { x: 0, y: 0 }, path);
        if (dist[target]! > 0) {
          expect(path.length).toBe(dist[target]);
          expect(path.at(-1)).toEqual(to);
        }
      }
    }
  });

  it('walks to the reachable tile nearest an unreachable target', () => {
    const grid = gridFromRows(['.....#...', '.....#...', '.....#...', '.....#...']);
    const path = findPath(grid, { x: 0, y: 0 }, { x: 8, y: 2 }, roomy);
    expectWalkable(grid, { x: 0, y: 0 }, path);
    expect(path.at(-1)).toEqual({ x: 4, y: 2 });
    expect(path).toHaveLength(6);
  });

  it('walks next to a blocked target', () => {
    const grid = gridFromRows(['.....', '..#..', '.....']);
    const path = findPath(grid, { x: 0, y: 1 }, { x: 2, y: 1 }, roomy);
    expect(path).toEqual([{ x: 1, y: 1 }]);
  });

  it('stays put when nothing is closer, or the start or target is off the map', () => {
    const grid = gridFromRows(['.#.', '##.', '...']);
    expect(findPath(grid, { x: 0, y: 0 }, { x: 2, y: 2 }, roomy)).toEqual([]);
    expect(findPath(grid, { x: 2, y: 2 }, { x: 3, y: 2 }, roomy)).toEqual([]);
    expect(findPath(grid, { x: 2, y: 2 }, { x: -1, y: 0 }, roomy)).toEqual([]);
    expect(findPath(grid, { x: 5, y: 5 }, { x: 2, y: 2 }, roomy)).toEqual([]);
    expect(findPath(grid, { x: 2, y: 2 }, { x: 2, y: 2 }, roomy)).toEqual([]);
  });

  it('gives up on the exact target after the node budget, walking toward it instead', () => {
    // A wall with a gap far away: reaching the target needs many expansions.
    const rows = Array.from(
      { length: 60 },
      (_, y) => '.'.repeat(30) + (y === 59 ? '.' : '#') + '.'.repeat(29),
    );
    const grid = gridFromRows(rows);
    const from = { x: 10, y: 0 };
    const to = { x: 50, y: 0 };
    const full = findPath(grid, from, to, roomy);
    expect(full.at(-1)).toEqual(to);
    for (const budget of [1, 10, 200]) {
      const cut = findPath(grid, from, to, { nodeBudget: budget, maxSteps: 10_000 });
      expectWalkable(grid, from, cut);
      // Each expansion adds at most one step to the best path found so far.
      expect(cut.length).toBeLessThan(budget);
      expect(cut.at(-1)).not.toEqual(to);
      if (budget > 1) expect(cut.at(-1)!.x).toBeGreaterThan(from.x);
    }
  });

  it('cuts long paths at maxSteps, keeping their beginning', () => {
    const grid = makeGrid(50, 5);
    const full = findPath(grid, { x: 0, y: 2 }, { x: 49, y: 2 }, roomy);
    const cut = findPath(grid, { x: 0, y: 2 }, { x: 49, y: 2 }, { nodeBudget: 100_000, maxSteps: 10 });
    expect(cut).toEqual(full.slice(0, 10));
  });

  it('is deterministic, across grids of different sizes in between', () => {
    const grid = gridFromRows(['..........', '...####...', '..........', '...####...', '..........']);
    const a = findPath(grid, { x: 0, y: 2 }, { x: 9, y: 2 }, roomy);
    findPath(makeGrid(7, 3), { x: 0, y: 0 }, { x: 6, y: 2 }, roomy);
    findPath(grid, { x: 9, y: 0 }, { x: 0, y: 4 }, roomy);
    const b = findPath(grid, { x: 0, y: 2 }, { x: 9, y: 2 }, roomy);
    expect(b).toEqual(a);
  });
});
