// Interest management: the map is cut into square cells, and a player hears about the entities in the
// cells within INTEREST_RADIUS of its own (5×5 cells of 12 tiles: at least 24 tiles in every direction,
// more than a screen at the smallest scale the client allows).

export const CELL_SIZE = 12;
export const INTEREST_RADIUS = 2;

export class CellGrid<T> {
  readonly columns: number;
  readonly rows: number;
  private readonly members: Set<T>[];
  private readonly aroundCache: (number[] | undefined)[] = [];

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

  /** True when cells a and b can see each other (the relation is symmetric). */
  near(a: number, b: number): boolean {
    const ax = a % this.columns;
    const bx = b % this.columns;
    return (
      Math.abs(ax - bx) <= INTEREST_RADIUS &&
      Math.abs((a - ax) / this.columns - (b - bx) / this.columns) <= INTEREST_RADIUS
    );
  }

  /** The cells near `cell`, itself included. */
  around(cell: number): readonly number[] {
    const cached = this.aroundCache[cell];
    if (cached) return cached;
    const cx = cell % this.columns;
    const cy = (cell - cx) / this.columns;
    const out: number[] = [];
    for (let y = Math.max(0, cy - INTEREST_RADIUS); y <= Math.min(this.rows - 1, cy + INTEREST_RADIUS); y++) {
      for (
        let x = Math.max(0, cx - INTEREST_RADIUS);
        x <= Math.min(this.columns - 1, cx + INTEREST_RADIUS);
        x++
      ) {
        out.push(y * this.columns + x);
      }
    }
    this.aroundCache[cell] = out;
    return out;
  }
}
