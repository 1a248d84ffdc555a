// Ground terrain on a grid of tile corners ("vertices"), turned into ground tiles marching-squares
// style: each tile looks at its four corners and picks the matching transition tile.
import { cornerSuffix } from '../art/tiles-ground.ts';

export type Terrain = 'grass' | 'path' | 'sand' | 'water';

/**
 * Which terrain is drawn over which. Only these pairs have transition tiles, so a tile's corners
 * may mix at most one of these pairs; `fixCorners` enforces it.
 */
const PAIRS: readonly { under: Terrain; over: Terrain }[] = [
  { under: 'grass', over: 'path' },
  { under: 'grass', over: 'sand' },
  { under: 'sand', over: 'water' },
];

export class TerrainGrid {
  /** (width+1) x (height+1) corner terrains. */
  readonly corners: Terrain[];

  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.corners = new Array<Terrain>((width + 1) * (height + 1)).fill('grass');
  }

  inside(vx: number, vy: number): boolean {
    return vx >= 0 && vy >= 0 && vx <= this.width && vy <= this.height;
  }

  get(vx: number, vy: number): Terrain {
    return this.inside(vx, vy) ? this.corners[vy * (this.width + 1) + vx]! : 'grass';
  }

  set(vx: number, vy: number, t: Terrain): void {
    if (this.inside(vx, vy)) this.corners[vy * (this.width + 1) + vx] = t;
  }

  /** Sets corners of the tile rectangle [tx0..tx1] x [ty0..ty1] so those tiles are fully `t`. */
  fillTiles(tx0: number, ty0: number, tx1: number, ty1: number, t: Terrain): void {
    for (let vy = ty0; vy <= ty1 + 1; vy++) for (let vx = tx0; vx <= tx1 + 1; vx++) this.set(vx, vy, t);
  }

  /** Corner terrains of tile (tx, ty) in nw, ne, sw, se order. */
  tileCorners(tx: number, ty: number): [Terrain, Terrain, Terrain, Terrain] {
    return [this.get(tx, ty), this.get(tx + 1, ty), this.get(tx, ty + 1), this.get(tx + 1, ty + 1)];
  }

  /**
   * Repairs corner mixes that have no transition tile: grass touching water becomes shore sand,
   * and path touching sand or water gives way to grass. Repeats until stable.
   */
  fixCorners(): void {
    for (let changed = true; changed;) {
      changed = false;
      for (let ty = 0; ty < this.height; ty++) {
        for (let tx = 0; tx < this.width; tx++) {
          const c = this.tileCorners(tx, ty);
          const has = (t: Terrain): boolean => c.includes(t);
          let from: Terrain | undefined;
          let to: Terrain | undefined;
          if (has('path') && (has('sand') || has('water'))) [from, to] = ['path', 'grass'];
          else if (has('grass') && has('water')) [from, to] = ['grass', 'sand'];
          if (!from || !to) continue;
          const pos: [number, number][] = [
            [tx, ty],
            [tx + 1, ty],
            [tx, ty + 1],
            [tx + 1, ty + 1],
          ];
          for (const [vx, vy] of pos) if (this.get(vx, vy) === from) this.set(vx, vy, to);
          changed = true;
        }
      }
    }
  }

  /** Tile name for a tile whose corners are all one terrain (`pure`), or its transition tile. */
  groundTile(tx: number, ty: number, pure: (t: Terrain) => string): string {
    const c = this.tileCorners(tx, ty);
    const kinds = [...new Set(c)];
    if (kinds.length === 1) return pure(kinds[0]!);
    const pair = PAIRS.find((p) => kinds.length === 2 && kinds.includes(p.under) && kinds.includes(p.over));
    if (!pair) throw new Error(`no transition tile for corners ${c.join(',')} at ${tx},${ty}`);
    const mask = c.reduce((m, t, i) => (t === pair.over ? m | (1 << i) : m), 0);
    return `${pair.over}_${cornerSuffix(mask)}`;
  }
}
