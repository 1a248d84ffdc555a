// Combat and progression rules. The server decides outcomes with them; the client uses them to show
// what a level or a piece of armor means. Randomness comes in as a function so the world's seeded
// Rng stays the only source.

/** Returns an integer in [min, max]. */
export type RollInt = (min: number, max: number) => number;

export interface Fighter {
  weapon: number;
  armor: number;
  level: number;
}

/** Highest level a character can reach. */
export const MAX_LEVEL = 30;

/**
 * Damage of one blow: weapon × 5..10 − armor × 1..3, plus a small bonus per level, and never less than
 * a scratch (1..3), so even the weakest hit moves a health bar.
 */
export function damage(attacker: Fighter, defender: Fighter, roll: RollInt): number {
  const dealt = attacker.weapon * roll(5, 10) + levelBonus(attacker.level) - defender.armor * roll(1, 3);
  return Math.max(roll(1, 3), dealt);
}

function levelBonus(level: number): number {
  return Math.floor((level - 1) * 1.5);
}

/** Max HP of a player: armor matters most, levels add steadily. */
export function playerMaxHp(armor: number, level: number): number {
  return 80 + (armor - 1) * 30 + (level - 1) * 10;
}

/** Total XP needed to reach `level` (level 1 needs none). */
export function xpForLevel(level: number): number {
  if (level <= 1) return 0;
  return Math.round(20 * (level - 1) ** 1.8);
}

/** The level a total of XP gives. */
export function levelForXp(xp: number): number {
  let level = 1;
  while (level < MAX_LEVEL && xp >= xpForLevel(level + 1)) level++;
  return level;
}

/** XP for a kill: full for a fair fight, less for a creature far below the player. */
export function killXp(baseXp: number, mobWeapon: number, playerLevel: number): number {
  const gap = playerLevel - (mobWeapon * 2 + 1);
  const factor = gap <= 0 ? 1 : Math.max(0.1, 1 - gap * 0.15);
  return Math.max(1, Math.round(baseXp * factor));
}

/** HP a resting player regains each regeneration pulse. */
export function regenAmount(maxHp: number): number {
  return Math.max(1, Math.floor(maxHp / 25));
}
