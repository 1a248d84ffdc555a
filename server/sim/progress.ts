// A character's progress: counters toward achievements, XP and levels, checkpoints and named places,
// and the Stats message that tells the player its own numbers.
import { Happening, Op } from '../../shared/protocol/ops.ts';
import { levelForXp, playerMaxHp } from '../../shared/rules/combat.ts';
import type { AchievementRule } from '../../shared/content/game-data.ts';
import type { TileRect } from '../../shared/content/world-map.ts';
import type { Player } from './entities.ts';
import { announce } from './walking.ts';
import type { SimContext } from './context.ts';
import { tellHappened } from './happenings.ts';

/** Counts one event toward achievements (under its own target and under "any"), unlocking what it completes. */
export function count(world: SimContext, player: Player, rule: AchievementRule, target: string): void {
  // Item types count under their own key only, so "any" still counts each equip once.
  const types = ['weapon', 'armor'];
  const keys =
    target === 'any' || types.includes(target) ? [`${rule}:${target}`] : [`${rule}:${target}`, `${rule}:any`];
  for (const key of keys) {
    player.counters[key] = (player.counters[key] ?? 0) + 1;
  }
  player.dirty = true;
  checkAchievements(world, player, rule);
}

export function checkAchievements(world: SimContext, player: Player, rule: AchievementRule): void {
  for (const a of world.data.achievements) {
    if (a.rule !== rule || player.achievements.includes(a.id)) continue;
    const progress = rule === 'level' ? player.level : (player.counters[`${rule}:${a.target}`] ?? 0);
    if (progress < a.count) continue;
    player.achievements.push(a.id);
    player.dirty = true;
    world.tell(player, [Op.Achievement, a.id]);
  }
}

export function gainXp(world: SimContext, player: Player, xp: number): void {
  player.xp += xp;
  player.statsChanged = true;
  player.dirty = true;
  const level = levelForXp(player.xp);
  if (level <= player.level) return;
  player.level = level;
  const armor = world.data.items.get(player.armor)?.level ?? 1;
  player.maxHp = playerMaxHp(armor, level);
  // A level-up is a fresh start (for a killer a mob struck down later in the same tick, too late).
  if (!player.dead) player.hp = player.maxHp;
  world.tell(player, [Op.Notice, `Level ${level}! You feel stronger.`]);
  tellHappened(world, player, Happening.LevelUp, level);
  if (player.cell >= 0)
    world.vis.broadcast(player, [Op.Looks, player.id, player.weapon, player.armor, level]);
  checkAchievements(world, player, 'level');
}

/** Checkpoints the players stand in become their respawn point; named areas count for achievements. */
export function visitPlaces(world: SimContext): void {
  const { checkpoints, areas } = world.placements;
  for (const p of world.players.values()) {
    if (p.cell < 0 || p.progress !== 0) continue;
    for (const area of checkpoints) {
      const had = p.checkpoint.map === '' && inside(area, p.checkpoint.x, p.checkpoint.y);
      if (inside(area, p.x, p.y) && !had) {
        p.checkpoint = { x: p.x, y: p.y, map: '' };
        p.dirty = true;
        world.tell(p, [Op.Notice, 'Checkpoint reached.']);
      }
    }
    for (const door of world.placements.doors) {
      // Only a player who stands on the door goes through: nobody is moved from afar.
      if (p.path.length === 0 && inside(door.area, p.x, p.y)) teleport(world, p, door.to);
    }
    if (p.path.length === 0 && !p.away) takePortals(world, p);
    for (const { name, area } of areas) {
      const key = `reach:${name}`;
      if (!p.counters[key] && inside(area, p.x, p.y))
        world.events.push({ type: 'areaEntered', player: p, name });
    }
  }
}

/** A player standing on a portal goes once (staying there after a refusal raises nothing more). */
function takePortals(world: SimContext, p: Player): void {
  const portal = world.placements.portals.find((o) => inside(o.area, p.x, p.y));
  if (!portal) p.onPortal = -1;
  else if (p.onPortal !== portal.objectId && !p.dead) {
    p.onPortal = portal.objectId;
    world.events.push({ type: 'portalEntered', player: p, portal });
  }
}

/** Moves a player at once: observers of both places see it jump, others see it leave or arrive. */
export function teleport(world: SimContext, p: Player, to: { x: number; y: number }): void {
  Object.assign(p, { x: to.x, y: to.y, path: [], progress: 0, endX: -1, endY: -1 });
  p.started = announce(p);
  p.goal = null;
  p.dirty = true;
  world.vis.moved(p);
}

function inside(r: TileRect, x: number, y: number): boolean {
  return x >= r.x && y >= r.y && x < r.x + r.width && y < r.y + r.height;
}

export function sendStats(world: SimContext): void {
  const now = world.tickCount;
  for (const p of world.players.values()) {
    // A shield running out changes what the client shows (its HP bar's colour).
    if (!p.statsChanged && p.invulnerableUntil !== now && p.safeUntil !== now) continue;
    p.statsChanged = false;
    const shield = Math.max(0, p.invulnerableUntil - now, p.safeUntil - now);
    world.tell(p, [Op.Stats, p.hp, p.maxHp, p.level, p.xp, p.weapon, p.armor, shield]);
  }
}
