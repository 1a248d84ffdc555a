// Interest management: the map is cut into square cells, and a player hears about the entities in the
// cells within INTEREST_RADIUS of its own (5×5 cells of 12 tiles: at least VIEW_RADIUS_TILES, 24, in
// every direction, more than a screen at the smallest scale the client allows). It keeps hearing about them until they are
// more than FORGET_RADIUS cells away: the band between the two radii is hysteresis, so an entity that
// crosses a cell edge back and forth does not cost a despawn and a spawn each time.

import { VIEW_RADIUS_TILES } from '../../shared/rules/sight.ts';

export const CELL_SIZE = 12;
/** Cells each way from the player's own: its own cell's far edge is the nearest, so this covers the radius. */
export const INTEREST_RADIUS = Math.ceil(VIEW_RADIUS_TILES / CELL_SIZE);
export const FORGET_RADIUS = INTEREST_RADIUS + 1;

export class CellGrid<T> {
  readonly columns: number;
  readonly rows: number;
  private readonly members: Set<T>[];
  /** around() per radius, per cell. */
  private readonly aroundCache = new Map<number, (number[] | undefined)[]>();
  private readonly bandCache: (number[] | undefined)[] = [];

  constructor(mapWidth: number, mapHeight: number) {
    this.columns = Math.ceil(mapWidth / CELL_SIZE);
    this.rows = Math.ceil(mapHeight / CELL_SIZE);
    this.members = Array.from({ length: this.columns * this.rows }, () => new Set<T>());
  }

  cellAt(x: number, y: number): number {
    return Math.floor(y / CELL_SIZE) * this.columns + Math.floor(x / CELL_SIZE);
  }

  add(cell: number, item: T): void {
    this.members[cell]!.add(item);
  }

  remove(cell: number, item: T): void {
    this.members[cell]!.delete(item);
  }

  in(cell: number): ReadonlySet<T> {
    return this.members[cell]!;
  }

  /** Every cell with at least one member. */
  *occupied(): Generator<number> {
    for (let cell = 0; cell < this.members.length; cell++) if (this.members[cell]!.size) yield cell;
  }

  /** True when cells a and b are within `radius` cells of each other (the relation is symmetric). */
  near(a: number, b: number, radius = INTEREST_RADIUS): boolean {
    return this.distance(a, b) <= radius;
  }

  /** Cells between a and b along the farther axis (Chebyshev distance). */
  distance(a: number, b: number): number {
    const ax = a % this.columns;
    const bx = b % this.columns;
    return Math.max(Math.abs(ax - bx), Math.abs((a - ax) / this.columns - (b - bx) / this.columns));
  }

  /** The cells within FORGET_RADIUS of `cell` but beyond INTEREST_RADIUS: the hysteresis band around it. */
  band(cell: number): readonly number[] {
    let band = this.bandCache[cell];
    if (!band) {
      band = this.around(cell, FORGET_RADIUS).filter((c) => !this.near(c, cell, INTEREST_RADIUS));
      this.bandCache[cell] = band;
    }
    return band;
  }

  /** The cells within `radius` of `cell`, itself included. */
  around(cell: number, radius = INTEREST_RADIUS): readonly number[] {
    let cache = this.aroundCache.get(radius);
    if (!cache) this.aroundCache.set(radius, (cache = []));
    const cached = cache[cell];
    if (cached) return cached;
    const cx = cell % this.columns;
    const cy = (cell - cx) / this.columns;
    const out: number[] = [];
    for (let y = Math.max(0, cy - radius); y <= Math.min(this.rows - 1, cy + radius); y++) {
      for (let x = Math.max(0, cx - radius); x <= Math.min(this.columns - 1, cx + radius); x++) {
        out.push(y * this.columns + x);
      }
    }
    cache[cell] = out;
    return out;
  }
}
