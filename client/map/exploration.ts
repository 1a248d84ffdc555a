// Which parts of a map a character has seen: a grid of small cells revealed around the player as they
// walk, kept in this browser (where the character's token lives too) per character and map, so the
// minimap and the world map remember the way.
import type { TileRect } from '../../shared/content/world-map.ts';

/** Tiles per cell side: fine enough for a coast's outline, small enough to keep (a 198×320 map ≈ 2.6 KB). */
export const CELL = 2;
/** How far around the player the map is revealed, in tiles (about what the screen shows). */
export const SIGHT = 11;

export class Exploration {
  readonly cols: number;
  readonly rows: number;
  private readonly cells: Uint8Array;
  private count = 0;

  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.cols = Math.ceil(width / CELL);
    this.rows = Math.ceil(height / CELL);
    this.cells = new Uint8Array(this.cols * this.rows);
  }

  /** Whether tile (x, y) has been seen. */
  seen(x: number, y: number): boolean {
    if (x < 0 || y < 0 || x >= this.width || y >= this.height) return false;
    return this.cells[Math.floor(y / CELL) * this.cols + Math.floor(x / CELL)] === 1;
  }

  /** Cells seen so far. */
  get seenCells(): number {
    return this.count;
  }

  /**
   * Reveals the cells within `radius` tiles of tile (x, y) that touch `within` (the area the camera keeps
   * to: another interior beyond the rock stays unseen). Returns the tiles newly revealed as one
   * rectangle around them, or null if nothing new was seen.
   */
  reveal(x: number, y: number, within: TileRect, radius = SIGHT): TileRect | null {
    const c0 = Math.max(0, Math.floor((x - radius) / CELL));
    const c1 = Math.min(this.cols - 1, Math.floor((x + radius) / CELL));
    const r0 = Math.max(0, Math.floor((y - radius) / CELL));
    const r1 = Math.min(this.rows - 1, Math.floor((y + radius) / CELL));
    let box: { x0: number; y0: number; x1: number; y1: number } | null = null;
    for (let r = r0; r <= r1; r++) {
      for (let c = c0; c <= c1; c++) {
        const i = r * this.cols + c;
        if (this.cells[i]) continue;
        const tx = c * CELL;
        const ty = r * CELL;
        const dx = tx + CELL / 2 - (x + 0.5);
        const dy = ty + CELL / 2 - (y + 0.5);
        if (dx * dx + dy * dy > radius * radius) continue;
        const touches =
          tx < within.x + within.width &&
          tx + CELL > within.x &&
          ty < within.y + within.height &&
          ty + CELL > within.y;
        if (!touches) continue;
        this.cells[i] = 1;
        this.count++;
        box = box
          ? {
              x0: Math.min(box.x0, tx),
              y0: Math.min(box.y0, ty),
              x1: Math.max(box.x1, tx),
              y1: Math.max(box.y1, ty),
            }
          : { x0: tx, y0: ty, x1: tx, y1: ty };
      }
    }
    if (!box) return null;
    return {
      x: box.x0,
      y: box.y0,
      width: Math.min(this.width, box.x1 + CELL) - box.x0,
      height: Math.min(this.height, box.y1 + CELL) - box.y0,
    };
  }

  /** The seen cells as base64 text, one bit a cell. */
  encode(): string {
    const bytes = new Uint8Array(Math.ceil(this.cells.length / 8));
    this.cells.forEach((v, i) => {
      if (v) bytes[i >> 3]! |= 1 << (i & 7);
    });
    let bin = '';
    for (const b of bytes) bin += String.fromCharCode(b);
    return btoa(bin);
  }

  /** The exploration `encode` wrote for a map of this size; anything unreadable is an unexplored map. */
  static decode(width: number, height: number, text: string | null): Exploration {
    const out = new Exploration(width, height);
    if (!text) return out;
    let bin: string;
    try {
      bin = atob(text);
    } catch {
      return out;
    }
    // Another size means another map under the same name (a mod changed it): start afresh.
    if (bin.length !== Math.ceil(out.cells.length / 8)) return out;
    for (let i = 0; i < out.cells.length; i++) {
      if ((bin.charCodeAt(i >> 3) >> (i & 7)) & 1) {
        out.cells[i] = 1;
        out.count++;
      }
    }
    return out;
  }
}

/** The localStorage key of a character's exploration of a map. */
export function exploredKey(character: string, map: string): string {
  return `emberquest.explored.${character}.${map}`;
}
