// A client's picture of the world, kept by applying server frames exactly as the protocol means them.
// Pure and shared: the browser client and the bots keep their model with it, and the tests use it to
// prove that what the server sends keeps every client in step with the server's truth.
import { DX, DY, type Dir } from '../rules/dirs.ts';
import { decodeServerFrame } from './codec.ts';
import { readMoves, type WalkRecord } from './moves.ts';
import { Op } from './ops.ts';
import type {
  DespawnMsg,
  MovesMsg,
  NoticeMsg,
  ServerMsg,
  SpawnPlayerMsg,
  TokenMsg,
  WelcomeMsg,
} from './server-messages.ts';

export interface SeenEntity {
  id: number;
  name: string;
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
  tickMs: number;
  stepTicks: number;
  entities: Map<number, SeenEntity>;
}

export type ViewEvent =
  | { type: 'welcome'; entity: SeenEntity }
  | { type: 'spawn'; entity: SeenEntity }
  | { type: 'despawn'; entity: SeenEntity }
  | { type: 'walk'; entity: SeenEntity }
  | { type: 'notice'; text: string }
  /** The server created our character: keep this token to play it again. */
  | { type: 'token'; token: string }
  /** The frame contradicts the view: a server bug, never the player's doing. */
  | { type: 'problem'; text: string };

export function createView(): WorldView {
  return { selfId: -1, world: '', tickMs: 0, stepTicks: 0, entities: new Map() };
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

function applyWelcome(ctx: FrameContext, [, selfId, name, x, y, world, tickMs, stepTicks]: WelcomeMsg): void {
  Object.assign(ctx.view, { selfId, world, tickMs, stepTicks });
  const entity = standing(selfId, name, x, y, ctx.now);
  ctx.view.entities.set(selfId, entity);
  ctx.events.push({ type: 'welcome', entity });
}

function applySpawn(ctx: FrameContext, [, id, name, x, y, walk]: SpawnPlayerMsg): void {
  if (ctx.view.entities.has(id)) ctx.events.push({ type: 'problem', text: `spawn of ${id}, already seen` });
  const entity = standing(id, name, x, y, ctx.now);
  // The spawn carries the ongoing walk, so this frame's Moves record for the entity is already in it.
  const record = readMoves(walk)[0];
  if (record) startWalk(entity, record);
  ctx.view.entities.set(id, entity);
  ctx.spawned.add(id);
  ctx.events.push({ type: 'spawn', entity });
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
  return { id, name, fromX: x, fromY: y, steps: [], endX: x, endY: y, since: now };
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
