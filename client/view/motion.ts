// How an entity moves on screen: tile to tile along a queue, at the server's walking speed.
// Pure (no Phaser), so the rules for following, correcting and catching up are unit-tested.
import { DX, DY, dirBetween, Dir } from '../../shared/rules/dirs.ts';
import type { Tile } from '../../shared/rules/path.ts';

/** A walk as the server announced it: a start tile and the steps from there. */
export interface Walk {
  start: Tile;
  steps: readonly Dir[];
}

export class Motion {
  /** The tile the entity last stood on. */
  from: Tile;
  /** The tile it is stepping into (equal to `from` when standing). */
  to: Tile;
  /** Progress of the current step, 0..1. */
  t = 0;
  /** Tiles after `to`. */
  queue: Tile[] = [];
  facing: Dir = Dir.Down;
  /** Counts moves the entity did not walk (placed, snapped): the camera jumps rather than sweeps. */
  jumps = 0;
  /** Time the next update must not count: a walk started between frames began part-way into one. */
  private lateMs = 0;

  /**
   * `catchUp`: a long queue means we are behind the server, so walk a little faster. Not for the
   * player's own character: its queue is its own prediction, and must not run ahead of the server.
   */
  constructor(
    x: number,
    y: number,
    private readonly stepMs: number,
    private readonly catchUp = true,
  ) {
    this.from = { x, y };
    this.to = { x, y };
  }

  get moving(): boolean {
    return this.t > 0 || this.queue.length > 0 || !same(this.from, this.to);
  }

  /** The tile the entity will stand on when it stops. */
  get destination(): Tile {
    return this.queue.at(-1) ?? this.to;
  }

  /** The tile a new path should start from: the one being entered, or the one stood on. */
  get pathStart(): Tile {
    return this.to;
  }

  /** The tile nearest to where the entity is drawn. */
  get tile(): Tile {
    return this.t >= 0.5 ? this.to : this.from;
  }

  /** Position in tiles (fractional while walking). */
  get position(): { x: number; y: number } {
    return {
      x: this.from.x + (this.to.x - this.from.x) * this.t,
      y: this.from.y + (this.to.y - this.from.y) * this.t,
    };
  }

  /** Follows tiles starting at the tile being entered (or stood on); anything else is snapped to. */
  followTiles(tiles: readonly Tile[]): void {
    this.queue = [...tiles];
    if (same(this.from, this.to)) this.takeNext();
  }

  /** Follows a walk announced by the server, joining it smoothly when it starts where we are. */
  followWalk(walk: Walk): void {
    const tiles: Tile[] = [walk.start];
    for (const d of walk.steps) {
      const last = tiles.at(-1)!;
      tiles.push({ x: last.x + DX[d]!, y: last.y + DY[d]! });
    }
    const at = tiles.findIndex((t) => same(t, this.to));
    if (at >= 0) {
      this.queue = tiles.slice(at + 1);
      if (same(this.from, this.to)) this.takeNext();
      return;
    }
    if (same(tiles[0]!, this.from)) {
      // The server has us turning back mid-step: walk back to the start, then on.
      [this.from, this.to] = [this.to, this.from];
      this.t = 1 - this.t;
      this.facing = dirBetween(this.from.x, this.from.y, this.to.x, this.to.y) as Dir;
      this.queue = tiles.slice(1);
      return;
    }
    // The walk starts somewhere else: place the entity at its start and go from there.
    this.placeAt(walk.start);
    this.queue = tiles.slice(1);
    this.takeNext();
  }

  /** Turns toward a tile (to swing at it); a walking entity keeps facing its way. */
  face(tile: Tile): void {
    if (this.moving) return;
    const dx = tile.x - this.to.x;
    const dy = tile.y - this.to.y;
    if (dx === 0 && dy === 0) return;
    this.facing = Math.abs(dx) >= Math.abs(dy) ? (dx > 0 ? Dir.Right : Dir.Left) : dy > 0 ? Dir.Down : Dir.Up;
  }

  placeAt(tile: Tile): void {
    if (!same(tile, this.from) || !same(tile, this.to)) this.jumps++;
    this.from = { ...tile };
    this.to = { ...tile };
    this.t = 0;
    this.queue = [];
  }

  /**
   * A walk just started from standing began `ms` after the last update: the next update leaves that
   * time out, or the walk would start with a head start the server never gets.
   */
  startedLate(ms: number): void {
    this.lateMs = Math.max(0, ms);
  }

  /** Standing with steps queued: `mayEnter` refused the next tile (for now). */
  get waiting(): boolean {
    return same(this.from, this.to) && this.queue.length > 0;
  }

  /**
   * Advances by `ms`; a long queue (we are behind the server) walks a little faster to catch up.
   * `mayEnter` may hold the entity on a tile (it waits there, steps kept) until it lets the next in.
   */
  update(ms: number, mayEnter?: (tile: Tile) => boolean): void {
    let left = ms - this.lateMs;
    this.lateMs = 0;
    if (this.waiting) this.takeNext(mayEnter);
    while (left > 0 && !same(this.from, this.to)) {
      const speedUp = this.catchUp ? 1 + 0.25 * Math.max(0, this.queue.length - 2) : 1;
      const stepLeft = ((1 - this.t) * this.stepMs) / speedUp;
      if (left < stepLeft) {
        this.t += (left * speedUp) / this.stepMs;
        return;
      }
      left -= stepLeft;
      this.from = this.to;
      this.t = 0;
      this.takeNext(mayEnter);
    }
  }

  private takeNext(mayEnter?: (tile: Tile) => boolean): void {
    const next = this.queue[0];
    if (!next) {
      this.to = this.from;
      return;
    }
    const dir = dirBetween(this.from.x, this.from.y, next.x, next.y);
    if (dir === -1) {
      // Not a neighbour (a correction jumped): snap there.
      this.queue.shift();
      this.jumps++;
      this.from = next;
      this.to = next;
      this.takeNext(mayEnter);
      return;
    }
    if (mayEnter && !mayEnter(next)) {
      this.to = this.from;
      return;
    }
    this.queue.shift();
    this.facing = dir;
    this.to = next;
  }
}

function same(a: Tile, b: Tile): boolean {
  return a.x === b.x && a.y === b.y;
}
