// Seeded fights by the game's own rules (shared/rules/combat.ts and the server's attack cooldown), to
// judge the world's difficulty curve with numbers: who wins, and with how much HP left.
import type { MobKind } from '../../shared/content/game-data.ts';
import { damage, killXp, levelForXp, playerMaxHp, type Fighter } from '../../shared/rules/combat.ts';
import { PLAYER_ATTACK_TICKS } from '../../server/sim/player-goals.ts';
import { createRng } from '../art/rng.ts';

export interface Hero {
  level: number;
  weapon: number;
  armor: number;
}

export interface FightOdds {
  /** Share of fights the hero won, 0..1. */
  won: number;
  /** Median share of max HP the hero had left at the end (0 for a lost fight). */
  medianHpLeft: number;
}

/** Mobs strike as level-1 fighters: their numbers are in their weapon and armor. */
const mobFighter = (m: MobKind): Fighter => ({ weapon: m.weapon, armor: m.armor, level: 1 });

/**
 * The hero against `pack` all at once, `runs` times: every mob strikes on its own cooldown from the first
 * tick (the worst case: they arrive together), the hero strikes the weakest one left. No resting, no potions.
 */
export function fightOdds(hero: Hero, pack: readonly MobKind[], runs = 200, seed = 1): FightOdds {
  const rng = createRng(seed);
  const roll = (min: number, max: number): number => rng.int(min, max);
  const maxHp = playerMaxHp(hero.armor, hero.level);
  const left: number[] = [];
  for (let run = 0; run < runs; run++) {
    let hp = maxHp;
    const mobs = pack.map((kind) => ({ kind, hp: kind.hp, next: 0 }));
    for (let tick = 0; hp > 0 && mobs.some((m) => m.hp > 0); tick++) {
      if (tick % PLAYER_ATTACK_TICKS === 0) {
        const target = mobs.filter((m) => m.hp > 0).sort((a, b) => a.hp - b.hp)[0]!;
        target.hp -= damage(hero, mobFighter(target.kind), roll);
      }
      for (const m of mobs) {
        if (m.hp <= 0 || tick < m.next) continue;
        m.next = tick + m.kind.attackTicks;
        hp -= damage(mobFighter(m.kind), hero, roll);
      }
    }
    left.push(Math.max(0, hp) / maxHp);
  }
  left.sort((a, b) => a - b);
  return { won: left.filter((l) => l > 0).length / runs, medianHpLeft: left[Math.floor(runs / 2)]! };
}

/** XP after killing `kills` (in order) starting from `xp`, each kill worth what the server would give. */
export function xpAfter(xp: number, kills: readonly MobKind[]): number {
  for (const m of kills) xp += killXp(m.xp, m.weapon, levelForXp(xp));
  return xp;
}
