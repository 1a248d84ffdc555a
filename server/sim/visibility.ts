// Who sees what: every placed entity sits in an interest cell, and players (the only watchers) hear
// about entities in the cells around their own. Entering, leaving and crossing cells turn into spawn and
// despawn messages for exactly the players whose view changed.
import { Op } from '../../shared/protocol/ops.ts';
import { encode } from '../../shared/protocol/codec.ts';
import { CellGrid } from './interest.ts';
import { spawnBytes, type Entity, type Player, type Thing } from './entities.ts';

export class Visibility {
  readonly watchers: CellGrid<Player>;
  readonly things: CellGrid<Thing>;

  constructor(
    mapWidth: number,
    mapHeight: number,
    private readonly tick: () => number,
  ) {
    this.watchers = new CellGrid(mapWidth, mapHeight);
    this.things = new CellGrid(mapWidth, mapHeight);
  }

  cellAt(x: number, y: number): number {
    return this.watchers.cellAt(x, y);
  }

  /** Puts an entity into the world at its tile and introduces it (and, to a player, its surroundings). */
  place(e: Entity): void {
    e.cell = this.cellAt(e.x, e.y);
    this.introduce(e, e.cell, -1);
  }

  /** Takes an entity out of the world; those who saw it get `farewell` (a Despawn unless given). */
  remove(e: Entity, farewell: Uint8Array = encode([Op.Despawn, e.id])): void {
    if (e.cell < 0) return;
    this.grid(e).remove(e.cell, e as never);
    this.broadcast(e.cell, farewell);
    e.cell = -1;
  }

  /** Called after an entity's tile changed: crossing into another cell updates who sees what. */
  moved(e: Entity): void {
    const cell = this.cellAt(e.x, e.y);
    if (cell === e.cell || e.cell < 0) return;
    const old = e.cell;
    this.grid(e).remove(old, e as never);
    const gone = encode([Op.Despawn, e.id]);
    for (const c of this.watchers.around(old)) {
      if (this.watchers.near(c, cell)) continue;
      for (const o of this.watchers.in(c)) {
        o.outbox.events.push(gone);
        if (e.type === 'player') e.outbox.events.push(encode([Op.Despawn, o.id]));
      }
      if (e.type === 'player')
        for (const t of this.things.in(c)) e.outbox.events.push(encode([Op.Despawn, t.id]));
    }
    e.cell = cell;
    this.introduce(e, cell, old);
  }

  /** Sends `bytes` to every player who can see the given cell. */
  broadcast(cell: number, bytes: Uint8Array): void {
    for (const c of this.watchers.around(cell))
      for (const o of this.watchers.in(c)) o.outbox.events.push(bytes);
  }

  /** Shows a player everything around it again, as to a newcomer (after a reconnect). */
  showAround(p: Player): void {
    const tick = this.tick();
    for (const c of this.watchers.around(p.cell)) {
      for (const o of this.watchers.in(c)) if (o !== p) p.outbox.events.push(spawnBytes(o, tick));
      for (const t of this.things.in(c)) p.outbox.events.push(spawnBytes(t, tick));
    }
  }

  private introduce(e: Entity, cell: number, old: number): void {
    const tick = this.tick();
    let spawn: Uint8Array | null = null;
    for (const c of this.watchers.around(cell)) {
      if (old >= 0 && this.watchers.near(c, old)) continue;
      for (const o of this.watchers.in(c)) {
        spawn ??= spawnBytes(e, tick);
        o.outbox.events.push(spawn);
        if (e.type === 'player') e.outbox.events.push(spawnBytes(o, tick));
      }
      if (e.type === 'player') for (const t of this.things.in(c)) e.outbox.events.push(spawnBytes(t, tick));
    }
    this.grid(e).add(cell, e as never);
  }

  private grid(e: Entity): CellGrid<Entity> {
    return (e.type === 'player' ? this.watchers : this.things) as CellGrid<Entity>;
  }
}
