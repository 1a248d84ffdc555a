// Ground terrain on a grid of tile corners ("vertices"), turned into ground tiles marching-squares
// style: each tile looks at its four corners and picks the matching transition tile.
import { cornerSuffix } from '../art/tiles-ground.ts';

export type Terrain =
  'grass' | 'path' | 'sand' | 'water' | 'forest' | 'deadgrass' | 'cliff' | 'cave' | 'basalt' | 'ash' | 'lava';

/**
 * Which terrain is drawn over which: every terrain but grass has a parent it has transition tiles
 * over (`<terrain>_<corners>`). A tile's corners may mix only a terrain and its parent; `fixCorners`
 * enforces it. `give` decides who yields when two unrelated terrains meet (lower gives way).
 */
const TERRAINS: Record<Terrain, { parent: Terrain | null; give: number }> = {
  grass: { parent: null, give: 0 },
  path: { parent: 'grass', give: 1 },
  forest: { parent: 'grass', give: 2 },
  deadgrass: { parent: 'grass', give: 3 },
  sand: { parent: 'grass', give: 4 },
  water: { parent: 'sand', give: 5 },
  basalt: { parent: 'sand', give: 6 },
  ash: { parent: 'basalt', give: 7 },
  lava: { parent: 'basalt', give: 8 },
  cliff: { parent: 'grass', give: 9 },
  cave: { parent: 'cliff', give: 10 },
};

function ancestors(t: Terrain): Terrain[] {
  const out: Terrain[] = [];
  for (let p = TERRAINS[t].parent; p; p = TERRAINS[p].parent) out.push(p);
  return out;
}

/** The terrain `from` should turn into so that it and `other` come one step closer to a valid pair. */
function yieldStep(a: Terrain, b: Terrain): { from: Terrain; to: Terrain } {
  const up = ancestors(b);
  if (up.includes(a)) {
    // a is an ancestor of b but not its parent: grow the buffer terrain between them into a.
    return { from: a, to: up[up.indexOf(a) - 1]! };
  }
  if (ancestors(a).includes(b)) return yieldStep(b, a);
  const loser = TERRAINS[a].give < TERRAINS[b].give ? a : b;
  return { from: loser, to: TERRAINS[loser].parent! };
}

export class TerrainGrid {
  /** (width+1) x (height+1) corner terrains. */
  readonly corners: Terrain[];

  constructor(
    readonly width: number,
    readonly height: number,
    fill: Terrain = 'grass',
  ) {
    this.corners = new Array<Terrain>((width + 1) * (height + 1)).fill(fill);
  }

  inside(vx: number, vy: number): boolean {
    return vx >= 0 && vy >= 0 && vx <= this.width && vy <= this.height;
  }

  get(vx: number, vy: number): Terrain {
    const cx = Math.min(this.width, Math.max(0, vx));
    const cy = Math.min(this.height, Math.max(0, vy));
    return this.corners[cy * (this.width + 1) + cx]!;
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
   * Repairs corner mixes that have no transition tile until every tile is valid: grass touching
   * water becomes shore sand, a path meeting sand gives way to grass, a cave floor gets a rock rim.
   */
  fixCorners(): void {
    for (let changed = true; changed;) {
      changed = false;
      for (let ty = 0; ty < this.height; ty++) {
        for (let tx = 0; tx < this.width; tx++) {
          const kinds = [...new Set(this.tileCorners(tx, ty))];
          if (kinds.length === 1) continue;
          if (kinds.length === 2 && isPair(kinds[0]!, kinds[1]!)) continue;
          let bad: [Terrain, Terrain] | undefined;
          for (let i = 0; i < kinds.length && !bad; i++)
            for (let j = i + 1; j < kinds.length && !bad; j++)
              if (!isPair(kinds[i]!, kinds[j]!)) bad = [kinds[i]!, kinds[j]!];
          if (!bad) bad = [kinds[0]!, kinds[1]!]; // three terrains, each pair valid: cannot happen in a tree
          const { from, to } = yieldStep(bad[0], bad[1]);
          for (const [vx, vy] of [
            [tx, ty],
            [tx + 1, ty],
            [tx, ty + 1],
            [tx + 1, ty + 1],
          ] as const)
            if (this.get(vx, vy) === from) this.set(vx, vy, to);
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
    const [a, b] = kinds;
    if (kinds.length !== 2 || !isPair(a!, b!))
      throw new Error(`no transition tile for corners ${c.join(',')} at ${tx},${ty}`);
    const over = TERRAINS[a!].parent === b ? a! : b!;
    const mask = c.reduce((m, t, i) => (t === over ? m | (1 << i) : m), 0);
    return `${over}_${cornerSuffix(mask)}`;
  }
}

function isPair(a: Terrain, b: Terrain): boolean {
  return TERRAINS[a].parent === b || TERRAINS[b].parent === a;
}
