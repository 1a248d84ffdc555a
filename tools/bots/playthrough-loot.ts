// What the playthrough bot picks up, as a player would: chests in sight, gear better than its own, and
// potions when hurt (the server equips gear and drinks potions on pickup).
import type { GameData } from '../../shared/content/game-data.ts';
import type { Stats } from '../../shared/protocol/view.ts';
import type { BotClient } from './bot-client.ts';
import { gearLevel } from './playthrough-judge.ts';

/** Things this close (tiles) are worth the walk. */
const REACH = 12;
/** Potions are drunk on pickup: only worth it below this share of max HP. */
const POTION_BELOW = 0.8;

/**
 * Walks to an upgrade, a potion when hurt, or a chest in sight; true when it did. `tried` holds what it
 * went for already: once each, so a drop out of reach is not chased for ever.
 */
export function pickUp(
  bot: BotClient,
  data: GameData,
  tried: Set<number>,
  here: { x: number; y: number },
  stats: Stats,
): boolean {
  for (const e of bot.view.entities.values()) {
    if (tried.has(e.id)) continue;
    if (Math.max(Math.abs(e.endX - here.x), Math.abs(e.endY - here.y)) > REACH) continue;
    if (e.type === 'chest') {
      tried.add(e.id);
      bot.open(e.id);
      return true;
    }
    const item = e.type === 'item' ? data.items.get(e.kind) : undefined;
    if (!item) continue;
    const upgrade =
      (item.type === 'weapon' && item.level > gearLevel(data, stats.weapon)) ||
      (item.type === 'armor' && item.level > gearLevel(data, stats.armor));
    const potion = item.type === 'consumable' && stats.hp < stats.maxHp * POTION_BELOW;
    if (upgrade || potion) {
      tried.add(e.id);
      bot.loot(e.id);
      return true;
    }
  }
  return false;
}
