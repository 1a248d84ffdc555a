// Walking: turning a "walk to" intent into a path, and advancing walkers one tick at a time.
import { DX, DY, dirBetween, type Dir } from '../../shared/rules/dirs.ts';
import { isWalkable, type Grid } from '../../shared/rules/grid.ts';
import { MAX_WALK_STEPS, PATH_NODE_BUDGET } from '../../shared/rules/movement.ts';
import { findPath, type Tile } from '../../shared/rules/path.ts';
import type { WalkRecord } from '../../shared/protocol/moves.ts';

export interface Walker {
  id: number;
  /** The tile the walker stands on; it changes when a step completes. */
  x: number;
  y: number;
  /** Tiles still to walk; path[0] is the one being stepped into. */
  path: Tile[];
  /** Ticks spent on the current step. */
  progress: number;
  stepTicks: number;
  /** Where the last walk announced to observers ends. */
  endX: number;
  endY: number;
}

/** Extra rules for a walk: tiles to go around (by index), tiles it may end on, a smaller search. */
export interface WalkRules {
  avoid?: (index: number) => boolean;
  canEnd?: (x: number, y: number) => boolean;
  nodeBudget?: number;
}

export function makeWalker(id: number, x: number, y: number, stepTicks: number): Walker {
  return { id, x, y, path: [], progress: 0, stepTicks, endX: x, endY: y };
}

/**
 * Starts a walk to (tx, ty) (or beside it) and returns the record observers need, or null if nothing changes.
 * A walker mid-step finishes that step first, so the new path starts from the tile it is entering.
 */
export function startWalk(
  grid: Grid,
  w: Walker,
  tx: number,
  ty: number,
  stopBeside = false,
  rules: WalkRules = {},
): WalkRecord | null {
  const entering = w.progress > 0 ? w.path[0] : undefined;
  const from = entering ?? { x: w.x, y: w.y };
  // A chaser that ended up on its target's tile (both walked into it at once) steps off it.
  const rest =
    stopBeside && from.x === tx && from.y === ty
      ? stepOff(grid, from)
      : findPath(
          grid,
          from,
          { x: tx, y: ty },
          {
            nodeBudget: rules.nodeBudget ?? PATH_NODE_BUDGET,
            maxSteps: MAX_WALK_STEPS,
            avoid: rules.avoid,
          },
        );
  // Chasers and attackers stop next to their target rather than on it.
  const last = rest.at(-1);
  if (stopBeside && last && last.x === tx && last.y === ty) rest.pop();
  const canEnd = rules.canEnd;
  if (canEnd) while (rest.length > 0 && !canEnd(rest.at(-1)!.x, rest.at(-1)!.y)) rest.pop();
  const path = entering ? [entering, ...rest] : rest;
  const oldEnd = w.path.at(-1) ?? { x: w.x, y: w.y };
  const newEnd = path.at(-1) ?? { x: w.x, y: w.y };
  if (oldEnd.x === newEnd.x && oldEnd.y === newEnd.y && sameTiles(w.path, path)) return null;
  w.path = path;
  if (!entering) w.progress = 0;
  return announce(w);
}

/** The record that tells observers the walker's current tile and remaining path. */
export function announce(w: Walker): WalkRecord {
  const record = walkRecord(w, w.x === w.endX && w.y === w.endY);
  const last = w.path.at(-1);
  w.endX = last ? last.x : w.x;
  w.endY = last ? last.y : w.y;
  return record;
}

/** The walker's remaining path as a record, from its tile; `continues` leaves the start tile out. */
export function walkRecord(w: Walker, continues: boolean): WalkRecord {
  const steps: Dir[] = [];
  let px = w.x;
  let py = w.y;
  for (const t of w.path) {
    steps.push(dirBetween(px, py, t.x, t.y) as Dir);
    px = t.x;
    py = t.y;
  }
  return { id: w.id, start: continues ? null : { x: w.x, y: w.y }, steps };
}

/** Advances one tick; returns true when the walker arrived on a new tile. */
export function advance(w: Walker): boolean {
  const next = w.path[0];
  if (!next) return false;
  w.progress++;
  if (w.progress < w.stepTicks) return false;
  w.x = next.x;
  w.y = next.y;
  w.path.shift();
  w.progress = 0;
  return true;
}

/** One step onto the first open neighbour, in direction order (so server runs replay exactly). */
function stepOff(grid: Grid, t: Tile): Tile[] {
  for (let d = 0; d < 4; d++) {
    const x = t.x + DX[d]!;
    const y = t.y + DY[d]!;
    if (isWalkable(grid, x, y)) return [{ x, y }];
  }
  return [];
}

function sameTiles(a: readonly Tile[], b: readonly Tile[]): boolean {
  return a.length === b.length && a.every((t, i) => t.x === b[i]!.x && t.y === b[i]!.y);
}
