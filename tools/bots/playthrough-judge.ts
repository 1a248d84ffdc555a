// How the playthrough bot sizes up a fight, from what a player knows: its own stats and gear, and the
// mob's kind as assets/data/mobs.json (which the page loads) describes it, with the shared combat rules.
import type { GameData, MobKind } from '../../shared/content/game-data.ts';
import { killXp } from '../../shared/rules/combat.ts';
import type { SeenEntity, Stats } from '../../shared/protocol/view.ts';

/** A player swings every 0.8 s (16 ticks), as anyone watching their own blows sees. */
const SWING_SECONDS = 0.8;
const TICK_SECONDS = 0.05;

export interface FightGuess {
  /** Seconds to kill the mob. */
  seconds: number;
  /** HP the mob is expected to take off the player meanwhile. */
  hpLost: number;
  /** XP the kill gives at the player's level. */
  xp: number;
}

/** Expected damage of one blow (damage() in shared/rules/combat.ts, averaged over its rolls). */
function blow(weapon: number, level: number, armor: number): number {
  return Math.max(2, weapon * 7.5 + Math.floor((level - 1) * 1.5) - armor * 2);
}

export function gearLevel(data: GameData, item: string): number {
  return data.items.get(item)?.level ?? 1;
}

/** What fighting one mob of `kind` (at `mobHp`) costs a player with `stats`. */
export function guessFight(data: GameData, stats: Stats, kind: MobKind, mobHp = kind.hp): FightGuess {
  const weapon = gearLevel(data, stats.weapon);
  const armor = gearLevel(data, stats.armor);
  const swings = Math.ceil(mobHp / blow(weapon, stats.level, kind.armor));
  const seconds = swings * SWING_SECONDS;
  // Mobs fight at level 1 (server/sim/combat.ts): no level bonus.
  const theirBlows = Math.ceil(seconds / (kind.attackTicks * TICK_SECONDS));
  return {
    seconds,
    hpLost: theirBlows * blow(kind.weapon, 1, armor),
    xp: killXp(kind.xp, kind.weapon, stats.level),
  };
}

/** Share of the player's HP a fight may be expected to cost for the bot to take it on. */
export const BRAVE = 0.6;

/** Whether the player, at full health, beats one such mob with a margin. */
export function canBeat(data: GameData, stats: Stats, kind: MobKind): boolean {
  return guessFight(data, stats, kind).hpLost <= stats.maxHp * BRAVE;
}

export interface SizedMob {
  entity: SeenEntity;
  kind: MobKind;
  at: { x: number; y: number };
  /** Tiles from the player (the larger of the two axes). */
  distance: number;
  beatable: boolean;
  /** HP the fight is expected to cost, with the pack it brings. */
  hpLost: number;
  xp: number;
}

/**
 * The mobs in view (with where they are now), nearest first, each with what fighting it would cost. A
 * mob that notices players brings the ones around it that do too: it is judged with its pack.
 */
export function sizeUp(
  data: GameData,
  stats: Stats,
  seen: readonly { entity: SeenEntity; at: { x: number; y: number } }[],
  here: { x: number; y: number },
): SizedMob[] {
  const out: SizedMob[] = [];
  for (const { entity, at } of seen) {
    const kind = data.mobs.get(entity.kind);
    if (!kind) continue;
    const distance = Math.max(Math.abs(at.x - here.x), Math.abs(at.y - here.y));
    const guess = guessFight(data, stats, kind);
    out.push({
      entity,
      kind,
      at,
      distance,
      beatable: canBeat(data, stats, kind),
      hpLost: guess.hpLost,
      xp: guess.xp,
    });
  }
  for (const m of out) {
    if (!m.beatable || m.kind.aggroRadius === 0) continue;
    const pack = out.filter(
      (o) =>
        o.kind.aggroRadius > 0 &&
        Math.max(Math.abs(o.at.x - m.at.x), Math.abs(o.at.y - m.at.y)) <= o.kind.aggroRadius + 1,
    );
    m.hpLost = pack.reduce((sum, o) => sum + guessFight(data, stats, o.kind).hpLost, 0);
    m.beatable = m.hpLost <= stats.maxHp * BRAVE;
  }
  return out.sort((a, b) => a.distance - b.distance);
}
