// The host's word to the whole realm (`npm run announce -- "text"`, or POST /admin/announce): one line,
// sent over the bus to every world of realm.json, wherever it runs, and shown by each page as a banner.
// The bus is Redis when worlds run in several processes: with it down the announcement is refused as
// unavailable, and a world whose process is not listening (down, or not yet subscribed again after Redis
// came back) is named as missed: never half-delivered in silence. The host sends it again. Not queued for
// later on purpose: an announcement is about now ("restart in five minutes"), and one shown late misleads.
import { Op } from '../../shared/protocol/ops.ts';
import { cleanChat } from '../sim/player-goals.ts';
import type { Bus } from './bus.ts';
import type { World } from '../sim/world.ts';

/** Longest announcement, in characters (a banner line, not a letter). */
export const ANNOUNCEMENT_MAX = 200;

/** The cleaned text, or why it cannot be announced. */
export function announcementText(raw: unknown): { text: string } | { refused: string } {
  if (typeof raw !== 'string') return { refused: 'Send the announcement as {"text": "…"}.' };
  const text = cleanChat(raw);
  if (!text) return { refused: 'The announcement is empty.' };
  if ([...text].length > ANNOUNCEMENT_MAX)
    return { refused: `The announcement is too long: at most ${ANNOUNCEMENT_MAX} characters.` };
  return { text };
}

/** Which worlds an announcement reached (a process listening for them heard it), and which it did not. */
export interface Announced {
  reached: string[];
  missed: string[];
}

/**
 * Sends `text` to every world (`worlds`: every id of the realm, in this process or not). Rejects (with
 * the bus's CrossWorldUnavailable) when the bus could not be reached at all.
 */
export async function announce(bus: Bus, worlds: readonly string[], text: string): Promise<Announced> {
  const heard = await Promise.all(worlds.map((id) => bus.publish(id, { type: 'announcement', text })));
  return {
    reached: worlds.filter((_, i) => heard[i]! > 0),
    missed: worlds.filter((_, i) => heard[i] === 0),
  };
}

/** An announcement reached this world: every player in it hears it. */
export function announcementArrived(world: World, text: string): void {
  for (const p of world.players.values()) world.tell(p, [Op.Announcement, text]);
}
