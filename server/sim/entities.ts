// Everything that stands in the world besides the map: players, mobs, items on the ground, NPCs and
// chests (how each is introduced to a player who starts seeing it is spawns.ts).
import type { WalkRecord } from '../../shared/protocol/moves.ts';
import type { NpcKind } from '../../shared/content/game-data.ts';
import type { ChestPlacement } from '../../shared/content/placements.ts';
import type { Outbox } from './outbox.ts';
import type { CharacterState } from './character.ts';
import type { Mob as MobMind } from './mob-ai.ts';
import type { Walker } from './walking.ts';

/** What a player is busy with besides walking: one target at a time, replaced by any new intent. */
export type Goal = { type: 'attack' | 'loot' | 'talk' | 'open'; id: number };

/** What the player asked to do with its bag, applied in the next tick like every intent (inventory.ts). */
export type BagIntent =
  | { type: 'use'; slot: number }
  | { type: 'belt'; slot: number }
  | { type: 'drop'; slot: number }
  /** `slot` -1 clears the belt slot. */
  | { type: 'setBelt'; belt: number; slot: number }
  /** Rearranging (bag.ts): move, merge or swap two slots; sort the bag; split a stack in two. */
  | { type: 'move'; from: number; to: number }
  | { type: 'sort' }
  | { type: 'split'; slot: number };

export interface Player extends Walker, CharacterState {
  type: 'player';
  name: string;
  key: string;
  /** The interest cell, or -1 while not placed (arriving, or dead). */
  cell: number;
  outbox: Outbox;
  /** The latest walk target asked for since the last tick; only the last one counts. */
  wantWalk: { x: number; y: number } | null;
  /** The walk started this tick, shared with observers at the end of the tick. */
  started: WalkRecord | null;
  /** Something worth saving changed since the app layer last took a copy (see character.ts). */
  dirty: boolean;
  goal: Goal | null;
  /** Tick of the next allowed swing. */
  nextAttackTick: number;
  /** Last tick this player hit or was hit, for regeneration. */
  lastFightTick: number;
  invulnerableUntil: number;
  /** A* nodes the player may still have searched for it (path-budget.ts); below 0 its walks wait. */
  pathCredit: number;
  /** The tick up to which `pathCredit` was refilled. */
  pathCreditTick: number;
  /** Just respawned: mobs neither strike nor notice the player before this tick, or until it acts (0: not). */
  safeUntil: number;
  /** Its client is gone and the character waits for it (the grace period): untouchable, and idle. */
  away: boolean;
  dead: boolean;
  /** The entity whose blow killed the player (0: none, or not known), told again to a client that resumes. */
  killedBy: number;
  /** The bag or belt changed (bag.ts): the player is sent them again at the end of the tick. */
  bagChanged: boolean;
  /** Bag intents (use, belt, drop, set belt) asked for since the last tick (inventory.ts). */
  bagIntents: BagIntent[];
  /** The first tick at which the player may drink from its bag again. */
  nextDrinkTick: number;
  /** The quest log changed (quests.ts): the player is sent it and its NPC marks at the end of the tick. */
  questsChanged: boolean;
  /** Quest intents (take, give up) asked for since the last tick, applied in the next one. */
  questIntents: ['accept' | 'abandon', string][];
  /** Stats changed this tick: the player is sent a Stats message. */
  statsChanged: boolean;
  /** Line index per NPC id, so talking again moves the conversation on. */
  talkedTo: Map<number, number>;
  /** Ticks of the recent chat lines, for the rate limit. */
  chatTicks: number[];
  /** Chat lines sent since the last tick, said in the next one (like every other intent). */
  saying: string[];
  /** Dead, and asked to get up at the checkpoint in the next tick. */
  wantRespawn: boolean;
  /**
   * The party the player is in ('' for none), as the realm last told the world (server/realm/party-link.ts):
   * kills are shared with members of the same party nearby (party-share.ts). Not saved.
   */
  party: string;
  /** The portal the player stands on and was already sent through (-1: none), so it goes once per visit. */
  onPortal: number;
}

export interface Mob extends MobMind {
  type: 'mob';
  cell: number;
  started: WalkRecord | null;
  /** The mob area it belongs to (map object id), for chests guarded by an area's mobs. */
  areaId: number;
  /** Who landed the last blow: the killer gets the XP. */
  lastHitBy: number;
}

export interface GroundItem {
  type: 'item';
  id: number;
  kind: string;
  x: number;
  y: number;
  cell: number;
  /** Tick at which it vanishes; 0 = never. */
  expiresTick: number;
}

export interface Npc {
  type: 'npc';
  id: number;
  kind: NpcKind;
  x: number;
  y: number;
  cell: number;
}

export interface Chest {
  type: 'chest';
  id: number;
  placement: ChestPlacement;
  x: number;
  y: number;
  cell: number;
  /** Shown and openable; a closed-and-gone chest waits for its respawn or its guards. */
  present: boolean;
  /** Opened since its guards last came back (guarded chests show once per clearing). */
  opened: boolean;
  respawnTick: number;
}

export type Entity = Player | Mob | GroundItem | Npc | Chest;
/** Entities that do not watch the world (only players do). */
export type Thing = Exclude<Entity, Player>;
