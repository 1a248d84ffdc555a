// What a player is told when it enters the world (join, resume, live reload): the welcome and its own
// achievements, or its death screen.
import { PLAYER_STEP_TICKS, TICK_MS } from '../../shared/rules/movement.ts';
import { Op } from '../../shared/protocol/ops.ts';
import type { ServerMsg } from '../../shared/protocol/server-messages.ts';
import type { Player } from './entities.ts';

/** The player's own death, told again to a client that arrives after it. */
export function died(p: Player): ServerMsg {
  return [Op.Died, p.id, p.killedBy];
}

/** The welcome, and what the player has earned so far (the client's achievements panel starts from it). */
export function welcome(
  world: { name: string; mapPath: string; contentVersion: string },
  p: Player,
): ServerMsg[] {
  const { name, mapPath, contentVersion } = world;
  return [
    [Op.Welcome, p.id, p.name, p.x, p.y, name, mapPath, TICK_MS, PLAYER_STEP_TICKS, contentVersion],
    [Op.AchievementList, p.achievements],
  ];
}
