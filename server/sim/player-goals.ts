// What players do besides walking: fight, pick up, talk and open. Each goal walks the player up to its
// target and acts only when the player really stands there, so a client cannot act from afar.
// Also: resting heals, and chat lines (applied in the tick like every intent) go to everyone nearby.
import { Op } from '../../shared/protocol/ops.ts';
import { CHAT_MAX } from '../../shared/protocol/schema.ts';
import { regenAmount } from '../../shared/rules/combat.ts';
import { TICK_RATE } from '../../shared/rules/movement.ts';
import { VIEW_RADIUS_TILES } from '../../shared/rules/sight.ts';
import type { Entity, Mob, Player } from './entities.ts';
import { adjacent, distance } from './mob-ai.ts';
import { playerStrikes } from './combat.ts';
import { openChest } from './loot.ts';
import { pickUp } from './inventory.ts';
import type { SimContext } from './context.ts';

/** Ticks between a player's swings (0.8 s). */
export const PLAYER_ATTACK_TICKS = 16;
/** A target farther than this (in tiles) is out of sight: the goal is dropped. */
const REACH = VIEW_RADIUS_TILES;
/** Ticks between re-planned approaches to a moving target. */
const REPATH_TICKS = 4;
/** Ticks before a target the last plan could not reach is planned for again. */
const UNREACHABLE_REPATH_TICKS = TICK_RATE;
const REGEN_EVERY = 2 * TICK_RATE;
const REST_AFTER = 5 * TICK_RATE;
/** Chat lines a player may say per CHAT_WINDOW ticks. */
const CHAT_LINES = 3;
const CHAT_WINDOW = 5 * TICK_RATE;

/** The tick from which a player's approach may be planned again. */
const nextApproach = new WeakMap<Player, number>();

export function pursueGoals(world: SimContext): void {
  for (const p of world.players.values()) {
    if (!p.goal || p.dead || p.cell < 0) continue;
    const target = world.entity(p.goal.id);
    if (!target || !fits(p.goal.type, target) || distance(p, target) > REACH) {
      p.goal = null;
      continue;
    }
    const standing = p.progress === 0;
    switch (target.type) {
      case 'mob':
        if (adjacent(p, target) && standing) {
          // Stop here, and say so: observers were told where the old walk ends.
          if (p.path.length) world.walk(p, p.x, p.y);
          if (world.tickCount >= p.nextAttackTick) {
            p.nextAttackTick = world.tickCount + PLAYER_ATTACK_TICKS;
            playerStrikes(world, p, target);
          }
        } else if (!onTileOfHunter(p, target)) approach(world, p, target, true);
        break;
      case 'item':
        if (p.x === target.x && p.y === target.y && standing) {
          p.goal = null;
          pickUp(world, p, target);
        } else approach(world, p, target, false);
        break;
      case 'npc':
      case 'chest':
        if (distance(p, target) <= 1 && standing) {
          p.goal = null;
          if (target.type === 'npc') talk(world, p, target.id);
          else openChest(world, p, target);
        } else approach(world, p, target, true);
        break;
    }
  }
}

/**
 * On the tile of a mob that hunts this player (they walked into it at once): the mob steps aside, so the
 * player waits. Were both to step aside, they would meet on the same tile again.
 */
function onTileOfHunter(p: Player, mob: Mob): boolean {
  return p.x === mob.x && p.y === mob.y && mob.hate.has(p.id);
}

function fits(goal: NonNullable<Player['goal']>['type'], e: Entity): boolean {
  if (e.cell < 0) return false; // dead, opened or gone
  return (
    (goal === 'attack' && e.type === 'mob') ||
    (goal === 'loot' && e.type === 'item') ||
    (goal === 'talk' && e.type === 'npc') ||
    (goal === 'open' && e.type === 'chest')
  );
}

/**
 * Walks toward the target unless the current walk already ends where it should. A far target tolerates an
 * outdated plan (the walk heads the right way and is planned again on the way), and one the last plan could
 * not reach is not planned for again for a second: A* is most of what a crowd of fighters costs the tick.
 */
function approach(world: SimContext, p: Player, t: Entity, beside: boolean): void {
  const end = { x: p.endX, y: p.endY };
  const walking = p.path.length > 0 || p.progress > 0;
  if (ends(end, t, beside) && (walking || (beside && adjacent(p, t)))) return;
  if (walking && distance(end, t) <= Math.floor(distance(p, t) / 4)) return;
  if (world.tickCount < (nextApproach.get(p) ?? 0)) return;
  if (!world.walk(p, t.x, t.y, beside)) return; // searched too much lately: try again next tick
  const reached = ends({ x: p.endX, y: p.endY }, t, beside);
  nextApproach.set(p, world.tickCount + (reached ? REPATH_TICKS : UNREACHABLE_REPATH_TICKS));
}

/** Whether a walk ending on `end` brings the player where the goal needs it: beside the target, or on it. */
function ends(end: { x: number; y: number }, t: Entity, beside: boolean): boolean {
  return beside ? distance(end, t) <= 1 && (end.x !== t.x || end.y !== t.y) : end.x === t.x && end.y === t.y;
}

function talk(world: SimContext, p: Player, npcId: number): void {
  const npc = world.npcs.get(npcId);
  if (!npc) return;
  const index = p.talkedTo.get(npcId) ?? 0;
  p.talkedTo.set(npcId, index + 1);
  const lines = npc.kind.lines;
  world.tell(p, [Op.NpcLine, npcId, lines[index % lines.length]!]);
  world.events.push({ type: 'npcTalked', player: p, npc, heardOut: index === lines.length - 1 });
}

/** Resting players (no blows for a few seconds) heal a little every couple of seconds. */
export function regenerate(world: SimContext): void {
  if (world.tickCount % REGEN_EVERY !== 0) return;
  for (const p of world.players.values()) {
    if (p.dead || p.hp >= p.maxHp || world.tickCount - p.lastFightTick < REST_AFTER) continue;
    p.hp = Math.min(p.maxHp, p.hp + regenAmount(p.maxHp));
    p.statsChanged = true;
  }
}

/** Control characters and invisible or direction-changing marks: they would let a line disguise itself. */
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/g;

/** Cleans a chat line: no control characters, spaces folded. */
export function cleanChat(raw: string): string {
  return raw.replace(UNPRINTABLE, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * Why the player may not say this (cleaned) line now: too long, or too fast; null when it may, and then it
 * counts toward the rate. Whispers share the limits (server/realm/whispers.ts).
 */
export function chatRefusal(world: Pick<SimContext, 'tickCount'>, p: Player, text: string): string | null {
  if ([...text].length > CHAT_MAX)
    return `That line is too long to say: chat lines are at most ${CHAT_MAX} characters.`;
  p.chatTicks = p.chatTicks.filter((t) => world.tickCount - t < CHAT_WINDOW);
  if (p.chatTicks.length >= CHAT_LINES) return 'You are talking too fast. Take a breath.';
  p.chatTicks.push(world.tickCount);
  return null;
}

/** A line longer than CHAT_MAX is refused whole: cut short, it might say something its sender did not. */
export function chat(world: SimContext, p: Player, raw: string): void {
  const text = cleanChat(raw);
  if (!text || p.cell < 0) return;
  const refused = chatRefusal(world, p, text);
  if (refused) return world.tell(p, [Op.Notice, refused]);
  world.vis.broadcast(p, [Op.ChatLine, p.id, text]);
  world.events.push({ type: 'chatSaid', player: p, text });
}
