// What a tileset entry is: a name, its game flags, and a painter for its 16x16 pixels.
import { Canvas } from './canvas.ts';
import type { Rng } from './rng.ts';

export const TILE = 16;

export interface TileDef {
  /** Unique, stable name; modders search for it in Tiled and the map generator places tiles by it. */
  name: string;
  /** Blocks walking (see docs/modding.md for how layers combine). */
  collides?: boolean;
  /** Drawn over characters (tree canopy, roofs). */
  above?: boolean;
  paint: (c: Canvas, rng: Rng) => void;
  /** Seeds the painter's RNG instead of `name`, so animation frames share their first frame's texture. */
  seed?: string;
  /**
   * Animation (water, lava): the later frames as tiles of their own; the tileset appends them after
   * every other tile and gives this tile a Tiled `animation` of itself then these, `frameMs` each.
   */
  frames?: TileDef[];
  frameMs?: number;
}

export interface RowFlags {
  collides?: boolean;
  above?: boolean;
}

/**
 * A prop bigger than one tile (tree, well): painted once on a w*h-tile canvas, then sliced into
 * tiles named `${name}_${col}_${row}` (or the explicit `names`), with flags chosen per row, e.g.
 * canopy rows `above` and the trunk row `collides`.
 */
export function multiTile(
  name: string,
  cols: number,
  rows: number,
  paint: (c: Canvas, rng: Rng) => void,
  flags: (row: number) => RowFlags,
): TileDef[] {
  let painted: Canvas | undefined;
  const whole = (rng: Rng): Canvas => {
    if (!painted) {
      painted = new Canvas(cols * TILE, rows * TILE);
      paint(painted, rng);
    }
    return painted;
  };
  const out: TileDef[] = [];
  for (let row = 0; row < rows; row++) {
    for (let col = 0; col < cols; col++) {
      out.push({
        name: `${name}_${col}_${row}`,
        ...flags(row),
        paint: (c, rng) => c.blit(whole(rng), col * TILE, row * TILE, TILE, TILE, 0, 0),
      });
    }
  }
  return out;
}
