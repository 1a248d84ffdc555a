// Drawing constants shared by the scenes.
import { VIEW_RADIUS_TILES } from '../../shared/rules/sight.ts';
import type { NpcMark } from '../../shared/protocol/server-messages.ts';

/** The `!` (a quest to give) and `?` (one to take back) over NPCs and on the maps: one colour each. */
export const NPC_MARK_COLOURS: Record<NpcMark, string> = { '!': '#ffd166', '?': '#9be37a' };

/** Tile size in source pixels. */
export const TILE = 16;

/** The integer zoom that shows a comfortable number of tiles in a window of this size. */
export function zoomFor(width: number, height: number): number {
  const fit = Math.floor(Math.min(width / (TILE * 22), height / (TILE * 13)));
  const smallest = Math.min(width, height) < TILE * 2 * 10 ? 1 : 2;
  // Never show more than the server's interest range (VIEW_RADIUS_TILES each way), or players would pop in view.
  const interest = Math.ceil(Math.max(width, height) / (TILE * 2 * VIEW_RADIUS_TILES));
  return Math.max(smallest, interest, Math.min(4, fit));
}
