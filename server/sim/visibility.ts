// Who sees what: every placed entity sits in an interest cell, and players (the only watchers) are shown
// the entities within INTEREST_RADIUS cells of their own, and keep them until they are more than
// FORGET_RADIUS cells away (hysteresis: an edge crossed back and forth costs nothing). Since the band
// makes "who knows whom" depend on history, it is recorded per pair (a bit per entity id per player), and
// every message about an entity (its walks, hits, chat, death) goes to exactly the players who know it.
// Systems hand over messages as tuples; they are encoded here, once for all who hear them.
import { Op } from '../../shared/protocol/ops.ts';
import { encode, joinFrame } from '../../shared/protocol/codec.ts';
import { MovesWriter, type WalkRecord } from '../../shared/protocol/moves.ts';
import { CellGrid, FORGET_RADIUS } from './interest.ts';
import type { ServerMsg } from '../../shared/protocol/server-messages.ts';
import type { Entity, Mob, Player, Thing } from './entities.ts';
import { SpawnCache } from './spawns.ts';

export class Visibility {
  readonly watchers: CellGrid<Player>;
  readonly things: CellGrid<Thing>;
  /** Per player id, a bit per entity id: set while the player is shown that entity. */
  private readonly shown: (Uint32Array | undefined)[] = [];
  private readonly spawns: SpawnCache;
  private readonly despawns = new Map<number, Uint8Array>();

  constructor(
    mapWidth: number,
    mapHeight: number,
    private readonly tick: () => number,
  ) {
    this.watchers = new CellGrid(mapWidth, mapHeight);
    this.things = new CellGrid(mapWidth, mapHeight);
    this.spawns = new SpawnCache(tick);
  }

  cellAt(x: number, y: number): number {
    return this.watchers.cellAt(x, y);
  }

  /** Whether the player has been shown the entity (and so hears about it). */
  knows(p: Player, e: Entity): boolean {
    const bits = this.shown[p.id];
    return bits !== undefined && (bits[e.id >>> 5]! & (1 << (e.id & 31))) !== 0;
  }

  /** Puts an entity into the world at its tile and introduces it (and, to a player, its surroundings). */
  place(e: Entity): void {
    e.cell = this.cellAt(e.x, e.y);
    this.introduce(e, e.cell, -1);
  }

  /** Takes an entity out of the world; those who saw it get `farewell` (a Despawn unless given). */
  remove(e: Entity, farewellMsg?: ServerMsg): void {
    if (e.cell < 0) return;
    const farewell = farewellMsg ? encode(farewellMsg) : this.despawnOf(e.id);
    this.grid(e).remove(e.cell, e as never);
    // Everyone who knows it is within FORGET_RADIUS cells.
    for (const c of this.watchers.around(e.cell, FORGET_RADIUS))
      for (const o of this.watchers.in(c)) if (this.unmark(o, e)) o.outbox.events.push(farewell);
    // A player out of the world (gone, or dead) forgets everything: it is shown afresh when it returns.
    if (e.type === 'player') this.shown[e.id]?.fill(0);
    e.cell = -1;
  }

  /** Called after an entity's tile changed: crossing into another cell updates who sees what. */
  moved(e: Entity): void {
    const cell = this.cellAt(e.x, e.y);
    if (cell === e.cell || e.cell < 0) return;
    const old = e.cell;
    const g = this.watchers;
    this.grid(e).remove(old, e as never);
    // Only pairs within FORGET_RADIUS of the old cell can be known; those now beyond it are forgotten.
    // Between players the relation is symmetric: both forget each other at once.
    for (const c of g.around(old, FORGET_RADIUS)) {
      if (g.near(c, cell, FORGET_RADIUS)) continue;
      for (const o of g.in(c)) {
        if (!this.unmark(o, e)) continue;
        o.outbox.events.push(this.despawnOf(e.id));
        if (e.type !== 'player') continue;
        this.unmark(e, o);
        e.outbox.events.push(this.despawnOf(o.id));
      }
      if (e.type !== 'player') continue;
      for (const t of this.things.in(c)) if (this.unmark(e, t)) e.outbox.events.push(this.despawnOf(t.id));
    }
    e.cell = cell;
    this.introduce(e, cell, old);
  }

  /** Sends `msg` to every player who knows the entity, and to the entity itself if it is a player. */
  broadcast(about: Entity, msg: ServerMsg): void {
    if (about.cell < 0) return;
    const bytes = encode(msg); // once, however many hear it
    for (const c of this.watchers.around(about.cell, FORGET_RADIUS))
      for (const o of this.watchers.in(c))
        if (o === about || this.knows(o, about)) o.outbox.events.push(bytes);
  }

  /** Shows a player everything it knows again, as to a newcomer (after a reconnect). */
  showAround(p: Player): void {
    for (const c of this.watchers.around(p.cell, FORGET_RADIUS)) {
      for (const o of this.watchers.in(c)) if (this.knows(p, o)) p.outbox.events.push(this.spawns.of(o));
      for (const t of this.things.in(c)) if (this.knows(p, t)) p.outbox.events.push(this.spawns.of(t));
    }
  }

  /**
   * Packs the walks started this tick once per cell, then once per view: every player in a cell sees the
   * same INTEREST_RADIUS block of cells (whose walkers it all knows), so they share one buffer. A player
   * farther away that still knows a walker (the hysteresis band) gets that walker's record on its own.
   */
  shareWalks(players: Iterable<Player>, mobs: Iterable<Mob>): void {
    const writers = new Map<number, MovesWriter>();
    /** The walks started in each cell, for the band below. */
    const started = new Map<number, StartedWalk[]>();
    const collect = (w: Player | Mob): void => {
      if (!w.started) return;
      if (w.cell >= 0) {
        let writer = writers.get(w.cell);
        if (!writer) {
          writers.set(w.cell, (writer = new MovesWriter()));
          started.set(w.cell, []);
        }
        writer.add(w.started);
        started.get(w.cell)!.push({ w, record: w.started });
      }
      w.started = null;
    };
    for (const p of players) collect(p);
    for (const m of mobs) collect(m);
    if (writers.size === 0) return;
    const packed = new Map<number, Uint8Array>();
    for (const [cell, writer] of writers) packed.set(cell, writer.finish());
    const views = new Map<number, Uint8Array | null>();
    for (const cell of this.watchers.occupied()) {
      const view = this.viewOf(cell, packed, views);
      if (view) for (const p of this.watchers.in(cell)) p.outbox.moves.push(view);
    }
    // The band: players farther than INTEREST_RADIUS who still know a walker. Visited per cell of walks,
    // so each band player is looked at once for all the walks of that cell.
    const g = this.watchers;
    for (const [cell, walks] of started) {
      for (const c of g.band(cell)) {
        const near = g.in(c);
        if (near.size === 0) continue;
        for (const o of near) {
          for (const walk of walks) {
            if (this.knows(o, walk.w)) o.outbox.moves.push(singleWalk(walk));
          }
        }
      }
    }
  }

  /** The records of every cell within INTEREST_RADIUS of `cell`, joined once; null when there are none. */
  private viewOf(
    cell: number,
    packed: ReadonlyMap<number, Uint8Array>,
    views: Map<number, Uint8Array | null>,
  ): Uint8Array | null {
    let view = views.get(cell);
    if (view !== undefined) return view;
    const parts: Uint8Array[] = [];
    for (const c of this.watchers.around(cell)) {
      const bytes = packed.get(c);
      if (bytes) parts.push(bytes);
    }
    view = parts.length === 0 ? null : parts.length === 1 ? parts[0]! : joinFrame(parts);
    views.set(cell, view);
    return view;
  }

  private introduce(e: Entity, cell: number, old: number): void {
    const g = this.watchers;
    // Cells within INTEREST_RADIUS of the old cell hold nothing new: every pair there was known already.
    // Between players the relation is symmetric: both are shown each other at once.
    for (const c of g.around(cell)) {
      if (old >= 0 && g.near(c, old)) continue;
      for (const o of g.in(c)) {
        if (!this.mark(o, e)) continue;
        o.outbox.events.push(this.spawns.of(e));
        if (e.type !== 'player') continue;
        this.mark(e, o);
        e.outbox.events.push(this.spawns.of(o));
      }
      if (e.type !== 'player') continue;
      for (const t of this.things.in(c)) if (this.mark(e, t)) e.outbox.events.push(this.spawns.of(t));
    }
    this.grid(e).add(cell, e as never);
  }

  /** Records that `p` is shown `e`; false when it already was. */
  private mark(p: Player, e: Entity): boolean {
    const word = e.id >>> 5;
    let bits = this.shown[p.id];
    if (!bits || bits.length <= word) {
      const grown = new Uint32Array(Math.max(64, (word + 1) * 2));
      if (bits) grown.set(bits);
      this.shown[p.id] = bits = grown;
    }
    const bit = 1 << (e.id & 31);
    if (bits[word]! & bit) return false;
    bits[word]! |= bit;
    return true;
  }

  /** Records that `p` no longer sees `e`; false when it did not. */
  private unmark(p: Player, e: Entity): boolean {
    const bits = this.shown[p.id];
    const word = e.id >>> 5;
    const bit = 1 << (e.id & 31);
    if (!bits || !(bits[word]! & bit)) return false;
    bits[word]! &= ~bit;
    return true;
  }

  private despawnOf(id: number): Uint8Array {
    let bytes = this.despawns.get(id);
    if (!bytes) this.despawns.set(id, (bytes = encode([Op.Despawn, id])));
    return bytes;
  }

  private grid(e: Entity): CellGrid<Entity> {
    return (e.type === 'player' ? this.watchers : this.things) as CellGrid<Entity>;
  }
}

interface StartedWalk {
  w: Player | Mob;
  record: WalkRecord;
  /** The record packed alone, for players in the band (made when the first one needs it). */
  packed?: Uint8Array;
}

/** One walk's record packed alone, once, however many band players get it. */
function singleWalk(walk: StartedWalk): Uint8Array {
  if (!walk.packed) {
    const writer = new MovesWriter();
    writer.add(walk.record);
    walk.packed = writer.finish();
  }
  return walk.packed;
}
