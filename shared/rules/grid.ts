// The collision grid both sides walk on: one byte per tile, non-zero = blocked.

export interface Grid {
  readonly width: number;
  readonly height: number;
  /** Filled when the map is loaded, then left alone: pathfinding caches which tiles connect (regions.ts). */
  readonly blocked: Uint8Array;
}

export function makeGrid(width: number, height: number): Grid {
  return { width, height, blocked: new Uint8Array(width * height) };
}

export function inBounds(grid: Grid, x: number, y: number): boolean {
  return x >= 0 && y >= 0 && x < grid.width && y < grid.height;
}

export function isWalkable(grid: Grid, x: number, y: number): boolean {
  return inBounds(grid, x, y) && grid.blocked[y * grid.width + x] === 0;
}

/** Builds a grid from rows of text: '#' blocked, anything else open. Handy for tests and tools. */
export function gridFromRows(rows: readonly string[]): Grid {
  const grid = makeGrid(rows[0]?.length ?? 0, rows.length);
  rows.forEach((row, y) => {
    for (let x = 0; x < row.length; x++) grid.blocked[y * grid.width + x] = row[x] === '#' ? 1 : 0;
  });
  return grid;
}
