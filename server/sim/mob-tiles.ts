// Which tiles the mobs hold, so that no two ever stand on one (a pack must not look like one mob). A mob
// holds the tile it stands on and, mid-step, the tile it steps into; its walk's last tile is reserved
// for it. Each question is one array lookup: 240 mobs ask every tick, beside 2,000 players.
import { DX, DY } from '../../shared/rules/dirs.ts';
import { isWalkable, type Grid } from '../../shared/rules/grid.ts';
import type { Tile } from '../../shared/rules/path.ts';
import type { WalkRecord } from '../../shared/protocol/moves.ts';
import { startWalk, type Walker } from './walking.ts';

/**
 * Nodes a mob's path search may expand. Mobs walk within their leash, so this finds their paths; and a
 * goal walled off by other mobs (a pack in a corridor) costs this, not the players' 6,000, every tick.
 */
const MOB_PATH_BUDGET = 1000;

export class MobTiles {
  /** Per tile: the id of the mob standing on it or stepping into it; 0 for none. */
  private readonly standing: Int32Array;
  /** Per tile: the id of the mob whose walk ends on it; 0 for none. */
  private readonly bound: Int32Array;
  private readonly width: number;

  constructor(width: number, height: number) {
    this.width = width;
    this.standing = new Int32Array(width * height);
    this.bound = new Int32Array(width * height);
  }

  /** No mob but `id` stands on the tile, steps into it or means to end its walk there. */
  free(id: number, x: number, y: number): boolean {
    const i = y * this.width + x;
    const s = this.standing[i]!;
    const b = this.bound[i]!;
    return (s === 0 || s === id) && (b === 0 || b === id);
  }

  /** Another mob stands on the tile (by index) or steps into it: a walk goes around. */
  taken(id: number, index: number): boolean {
    const s = this.standing[index]!;
    return s !== 0 && s !== id;
  }

  /** The mob who stands on the tile or steps into it, 0 for none (for tests). */
  at(x: number, y: number): number {
    return this.standing[y * this.width + x]!;
  }

  /** A mob appears, standing on its tile (picked free). */
  place(mob: Walker): void {
    this.standing[this.index(mob)] = mob.id;
  }

  /** A mob is gone (killed): everything it held is free. */
  remove(mob: Walker): void {
    this.release(this.standing, mob.x, mob.y, mob.id);
    const entering = mob.progress > 0 ? mob.path[0] : undefined;
    if (entering) this.release(this.standing, entering.x, entering.y, mob.id);
    this.unbind(mob);
  }

  /**
   * At the start of a step: the mob takes the tile it steps into, unless another mob holds it (it walked
   * there after this walk was planned); then the mob must stop where it is.
   */
  enter(mob: Walker): boolean {
    const next = mob.path[0]!;
    const i = next.y * this.width + next.x;
    const holder = this.standing[i]!;
    if (holder !== 0 && holder !== mob.id) return false;
    this.standing[i] = mob.id;
    return true;
  }

  /** A step from (fromX, fromY) is done: that tile is free, and so is the reservation of an end reached. */
  stepped(mob: Walker, fromX: number, fromY: number): void {
    this.release(this.standing, fromX, fromY, mob.id);
    if (mob.path.length === 0) this.release(this.bound, mob.x, mob.y, mob.id);
  }

  /**
   * Starts a mob's walk as `startWalk` does, around the tiles other mobs hold, and cut short so it ends
   * on no tile another mob holds or is bound for. `beside`: the walk ends on the free side of the target
   * nearest the mob, or where the mob is when every side is taken (it waits).
   */
  walk(grid: Grid, mob: Walker, tx: number, ty: number, beside: boolean): WalkRecord | null {
    const from = mob.progress > 0 ? mob.path[0]! : { x: mob.x, y: mob.y };
    const goal = beside ? (this.sideOf(grid, mob.id, from, tx, ty) ?? from) : { x: tx, y: ty };
    this.unbind(mob);
    const record = startWalk(grid, mob, goal.x, goal.y, false, {
      avoid: (i) => this.taken(mob.id, i),
      canEnd: (x, y) => this.free(mob.id, x, y),
      nodeBudget: MOB_PATH_BUDGET,
    });
    const end = mob.path.at(-1);
    if (end) this.bound[end.y * this.width + end.x] = mob.id;
    return record;
  }

  /** The free, walkable side of (tx, ty) nearest `from` (ties in direction order), if any. */
  private sideOf(grid: Grid, id: number, from: Tile, tx: number, ty: number): Tile | null {
    let best: Tile | null = null;
    let bestDistance = Infinity;
    for (let d = 0; d < 4; d++) {
      const x = tx + DX[d]!;
      const y = ty + DY[d]!;
      if (!isWalkable(grid, x, y) || !this.free(id, x, y)) continue;
      const distance = Math.abs(x - from.x) + Math.abs(y - from.y);
      if (distance < bestDistance) {
        best = { x, y };
        bestDistance = distance;
      }
    }
    return best;
  }

  private unbind(mob: Walker): void {
    const end = mob.path.at(-1);
    if (end) this.release(this.bound, end.x, end.y, mob.id);
  }

  private release(tiles: Int32Array, x: number, y: number, id: number): void {
    const i = y * this.width + x;
    if (tiles[i] === id) tiles[i] = 0;
  }

  private index(w: Walker): number {
    return w.y * this.width + w.x;
  }
}
