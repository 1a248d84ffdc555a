// What dying is: the dead leave the world at once (out of sight, off their tiles, a mob's return
// scheduled), and the death is queued as an event. What follows from it (loot, XP, counters) is the
// event handlers' business, not the blow's.
import { Op } from '../../shared/protocol/ops.ts';
import { TICK_RATE } from '../../shared/rules/movement.ts';
import type { Mob, Player } from './entities.ts';
import type { SimContext } from './context.ts';

/** The mob is dead: gone from sight and from its tiles until its respawn delay has passed. */
export function mobDies(world: SimContext, mob: Mob): void {
  world.vis.remove(mob, [Op.Died, mob.id, mob.lastHitBy]);
  world.mobTiles.remove(mob);
  // Its return time is part of being dead: mob AI and guarded chests read it within this tick.
  mob.respawnTick = world.tickCount + Math.round(mob.kind.respawnSeconds * TICK_RATE);
  mob.hate.clear();
  mob.path = [];
  mob.progress = 0;
  mob.chasing = null;
  mob.returning = false;
  mob.started = null;
  world.events.push({ type: 'mobKilled', mob, killerId: mob.lastHitBy });
}

/** The player is dead: it stops where it is, leaves everyone's sight, and sees its death screen. */
export function playerDies(world: SimContext, player: Player, killer: Mob): void {
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
  world.vis.remove(player, [Op.Died, player.id, killer.id]);
  world.tell(player, [Op.Died, player.id, killer.id]);
  world.events.push({ type: 'playerDied', player, killer });
}

/**
 * The dead player asked to get up: full health, a few seconds' truce, at its checkpoint. A checkpoint on
 * another map (it came through a portal and reached none here): up where it fell, and the realm takes it
 * there (event-handlers.ts). Returns true when it got up (the caller places it again).
 */
export function getUp(world: SimContext, player: Player, safeTicks: number): boolean {
  player.wantRespawn = false;
  if (!player.dead) return false;
  player.dead = false;
  player.killedBy = 0;
  player.hp = player.maxHp;
  // Counted from the tick the request arrived after: the truce ends where it always has.
  player.safeUntil = world.tickCount - 1 + safeTicks;
  if (player.wantWalk || player.goal) player.safeUntil = 0; // it asked for more since: it is back in the game
  const cp = player.checkpoint;
  const here = cp.map === '' || cp.map === world.mapPath;
  Object.assign(player, here ? { x: cp.x, y: cp.y } : {}, { path: [], progress: 0 });
  Object.assign(player, { endX: player.x, endY: player.y });
  player.statsChanged = true;
  player.dirty = true;
  world.events.push({ type: 'playerRespawned', player });
  return true;
}
