// What the playthrough bot picks up, as a player would: chests in sight, gear better than its own, and
// potions while its bag has room for them (the server equips better gear on pickup, drinks a healing
// potion picked up while hurt, and keeps the rest in the bag, drunk from the belt: playthrough-potions.ts),
// and items a quest asks for.
import type { GameData } from '../../shared/content/game-data.ts';
import type { Stats } from '../../shared/protocol/view.ts';
import type { AtlasBot } from './playthrough-atlas.ts';
import { gearLevel } from './playthrough-judge.ts';
import { hasRoom } from './playthrough-potions.ts';

/** Things this close (tiles) are worth the walk. */
const REACH = 12;
/** Below this share of max HP a potion is worth the walk even with a full bag (it is drunk at once). */
const POTION_BELOW = 0.8;

/** A chest or item still there this long after the bot went for it is tried again (a fight got between). */
const RETRY_MS = 5000;
/** Tries of one thing, so a drop out of reach is not chased for ever. */
const TRIES = 6;

/**
 * Walks to an upgrade, a potion when hurt, or a chest in sight; says what it went for (null if nothing).
 * `tried` holds what it went for already (by id: when, and how often).
 */
export function pickUp(
  bot: AtlasBot,
  data: GameData,
  tried: Map<number, { at: number; times: number }>,
  here: { x: number; y: number },
  stats: Stats,
  now: number,
): string | null {
  const go = (id: number): void => {
    const before = tried.get(id);
    tried.set(id, { at: now, times: (before?.times ?? 0) + 1 });
  };
  for (const e of bot.view.entities.values()) {
    const before = tried.get(e.id);
    if (before && (before.times >= TRIES || now - before.at < RETRY_MS)) continue;
    const end = bot.endOf(e);
    if (Math.max(Math.abs(end.x - here.x), Math.abs(end.y - here.y)) > REACH) continue;
    if (e.type === 'chest') {
      go(e.id);
      bot.open(e.id);
      return 'a chest';
    }
    const item = e.type === 'item' ? data.items.get(e.kind) : undefined;
    if (!item) continue;
    const upgrade =
      (item.type === 'weapon' && item.level > gearLevel(data, stats.weapon)) ||
      (item.type === 'armor' && item.level > gearLevel(data, stats.armor));
    const potion =
      item.type === 'consumable' &&
      ((stats.hp < stats.maxHp * POTION_BELOW && item.heal > 0) || hasRoom(bot.view.bag, item.id));
    // A quest item is worth the walk while a quest taken asks for it.
    const wanted =
      item.type === 'quest' &&
      [...bot.view.quests.active.keys()].some((id) => data.quests?.get(id)?.target === item.id);
    if (upgrade || potion || wanted) {
      go(e.id);
      bot.loot(e.id);
      return item.id;
    }
  }
  return null;
}
