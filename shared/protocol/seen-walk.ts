// How a walk record moves an entity of the view, and where an entity is along its walk.
import { DX, DY } from '../rules/dirs.ts';
import type { WalkReader } from './moves.ts';
import type { SeenEntity } from './view-model.ts';

/** Starts the walk `walk` is on, reusing the entity's step array (no garbage per walk). */
export function startWalk(entity: SeenEntity, walk: WalkReader): void {
  let x = walk.continues ? entity.endX : walk.x;
  let y = walk.continues ? entity.endY : walk.y;
  entity.fromX = x;
  entity.fromY = y;
  const n = walk.count;
  const steps = entity.steps;
  // Popping is inlined where setting `length` calls into the runtime: walks are short, this is cheaper.
  while (steps.length > n) steps.pop();
  for (let i = 0; i < n; i++) {
    const d = walk.step(i);
    steps[i] = d; // at steps.length this appends, so the array stays packed
    x += DX[d]!;
    y += DY[d]!;
  }
  entity.endX = x;
  entity.endY = y;
}

/** The tile the entity has reached on its walk at `now`, given the milliseconds one step takes. */
export function tileAt(entity: SeenEntity, now: number, stepMs: number): { x: number; y: number } {
  const done =
    stepMs > 0
      ? Math.min(entity.steps.length, Math.floor((now - entity.since) / stepMs))
      : entity.steps.length;
  let x = entity.fromX;
  let y = entity.fromY;
  for (let i = 0; i < done; i++) {
    x += DX[entity.steps[i]!]!;
    y += DY[entity.steps[i]!]!;
  }
  return { x, y };
}
