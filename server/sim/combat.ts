// Blows, decided here with the world's seeded Rng: players striking mobs and mobs striking players.
// A blow that kills hands over to deaths.ts; what a kill earns is an event handler's business.
import { Op } from '../../shared/protocol/ops.ts';
import { damage, type Fighter } from '../../shared/rules/combat.ts';
import type { Mob, Player } from './entities.ts';
import { mobDies, playerDies } from './deaths.ts';
import type { SimContext } from './context.ts';

export function playerFighter(world: SimContext, p: Player): Fighter {
  return {
    weapon: world.data.items.get(p.weapon)?.level ?? 1,
    armor: world.data.items.get(p.armor)?.level ?? 1,
    level: p.level,
  };
}

function mobFighter(m: Mob): Fighter {
  return { weapon: m.kind.weapon, armor: m.kind.armor, level: 1 };
}

const roll = (world: SimContext) => (min: number, max: number) => world.rng.int(min, max);

export function playerStrikes(world: SimContext, player: Player, mob: Mob): void {
  // A mob walking home has given up the fight: blows glance off until it is back.
  const dealt = mob.returning
    ? 0
    : Math.min(mob.hp, damage(playerFighter(world, player), mobFighter(mob), roll(world)));
  mob.hp -= dealt;
  mob.hate.set(player.id, (mob.hate.get(player.id) ?? 0) + dealt);
  mob.lastHitBy = player.id;
  player.lastFightTick = world.tickCount;
  world.vis.broadcast(mob, [Op.Hit, player.id, mob.id, dealt, mob.hp]);
  if (mob.hp <= 0) mobDies(world, mob);
}

export function mobStrikes(world: SimContext, mob: Mob, player: Player): void {
  // Mobs do not pick such players, but a blow already decided must not land either.
  if (player.dead || player.cell < 0 || player.away || world.tickCount < player.safeUntil) return;
  const shielded = world.tickCount < player.invulnerableUntil;
  const dealt = shielded
    ? 0
    : Math.min(player.hp, damage(mobFighter(mob), playerFighter(world, player), roll(world)));
  player.hp -= dealt;
  player.lastFightTick = world.tickCount;
  player.statsChanged = true;
  world.vis.broadcast(player, [Op.Hit, mob.id, player.id, dealt, player.hp]);
  if (player.hp <= 0) playerDies(world, player, mob);
}
