// One world: its players, mobs, items, NPCs and chests, the tick that moves them, and what each player
// is told. Pure simulation: no I/O, no wall clock, randomness only from the world's seeded Rng.
// The systems live in their own files; this file holds the registry and the order of a tick.
import { CloseCode } from '../../shared/protocol/ops.ts';
import { checkName, nameKey } from '../../shared/rules/names.ts';
import { TICK_RATE } from '../../shared/rules/movement.ts';
import type { WorldMap } from '../../shared/content/world-map.ts';
import type { GameData } from '../../shared/content/game-data.ts';
import { parsePlacements, type Placements } from '../../shared/content/placements.ts';
import { Rng } from './rng.ts';
import { IdPool } from './ids.ts';
import type { PartList } from './outbox.ts';
import { newCharacter, placeCharacter, type SavedCharacter } from './character.ts';
import { makePlayer } from './players.ts';
import { advance, startWalk } from './walking.ts';
import type { ServerMsg } from '../../shared/protocol/server-messages.ts';
import type { Departure, SimContext } from './context.ts';
import { ongoingWalk } from './spawns.ts';
import {
  type BagIntent,
  type Chest,
  type Entity,
  type GroundItem,
  type Mob,
  type Npc,
  type Player,
} from './entities.ts';
import { Visibility } from './visibility.ts';
import { PathBudget } from './path-budget.ts';
import { lastSearchNodes } from '../../shared/rules/path.ts';
import { MobTiles } from './mob-tiles.ts';
import { placeNpcsAndChests, updateChests, expireItems } from './loot.ts';
import { populateMobs, thinkMobs } from './mob-life.ts';
import { chat, pursueGoals, regenerate } from './player-goals.ts';
import { sendStats, visitPlaces } from './progress.ts';
import { EventQueue } from './events.ts';
import { InputLog, type Input, type Replayable } from './input-log.ts';
import { handleEvent } from './event-handlers.ts';
import { replaceContent } from './content-swap.ts';
import { getUp } from './deaths.ts';
import { died, welcome } from './welcome.ts';
import { applyBagIntents, BAG_INTENTS_PER_TICK, sendBags } from './inventory.ts';
import { applyQuestIntents, sendQuests, type QuestAction } from './quests.ts';

export type { Player } from './entities.ts';

export type JoinResult = { ok: true; player: Player } | { ok: false; code: number; reason: string };

export interface WorldOptions {
  name: string;
  map: WorldMap;
  /** The map's path under `assets/` as the client fetches it (told in the welcome); `maps/world.tmj` by default. */
  mapPath?: string;
  /** Names this map + data (a hash): told in the welcome, so a page redraws when live reload changed them. */
  contentVersion?: string;
  /** Items, mobs, NPCs and achievements; none by default (tests of walking need none). */
  data?: GameData;
  seed: number;
  maxPlayers?: number;
  /** Where problems in the map's objects are reported from (the map file). */
  mapFile?: string;
  /** Keep every input in `inputLog`, so the run can be replayed (input-log.ts). */
  recordInputs?: boolean;
}

/** Ticks before a freed id is given out again (a minute at 20 Hz). */
const ID_COOLDOWN_TICKS = 1200;
/** How long a respawned player who does nothing is left alone by mobs (5 s), so none can camp the checkpoint. */
export const RESPAWN_SAFE_TICKS = 5 * TICK_RATE;

export class World implements SimContext, Replayable {
  readonly name: string;
  /** The map's path under `assets/` (`maps/world.tmj`), as the client fetches it. */
  readonly mapPath: string;
  /** See WorldOptions.contentVersion; live reload changes it. */
  contentVersion: string;
  // Not readonly: live reload swaps them between ticks (replaceContent).
  map: WorldMap;
  data: GameData;
  placements: Placements;
  readonly rng: Rng;
  /** Every player, placed or about to be. */
  readonly players = new Map<number, Player>();
  readonly mobs = new Map<number, Mob>();
  readonly items = new Map<number, GroundItem>();
  readonly npcs = new Map<number, Npc>();
  readonly chests = new Map<number, Chest>();
  readonly vis: Visibility;
  /** Where the mobs stand and walk to, so no two share a tile. */
  readonly mobTiles: MobTiles;
  /** What happened this tick, for handleEvents (events.ts). */
  readonly events = new EventQueue();
  /** Players who stepped onto a portal, for the realm to move to another world (it empties this). */
  readonly departures: Departure[] = [];
  /** Every input given so far, when the world was asked to record them; else null. */
  readonly inputLog: InputLog | null;
  tickCount = 0;
  private readonly byKey = new Map<string, Player>();
  private readonly ids = new IdPool(ID_COOLDOWN_TICKS);
  private readonly maxPlayers: number;
  private arriving: Player[] = [];
  private readonly pathBudget = new PathBudget();
  /** Players whose client reconnected: they are shown the world again at the end of the tick. */
  private resuming = new Set<Player>();

  constructor(options: WorldOptions) {
    this.name = options.name;
    this.mapPath = options.mapPath ?? 'maps/world.tmj';
    this.contentVersion = options.contentVersion ?? '';
    this.map = options.map;
    this.data = options.data ?? { items: new Map(), mobs: new Map(), npcs: new Map(), achievements: [] };
    this.placements = parsePlacements(options.map, this.data, options.mapFile ?? 'the map');
    this.rng = new Rng(options.seed);
    this.maxPlayers = options.maxPlayers ?? 5000;
    this.inputLog = options.recordInputs ? new InputLog() : null;
    this.vis = new Visibility(options.map.width, options.map.height, () => this.tickCount);
    this.mobTiles = new MobTiles(options.map.width, options.map.height);
    placeNpcsAndChests(this);
    populateMobs(this);
  }

  get population(): number {
    return this.players.size;
  }

  newId(): number {
    return this.ids.take(this.tickCount);
  }

  releaseId(id: number): void {
    this.ids.release(id, this.tickCount);
  }

  tell(p: Player, msg: ServerMsg): void {
    p.outbox.tell(msg);
  }

  /** Any entity by id: the target of an intent. */
  entity(id: number): Entity | undefined {
    return (
      this.players.get(id) ??
      this.mobs.get(id) ??
      this.items.get(id) ??
      this.npcs.get(id) ??
      this.chests.get(id)
    );
  }

  /**
   * Reserves the name and an id at once; the player appears in the world on the next tick, where it was
   * saved (a new character, or one whose tile is no longer walkable, starts in a spawn area). A character
   * saved while dead is welcomed to its death screen, and gets up at its checkpoint when it respawns.
   */
  join(rawName: string, saved: SavedCharacter = newCharacter()): JoinResult {
    this.record(['join', rawName, saved]);
    const checked = checkName(rawName);
    if (!checked.ok) return { ok: false, code: CloseCode.BadName, reason: checked.reason };
    const key = nameKey(checked.name);
    if (this.byKey.has(key)) {
      return {
        ok: false,
        code: CloseCode.NameTaken,
        reason: `The name "${checked.name}" is already in use in this world.`,
      };
    }
    if (this.players.size >= this.maxPlayers)
      return { ok: false, code: CloseCode.ServerFull, reason: 'This world is full.' };
    const placed = placeCharacter(this.map, this.rng, saved, this.mapPath);
    const player = makePlayer(this.newId(), checked.name, key, saved, placed);
    const id = player.id;
    this.players.set(id, player);
    this.byKey.set(key, player);
    this.arriving.push(player);
    return { ok: true, player };
  }

  leave(id: number): void {
    this.record(['leave', id]);
    const player = this.players.get(id);
    if (!player) return;
    this.resuming.delete(player);
    this.players.delete(id);
    this.byKey.delete(player.key);
    this.releaseId(id);
    this.arriving = this.arriving.filter((p) => p !== player);
    this.vis.remove(player);
  }

  /**
   * The player's client reconnected (others saw nothing): what was queued for the old connection is
   * dropped, and at the end of the next tick this client alone gets a welcome and everything it sees.
   */
  resume(id: number): void {
    this.record(['resume', id]);
    const player = this.players.get(id);
    if (!player) return;
    player.outbox.clear();
    player.wantWalk = null; // asked for by the old connection; the player may have changed their mind
    player.away = false;
    player.statsChanged = true;
    player.bagChanged = true;
    player.questsChanged = true;
    this.resuming.add(player);
  }

  /**
   * The player's client is gone but may come back (a dropped connection): until it resumes or leaves, the
   * character stands idle (it finishes the step it is on, and drops its walk and its goal) and nothing
   * hurts it.
   */
  clientGone(id: number): void {
    this.record(['clientGone', id]);
    const player = this.players.get(id);
    if (!player) return;
    player.away = true;
    player.goal = null;
    player.wantWalk = null;
    if (player.cell >= 0) this.walk(player, player.x, player.y);
  }

  /** Records a walk intent; it takes effect on the next tick and drops any other goal. */
  walkTo(id: number, x: number, y: number): void {
    this.record(['walkTo', id, x, y]);
    const player = this.players.get(id);
    if (!player || !this.upOrGettingUp(player) || player.away) return;
    player.wantWalk = { x, y };
    player.goal = null;
    this.acted(player);
  }

  /** Attack, loot, talk or open: the player walks up to the target and acts when it gets there. */
  pursue(id: number, type: 'attack' | 'loot' | 'talk' | 'open', targetId: number): void {
    this.record(['pursue', id, type, targetId]);
    const player = this.players.get(id);
    if (!player || !this.upOrGettingUp(player) || player.away || targetId === id) return;
    player.goal = { type, id: targetId };
    player.wantWalk = null;
    this.acted(player);
  }

  /** Records a chat line; it is said in the next tick (player-goals.ts checks and rate-limits it there). */
  chat(id: number, text: string): void {
    this.record(['chat', id, text]);
    this.players.get(id)?.saying.push(text);
  }

  /**
   * Records a bag intent (use a slot, drink from the belt, drop, set the belt); it is applied in the next
   * tick (inventory.ts checks it there against the bag as it is then). A flood past a few a tick is dropped.
   */
  useBag(id: number, intent: BagIntent): void {
    this.record(['bag', id, intent]);
    const player = this.players.get(id);
    if (!player || player.away || player.bagIntents.length >= BAG_INTENTS_PER_TICK) return;
    player.bagIntents.push(intent);
  }

  /** Take or give up a quest (quests.ts): checked and applied in the next tick, refused with a notice. */
  quest(id: number, action: QuestAction, questId: string): void {
    this.record(['quest', id, action, questId]);
    const player = this.players.get(id);
    if (player && !player.away && player.questIntents.length < 8) player.questIntents.push([action, questId]);
  }

  /** Alive, or dead and getting up in the next tick (so what it asks for next is not lost). */
  private upOrGettingUp(player: Player): boolean {
    return !player.dead || player.wantRespawn;
  }

  /** A respawned player who does something is back in the game: the mobs' truce ends. */
  private acted(player: Player): void {
    if (player.safeUntil <= this.tickCount) return;
    player.safeUntil = 0;
    player.statsChanged = true; // the client stops showing the shield
  }

  /** Asks to get up at the checkpoint after dying; it happens in the next tick, like every intent. */
  respawn(id: number): void {
    this.record(['respawn', id]);
    const player = this.players.get(id);
    if (player?.dead) player.wantRespawn = true;
  }

  /** Back to the checkpoint after dying: the player re-enters the world there at full health. */
  /** Live reload, between two ticks: see content-swap.ts (throws, changing nothing, on bad content). */
  replaceContent(map: WorldMap, data: GameData, mapFile = 'the map', version = ''): void {
    replaceContent(this, map, data, mapFile, version);
  }

  private record(input: Input): void {
    this.inputLog?.record(this.tickCount, input);
  }

  /** One fixed step of the world. */
  tick(): void {
    this.tickCount++;
    this.applyIntents(); // intents first (respawns, chat, walks), so a click is answered in the tick it arrives
    applyQuestIntents(this); // quests taken or given up, checked against where the player stands now
    pursueGoals(this); // attack, loot, talk and open: walk up to the target, act when beside it
    thinkMobs(this); // mobs notice, chase, strike, give up, respawn
    this.moveWalkers(); // everyone advances, possibly into a new interest cell (spawns and despawns)
    visitPlaces(this); // checkpoints and named areas under the players' feet
    regenerate(this); // resting players heal
    expireItems(this); // old drops vanish
    updateChests(this); // chests come back, guarded chests appear when their mobs are gone
    this.handleEvents(); // what this tick's kills, pickups and visits lead to: loot, XP, achievements
    this.placeArrivals(); // newcomers see the world as it is after this tick's moves
    this.reintroduce(); // so do reconnected players
    sendQuests(this); // each player's quest log and NPC marks, when they changed
    sendStats(this); // each player's own numbers, when they changed
    sendBags(this); // and its bag and belt, when they changed
    this.shareWalks(); // last: each walk goes to whoever sees the walker now
  }

  /** Every event raised since the last drain, each to its handlers (event-handlers.ts). */
  private handleEvents(): void {
    this.events.drain((event) => handleEvent(this, event));
  }

  /** The frame for a player after a tick, or null when nothing happened near them. */
  takeFrame(id: number): Uint8Array | null {
    return this.players.get(id)?.outbox.take() ?? null;
  }

  /** Throws away what a player has not been sent (it has no client to send it to). */
  dropFrame(id: number): void {
    this.players.get(id)?.outbox.clear();
  }

  /** The same frame as its parts, appended to `into`; returns its size (0: nothing to send). */
  takeFrameParts(id: number, into: PartList): number {
    return this.players.get(id)?.outbox.takeParts(into) ?? 0;
  }

  /**
   * Starts a walk for a player or mob; observers hear of it at the end of the tick. False when a player
   * has searched too much lately (path-budget.ts): nothing changed, and the caller asks again later.
   */
  walk(w: Player | Mob, x: number, y: number, beside = false): boolean {
    let record;
    if (w.type === 'mob') {
      record = this.mobTiles.walk(this.map.grid, w, x, y, beside);
    } else {
      const stop = x === w.x && y === w.y; // stopping costs no search, and is never refused
      if (!stop && !this.pathBudget.maySearch(w, this.tickCount)) return false;
      record = startWalk(this.map.grid, w, x, y, beside);
      this.pathBudget.spend(w, lastSearchNodes());
    }
    if (record) w.started = record;
    return true;
  }

  /** Respawns, chat lines and walks asked for since the last tick (the other intents are goals, pursued next). */
  private applyIntents(): void {
    this.pathBudget.startTick();
    for (const player of this.players.values()) {
      // Placed again once up (one that joined dead and gets up before its first tick is arriving already).
      if (player.wantRespawn && getUp(this, player, RESPAWN_SAFE_TICKS) && !this.arriving.includes(player))
        this.arriving.push(player);
      if (player.saying.length > 0) {
        for (const line of player.saying) chat(this, player, line);
        player.saying.length = 0;
      }
      if (player.bagIntents.length > 0) applyBagIntents(this, player);
      const want = player.wantWalk;
      if (!want || player.cell < 0) continue;
      // Refused for now, the intent waits for the next tick (a newer click replaces it).
      if (this.walk(player, want.x, want.y)) player.wantWalk = null;
    }
  }

  private moveWalkers(): void {
    for (const player of this.players.values()) {
      if (player.cell < 0 || !advance(player)) continue;
      // Where a player stops is worth saving; every step of the way is not.
      if (player.path.length === 0) player.dirty = true;
      this.vis.moved(player);
    }
    for (const mob of this.mobs.values()) {
      if (mob.cell < 0) continue;
      // Another mob took the next tile since this walk was planned: stop, and plan again next tick.
      if (mob.progress === 0 && mob.path.length > 0 && !this.mobTiles.enter(mob)) {
        this.walk(mob, mob.x, mob.y);
        continue;
      }
      const fromX = mob.x;
      const fromY = mob.y;
      if (!advance(mob)) continue;
      this.mobTiles.stepped(mob, fromX, fromY);
      this.vis.moved(mob);
    }
  }

  private placeArrivals(): void {
    for (const player of this.arriving) {
      player.outbox.tellFirst(...welcome(this, player));
      // A character saved while dead joins to its death screen; it enters the world when it respawns.
      if (player.dead) this.tell(player, died(player));
      else this.vis.place(player);
    }
    this.arriving = [];
  }

  private reintroduce(): void {
    for (const player of this.resuming) {
      player.outbox.tellFirst(...welcome(this, player));
      // The welcome says where the player stands; a walk under way follows as its own record.
      const walk = ongoingWalk(player);
      if (walk.length) player.outbox.moves.push(walk);
      if (player.cell >= 0) this.vis.showAround(player);
      // A dead player sees only its death screen, and the client shows it on the Died.
      else if (player.dead) this.tell(player, died(player));
    }
    this.resuming.clear();
  }

  /** Each walk started this tick goes to every player who knows the walker (packed once per cell). */
  private shareWalks(): void {
    this.vis.shareWalks(this.players.values(), this.mobs.values());
  }
}
