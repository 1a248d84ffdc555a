// Tile layers under construction, addressed by tile name, with the placement helpers the village
// layout uses (houses, fences, multi-tile props) and the collision/reachability queries it checks.
import type { TileDef } from '../art/tile-def.ts';

export type LayerName = 'ground' | 'detail' | 'above';
export const LAYERS: readonly LayerName[] = ['ground', 'detail', 'above'];

export interface House {
  x: number;
  y: number;
  w: number;
  wall: 'stone' | 'wood';
  roof: 'orange' | 'red';
  /** Roof rows between ridge and eave (default 1); deeper roofs make bigger-looking houses. */
  mids?: number;
}

/**
 * Rows of a house from its top-left: ridge, `mids` roof rows, eave (all on the above layer), then
 * the upper and lower wall rows. The ridge row stands on walkable ground, so a character behind
 * the house is hidden by the roof; the rows under the rest of the roof collide.
 */
export function houseHeight(h: House): number {
  return (h.mids ?? 1) + 4;
}

export class MapBuilder {
  readonly layers: Record<LayerName, Int32Array>;
  /** Tiles kept free of scattered props and forest (roads, yards, house surroundings). */
  readonly reserved: Uint8Array;
  private readonly ids: Map<string, number>;

  constructor(
    readonly width: number,
    readonly height: number,
    readonly catalog: readonly TileDef[],
  ) {
    const n = width * height;
    this.layers = { ground: new Int32Array(n), detail: new Int32Array(n), above: new Int32Array(n) };
    this.reserved = new Uint8Array(n);
    this.ids = new Map(catalog.map((t, i) => [t.name, i]));
  }

  inside(x: number, y: number): boolean {
    return x >= 0 && y >= 0 && x < this.width && y < this.height;
  }

  /** gid (tile id + 1; 0 = empty), as Tiled stores it. */
  gid(name: string): number {
    const id = this.ids.get(name);
    if (id === undefined) throw new Error(`unknown tile name "${name}"`);
    return id + 1;
  }

  put(layer: LayerName, x: number, y: number, name: string | null): void {
    if (this.inside(x, y)) this.layers[layer][y * this.width + x] = name === null ? 0 : this.gid(name);
  }

  tileAt(layer: LayerName, x: number, y: number): TileDef | undefined {
    if (!this.inside(x, y)) return undefined;
    const gid = this.layers[layer][y * this.width + x]!;
    return gid ? this.catalog[gid - 1] : undefined;
  }

  isEmpty(layer: LayerName, x: number, y: number): boolean {
    return this.inside(x, y) && this.layers[layer][y * this.width + x] === 0;
  }

  reserve(x0: number, y0: number, x1: number, y1: number): void {
    for (let y = y0; y <= y1; y++)
      for (let x = x0; x <= x1; x++) if (this.inside(x, y)) this.reserved[y * this.width + x] = 1;
  }

  isReserved(x: number, y: number): boolean {
    return !this.inside(x, y) || this.reserved[y * this.width + x] === 1;
  }

  /** The game's rule: blocked if any layer's tile there collides. Off-map counts as blocked. */
  blocked(x: number, y: number): boolean {
    if (!this.inside(x, y)) return true;
    return LAYERS.some((l) => this.tileAt(l, x, y)?.collides === true);
  }

  /** Places a prop made by `multiTile` (tiles `${name}_${col}_${row}`): rows above `aboveRows` go on the above layer. */
  placeMulti(name: string, x: number, y: number, cols: number, rows: number, aboveRows: number): void {
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++)
        this.put(r < aboveRows ? 'above' : 'detail', x + c, y + r, `${name}_${c}_${r}`);
    }
  }

  /** A house: roof on the above layer, hidden solid interior and walls on the detail layer. */
  placeHouse(h: House, chimneyCol: number): { doorX: number; doorY: number } {
    const side = (i: number): string => (i === 0 ? '_w' : i === h.w - 1 ? '_e' : '');
    const doorX = h.x + Math.floor(h.w / 2);
    const eaveY = h.y + (h.mids ?? 1) + 1;
    for (let i = 0; i < h.w; i++) {
      const x = h.x + i;
      const ridge = i === chimneyCol ? `roof_${h.roof}_chimney` : `roof_${h.roof}_ridge${side(i)}`;
      this.put('above', x, h.y, ridge);
      for (let y = h.y + 1; y < eaveY; y++) this.put('above', x, y, `roof_${h.roof}_mid${side(i)}`);
      this.put('above', x, eaveY, `roof_${h.roof}_eave${side(i)}`);
      for (let y = h.y + 1; y <= eaveY; y++) this.put('detail', x, y, 'house_solid');
      const window = x !== doorX && (i === 1 || i === h.w - 2);
      this.put('detail', x, eaveY + 1, window ? `wall_${h.wall}_window` : `wall_${h.wall}_upper${side(i)}`);
      this.put('detail', x, eaveY + 2, x === doorX ? `door_${h.wall}` : `wall_${h.wall}_lower${side(i)}`);
    }
    // Keep a free row above (so nothing pokes out behind the roof) and around the walls.
    this.reserve(h.x - 1, h.y - 1, h.x + h.w, eaveY + 3);
    return { doorX, doorY: eaveY + 2 };
  }

  /**
   * A fenced rectangle (tile corners inclusive) with gaps at `gates`. Each fence tile joins the
   * fence tiles next to it, so corners and the ends beside a gate pick the right piece. `kind` picks
   * the wooden fence or the graveyard's iron railing.
   */
  placeFence(
    x0: number,
    y0: number,
    x1: number,
    y1: number,
    gates: readonly [number, number][],
    kind: 'fence' | 'ironfence' = 'fence',
  ): void {
    const isGate = (x: number, y: number): boolean => gates.some(([gx, gy]) => gx === x && gy === y);
    const isFence = (x: number, y: number): boolean =>
      x >= x0 &&
      x <= x1 &&
      y >= y0 &&
      y <= y1 &&
      (x === x0 || x === x1 || y === y0 || y === y1) &&
      !isGate(x, y);
    for (let y = y0; y <= y1; y++) {
      for (let x = x0; x <= x1; x++) {
        if (!isFence(x, y)) continue;
        const dirs = [
          ['n', isFence(x, y - 1)],
          ['e', isFence(x + 1, y)],
          ['s', isFence(x, y + 1)],
          ['w', isFence(x - 1, y)],
        ] as const;
        const joined = dirs.filter(([, on]) => on).map(([d]) => d);
        this.put('detail', x, y, joined.length ? `${kind}_${joined.join('_')}` : `${kind}_post`);
      }
    }
    this.reserve(x0 - 1, y0 - 1, x1 + 1, y1 + 1);
  }

  /** Walkable tiles reachable from (sx, sy) by 4-way steps. */
  reachableFrom(sx: number, sy: number): Uint8Array {
    const seen = new Uint8Array(this.width * this.height);
    if (this.blocked(sx, sy)) return seen;
    const queue = [sy * this.width + sx];
    seen[queue[0]!] = 1;
    while (queue.length) {
      const i = queue.pop()!;
      const x = i % this.width;
      const y = (i - x) / this.width;
      for (const [dx, dy] of [
        [1, 0],
        [-1, 0],
        [0, 1],
        [0, -1],
      ] as const) {
        const nx = x + dx;
        const ny = y + dy;
        const j = ny * this.width + nx;
        if (this.inside(nx, ny) && !seen[j] && !this.blocked(nx, ny)) {
          seen[j] = 1;
          queue.push(j);
        }
      }
    }
    return seen;
  }
}
