// Who sees what: every placed entity sits in an interest cell, and players (the only watchers) are shown
// the entities within INTEREST_RADIUS cells of their own, and keep them until they are more than
// FORGET_RADIUS cells away (hysteresis: an edge crossed back and forth costs nothing). Since the band
// makes "who knows whom" depend on history, it is recorded per pair, and every message about an entity
// (its walks, hits, chat, death) goes to exactly the players who know it.
import { Op } from '../../shared/protocol/ops.ts';
import { encode } from '../../shared/protocol/codec.ts';
import { MovesWriter, type WalkRecord } from '../../shared/protocol/moves.ts';
import { CellGrid, FORGET_RADIUS } from './interest.ts';
import { spawnBytes, type Entity, type Mob, type Player, type Thing } from './entities.ts';

export class Visibility {
  readonly watchers: CellGrid<Player>;
  readonly things: CellGrid<Thing>;
  /** The players each entity has been shown to (sent its spawn, not yet its despawn). */
  private readonly seenBy = new Map<Entity, Set<Player>>();
  /** What each player has been shown: the same pairs, from the other side. */
  private readonly shown = new Map<Player, Set<Entity>>();
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
    return this.shown.get(p)?.has(e) ?? false;
  }

  /** Puts an entity into the world at its tile and introduces it (and, to a player, its surroundings). */
  place(e: Entity): void {
    e.cell = this.cellAt(e.x, e.y);
    this.introduce(e, e.cell, -1);
  }

  /** Takes an entity out of the world; those who saw it get `farewell` (a Despawn unless given). */
  remove(e: Entity, farewell: Uint8Array = this.despawnOf(e.id)): void {
    if (e.cell < 0) return;
    this.grid(e).remove(e.cell, e as never);
    const viewers = this.seenBy.get(e);
    if (viewers) {
      for (const o of viewers) {
        o.outbox.events.push(farewell);
        this.shown.get(o)?.delete(e);
      }
      this.seenBy.delete(e);
    }
    // A player out of the world (gone, or dead) forgets everything: it is shown afresh when it comes back.
    if (e.type === 'player') {
      const mine = this.shown.get(e);
      if (mine) for (const t of mine) this.seenBy.get(t)?.delete(e);
      this.shown.delete(e);
    }
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
    for (const c of g.around(old, FORGET_RADIUS)) {
      if (g.near(c, cell, FORGET_RADIUS)) continue;
      for (const o of g.in(c)) {
        if (this.forget(o, e)) o.outbox.events.push(this.despawnOf(e.id));
        if (e.type === 'player' && this.forget(e, o)) e.outbox.events.push(this.despawnOf(o.id));
      }
      if (e.type === 'player')
        for (const t of this.things.in(c)) if (this.forget(e, t)) e.outbox.events.push(this.despawnOf(t.id));
    }
    e.cell = cell;
    this.introduce(e, cell, old);
  }

  /** Sends `bytes` to every player who knows the entity, and to the entity itself if it is a player. */
  broadcast(about: Entity, bytes: Uint8Array): void {
    const viewers = this.seenBy.get(about);
    if (viewers) for (const o of viewers) o.outbox.events.push(bytes);
    if (about.type === 'player' && about.cell >= 0) about.outbox.events.push(bytes);
  }

  /** Shows a player everything it knows again, as to a newcomer (after a reconnect). */
  showAround(p: Player): void {
    const mine = this.shown.get(p);
    if (mine) for (const e of mine) p.outbox.events.push(this.spawns.of(e));
  }

  /**
   * Packs the walks started this tick once per cell and hands the bytes to every player within
   * INTEREST_RADIUS of that cell (who all know the walkers there); a player farther away that still knows
   * a walker (the hysteresis band) gets that walker's record on its own.
   */
  shareWalks(players: Iterable<Player>, mobs: Iterable<Mob>): void {
    const writers = new Map<number, MovesWriter>();
    const started: { w: Player | Mob; record: WalkRecord }[] = [];
    const collect = (w: Player | Mob): void => {
      if (!w.started) return;
      if (w.cell >= 0) {
        let writer = writers.get(w.cell);
        if (!writer) writers.set(w.cell, (writer = new MovesWriter()));
        writer.add(w.started);
        started.push({ w, record: w.started });
      }
      w.started = null;
    };
    for (const p of players) collect(p);
    for (const m of mobs) collect(m);
    if (writers.size === 0) return;
    const packed = new Map<number, Uint8Array>();
    for (const [cell, writer] of writers) packed.set(cell, writer.finish());
    for (const cell of packed.keys()) {
      const bytes = packed.get(cell)!;
      for (const c of this.watchers.around(cell))
        for (const p of this.watchers.in(c)) p.outbox.moves.push(bytes);
    }
    for (const { w, record } of started) {
      const viewers = this.seenBy.get(w);
      if (!viewers) continue;
      let single: Uint8Array | null = null;
      for (const o of viewers) {
        if (this.watchers.near(o.cell, w.cell)) continue;
        if (!single) {
          const writer = new MovesWriter();
          writer.add(record);
          single = writer.finish();
        }
        o.outbox.moves.push(single);
      }
    }
  }

  private introduce(e: Entity, cell: number, old: number): void {
    const g = this.watchers;
    // Cells within INTEREST_RADIUS of the old cell hold nothing new: every pair there was known already.
    for (const c of g.around(cell)) {
      if (old >= 0 && g.near(c, old)) continue;
      for (const o of g.in(c)) {
        if (this.meet(o, e)) o.outbox.events.push(this.spawns.of(e));
        if (e.type === 'player' && this.meet(e, o)) e.outbox.events.push(this.spawns.of(o));
      }
      if (e.type === 'player')
        for (const t of this.things.in(c)) if (this.meet(e, t)) e.outbox.events.push(this.spawns.of(t));
    }
    this.grid(e).add(cell, e as never);
  }

  /** Records that `p` is shown `e`; false when it already was. */
  private meet(p: Player, e: Entity): boolean {
    let mine = this.shown.get(p);
    if (!mine) this.shown.set(p, (mine = new Set()));
    if (mine.has(e)) return false;
    mine.add(e);
    let viewers = this.seenBy.get(e);
    if (!viewers) this.seenBy.set(e, (viewers = new Set()));
    viewers.add(p);
    return true;
  }

  /** Records that `p` no longer sees `e`; false when it did not. */
  private forget(p: Player, e: Entity): boolean {
    if (!this.shown.get(p)?.delete(e)) return false;
    this.seenBy.get(e)?.delete(p);
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

/** What a cached spawn was encoded from: reused only while none of it changed. */
interface CachedSpawn {
  bytes: Uint8Array;
  x: number;
  y: number;
  path: unknown;
  steps: number;
  hp: number;
  weapon: string;
  armor: string;
  level: number;
}

/**
 * Spawn bytes per entity within a tick: a player crossing a cell edge is introduced to dozens of others,
 * and each of them to it, so the same entity's spawn is wanted many times a tick. An entry is reused only
 * while the entity is unchanged (same tile, same walk, same HP and looks) and dropped at the next tick.
 */
class SpawnCache {
  private readonly cache = new Map<Entity, CachedSpawn>();
  private tickSeen = -1;

  constructor(private readonly tick: () => number) {}

  of(e: Entity): Uint8Array {
    const tick = this.tick();
    if (tick !== this.tickSeen) {
      this.cache.clear();
      this.tickSeen = tick;
    }
    const walker = e.type === 'player' || e.type === 'mob' ? e : null;
    const hp = e.type === 'mob' ? e.hp : 0;
    const looks = e.type === 'player' ? e : null;
    const c = this.cache.get(e);
    if (
      c &&
      c.x === e.x &&
      c.y === e.y &&
      c.path === walker?.path &&
      c.steps === (walker?.path.length ?? 0) &&
      c.hp === hp &&
      c.weapon === (looks?.weapon ?? '') &&
      c.armor === (looks?.armor ?? '') &&
      c.level === (looks?.level ?? 0)
    )
      return c.bytes;
    const bytes = spawnBytes(e, tick);
    this.cache.set(e, {
      bytes,
      x: e.x,
      y: e.y,
      path: walker?.path,
      steps: walker?.path.length ?? 0,
      hp,
      weapon: looks?.weapon ?? '',
      armor: looks?.armor ?? '',
      level: looks?.level ?? 0,
    });
    return bytes;
  }
}
