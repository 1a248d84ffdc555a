// One world: its players, the tick that moves them, and what each player is told about it.
// Pure simulation: no I/O, no wall clock, randomness only from the world's seeded Rng.
import { Op, CloseCode } from '../../shared/protocol/ops.ts';
import { encode } from '../../shared/protocol/codec.ts';
import { MovesWriter, type WalkRecord } from '../../shared/protocol/moves.ts';
import { checkName, nameKey } from '../../shared/rules/names.ts';
import { PLAYER_STEP_TICKS, TICK_MS } from '../../shared/rules/movement.ts';
import type { WorldMap } from '../../shared/content/world-map.ts';
import { Rng } from './rng.ts';
import { IdPool } from './ids.ts';
import { CellGrid } from './interest.ts';
import { Outbox } from './outbox.ts';
import { newCharacter, placeCharacter, type CharacterState, type SavedCharacter } from './character.ts';
import { advance, announce, makeWalker, startWalk, type Walker } from './walking.ts';

export interface Player extends Walker, CharacterState {
  name: string;
  key: string;
  /** The interest cell, or -1 until the player is placed at the end of its first tick. */
  cell: number;
  outbox: Outbox;
  /** The latest walk target asked for since the last tick; only the last one counts. */
  wantWalk: { x: number; y: number } | null;
  /** The walk started this tick, shared with observers at the end of the tick. */
  started: WalkRecord | null;
  /** Something worth saving changed since the app layer last took a copy (see character.ts). */
  dirty: boolean;
}

export type JoinResult = { ok: true; player: Player } | { ok: false; code: number; reason: string };

export interface WorldOptions {
  name: string;
  map: WorldMap;
  seed: number;
  maxPlayers?: number;
}

/** Ticks before a freed id is given out again (a minute at 20 Hz). */
const ID_COOLDOWN_TICKS = 1200;

export class World {
  readonly name: string;
  readonly map: WorldMap;
  readonly rng: Rng;
  /** Every player, placed or about to be. */
  readonly players = new Map<number, Player>();
  tickCount = 0;
  private readonly byKey = new Map<string, Player>();
  private readonly ids = new IdPool(ID_COOLDOWN_TICKS);
  private readonly cells: CellGrid<Player>;
  private readonly maxPlayers: number;
  private arriving: Player[] = [];
  /** Players whose client reconnected: they are shown the world again at the end of the tick. */
  private resuming = new Set<Player>();

  constructor(options: WorldOptions) {
    this.name = options.name;
    this.map = options.map;
    this.rng = new Rng(options.seed);
    this.maxPlayers = options.maxPlayers ?? 5000;
    this.cells = new CellGrid(options.map.width, options.map.height);
  }

  get population(): number {
    return this.players.size;
  }

  /**
   * Reserves the name and an id at once; the player appears in the world on the next tick, where it was
   * saved (a new character, or one whose tile is no longer walkable, starts in a spawn area).
   */
  join(rawName: string, saved: SavedCharacter = newCharacter()): JoinResult {
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
    const { tile, checkpoint, moved } = placeCharacter(this.map, this.rng, saved);
    const id = this.ids.take(this.tickCount);
    const player: Player = {
      ...saved,
      ...makeWalker(id, tile.x, tile.y, PLAYER_STEP_TICKS),
      checkpoint,
      achievements: [...saved.achievements],
      counters: { ...saved.counters },
      name: checked.name,
      key,
      cell: -1,
      outbox: new Outbox(),
      wantWalk: null,
      started: null,
      dirty: moved,
    };
    this.players.set(id, player);
    this.byKey.set(key, player);
    this.arriving.push(player);
    return { ok: true, player };
  }

  leave(id: number): void {
    const player = this.players.get(id);
    if (!player) return;
    this.resuming.delete(player);
    this.players.delete(id);
    this.byKey.delete(player.key);
    this.ids.release(id, this.tickCount);
    if (player.cell < 0) {
      this.arriving = this.arriving.filter((p) => p !== player);
      return;
    }
    this.cells.remove(player.cell, player);
    const gone = encode([Op.Despawn, id]);
    for (const c of this.cells.around(player.cell))
      for (const o of this.cells.in(c)) o.outbox.events.push(gone);
  }

  /**
   * The player's client reconnected (others saw nothing): what was queued for the old connection is
   * dropped, and at the end of the next tick this client alone gets a welcome and everything it sees.
   */
  resume(id: number): void {
    const player = this.players.get(id);
    if (!player) return;
    player.outbox.take();
    player.wantWalk = null; // asked for by the old connection; the player may have changed their mind
    if (player.cell >= 0) this.resuming.add(player);
  }

  /** Records a walk intent; it takes effect on the next tick. */
  walkTo(id: number, x: number, y: number): void {
    const player = this.players.get(id);
    if (player) player.wantWalk = { x, y };
  }

  /** One fixed step of the world. */
  tick(): void {
    this.tickCount++;
    this.applyWalkIntents(); // intents first, so a click is answered in the tick it arrives
    this.moveWalkers(); // everyone advances, possibly into a new interest cell (spawns and despawns)
    this.placeArrivals(); // newcomers see the world as it is after this tick's moves
    this.reintroduce(); // so do reconnected players
    this.shareWalks(); // last: each walk goes to whoever sees the walker now
  }

  /** The frame for a player after a tick, or null when nothing happened near them. */
  takeFrame(id: number): Uint8Array | null {
    return this.players.get(id)?.outbox.take() ?? null;
  }

  private applyWalkIntents(): void {
    for (const player of this.players.values()) {
      const want = player.wantWalk;
      if (!want || player.cell < 0) continue;
      player.wantWalk = null;
      player.started = startWalk(this.map.grid, player, want.x, want.y);
    }
  }

  private moveWalkers(): void {
    for (const player of this.players.values()) {
      if (player.cell < 0 || !advance(player)) continue;
      // Where a player stops is worth saving; every step of the way is not.
      if (player.path.length === 0) player.dirty = true;
      const cell = this.cells.cellAt(player.x, player.y);
      if (cell !== player.cell) this.changeCell(player, cell);
    }
  }

  private placeArrivals(): void {
    for (const player of this.arriving) {
      player.outbox.first.push(welcomeBytes(this, player));
      player.cell = this.cells.cellAt(player.x, player.y);
      this.introduce(player, player.cell, -1);
    }
    this.arriving = [];
  }

  private reintroduce(): void {
    for (const player of this.resuming) {
      player.outbox.first.push(welcomeBytes(this, player));
      // The welcome says where the player stands; a walk under way follows as its own record.
      const walk = ongoingWalk(player);
      if (walk.length) player.outbox.moves.push(walk);
      for (const c of this.cells.around(player.cell))
        for (const o of this.cells.in(c)) if (o !== player) player.outbox.events.push(spawnBytes(o));
    }
    this.resuming.clear();
  }

  /** Packs each started walk once per cell and hands the bytes to every player near that cell. */
  private shareWalks(): void {
    const writers = new Map<number, MovesWriter>();
    for (const player of this.players.values()) {
      if (!player.started) continue;
      let writer = writers.get(player.cell);
      if (!writer) writers.set(player.cell, (writer = new MovesWriter()));
      writer.add(player.started);
      player.started = null;
    }
    if (writers.size === 0) return;
    const packed = new Map<number, Uint8Array>();
    for (const [cell, writer] of writers) packed.set(cell, writer.finish());
    for (const player of this.players.values()) {
      if (player.cell < 0) continue;
      for (const c of this.cells.around(player.cell)) {
        const bytes = packed.get(c);
        if (bytes) player.outbox.moves.push(bytes);
      }
    }
  }

  private changeCell(player: Player, cell: number): void {
    const old = player.cell;
    this.cells.remove(old, player);
    const gone = encode([Op.Despawn, player.id]);
    for (const c of this.cells.around(old)) {
      if (this.cells.near(c, cell)) continue;
      for (const o of this.cells.in(c)) {
        o.outbox.events.push(gone);
        player.outbox.events.push(encode([Op.Despawn, o.id]));
      }
    }
    player.cell = cell;
    this.introduce(player, cell, old);
  }

  /** Puts the player in `cell` and introduces it to the players that now see it, and them to it. */
  private introduce(player: Player, cell: number, old: number): void {
    let spawn: Uint8Array | null = null;
    for (const c of this.cells.around(cell)) {
      if (old >= 0 && this.cells.near(c, old)) continue;
      for (const o of this.cells.in(c)) {
        spawn ??= spawnBytes(player);
        o.outbox.events.push(spawn);
        player.outbox.events.push(spawnBytes(o));
      }
    }
    this.cells.add(cell, player);
  }
}

function welcomeBytes(world: World, p: Player): Uint8Array {
  return encode([Op.Welcome, p.id, p.name, p.x, p.y, world.name, TICK_MS, PLAYER_STEP_TICKS]);
}

function spawnBytes(p: Player): Uint8Array {
  return encode([Op.SpawnPlayer, p.id, p.name, p.x, p.y, ongoingWalk(p)]);
}

/** The walk an entity is on, with an explicit start, for someone who just started seeing it. */
function ongoingWalk(w: Walker): Uint8Array {
  if (w.path.length === 0) return new Uint8Array(0);
  const writer = new MovesWriter();
  writer.add(announce({ ...w, endX: -1, endY: -1 }));
  return writer.finish();
}
