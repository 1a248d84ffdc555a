import { describe, expect, it } from 'vitest';
import { gridFromRows } from './grid.ts';
import { regionsOf } from './regions.ts';
import { findPath } from './path.ts';

describe('regionsOf', () => {
  it('gives connected open tiles one region, separated ones another, and blocked tiles -1', () => {
    const grid = gridFromRows(['..#..', '..#..', '###..', '.#...']);
    const r = regionsOf(grid);
    const at = (x: number, y: number): number => r[y * 5 + x]!;
    expect(at(0, 0)).toBe(at(1, 1));
    expect(at(3, 0)).toBe(at(4, 3));
    expect(at(2, 3)).toBe(at(3, 0)); // around the corner, 4-neighbour
    expect(new Set([at(0, 0), at(3, 0), at(0, 3)]).size).toBe(3);
    expect(at(2, 0)).toBe(-1);
    expect(at(1, 3)).toBe(-1);
  });

  it('is computed once per grid', () => {
    const grid = gridFromRows(['...', '.#.']);
    expect(regionsOf(grid)).toBe(regionsOf(grid));
  });

  it('lets a path to another region give up early, still heading for the closest tile it found', () => {
    // A wide field around a sealed room: the walk goes to the open tile nearest the target, just above
    // the room (three tiles from it), as a search of the whole budget would.
    const rows = Array.from({ length: 40 }, (_, y) =>
      y >= 18 && y <= 22 ? '.'.repeat(150) + '###.###'.slice(0, 7) : '.'.repeat(157),
    );
    rows[19] = '.'.repeat(150) + '#.....#';
    rows[20] = '.'.repeat(150) + '#.....#';
    rows[21] = '.'.repeat(150) + '#.....#';
    rows[18] = '.'.repeat(150) + '#######';
    rows[22] = '.'.repeat(150) + '#######';
    const grid = gridFromRows(rows);
    const path = findPath(grid, { x: 140, y: 20 }, { x: 153, y: 20 }, { nodeBudget: 6000, maxSteps: 96 });
    expect(path.at(-1)).toEqual({ x: 153, y: 17 });
    expect(path).toHaveLength(13 + 3);
  });
});
