// Who shares a kill, and how much XP each gets: the killer and the members of its party who are near the
// kill (same world, within SHARE_RANGE tiles, alive and playing). A party of alts idle in town shares
// nothing. The kill's XP is split: each sharer gets its own XP for the mob (killXp, by its level) times
// (1 + PARTY_BONUS per other sharer) / sharers, so two together get 60% each, five 36% each: killing
// together is faster, never a way to earn more per kill than alone. Pure, like every sim rule.
import { killXp } from '../../shared/rules/combat.ts';
import type { Mob, Player } from './entities.ts';

/** Tiles (in either direction) from the kill within which a member shares it: about one screen. */
export const SHARE_RANGE = 12;
/** Extra share of the kill's XP per sharer past the first. */
export const PARTY_BONUS = 0.2;

export interface Share {
  player: Player;
  xp: number;
}

/** The players who share the kill (the killer first) and the XP each gets. */
export function shareKill(players: Iterable<Player>, killer: Player, mob: Mob): Share[] {
  const sharers = [killer];
  if (killer.party !== '') {
    for (const p of players) {
      if (p === killer || p.party !== killer.party || p.dead || p.away || p.cell < 0) continue;
      if (Math.max(Math.abs(p.x - mob.x), Math.abs(p.y - mob.y)) > SHARE_RANGE) continue;
      sharers.push(p);
    }
  }
  const n = sharers.length;
  const part = (1 + PARTY_BONUS * (n - 1)) / n;
  return sharers.map((player) => {
    const own = killXp(mob.kind.xp, mob.kind.weapon, player.level);
    return { player, xp: n === 1 ? own : Math.max(1, Math.round(own * part)) };
  });
}
