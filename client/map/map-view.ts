// Where the minimap looks and what it marks: the window of tiles around the player (kept inside the area
// the camera keeps to), and the dots for the player, party members, quest targets, the NPCs with a quest
// to give or take back, and other players.
// Pure, so the drawing's geometry is tested without a browser.
import type { TileRect } from '../../shared/content/world-map.ts';
import type { MapMarks } from '../ui/map-marks.ts';

export interface Point {
  x: number;
  y: number;
}

/** `offer` and `handIn` are NPCs showing `!` (a quest to give) and `?` (one to take back). */
export type DotKind = 'self' | 'party' | 'quest' | 'offer' | 'handIn' | 'player';

export interface Dot {
  kind: DotKind;
  /** Tile coordinates (fractional mid-step for the player). */
  x: number;
  y: number;
  label: string;
}

/**
 * The tiles a minimap `size` tiles across shows, centred on `centre` but not past the edges of `area`
 * (an area smaller than the window is centred in it instead).
 */
export function viewWindow(centre: Point, size: number, area: TileRect): TileRect {
  const axis = (c: number, start: number, length: number): number => {
    if (length <= size) return start + (length - size) / 2;
    return Math.min(start + length - size, Math.max(start, c - size / 2));
  };
  return {
    x: axis(centre.x, area.x, area.width),
    y: axis(centre.y, area.y, area.height),
    width: size,
    height: size,
  };
}

/**
 * The dots to draw on map `map`, bottom first: marks of other maps are left out; an NPC's `!` or `?` is
 * drawn over a quest target on its tile (the quest going back to it), and over the player too: an NPC
 * beside us is a tile off, less than the player's dot and halo, and a mark under it could not be read,
 * while the thin glyph leaves the dot showing around it.
 */
export function dotsFor(
  map: string,
  self: (Point & { label: string }) | null,
  players: readonly (Point & { label: string })[],
  marks: MapMarks,
): Dot[] {
  const here = <T extends { map: string }>(list: readonly T[]): T[] => list.filter((m) => m.map === map);
  const party = new Set(here(marks.party).map((m) => m.label));
  return [
    ...players.filter((p) => !party.has(p.label)).map((p) => ({ kind: 'player' as const, ...p })),
    ...here(marks.quests).map((m) => ({ kind: 'quest' as const, x: m.x, y: m.y, label: m.label })),
    ...here(marks.party).map((m) => ({ kind: 'party' as const, x: m.x, y: m.y, label: m.label })),
    ...(self ? [{ kind: 'self' as const, ...self }] : []),
    ...here(marks.offers).map((m) => ({ kind: 'offer' as const, x: m.x, y: m.y, label: m.label })),
    ...here(marks.handIns).map((m) => ({ kind: 'handIn' as const, x: m.x, y: m.y, label: m.label })),
  ];
}

/** Whether tile (x, y) lies in `r`. */
export function within(r: TileRect, x: number, y: number): boolean {
  return x >= r.x && y >= r.y && x < r.x + r.width && y < r.y + r.height;
}
