// The client's model of the game: the entities it knows and how they move (our own character's walk
// prediction is in self-walk.ts), and the intents it sends on the session (net/session.ts, which retries
// a lost connection; the server keeps the character for a while, so the player usually resumes where
// they were). No Phaser here; scenes draw whatever this holds.
import { Op } from '../shared/protocol/ops.ts';
import {
  applyFrame,
  createView,
  type BagView,
  type PartyMember,
  type SeenEntity,
  type Stats,
  type ViewEvent,
  type WorldView,
} from '../shared/protocol/view.ts';
import type { Tile } from '../shared/rules/path.ts';
import { isWalkable, type Grid } from '../shared/rules/grid.ts';
import { PLAYER_STEP_TICKS, TICK_MS } from '../shared/rules/movement.ts';
import { Session } from './net/session.ts';
import { Motion, type Walk } from './view/motion.ts';
import { SelfWalk } from './self-walk.ts';
import type { ClientEvents, EntityModel } from './client-events.ts';

/** Intents sent for a click on each kind of entity. */
const INTERACT = { mob: Op.Attack, item: Op.Loot, npc: Op.Talk, chest: Op.Open } as const;

export type { ClientEvents, EntityModel } from './client-events.ts';

export class GameClient {
  readonly entities = new Map<number, EntityModel>();
  selfId = -1;
  name = '';
  token = '';
  /** The world we play in, or are moving to: a reconnect goes here, not to the world first picked. */
  world = '';
  /** The map of that world (a path under assets/), as the server named it. */
  map = '';
  /** The scene is drawing another map: clicks and keys wait (the walls in hand are the old map's). */
  held = false;
  private readonly session: Session;
  private view = createView();
  /** The server's time for one step (Welcome's tickMs × stepTicks): every walk is drawn at this pace. */
  stepMs = PLAYER_STEP_TICKS * TICK_MS;
  clock = 0;
  /** performance.now() at the latest update, to tell how far into a frame a walk starts. */
  private updatedAt = 0;
  private readonly selfWalk: SelfWalk;
  /** Our party as the server last told it (every member, us too); empty when we are in none. */
  party: PartyMember[] = [];
  partyLeader = '';

  constructor(
    private grid: Grid,
    socketUrl: (world: string) => string,
    private readonly events: ClientEvents,
  ) {
    this.session = new Session({
      who: () => ({ world: this.world, name: this.name, token: this.token }),
      socketUrl,
      frame: (frame) => this.applyFrame(frame),
      reset: () => this.reset(),
      forgetWalk: () => this.selfWalk.forget(),
      events,
    });
    this.selfWalk = new SelfWalk(grid, {
      self: () => this.view.entities.get(this.selfId),
      clock: () => this.clock,
      tickMs: () => this.view.tickMs,
      stepMs: () => this.stepMs,
    });
  }

  /** Open and welcomed on the current connection (while reconnecting, the old picture has a selfId). */
  get connected(): boolean {
    return this.session.connected;
  }

  get self(): EntityModel | undefined {
    return this.entities.get(this.selfId);
  }

  /** The player's own numbers (HP, level, XP, gear), once the server has sent them. */
  get stats(): Stats | null {
    return this.view.stats;
  }

  /** The player's bag and belt, once the server has sent them. */
  get bag(): BagView | null {
    return this.view.bag;
  }

  /** Uses what a bag slot holds: drinks a potion, or puts on a piece of gear. The server decides. */
  useSlot(slot: number): void {
    if (this.canAct) this.session.send([Op.UseSlot, slot]);
  }

  /** Drinks one of the potion on a belt slot (0–3). */
  useBelt(slot: number): void {
    if (this.canAct) this.session.send([Op.UseBelt, slot]);
  }

  /** Drops one of what a bag slot holds at our feet. */
  dropSlot(slot: number): void {
    if (this.canAct) this.session.send([Op.DropSlot, slot]);
  }

  /** Rearranges the bag: moves (merges, swaps) two slots, sorts it, or splits a stack. */
  arrangeBag(
    msg: [typeof Op.MoveSlot, number, number] | [typeof Op.SortBag] | [typeof Op.SplitSlot, number],
  ): void {
    if (this.canAct) this.session.send(msg);
  }

  /** Puts the potion of bag slot `slot` on belt slot `belt` (`slot` -1 clears the belt slot). */
  setBelt(belt: number, slot: number): void {
    if (this.canAct) this.session.send([Op.SetBelt, belt, slot]);
  }

  /** The quest log as the server last sent it: taken (id -> progress) and handed in. */
  get quests(): WorldView['quests'] {
    return this.view.quests;
  }

  /** What NPCs of each kind show over them (`!` a quest to give, `?` one to take back). */
  get npcMarks(): WorldView['npcMarks'] {
    return this.view.npcMarks;
  }

  /** Takes the quest an NPC beside us offered; the server checks and answers with the log or a notice. */
  acceptQuest(id: string): void {
    if (this.canAct) this.session.send([Op.AcceptQuest, id]);
  }

  abandonQuest(id: string): void {
    this.session.send([Op.AbandonQuest, id]);
  }

  /** On the way to another world: the entities are still the old world's until its welcome. */
  get transferring(): boolean {
    return this.session.transferring;
  }

  get dead(): boolean {
    return this.session.welcomed && this.view.stats !== null && this.view.stats.hp <= 0;
  }

  /** Connected, alive and not on the way to another world (what is asked there would be lost). */
  private get canAct(): boolean {
    return this.session.open && !this.session.transferring && !this.held && !this.dead;
  }

  /** Acts on an entity: attack a mob, pick up an item, talk to an NPC, open a chest. */
  interact(id: number): boolean {
    const target = this.entities.get(id)?.seen;
    if (!target || target.type === 'player' || !this.canAct) return false;
    this.selfWalk.forget();
    this.session.send([INTERACT[target.type], id]);
    return true;
  }

  chat(text: string): void {
    if (text.trim()) this.session.send([Op.Chat, text]);
  }

  respawn(): void {
    this.session.send([Op.Respawn]);
  }

  /** The walls of the map now drawn (a transfer changes it). */
  setGrid(grid: Grid): void {
    this.grid = grid;
    this.selfWalk.grid = grid;
    this.selfWalk.forget();
  }

  /** Asks the server who is online in the whole realm (answered by a `playerList` event). */
  who(): void {
    this.session.send([Op.Who]);
  }

  /** Asks `name` (in any world) to join our party; the server says whether it went. */
  invite(name: string): void {
    if (name) this.session.send([Op.Invite, name]);
  }

  answerInvite(from: string, accept: boolean): void {
    this.session.send([Op.AnswerInvite, from, accept ? 1 : 0]);
  }

  leaveParty(): void {
    this.session.send([Op.LeaveParty]);
  }

  kick(name: string): void {
    this.session.send([Op.Kick, name]);
  }

  /** Joins `world` ('' lets the server pick one of its start map). */
  join(name: string, token = '', world = ''): void {
    this.session.leave();
    this.reset();
    // Kept through a reconnect or a transfer (the server re-sends it when it changed); not to another character.
    this.party = [];
    this.partyLeader = '';
    this.name = name;
    this.token = token;
    this.world = world;
    this.map = '';
    this.session.start();
  }

  leave(): void {
    this.session.leave();
  }

  /** The scene has drawn the new world's map: join it once the old socket has closed. */
  arrive(): void {
    this.session.arrive();
  }

  /** Walks the own character toward a tile: starts at once locally and asks the server. */
  walkTo(target: Tile): Tile | null {
    const self = this.self;
    if (!self || !this.canAct) return null;
    const end = this.selfWalk.start(self.motion, target, performance.now() - this.updatedAt);
    this.session.send([Op.WalkTo, target.x, target.y]);
    return end;
  }

  /**
   * Keyboard and touch steering: walk straight on from the tile being entered, `steps` tiles at most
   * (fewer where a wall comes first). Asks the server only when that changes where the walk ends.
   * `steps` 0 stops on the tile being entered.
   */
  steer(dx: number, dy: number, steps: number): boolean {
    const self = this.self;
    if (!self || !this.canAct) return false;
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
    const self = this.self;
    for (const e of this.entities.values())
      e.motion.update(ms, e === self ? this.selfWalk.keepsUp : undefined);
    this.selfWalk.update(self?.motion, ms);
  }

  /** The client's clock now, between frames too (when frames arrive, so walks are timed truly). */
  private now(): number {
    return this.updatedAt > 0 ? this.clock + (performance.now() - this.updatedAt) : this.clock;
  }

  private reset(): void {
    this.entities.clear();
    this.selfId = -1;
    this.view = createView();
    this.selfWalk.forget();
  }

  private applyFrame(frame: Uint8Array): void {
    let events: ViewEvent[];
    try {
      events = applyFrame(this.view, frame, this.now());
    } catch (err) {
      console.error('Could not read a frame from the server', err);
      return;
    }
    for (const e of events) this.apply(e);
  }

  /** Keeps the entity models in step with the view's events and passes each on to the scene. */
  private apply(e: ViewEvent): void {
    switch (e.type) {
      case 'welcome': {
        this.selfId = e.entity.id;
        this.name = e.entity.name;
        this.world = this.view.world || this.world;
        this.map = this.view.map;
        this.stepMs = this.view.tickMs * this.view.stepTicks;
        this.session.welcome();
        this.events.joined(this.add(e.entity), this.world, this.map, this.view.version);
        break;
      }
      case 'spawn': {
        const entity = this.add(e.entity);
        if (e.entity.steps.length) entity.motion.followWalk(walkOf(e.entity));
        break;
      }
      case 'despawn':
        this.entities.delete(e.entity.id);
        break;
      case 'walk':
        this.walked(e.entity);
        break;
      case 'hit': {
        const attacker = this.entities.get(e.attacker);
        if (attacker) attacker.swungAt = this.clock;
        const target = this.entities.get(e.target);
        if (attacker && target) attacker.motion.face(target.motion.tile);
        this.events.happened(e);
        break;
      }
      case 'died':
        this.events.happened(e);
        if (e.id !== this.selfId) this.entities.delete(e.id);
        break;
      case 'healed': // the view has the new HP; nothing is drawn for it
        break;
      case 'stats':
      case 'looks':
      case 'chat':
      case 'npcLine':
      case 'achievement':
      case 'achievementList':
      case 'happened':
        this.events.happened(e);
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
      case 'transfer':
        this.world = e.world;
        this.map = e.map;
        this.selfWalk.forget();
        this.session.moveTo(e.world, e.map);
        break;
      case 'party':
        this.party = e.members;
        this.partyLeader = e.leader;
        this.events.happened(e);
        break;
      case 'population':
      case 'playerList':
      case 'whisper':
      case 'bag':
      case 'partyInvite':
      case 'partyLine':
      case 'inviteEnded':
      case 'announcement':
      case 'questLog':
      case 'questOffer':
      case 'npcMarks':
        this.events.happened(e);
        break;
      default: {
        const unhandled: never = e;
        console.warn('Unhandled view event', unhandled);
      }
    }
  }

  /** Follows a walk the server announced; for our own, only where it contradicts our prediction. */
  private walked(seen: SeenEntity): void {
    const entity = this.entities.get(seen.id);
    if (!entity) return;
    const mine = seen.id === this.selfId;
    if (mine && this.selfWalk.wasPredicted({ x: seen.endX, y: seen.endY })) return;
    const at = entity.motion.tile;
    if (mine && Math.abs(at.x - seen.fromX) + Math.abs(at.y - seen.fromY) > 2) this.events.teleported();
    entity.motion.followWalk(walkOf(seen));
  }

  private add(seen: SeenEntity): EntityModel {
    const entity: EntityModel = {
      seen,
      // Our own queue is our prediction: walked at the server's pace, never sped up past it.
      motion: new Motion(seen.fromX, seen.fromY, this.stepMs, seen.id !== this.selfId),
      expiresAt: seen.ttlTicks ? this.clock + seen.ttlTicks * this.view.tickMs : 0,
      swungAt: -1e9,
    };
    this.entities.set(seen.id, entity);
    return entity;
  }
}

function walkOf(entity: SeenEntity): Walk {
  return { start: { x: entity.fromX, y: entity.fromY }, steps: entity.steps };
}
