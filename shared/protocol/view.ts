// A client's picture of the world, kept by applying server frames exactly as the protocol means them.
// Pure and shared: the browser client and the bots keep their model with it, and the tests use it to
// prove that what the server sends keeps every client in step with the server's truth.
import { DX, DY, type Dir } from '../rules/dirs.ts';
import { decodeServerFrame } from './codec.ts';
import { readMoves, type WalkRecord } from './moves.ts';
import { Op, type Happening } from './ops.ts';
import type {
  BagMsg,
  DespawnMsg,
  ListedPlayer,
  NpcMark,
  QuestProgress,
  MovesMsg,
  NoticeMsg,
  ServerMsg,
  SpawnMobMsg,
  SpawnPlayerMsg,
  StatsMsg,
  TokenMsg,
  WelcomeMsg,
} from './server-messages.ts';

export type EntityType = 'player' | 'mob' | 'item' | 'npc' | 'chest';

export interface SeenEntity {
  id: number;
  type: EntityType;
  /** The data-file kind (mob, item or NPC id); for players, their armor. */
  kind: string;
  /** A player's name; for other entities, their kind. */
  name: string;
  hp: number;
  maxHp: number;
  weapon: string;
  armor: string;
  level: number;
  /** Ticks an item stays on the ground from its spawn (0: for good). */
  ttlTicks: number;
  /** The tile the current walk starts on; where the entity stands when it has no steps. */
  fromX: number;
  fromY: number;
  steps: Dir[];
  /** The tile the current walk ends on. A walk record without a start continues from here. */
  endX: number;
  endY: number;
  /** The caller's clock when the current walk arrived, to work out where the entity is now. */
  since: number;
}

export interface WorldView {
  /** The player's own id, or -1 until the welcome. The player is also in `entities`. */
  selfId: number;
  world: string;
  /** The map the world plays (path under `assets/`), from the welcome. */
  map: string;
  /** The welcome's content version: changes when live reload swapped the world's map or data. */
  version: string;
  tickMs: number;
  stepTicks: number;
  entities: Map<number, SeenEntity>;
  /** The player's own numbers, from the latest Stats message. */
  stats: Stats | null;
  /** The player's bag and belt, from the latest Bag message (null until one came). */
  bag: BagView | null;
  /** Our party's members (us too) from the latest Party message; empty in none. */
  party: PartyMember[];
  /** The player's quests, from the latest QuestLog: taken (id -> progress) and handed in. */
  quests: { active: Map<string, number>; done: string[] };
  /** What NPCs of each kind show over them (`!` a quest to give, `?` one to take back), from NpcMarkers. */
  npcMarks: Map<string, NpcMark>;
}

/** One bag or belt slot as the player sees it: the item kind ('' empty) and how many. */
export interface SlotView {
  item: string;
  count: number;
}

/**
 * The bag's slots and the belt's. A belt slot's count is how many of its potion the bag holds in all
 * (the belt is a shortcut to them, not a place of its own): 0 shows an empty shortcut.
 */
export interface BagView {
  slots: SlotView[];
  belt: SlotView[];
}

export interface Stats {
  hp: number;
  maxHp: number;
  level: number;
  xp: number;
  weapon: string;
  armor: string;
  invulnerableTicks: number;
}

export type ViewEvent =
  | { type: 'welcome'; entity: SeenEntity }
  | { type: 'spawn'; entity: SeenEntity }
  | { type: 'despawn'; entity: SeenEntity }
  | { type: 'walk'; entity: SeenEntity }
  | { type: 'notice'; text: string }
  | { type: 'hit'; attacker: number; target: number; damage: number; hpLeft: number }
  /** The entity died (it is gone from the view); `entity` is what it was, `killer` who struck last. */
  | { type: 'died'; id: number; entity: SeenEntity | undefined; killer: SeenEntity | undefined }
  | { type: 'stats'; stats: Stats }
  | { type: 'looks'; entity: SeenEntity }
  | { type: 'chat'; id: number; text: string }
  | { type: 'npcLine'; id: number; text: string }
  | { type: 'achievement'; id: string }
  | { type: 'healed'; id: number; hp: number }
  | { type: 'achievementList'; ids: string[] }
  /** Something happened to the player (a chest opened, gear put on, a level reached…). */
  | { type: 'happened'; what: Happening; detail: string | number }
  /** The character moved to another world: join `/ws/<world>`, drawing `map` (a path under `assets/`). */
  | { type: 'transfer'; world: string; map: string }
  | { type: 'population'; here: number; total: number }
  | { type: 'playerList'; total: number; players: ListedPlayer[] }
  | { type: 'whisper'; from: string; to: string; text: string }
  /** The bag or belt changed (the view's `bag` holds them now). */
  | { type: 'bag'; bag: BagView }
  /** `from` invites us into their party, for `seconds`. */
  | { type: 'partyInvite'; from: string; seconds: number }
  /** Our party now (no members: none). */
  | { type: 'party'; leader: string; members: PartyMember[] }
  | { type: 'partyLine'; from: string; text: string }
  /** The invitation from `from` is closed (lapsed, or answered). */
  | { type: 'inviteEnded'; from: string }
  /** The host's announcement to every player of the realm. */
  | { type: 'announcement'; text: string }
  /** The quest log changed (the view holds it): `active` and `done` as the server sent them. */
  | { type: 'questLog'; active: QuestProgress[]; done: string[] }
  /** The NPC `npc` offers the quest `quest`. */
  | { type: 'questOffer'; npc: number; quest: string }
  | { type: 'npcMarks'; marks: Map<string, NpcMark> }
  /** The server created our character: keep this token to play it again. */
  | { type: 'token'; token: string }
  /** The frame contradicts the view: a server bug, never the player's doing. */
  | { type: 'problem'; text: string };

/** One party member as the server last told it (`online` false: between worlds, or its connection lost). */
export interface PartyMember {
  name: string;
  world: string;
  map: string;
  level: number;
  hp: number;
  maxHp: number;
  x: number;
  y: number;
  online: boolean;
}

export function createView(): WorldView {
  return {
    selfId: -1,
    world: '',
    map: '',
    version: '',
    tickMs: 0,
    stepTicks: 0,
    entities: new Map(),
    stats: null,
    bag: null,
    party: [],
    quests: { active: new Map(), done: [] },
    npcMarks: new Map(),
  };
}

/** What one frame is applied with: the view, the time, and the entities spawned earlier in the frame. */
interface FrameContext {
  view: WorldView;
  now: number;
  spawned: Set<number>;
  events: ViewEvent[];
}

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
  [Op.SpawnItem]: (ctx, [, id, kind, x, y, ttlTicks]) =>
    addEntity(ctx, { ...standing(id, kind, x, y, ctx.now), type: 'item', kind, ttlTicks }, null),
  [Op.SpawnNpc]: (ctx, [, id, kind, x, y]) =>
    addEntity(ctx, { ...standing(id, kind, x, y, ctx.now), type: 'npc', kind }, null),
  [Op.SpawnChest]: (ctx, [, id, x, y]) =>
    addEntity(ctx, { ...standing(id, 'chest', x, y, ctx.now), type: 'chest', kind: 'chest' }, null),
  [Op.Hit]: (ctx, [, attacker, target, damage, hpLeft]) => {
    const entity = ctx.view.entities.get(target);
    if (entity) entity.hp = hpLeft;
    ctx.events.push({ type: 'hit', attacker, target, damage, hpLeft });
  },
  [Op.Died]: (ctx, [, id, killerId]) => {
    const entity = ctx.view.entities.get(id);
    const killer = ctx.view.entities.get(killerId);
    ctx.spawned.delete(id);
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
export function applyFrame(view: WorldView, frame: Uint8Array, now = 0): ViewEvent[] {
  const ctx: FrameContext = { view, now, spawned: new Set(), events: [] };
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
  const entity = { ...standing(selfId, name, x, y, ctx.now), type: 'player' as const };
  if (previous)
    Object.assign(entity, { weapon: previous.weapon, armor: previous.armor, level: previous.level });
  if (ctx.view.stats) Object.assign(entity, { weapon: ctx.view.stats.weapon, armor: ctx.view.stats.armor });
  ctx.view.entities.set(selfId, entity);
  ctx.events.push({ type: 'welcome', entity });
}

function applySpawn(ctx: FrameContext, [, id, name, x, y, walk, weapon, armor, level]: SpawnPlayerMsg): void {
  const entity: SeenEntity = {
    ...standing(id, name, x, y, ctx.now),
    type: 'player',
    kind: armor,
    weapon,
    armor,
    level,
  };
  addEntity(ctx, entity, walk);
}

function applySpawnMob(ctx: FrameContext, [, id, kind, x, y, walk, hp, maxHp]: SpawnMobMsg): void {
  addEntity(ctx, { ...standing(id, kind, x, y, ctx.now), type: 'mob', kind, hp, maxHp }, walk);
}

function addEntity(ctx: FrameContext, entity: SeenEntity, walk: Uint8Array | null): void {
  if (ctx.view.entities.has(entity.id)) {
    ctx.events.push({ type: 'problem', text: `spawn of ${entity.id}, already seen` });
  }
  // The spawn carries the ongoing walk, so this frame's Moves record for the entity is already in it.
  const record = walk && readMoves(walk)[0];
  if (record) startWalk(entity, record);
  ctx.view.entities.set(entity.id, entity);
  ctx.spawned.add(entity.id);
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
  ctx.spawned.delete(id);
  if (!entity) return void ctx.events.push({ type: 'problem', text: `despawn of ${id}, never seen` });
  ctx.view.entities.delete(id);
  ctx.events.push({ type: 'despawn', entity });
}

function applyMoves(ctx: FrameContext, [, packed]: MovesMsg): void {
  for (const record of readMoves(packed)) {
    if (ctx.spawned.has(record.id)) continue;
    const entity = ctx.view.entities.get(record.id);
    if (!entity) {
      ctx.events.push({ type: 'problem', text: `walk of ${record.id}, never seen` });
      continue;
    }
    startWalk(entity, record);
    entity.since = ctx.now;
    ctx.events.push({ type: 'walk', entity });
  }
}

function standing(id: number, name: string, x: number, y: number, now: number): SeenEntity {
  return {
    id,
    type: 'player',
    kind: '',
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

function startWalk(entity: SeenEntity, record: WalkRecord): void {
  entity.fromX = record.start ? record.start.x : entity.endX;
  entity.fromY = record.start ? record.start.y : entity.endY;
  entity.steps = record.steps;
  let x = entity.fromX;
  let y = entity.fromY;
  for (const d of record.steps) {
    x += DX[d]!;
    y += DY[d]!;
  }
  entity.endX = x;
  entity.endY = y;
}

/** The tile the entity has reached on its walk at `now`, given the milliseconds one step takes. */
export function tileAt(entity: SeenEntity, now: number, stepMs: number): { x: number; y: number } {
  const done =
    stepMs > 0
      ? Math.min(entity.steps.length, Math.floor((now - entity.since) / stepMs))
      : entity.steps.length;
  let x = entity.fromX;
  let y = entity.fromY;
  for (let i = 0; i < done; i++) {
    x += DX[entity.steps[i]!]!;
    y += DY[entity.steps[i]!]!;
  }
  return { x, y };
}
