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

/**
 * What fighting one mob of `kind` (at `mobHp`) costs a player with `stats`. Both sides strike as they
 * meet (as the server's cooldowns and tools/map/fight-model.ts have it), then on their cooldowns.
 */
export function guessFight(data: GameData, stats: Stats, kind: MobKind, mobHp = kind.hp): FightGuess {
  const weapon = gearLevel(data, stats.weapon);
  const armor = gearLevel(data, stats.armor);
  const swings = Math.ceil(mobHp / blow(weapon, stats.level, kind.armor));
  const seconds = (swings - 1) * SWING_SECONDS;
  // Mobs fight at level 1 (server/sim/combat.ts): no level bonus.
  const theirBlows = Math.floor(seconds / (kind.attackTicks * TICK_SECONDS)) + 1;
  return {
    seconds,
    hpLost: theirBlows * blow(kind.weapon, 1, armor),
    xp: killXp(kind.xp, kind.weapon, stats.level),
  };
}

/** Share of the player's HP a fight may be expected to cost for the bot to take it on. */
export const BRAVE = 0.6;
/**
 * A boss is the journey's end: worth a fight expected to cost this share of the HP (the curve wants a
 * fifth left at the lair), taken at full health.
 */
export const BOSS_BRAVE = 0.8;
/**
 * A pack is judged all at once from the first blow (the worst case: they rarely arrive together), so it
 * may cost more: the curve (tools/map/curve.ts) asks for 15% left after the worst pack of a zone.
 */
export const PACK_BRAVE = 0.75;

/** Whether the player, at full health, beats one such mob with a margin. */
export function canBeat(data: GameData, stats: Stats, kind: MobKind): boolean {
  return guessFight(data, stats, kind).hpLost <= stats.maxHp * (kind.boss ? BOSS_BRAVE : BRAVE);
}

/**
 * HP a fight with all of `pack` at once costs: the player kills the quickest first while every mob still
 * standing strikes on its own cooldown, so a pack costs more than its duels added up.
 */
export function packHpLost(data: GameData, stats: Stats, pack: readonly MobKind[]): number {
  const fights = pack
    .map((kind) => ({ kind, guess: guessFight(data, stats, kind) }))
    .sort((a, b) => a.guess.seconds - b.guess.seconds);
  const armor = gearLevel(data, stats.armor);
  // The first blow lands at once; each later mob takes its full count of swings after the one before.
  let elapsed = -SWING_SECONDS;
  let lost = 0;
  for (const { kind, guess } of fights) {
    elapsed += guess.seconds + SWING_SECONDS;
    lost += (Math.floor(elapsed / (kind.attackTicks * TICK_SECONDS)) + 1) * blow(kind.weapon, 1, armor);
  }
  return lost;
}

/** Whether the player, at full health, beats the whole pack at once with a margin. */
export function canBeatPack(data: GameData, stats: Stats, pack: readonly MobKind[]): boolean {
  if (pack.length === 1) return canBeat(data, stats, pack[0]!);
  return packHpLost(data, stats, pack) <= stats.maxHp * PACK_BRAVE;
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
    if (pack.length < 2) continue;
    m.hpLost = packHpLost(
      data,
      stats,
      pack.map((o) => o.kind),
    );
    m.beatable = m.hpLost <= stats.maxHp * PACK_BRAVE;
  }
  return out.sort((a, b) => a.distance - b.distance);
}

/** What finishing the fights at hand costs: each engaged mob (by id) at the HP it has left. */
export function engagedCost(
  data: GameData,
  stats: Stats,
  mobs: readonly SizedMob[],
  engaged: (id: number) => boolean,
): number {
  let cost = 0;
  for (const m of mobs) if (engaged(m.entity.id)) cost += guessFight(data, stats, m.kind, m.entity.hp).hpLost;
  return cost;
}
