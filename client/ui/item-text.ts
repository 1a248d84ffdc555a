// What a bag or belt slot says about its item: what it is, and for gear how it compares with what the
// player wears ("+2 attack level vs your Short sword"), so a choice is made before equipping, not after.
import type { ItemKind } from '../../shared/content/game-data.ts';
import { playerMaxHp } from '../../shared/rules/combat.ts';

/** What the comparison needs of the player: its level and the kinds it wears. */
export interface Wearer {
  level: number;
  weapon: string;
  armor: string;
}

/** One line on what the item is and does. */
export function describeItem(kind: ItemKind): string {
  if (kind.type === 'weapon') return `Weapon, attack level ${kind.level}`;
  if (kind.type === 'armor') return `Armor, defence level ${kind.level}`;
  const does: string[] = [];
  if (kind.heal) does.push(`heals ${kind.heal} HP`);
  if (kind.invulnerableSeconds) does.push(`nothing can hurt you for ${kind.invulnerableSeconds} s`);
  const text = does.join('; ') || 'does nothing you can see';
  return `Potion: ${text}`;
}

/**
 * Gear against what is worn: "+2 attack level vs your Short sword", "−1 defence level vs your Chainmail
 * (−30 max HP)", "Same as your Club". Null for potions, or when nothing of the kind's type is known worn.
 */
export function compareItem(
  kind: ItemKind,
  wearer: Wearer,
  items: ReadonlyMap<string, ItemKind>,
): string | null {
  if (kind.type !== 'weapon' && kind.type !== 'armor') return null;
  const worn = items.get(kind.type === 'weapon' ? wearer.weapon : wearer.armor);
  if (!worn) return null;
  const diff = kind.level - worn.level;
  if (diff === 0) return `Same as your ${worn.name}`;
  const what = kind.type === 'weapon' ? 'attack' : 'defence';
  let text = `${signed(diff)} ${what} level vs your ${worn.name}`;
  if (kind.type === 'armor') {
    const hp = playerMaxHp(kind.level, wearer.level) - playerMaxHp(worn.level, wearer.level);
    text += ` (${signed(hp)} max HP)`;
  }
  return text;
}

/** Whether the item would be an upgrade for the wearer (the slot shows it). */
export function isUpgrade(kind: ItemKind, wearer: Wearer, items: ReadonlyMap<string, ItemKind>): boolean {
  if (kind.type !== 'weapon' && kind.type !== 'armor') return false;
  const worn = items.get(kind.type === 'weapon' ? wearer.weapon : wearer.armor);
  return !worn || kind.level > worn.level;
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : `−${-n}`;
}
