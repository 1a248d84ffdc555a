import { describe, it, expect } from 'vitest';
import { CELL_SIZE, CellGrid, INTEREST_RADIUS } from './interest.ts';

describe('CellGrid', () => {
  const grid = new CellGrid<string>(CELL_SIZE * 7 - 3, CELL_SIZE * 4);

  it('covers a partial last column', () => {
    expect(grid.columns).toBe(7);
    expect(grid.rows).toBe(4);
    expect(grid.cellAt(CELL_SIZE * 7 - 4, CELL_SIZE * 4 - 1)).toBe(7 * 4 - 1);
  });

  it('around() is exactly the cells near(), clipped to the map', () => {
    for (let cell = 0; cell < grid.columns * grid.rows; cell++) {
      const around = new Set(grid.around(cell));
      for (let other = 0; other < grid.columns * grid.rows; other++) {
        expect(around.has(other)).toBe(grid.near(cell, other));
        expect(grid.near(cell, other)).toBe(grid.near(other, cell));
      }
    }
    expect(grid.around(3 + 7 * 2)).toHaveLength((2 * INTEREST_RADIUS + 1) * 4);
  });

  it('does not wrap around rows', () => {
    expect(grid.near(6, 7)).toBe(false); // end of row 0 and start of row 1
  });

  it('adds and removes members', () => {
    const g = new CellGrid<string>(24, 24);
    g.add(1, 'a');
    expect([...g.in(1)]).toEqual(['a']);
    g.remove(1, 'a');
    expect(g.in(1).size).toBe(0);
  });
});
