// Blows and deaths, decided here with the world's seeded Rng: players striking mobs, mobs striking
// players, and what follows a kill (XP, drops, respawn) or a death (the death screen).
import { Op } from '../../shared/protocol/ops.ts';
import { encode } from '../../shared/protocol/codec.ts';
import { damage, killXp, type Fighter } from '../../shared/rules/combat.ts';
import type { Mob, Player } from './entities.ts';
import { scheduleRespawn } from './mob-life.ts';
import { dropLoot } from './loot.ts';
import { count, gainXp } from './progress.ts';
import type { World } from './world.ts';

export function playerFighter(world: World, p: Player): Fighter {
  return {
    weapon: world.data.items.get(p.weapon)?.level ?? 1,
    armor: world.data.items.get(p.armor)?.level ?? 1,
    level: p.level,
  };
}

function mobFighter(m: Mob): Fighter {
  return { weapon: m.kind.weapon, armor: m.kind.armor, level: 1 };
}

const roll = (world: World) => (min: number, max: number) => world.rng.int(min, max);

export function playerStrikes(world: World, player: Player, mob: Mob): void {
  // A mob walking home has given up the fight: blows glance off until it is back.
  const dealt = mob.returning
    ? 0
    : Math.min(mob.hp, damage(playerFighter(world, player), mobFighter(mob), roll(world)));
  mob.hp -= dealt;
  mob.hate.set(player.id, (mob.hate.get(player.id) ?? 0) + dealt);
  mob.lastHitBy = player.id;
  player.lastFightTick = world.tickCount;
  world.vis.broadcast(mob, encode([Op.Hit, player.id, mob.id, dealt, mob.hp]));
  if (mob.hp <= 0) killMob(world, mob);
}

export function mobStrikes(world: World, mob: Mob, player: Player): void {
  // Mobs do not pick such players, but a blow already decided must not land either.
  if (player.dead || player.cell < 0 || player.away || world.tickCount < player.safeUntil) return;
  const shielded = world.tickCount < player.invulnerableUntil;
  const dealt = shielded
    ? 0
    : Math.min(player.hp, damage(mobFighter(mob), playerFighter(world, player), roll(world)));
  player.hp -= dealt;
  player.lastFightTick = world.tickCount;
  player.statsChanged = true;
  world.vis.broadcast(player, encode([Op.Hit, mob.id, player.id, dealt, player.hp]));
  if (player.hp <= 0) killPlayer(world, player, mob);
}

function killMob(world: World, mob: Mob): void {
  world.vis.remove(mob, encode([Op.Died, mob.id, mob.lastHitBy]));
  scheduleRespawn(world, mob);
  dropLoot(world, mob);
  const killer = world.players.get(mob.lastHitBy);
  if (!killer) return;
  killer.kills++;
  killer.dirty = true;
  killer.outbox.events.push(encode([Op.Notice, `You defeated ${mobName(mob)}.`]));
  count(world, killer, 'kills', mob.kind.id);
  gainXp(world, killer, killXp(mob.kind.xp, mob.kind.weapon, killer.level));
}

function killPlayer(world: World, player: Player, killer: Mob): void {
  player.dead = true;
  player.hp = 0;
  player.killedBy = killer.id;
  player.goal = null;
  player.wantWalk = null;
  player.path = [];
  player.progress = 0;
  player.started = null;
  Object.assign(player, { endX: player.x, endY: player.y });
  player.deaths++;
  player.dirty = true;
  player.statsChanged = true;
  const died = encode([Op.Died, player.id, killer.id]);
  world.vis.remove(player, died);
  player.outbox.events.push(died);
}

function mobName(mob: Mob): string {
  const name = mob.kind.name;
  if (mob.kind.boss) return `the ${name}`;
  return `${/^[aeiou]/i.test(name) ? 'an' : 'a'} ${name.toLowerCase()}`;
}
