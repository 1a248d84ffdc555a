// Which music plays where: the music area a tile lies in. Pure, so it is tested without a browser.
import type { TileRect } from '../../shared/content/world-map.ts';

export interface MusicArea {
  track: string;
  area: TileRect;
}

/**
 * The track of the music area holding tile (x, y), or `fallback` outside every area. Where areas
 * overlap the smallest wins, so a modder can put a house's tune inside the village's; equal sizes go
 * to the one later in the map (drawn on top in Tiled).
 */
export function trackAt(musicAreas: readonly MusicArea[], x: number, y: number, fallback: string): string {
  let best: MusicArea | null = null;
  for (const m of musicAreas) {
    const { area } = m;
    const inside = x >= area.x && x < area.x + area.width && y >= area.y && y < area.y + area.height;
    if (inside && (!best || area.width * area.height <= best.area.width * best.area.height)) best = m;
  }
  return best?.track ?? fallback;
}
