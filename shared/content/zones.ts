// Zones: the named parts of a map a player is told about ("Whispering Woods"), drawn on the world map and
// announced on entry. A map's `zone` objects carry the names; a tile no zone covers takes the map's title.
import type { TileRect } from './world-map.ts';

export interface Zone {
  title: string;
  area: TileRect;
}

/** The longest zone or map title the banner and the world map have room for. */
export const TITLE_MAX = 40;

function inside(a: TileRect, x: number, y: number): boolean {
  return x >= a.x && x < a.x + a.width && y >= a.y && y < a.y + a.height;
}

/**
 * The zone holding tile (x, y), or null outside every zone. Where zones overlap the smallest wins (a
 * camp inside the woods names the camp); equal sizes go to the one later in the map, as for music.
 */
export function zoneAt(zones: readonly Zone[], x: number, y: number): Zone | null {
  let best: Zone | null = null;
  for (const z of zones) {
    if (inside(z.area, x, y) && (!best || z.area.width * z.area.height <= best.area.width * best.area.height))
      best = z;
  }
  return best;
}

/** The name of the place at tile (x, y): its zone's title, else the map's own. */
export function placeTitle(zones: readonly Zone[], x: number, y: number, mapTitle: string): string {
  return zoneAt(zones, x, y)?.title ?? mapTitle;
}

/** Why a title cannot be shown, or null if it can (a zone's `title` property, a map's `title`). */
export function titleProblem(v: unknown): string | null {
  if (typeof v !== 'string' || v.trim() === '')
    return `needs a "title" property: the name players see (like "Whispering Woods")${v === undefined ? '' : `, has ${JSON.stringify(v)}`}`;
  if (v.length > TITLE_MAX) return `has a title of ${v.length} characters; keep it to ${TITLE_MAX}`;
  return null;
}
