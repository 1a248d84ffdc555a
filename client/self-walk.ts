// Walking our own character: a walk starts at once along a locally found path (a prediction), never
// runs more than a step ahead of what the server will do, and gives way to the server's word once the
// character stands still. The rest of the client's entities simply follow what the server says.
import type { SeenEntity } from '../shared/protocol/view.ts';
import { DX, DY } from '../shared/rules/dirs.ts';
import type { Grid } from '../shared/rules/grid.ts';
import { MAX_WALK_STEPS, PATH_NODE_BUDGET } from '../shared/rules/movement.ts';
import { findPath, type Tile } from '../shared/rules/path.ts';
import type { Motion } from './view/motion.ts';

/** How long a locally predicted walk is trusted before the server's word wins. */
const PREDICTION_GRACE_MS = 1500;

/** What the prediction needs of the server's picture: our entity there, and the pace of its walks. */
export interface ServerTruth {
  /** Our entity as the server last told it (undefined before the welcome). */
  self(): SeenEntity | undefined;
  /** The client clock now, one tick's length, and one step's. */
  clock(): number;
  tickMs(): number;
  stepMs(): number;
}

export class SelfWalk {
  /** Ends of walks we predicted recently; the server echoing one of them needs no correction. */
  private predicted: { end: Tile; at: number }[] = [];
  private idleMs = 0;

  constructor(
    /** The walls of the map drawn now; a transfer to another map swaps it. */
    public grid: Grid,
    private readonly truth: ServerTruth,
  ) {}

  /** Starts a walk toward `target` at once, along our own path; returns the tile it ends on. */
  start(motion: Motion, target: Tile, lateMs: number): Tile {
    const path = findPath(this.grid, motion.pathStart, target, {
      nodeBudget: PATH_NODE_BUDGET,
      maxSteps: MAX_WALK_STEPS,
    });
    const end = path.at(-1) ?? motion.pathStart;
    const standing = !motion.moving;
    motion.followTiles(path);
    if (standing) motion.startedLate(lateMs);
    this.predicted.push({ end, at: this.truth.clock() });
    return end;
  }

  /** Forgets every prediction: an intent other than walking, or a lost connection, replaced them. */
  forget(): void {
    this.predicted = [];
  }

  /** The server announced a walk of ours ending at `end`: one we predicted needs no correction. */
  wasPredicted(end: Tile): boolean {
    return this.predicted.some((p) => p.end.x === end.x && p.end.y === end.y);
  }

  /** Drops predictions past their grace, then corrects a character that stands where the server does not. */
  update(motion: Motion | undefined, ms: number): void {
    const clock = this.truth.clock();
    this.predicted = this.predicted.filter((p) => clock - p.at < PREDICTION_GRACE_MS);
    this.reconcile(motion, ms);
  }

  /**
   * Our character may step into a tile at most one step beyond where the server has it: a prediction
   * starts at once, but never runs ahead of what the server will do, even when a slow page sends
   * late. Behind, or on a route of its own (the server planned from another tile), it walks on.
   */
  readonly keepsUp = (tile: Tile): boolean => {
    const seen = this.truth.self();
    if (!seen) return true;
    // The server counts the tick that starts a walk as its first step's first tick: one tick more.
    const elapsed = this.truth.clock() + this.truth.tickMs() - seen.since;
    const done = Math.max(0, Math.min(seen.steps.length, Math.floor(elapsed / this.truth.stepMs())));
    const route = walkTiles(seen);
    const at = route.findIndex((t) => t.x === tile.x && t.y === tile.y);
    if (at >= 0) return at <= done + 1;
    // Off the server's route: past its end (the server has not heard of this walk yet), only the
    // first step; elsewhere it is a route of our own, not ours to judge.
    const standing = done >= seen.steps.length;
    const end = route.at(-1)!;
    return !standing || Math.abs(tile.x - end.x) + Math.abs(tile.y - end.y) <= 1;
  };

  /** Once our character has stood still a moment, it must stand where the server says. */
  private reconcile(motion: Motion | undefined, ms: number): void {
    const seen = this.truth.self();
    const truth = seen && { x: seen.endX, y: seen.endY };
    // Held back by keepsUp counts as standing: if the server never walks on, its word wins.
    if (!motion || !truth || (motion.moving && !motion.waiting)) {
      this.idleMs = 0;
      return;
    }
    this.idleMs += ms;
    const at = motion.to;
    // Standing where a walk we asked for ends, or held back on the way there: the server has not
    // answered it yet (a slow frame can last longer than the wait); its older word would rubber-band.
    if (this.wasPredicted(motion.destination)) return;
    if (this.idleMs > 300 && (at.x !== truth.x || at.y !== truth.y)) {
      const path = findPath(this.grid, at, truth, { nodeBudget: PATH_NODE_BUDGET, maxSteps: MAX_WALK_STEPS });
      const reaches = path.at(-1);
      if (reaches && reaches.x === truth.x && reaches.y === truth.y && path.length <= 3)
        motion.followTiles(path);
      else motion.placeAt(truth);
    }
  }
}

/** The tiles of an entity's current walk, its start first. */
function walkTiles(entity: SeenEntity): Tile[] {
  const tiles: Tile[] = [{ x: entity.fromX, y: entity.fromY }];
  for (const d of entity.steps) {
    const last = tiles.at(-1)!;
    tiles.push({ x: last.x + DX[d]!, y: last.y + DY[d]! });
  }
  return tiles;
}
