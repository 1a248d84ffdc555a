// What the playthrough bot does with its bag, as a player would: drinks from the belt when a fight has
// it hurt (the potion that heals what it lacks without much waste), saves the Ember potion for a fight
// going badly, and drops old gear it will never wear again, so the bag keeps room for potions.
import type { GameData, ItemKind } from '../../shared/content/game-data.ts';
import type { BagView, Stats } from '../../shared/protocol/view.ts';
import type { BotClient } from './bot-client.ts';
import { gearLevel } from './playthrough-judge.ts';

/** In a fight, drink below this share of max HP. */
export const DRINK_BELOW = 0.5;
/** In a fight, the Ember potion (nothing hurts for a while) goes below this share. */
const EMBER_BELOW = 0.3;
/** The server lets one potion be drunk every half second; the bot waits a little longer. */
const DRINK_MS = 700;
/** One drop at a time: the bag message in between shows what is left. */
const DROP_MS = 500;

export class Potions {
  private lastDrink = -Infinity;
  private lastDrop = -Infinity;
  /** Potions drunk from the belt, for the run's record. */
  drunk = 0;

  constructor(
    private readonly bot: Pick<BotClient, 'view' | 'useBelt' | 'dropSlot'>,
    private readonly data: GameData,
  ) {}

  /** Drinks when `fighting` and hurt; drops outgrown gear. Says what it drank, or null. */
  think(stats: Stats, fighting: boolean, now: number): string | null {
    const bag = this.bot.view.bag;
    if (!bag) return null;
    if (now - this.lastDrop > DROP_MS) {
      const old = outgrown(this.data, bag, stats);
      if (old >= 0) {
        this.lastDrop = now;
        this.bot.dropSlot(old);
      }
    }
    if (!fighting || now - this.lastDrink < DRINK_MS) return null;
    const slot = pickPotion(this.data, bag, stats);
    if (slot < 0) return null;
    this.lastDrink = now;
    this.drunk++;
    this.bot.useBelt(slot);
    return bag.belt[slot]!.item;
  }
}

/** The belt slot to drink from now (-1: none, or no need). */
export function pickPotion(data: GameData, bag: BagView, stats: Stats): number {
  const share = stats.hp / Math.max(1, stats.maxHp);
  if (share >= DRINK_BELOW) return -1;
  const carried = bag.belt
    .map((slot, i) => ({ i, kind: data.items.get(slot.item), count: slot.count }))
    .filter((s): s is { i: number; kind: ItemKind; count: number } => !!s.kind && s.count > 0);
  const missing = stats.maxHp - stats.hp;
  const heals = carried.filter((s) => s.kind.heal > 0).sort((a, b) => a.kind.heal - b.kind.heal);
  // The smallest potion that heals what is missing, else the biggest there is.
  const fits = heals.find((s) => s.kind.heal >= missing) ?? heals.at(-1);
  const ember = carried.find((s) => s.kind.invulnerableSeconds > 0);
  if (ember && (share < EMBER_BELOW || !fits) && stats.invulnerableTicks === 0) return ember.i;
  return fits?.i ?? -1;
}

/** A bag slot holding gear no better than what is worn (-1: none). */
export function outgrown(data: GameData, bag: BagView, stats: Stats): number {
  return bag.slots.findIndex(({ item }) => {
    const kind = data.items.get(item);
    if (!kind || (kind.type !== 'weapon' && kind.type !== 'armor')) return false;
    const worn = gearLevel(data, kind.type === 'weapon' ? stats.weapon : stats.armor);
    return kind.level <= worn;
  });
}

/** Whether one more `kind` fits in the bag (an empty slot, or a stack of it with room). */
export function hasRoom(bag: BagView | null, kind: string, stackMax = 10): boolean {
  if (!bag) return false;
  return bag.slots.some((s) => s.item === '' || (s.item === kind && s.count < stackMax));
}
