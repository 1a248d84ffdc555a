// Where the camera looks: on the player, closing on a walk at a rate measured in time (not frames, so a
// slow machine does not trail behind), jumping at once on any move the player did not walk, and kept
// inside the area the player is in (a map's `bounds` object) and the map. Pure, for unit tests.
import type { TileRect } from '../../shared/content/world-map.ts';

/** The gap between camera and player shrinks by a factor e every FOLLOW_TAU_MS of real time. */
export const FOLLOW_TAU_MS = 60;

export interface Point {
  x: number;
  y: number;
}

/** A rectangle in world pixels. */
export interface PixelRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export class CameraFollow {
  /** The point the camera centres on before clamping, in world pixels; null until the first update. */
  private at: Point | null = null;

  /** Closes on `target` over `ms` of real time; `jump` (a teleport, a new character) goes there at once. */
  update(target: Point, ms: number, jump: boolean): Point {
    if (!this.at || jump) {
      this.at = { ...target };
    } else {
      const k = 1 - Math.exp(-Math.max(0, ms) / FOLLOW_TAU_MS);
      this.at = { x: this.at.x + (target.x - this.at.x) * k, y: this.at.y + (target.y - this.at.y) * k };
    }
    return { ...this.at };
  }
}

/**
 * The centre nearest `centre` from which a view of `view` size shows nothing outside `area`. Along an
 * axis where the area is smaller than the view, the area sits in the middle of the view.
 */
export function clampCentre(centre: Point, view: { width: number; height: number }, area: PixelRect): Point {
  return {
    x: clampAxis(centre.x, view.width, area.x, area.width),
    y: clampAxis(centre.y, view.height, area.y, area.height),
  };
}

function clampAxis(c: number, view: number, start: number, size: number): number {
  if (size <= view) return start + size / 2;
  return Math.min(Math.max(c, start + view / 2), start + size - view / 2);
}

/** The camera area for a tile: the smallest bounds holding it, cut to the map; the whole map if none. */
export function areaAt(
  bounds: readonly TileRect[],
  tile: Point,
  map: { width: number; height: number },
): TileRect {
  const whole = { x: 0, y: 0, width: map.width, height: map.height };
  let best: TileRect | null = null;
  for (const b of bounds) {
    const inside = tile.x >= b.x && tile.y >= b.y && tile.x < b.x + b.width && tile.y < b.y + b.height;
    if (inside && (!best || b.width * b.height < best.width * best.height)) best = b;
  }
  return best ? intersect(best, whole) : whole;
}

function intersect(a: TileRect, b: TileRect): TileRect {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const right = Math.min(a.x + a.width, b.x + b.width);
  const bottom = Math.min(a.y + a.height, b.y + b.height);
  return { x, y, width: Math.max(0, right - x), height: Math.max(0, bottom - y) };
}
