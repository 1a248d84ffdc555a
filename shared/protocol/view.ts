// A client's picture of the world, kept by applying server frames exactly as the protocol means them.
// Pure and shared: the browser client and the bots keep their model with it, and the tests use it to
// prove that what the server sends keeps every client in step with the server's truth.
import { decodeServerFrame } from './codec.ts';
import { WalkReader } from './moves.ts';
import { startWalk } from './seen-walk.ts';
import { Op } from './ops.ts';
import {
  createView,
  type EntityType,
  type SeenEntity,
  type ViewEvent,
  type WorldView,
} from './view-model.ts';
import type {
  BagMsg,
  DespawnMsg,
  MovesMsg,
  NoticeMsg,
  ServerMsg,
  SpawnMobMsg,
  SpawnPlayerMsg,
  StatsMsg,
  TokenMsg,
  WelcomeMsg,
} from './server-messages.ts';

export { tileAt } from './seen-walk.ts';
export { createView };
export type {
  BagView,
  EntityType,
  PartyMember,
  SeenEntity,
  SlotView,
  Stats,
  ViewEvent,
  WorldView,
} from './view-model.ts';

/** What one frame is applied with: the view, the time, and the entities spawned earlier in the frame. */
interface FrameContext {
  view: WorldView;
  now: number;
  /** Made at the frame's first spawn: most frames have none. */
  spawned: Set<number> | null;
  events: ViewEvent[];
  walkEvents: boolean;
}

export interface ApplyOptions {
  /**
   * False: no 'walk' events (the view still takes every walk). For callers that read walks from the
   * view when they need them, as the bots do: a frame's walks are most of its events.
   */
  walkEvents?: boolean;
}

const EVERY_EVENT: ApplyOptions = {};

type Appliers = {
  [O in ServerMsg[0]]: (ctx: FrameContext, msg: Extract<ServerMsg, [O, ...unknown[]]>) => void;
};

const appliers: Appliers = {
  [Op.Welcome]: applyWelcome,
  [Op.SpawnPlayer]: applySpawn,
  [Op.Despawn]: applyDespawn,
  [Op.Moves]: applyMoves,
  [Op.Notice]: (ctx, [, text]: NoticeMsg) => void ctx.events.push({ type: 'notice', text }),
  [Op.Token]: (ctx, [, token]: TokenMsg) => void ctx.events.push({ type: 'token', token }),
  [Op.Heartbeat]: () => {},
  [Op.SpawnMob]: applySpawnMob,
  [Op.SpawnItem]: (ctx, [, id, kind, x, y, ttlTicks]) => {
    const item = standing(id, 'item', kind, kind, x, y, ctx.now);
    item.ttlTicks = ttlTicks;
    addEntity(ctx, item, null);
  },
  [Op.SpawnNpc]: (ctx, [, id, kind, x, y]) =>
    addEntity(ctx, standing(id, 'npc', kind, kind, x, y, ctx.now), null),
  [Op.SpawnChest]: (ctx, [, id, x, y]) =>
    addEntity(ctx, standing(id, 'chest', 'chest', 'chest', x, y, ctx.now), null),
  [Op.Hit]: (ctx, [, attacker, target, damage, hpLeft]) => {
    const entity = ctx.view.entities.get(target);
    if (entity) entity.hp = hpLeft;
    ctx.events.push({ type: 'hit', attacker, target, damage, hpLeft });
  },
  [Op.Died]: (ctx, [, id, killerId]) => {
    const entity = ctx.view.entities.get(id);
    const killer = ctx.view.entities.get(killerId);
    ctx.spawned?.delete(id);
    if (id !== ctx.view.selfId) ctx.view.entities.delete(id);
    ctx.events.push({ type: 'died', id, entity, killer });
  },
  [Op.Stats]: applyStats,
  [Op.Looks]: (ctx, [, id, weapon, armor, level]) => {
    const entity = ctx.view.entities.get(id);
    if (!entity) return;
    Object.assign(entity, { weapon, armor, level, kind: armor });
    ctx.events.push({ type: 'looks', entity });
  },
  [Op.ChatLine]: (ctx, [, id, text]) => void ctx.events.push({ type: 'chat', id, text }),
  [Op.NpcLine]: (ctx, [, id, text]) => void ctx.events.push({ type: 'npcLine', id, text }),
  [Op.Achievement]: (ctx, [, id]) => void ctx.events.push({ type: 'achievement', id }),
  [Op.Healed]: (ctx, [, id, hp]) => {
    const entity = ctx.view.entities.get(id);
    if (entity) entity.hp = hp;
    ctx.events.push({ type: 'healed', id, hp });
  },
  [Op.AchievementList]: (ctx, [, ids]) => void ctx.events.push({ type: 'achievementList', ids }),
  [Op.Happened]: (ctx, [, what, detail]) => void ctx.events.push({ type: 'happened', what, detail }),
  [Op.Transfer]: (ctx, [, world, map]) => void ctx.events.push({ type: 'transfer', world, map }),
  [Op.Population]: (ctx, [, here, total]) => void ctx.events.push({ type: 'population', here, total }),
  [Op.PlayerList]: (ctx, [, total, players]) => void ctx.events.push({ type: 'playerList', total, players }),
  [Op.Whisper]: (ctx, [, from, to, text]) => void ctx.events.push({ type: 'whisper', from, to, text }),
  [Op.Bag]: applyBag,
  [Op.PartyInvite]: (ctx, [, from, seconds]) => void ctx.events.push({ type: 'partyInvite', from, seconds }),
  [Op.Party]: (ctx, [, leader, list]) => {
    const members = list.map(([name, world, map, level, hp, maxHp, x, y, online]) => {
      return { name, world, map, level, hp, maxHp, x, y, online: online === 1 };
    });
    ctx.view.party = members;
    ctx.events.push({ type: 'party', leader, members });
  },
  [Op.PartyLine]: (ctx, [, from, text]) => void ctx.events.push({ type: 'partyLine', from, text }),
  [Op.InviteEnded]: (ctx, [, from]) => void ctx.events.push({ type: 'inviteEnded', from }),
  [Op.Announcement]: (ctx, [, text]) => void ctx.events.push({ type: 'announcement', text }),
  [Op.QuestLog]: (ctx, [, active, done]) => {
    ctx.view.quests = { active: new Map(active), done: [...done] };
    ctx.events.push({ type: 'questLog', active, done });
  },
  [Op.QuestOffer]: (ctx, [, npc, quest]) => void ctx.events.push({ type: 'questOffer', npc, quest }),
  [Op.NpcMarkers]: (ctx, [, marks]) => {
    ctx.view.npcMarks = new Map(marks);
    ctx.events.push({ type: 'npcMarks', marks: ctx.view.npcMarks });
  },
};

/**
 * Applies one server frame (one tick's messages) to the view and returns what changed, in order.
 * `now` is the caller's clock, stored on walks. Throws only on bytes that are not a server frame.
 */
export function applyFrame(
  view: WorldView,
  frame: Uint8Array,
  now = 0,
  options: ApplyOptions = EVERY_EVENT,
): ViewEvent[] {
  const ctx: FrameContext = { view, now, spawned: null, events: [], walkEvents: options.walkEvents ?? true };
  for (const msg of decodeServerFrame(frame)) {
    const apply = appliers[msg[0]] as ((c: FrameContext, m: ServerMsg) => void) | undefined;
    if (apply) apply(ctx, msg);
    else ctx.events.push({ type: 'problem', text: `unknown op ${String(msg[0])}` });
  }
  return ctx.events;
}

function applyWelcome(
  ctx: FrameContext,
  [, selfId, name, x, y, world, map, tickMs, stepTicks, version]: WelcomeMsg,
): void {
  Object.assign(ctx.view, { selfId, world, map, tickMs, stepTicks, version });
  // A welcome starts the picture afresh (a join, a reconnect, a respawn): what follows is all there is.
  const previous = ctx.view.entities.get(selfId);
  ctx.view.entities.clear();
  const entity = standing(selfId, 'player', '', name, x, y, ctx.now);
  if (previous)
    Object.assign(entity, { weapon: previous.weapon, armor: previous.armor, level: previous.level });
  if (ctx.view.stats) Object.assign(entity, { weapon: ctx.view.stats.weapon, armor: ctx.view.stats.armor });
  ctx.view.entities.set(selfId, entity);
  ctx.events.push({ type: 'welcome', entity });
}

function applySpawn(ctx: FrameContext, [, id, name, x, y, walk, weapon, armor, level]: SpawnPlayerMsg): void {
  const entity = standing(id, 'player', armor, name, x, y, ctx.now);
  entity.weapon = weapon;
  entity.armor = armor;
  entity.level = level;
  addEntity(ctx, entity, walk);
}

function applySpawnMob(ctx: FrameContext, [, id, kind, x, y, walk, hp, maxHp]: SpawnMobMsg): void {
  const entity = standing(id, 'mob', kind, kind, x, y, ctx.now);
  entity.hp = hp;
  entity.maxHp = maxHp;
  addEntity(ctx, entity, walk);
}

function addEntity(ctx: FrameContext, entity: SeenEntity, walk: Uint8Array | null): void {
  if (ctx.view.entities.has(entity.id)) {
    ctx.events.push({ type: 'problem', text: `spawn of ${entity.id}, already seen` });
  }
  // The spawn carries the ongoing walk, so this frame's Moves record for the entity is already in it.
  const reader = walk && new WalkReader(walk);
  if (reader && reader.next()) startWalk(entity, reader);
  ctx.view.entities.set(entity.id, entity);
  (ctx.spawned ??= new Set()).add(entity.id);
  ctx.events.push({ type: 'spawn', entity });
}

function applyStats(
  ctx: FrameContext,
  [, hp, maxHp, level, xp, weapon, armor, invulnerableTicks]: StatsMsg,
): void {
  const stats = { hp, maxHp, level, xp, weapon, armor, invulnerableTicks };
  ctx.view.stats = stats;
  const self = ctx.view.entities.get(ctx.view.selfId);
  if (self) Object.assign(self, { hp, maxHp, level, weapon, armor, kind: armor });
  ctx.events.push({ type: 'stats', stats });
}

function applyBag(ctx: FrameContext, [, kinds, counts, beltKinds]: BagMsg): void {
  const slots = kinds.map((item, i) => ({ item, count: item ? (counts[i] ?? 0) : 0 }));
  const carried = (item: string): number =>
    slots.reduce((n, s) => n + (s.item === item && item ? s.count : 0), 0);
  const belt = beltKinds.map((item) => ({ item, count: carried(item) }));
  const bag = { slots, belt };
  ctx.view.bag = bag;
  ctx.events.push({ type: 'bag', bag });
}

function applyDespawn(ctx: FrameContext, [, id]: DespawnMsg): void {
  const entity = ctx.view.entities.get(id);
  ctx.spawned?.delete(id);
  if (!entity) return void ctx.events.push({ type: 'problem', text: `despawn of ${id}, never seen` });
  ctx.view.entities.delete(id);
  ctx.events.push({ type: 'despawn', entity });
}

function applyMoves(ctx: FrameContext, [, packed]: MovesMsg): void {
  const walk = new WalkReader(packed);
  while (walk.next()) {
    if (ctx.spawned?.has(walk.id)) continue;
    const entity = ctx.view.entities.get(walk.id);
    if (!entity) {
      ctx.events.push({ type: 'problem', text: `walk of ${walk.id}, never seen` });
      continue;
    }
    startWalk(entity, walk);
    entity.since = ctx.now;
    if (ctx.walkEvents) ctx.events.push({ type: 'walk', entity });
  }
}

/** A new entity standing on (x, y). Every entity is made here, so all have one shape (fast to read). */
function standing(
  id: number,
  type: EntityType,
  kind: string,
  name: string,
  x: number,
  y: number,
  now: number,
): SeenEntity {
  return {
    id,
    type,
    kind,
    name,
    hp: 0,
    maxHp: 0,
    weapon: '',
    armor: '',
    level: 1,
    ttlTicks: 0,
    fromX: x,
    fromY: y,
    steps: [],
    endX: x,
    endY: y,
    since: now,
  };
}
