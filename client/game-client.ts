// The client's model of the game: the connection, the entities it knows and how they move.
// No Phaser here; scenes draw whatever this holds. A lost connection is retried with backoff; the server
// keeps the character for a while, so the player usually resumes where they were.
import { Op } from '../shared/protocol/ops.ts';
import {
  applyFrame,
  createView,
  type EntityType,
  type SeenEntity,
  type Stats,
  type ViewEvent,
} from '../shared/protocol/view.ts';
import { findPath, type Tile } from '../shared/rules/path.ts';
import { isWalkable, type Grid } from '../shared/rules/grid.ts';
import { MAX_WALK_STEPS, PATH_NODE_BUDGET, PLAYER_STEP_TICKS, TICK_MS } from '../shared/rules/movement.ts';
import { Connection, closeMessage } from './net/connection.ts';
import { retryDelay, shouldRetry } from './net/reconnect.ts';
import { Motion, type Walk } from './view/motion.ts';
import { DX, DY } from '../shared/rules/dirs.ts';

export interface EntityModel {
  id: number;
  type: EntityType;
  /** The data-file kind: a mob, item or NPC id; 'player' for players; 'chest' for chests. */
  kind: string;
  name: string;
  motion: Motion;
  hp: number;
  maxHp: number;
  weapon: string;
  armor: string;
  level: number;
  /** Client clock (ms) at which a dropped item vanishes; 0 for never. */
  expiresAt: number;
  /** Client clock (ms) of the entity's latest swing, to play its attack. */
  swungAt: number;
}

/** Intents sent for a click on each kind of entity. */
const INTERACT = { mob: Op.Attack, item: Op.Loot, npc: Op.Talk, chest: Op.Open } as const;

export interface ClientEvents {
  /** The server accepted us: we are in the world. */
  joined(self: EntityModel, world: string): void;
  /** The connection ended for good; `wasPlaying` says whether we had joined. */
  closed(message: string, code: number, wasPlaying: boolean): void;
  /** The connection was lost while playing; the next attempt starts in `delayMs`. */
  reconnecting(message: string, delayMs: number): void;
  /** The server made us a new character: `token` plays it again later. */
  token(name: string, token: string): void;
  notice(text: string): void;
  /** Our character was moved far in one go (a door). */
  teleported(): void;
  /** Fights, deaths, chat, NPC lines, achievements, stats and looks: for effects and the HUD. */
  happened(event: ViewEvent, client: GameClient): void;
}

/** How long a locally predicted walk is trusted before the server's word wins. */
const PREDICTION_GRACE_MS = 1500;

export class GameClient {
  readonly entities = new Map<number, EntityModel>();
  selfId = -1;
  name = '';
  token = '';
  world = '';
  private connection: Connection | null = null;
  /** Welcomed since the player pressed Play: a lost connection is then retried rather than reported. */
  private playing = false;
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  /** The view is cleared when the next welcome arrives, so the old picture stays up while reconnecting. */
  private stale = false;
  private welcomed = false;
  private view = createView();
  /** The server's time for one step (Welcome's tickMs × stepTicks): every walk is drawn at this pace. */
  stepMs = PLAYER_STEP_TICKS * TICK_MS;
  /** Ends of walks we predicted recently; the server echoing one of them needs no correction. */
  private predicted: { end: Tile; at: number }[] = [];
  clock = 0;
  /** performance.now() at the latest update, to tell how far into a frame a walk starts. */
  private updatedAt = 0;
  private idleMs = 0;

  constructor(
    private readonly grid: Grid,
    private readonly url: string,
    private readonly events: ClientEvents,
  ) {}

  /** Open and welcomed on the current connection (while reconnecting, the old picture has a selfId). */
  get connected(): boolean {
    return this.connection?.connected === true && this.welcomed;
  }

  get self(): EntityModel | undefined {
    return this.entities.get(this.selfId);
  }

  /** The player's own numbers (HP, level, XP, gear), once the server has sent them. */
  get stats(): Stats | null {
    return this.view.stats;
  }

  get dead(): boolean {
    return this.welcomed && this.view.stats !== null && this.view.stats.hp <= 0;
  }

  /** Acts on an entity: attack a mob, pick up an item, talk to an NPC, open a chest. */
  interact(id: number): boolean {
    const target = this.entities.get(id);
    if (!target || target.type === 'player' || !this.connection || this.dead) return false;
    this.predicted = [];
    this.connection.send([INTERACT[target.type], id]);
    return true;
  }

  chat(text: string): void {
    if (text.trim()) this.connection?.send([Op.Chat, text]);
  }

  respawn(): void {
    this.connection?.send([Op.Respawn]);
  }

  join(name: string, token = ''): void {
    this.leave();
    this.reset();
    this.name = name;
    this.token = token;
    this.playing = false;
    this.attempt = 0;
    this.connect();
  }

  leave(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    const c = this.connection;
    this.connection = null;
    c?.close();
  }

  private connect(): void {
    this.retryTimer = null;
    this.welcomed = false;
    const connection: Connection = new Connection(this.url, this.name, this.token, {
      onFrame: (frame) => {
        if (this.connection === connection) this.applyFrame(frame);
      },
      onClose: (code, reason) => {
        if (this.connection !== connection) return;
        this.connection = null;
        this.lost(code, closeMessage(code, reason));
      },
    });
    this.connection = connection;
  }

  /** Whatever was asked while offline is gone with the old socket: nothing is replayed on reconnect. */
  private lost(code: number, message: string): void {
    if (this.playing && shouldRetry(code)) {
      const delay = retryDelay(this.attempt++);
      this.stale = true;
      this.predicted = [];
      this.retryTimer = setTimeout(() => this.connect(), delay);
      this.events.reconnecting(message, delay);
      return;
    }
    const wasPlaying = this.playing;
    this.playing = false;
    this.events.closed(message, code, wasPlaying);
  }

  /** Walks the own character toward a tile: starts at once locally and asks the server. */
  walkTo(target: Tile): Tile | null {
    const self = this.self;
    if (!self || !this.connection || this.dead) return null;
    const motion = self.motion;
    const path = findPath(this.grid, motion.pathStart, target, {
      nodeBudget: PATH_NODE_BUDGET,
      maxSteps: MAX_WALK_STEPS,
    });
    const end = path.at(-1) ?? motion.pathStart;
    const standing = !motion.moving;
    motion.followTiles(path);
    if (standing) motion.startedLate(performance.now() - this.updatedAt);
    this.predicted.push({ end, at: this.clock });
    this.connection.send([Op.WalkTo, target.x, target.y]);
    return end;
  }

  /**
   * Keyboard and touch steering: walk straight on from the tile being entered, `steps` tiles at most
   * (fewer where a wall comes first). Asks the server only when that changes where the walk ends.
   * `steps` 0 stops on the tile being entered.
   */
  steer(dx: number, dy: number, steps: number): boolean {
    const self = this.self;
    if (!self || !this.connection || this.dead) return false;
    const motion = self.motion;
    const end = { ...motion.pathStart };
    for (let i = 0; i < steps && isWalkable(this.grid, end.x + dx, end.y + dy); i++) {
      end.x += dx;
      end.y += dy;
    }
    if (steps > 0 && end.x === motion.pathStart.x && end.y === motion.pathStart.y) {
      if (!motion.moving) motion.facing = dx > 0 ? 1 : dx < 0 ? 3 : dy > 0 ? 2 : 0;
      return false;
    }
    const dest = motion.destination;
    if (dest.x !== end.x || dest.y !== end.y) this.walkTo(end);
    return true;
  }

  update(ms: number): void {
    this.updatedAt = performance.now();
    this.clock += ms;
    this.predicted = this.predicted.filter((p) => this.clock - p.at < PREDICTION_GRACE_MS);
    const self = this.self;
    for (const e of this.entities.values()) e.motion.update(ms, e === self ? this.keepsUp : undefined);
    this.reconcileSelf(ms);
  }

  /** The client's clock now, between frames too (when frames arrive, so walks are timed truly). */
  private now(): number {
    return this.updatedAt > 0 ? this.clock + (performance.now() - this.updatedAt) : this.clock;
  }

  /**
   * Our character may step into a tile at most one step beyond where the server has it: a prediction
   * starts at once, but never runs ahead of what the server will do, even when a slow page sends
   * late. Behind, or on a route of its own (the server planned from another tile), it walks on.
   */
  private readonly keepsUp = (tile: Tile): boolean => {
    const seen = this.view.entities.get(this.selfId);
    if (!seen) return true;
    // The server counts the tick that starts a walk as its first step's first tick: one tick more.
    const done = Math.max(
      0,
      Math.min(seen.steps.length, Math.floor((this.clock + this.view.tickMs - seen.since) / this.stepMs)),
    );
    const route = walkTiles(seen);
    const at = route.findIndex((t) => t.x === tile.x && t.y === tile.y);
    if (at >= 0) return at <= done + 1;
    // Off the server's route: past its end (the server has not heard of this walk yet), only the
    // first step; elsewhere it is a route of our own, not ours to judge.
    const standing = done >= seen.steps.length;
    const end = route.at(-1)!;
    return !standing || Math.abs(tile.x - end.x) + Math.abs(tile.y - end.y) <= 1;
  };

  private reset(): void {
    this.entities.clear();
    this.selfId = -1;
    this.view = createView();
    this.predicted = [];
  }

  private applyFrame(frame: Uint8Array): void {
    if (this.stale) {
      this.stale = false;
      this.reset();
    }
    let events: ViewEvent[];
    try {
      events = applyFrame(this.view, frame, this.now());
    } catch (err) {
      console.error('Could not read a frame from the server', err);
      return;
    }
    for (const e of events) this.apply(e);
  }

  private apply(e: ViewEvent): void {
    switch (e.type) {
      case 'welcome': {
        const { id, name, fromX, fromY } = e.entity;
        this.selfId = id;
        this.name = name;
        this.world = this.view.world;
        this.stepMs = this.view.tickMs * this.view.stepTicks;
        this.playing = true;
        this.welcomed = true;
        this.attempt = 0;
        this.events.joined(this.add(id, name, fromX, fromY, e.entity), this.view.world);
        break;
      }
      case 'spawn': {
        const entity = this.add(e.entity.id, e.entity.name, e.entity.fromX, e.entity.fromY, e.entity);
        if (e.entity.steps.length) entity.motion.followWalk(walkOf(e.entity));
        break;
      }
      case 'despawn':
        this.entities.delete(e.entity.id);
        break;
      case 'walk': {
        const entity = this.entities.get(e.entity.id);
        if (!entity) break;
        if (e.entity.id === this.selfId && this.wasPredicted({ x: e.entity.endX, y: e.entity.endY })) break;
        const at = entity.motion.tile;
        if (
          e.entity.id === this.selfId &&
          Math.abs(at.x - e.entity.fromX) + Math.abs(at.y - e.entity.fromY) > 2
        ) {
          this.events.teleported();
        }
        entity.motion.followWalk(walkOf(e.entity));
        break;
      }
      case 'hit': {
        const attacker = this.entities.get(e.attacker);
        if (attacker) attacker.swungAt = this.clock;
        const target = this.entities.get(e.target);
        if (target) target.hp = e.hpLeft;
        if (attacker && target) attacker.motion.face(target.motion.tile);
        this.events.happened(e, this);
        break;
      }
      case 'healed': {
        const entity = this.entities.get(e.id);
        if (entity) entity.hp = e.hp;
        break;
      }
      case 'died':
        this.events.happened(e, this);
        if (e.id !== this.selfId) this.entities.delete(e.id);
        break;
      case 'stats':
      case 'looks': {
        const seen = e.type === 'looks' ? e.entity : this.view.entities.get(this.selfId);
        const entity = seen && this.entities.get(seen.id);
        if (seen && entity)
          Object.assign(entity, {
            weapon: seen.weapon,
            armor: seen.armor,
            level: seen.level,
            hp: seen.hp,
            maxHp: seen.maxHp,
          });
        this.events.happened(e, this);
        break;
      }
      case 'chat':
      case 'npcLine':
      case 'achievement':
      case 'achievementList':
        this.events.happened(e, this);
        break;
      case 'notice':
        this.events.notice(e.text);
        break;
      case 'token':
        this.token = e.token;
        this.events.token(this.name, e.token);
        break;
      case 'problem':
        console.warn(`Server frame problem: ${e.text}`);
        break;
    }
  }

  private add(id: number, name: string, x: number, y: number, seen: SeenEntity): EntityModel {
    const entity: EntityModel = {
      id,
      type: seen.type,
      kind: seen.type === 'player' ? 'player' : seen.kind,
      name,
      // Our own queue is our prediction: walked at the server's pace, never sped up past it.
      motion: new Motion(x, y, this.stepMs, id !== this.selfId),
      hp: seen.hp,
      maxHp: seen.maxHp,
      weapon: seen.weapon,
      armor: seen.armor,
      level: seen.level,
      expiresAt: seen.ttlTicks ? this.clock + seen.ttlTicks * this.view.tickMs : 0,
      swungAt: -1e9,
    };
    this.entities.set(id, entity);
    return entity;
  }

  private wasPredicted(end: Tile): boolean {
    return this.predicted.some((p) => p.end.x === end.x && p.end.y === end.y);
  }

  /** Once our character has stood still a moment, it must stand where the server says. */
  private reconcileSelf(ms: number): void {
    const self = this.self;
    const seen = this.view.entities.get(this.selfId);
    const truth = seen && { x: seen.endX, y: seen.endY };
    // Held back by keepsUp counts as standing: if the server never walks on, its word wins.
    if (!self || !truth || (self.motion.moving && !self.motion.waiting)) {
      this.idleMs = 0;
      return;
    }
    this.idleMs += ms;
    const at = self.motion.to;
    // Standing where a walk we asked for ends, or held back on the way there: the server has not
    // answered it yet (a slow frame can last longer than the wait); its older word would rubber-band.
    if (this.wasPredicted(self.motion.destination)) return;
    if (this.idleMs > 300 && (at.x !== truth.x || at.y !== truth.y)) {
      const path = findPath(this.grid, at, truth, { nodeBudget: PATH_NODE_BUDGET, maxSteps: MAX_WALK_STEPS });
      const reaches = path.at(-1);
      if (reaches && reaches.x === truth.x && reaches.y === truth.y && path.length <= 3)
        self.motion.followTiles(path);
      else self.motion.placeAt(truth);
    }
  }
}

/** The tiles of an entity's current walk, its start first. */
function walkTiles(entity: SeenEntity): Tile[] {
  const tiles: Tile[] = [{ x: entity.fromX, y: entity.fromY }];
  for (const d of entity.steps) {
    const last = tiles.at(-1)!;
    tiles.push({ x: last.x + DX[d]!, y: last.y + DY[d]! });
  }
  return tiles;
}

function walkOf(entity: SeenEntity): Walk {
  return { start: { x: entity.fromX, y: entity.fromY }, steps: entity.steps };
}
