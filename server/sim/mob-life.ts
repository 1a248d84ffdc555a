// Mobs over their lifetime: placed in their areas when the world starts, thinking every tick, and coming
// back after their respawn delay.
import { Op } from '../../shared/protocol/ops.ts';
import type { MobArea } from '../../shared/content/placements.ts';
import type { Mob } from './entities.ts';
import { thinkMob, type MobSurroundings, type Quarry } from './mob-ai.ts';
import { randomWalkableTile } from './spawning.ts';
import { mobStrikes } from './combat.ts';
import { makeWalker } from './walking.ts';
import type { SimContext } from './context.ts';
import { FORGET_RADIUS } from './interest.ts';

export function populateMobs(world: SimContext): void {
  for (const area of world.placements.mobAreas) {
    for (let i = 0; i < area.count; i++) {
      const mob = makeMob(world, area);
      world.mobs.set(mob.id, mob);
      world.mobTiles.place(mob);
      world.vis.place(mob);
    }
  }
}

function makeMob(world: SimContext, area: MobArea): Mob {
  const kind = world.data.mobs.get(area.kind)!;
  const id = world.newId();
  const tile = randomTile(world, area, id);
  // Object.assign onto makeWalker's object, not a spread of it with more fields after: V8 gives each
  // object built that way a hidden class of its own, and a class per mob made every read of its fields slow.
  const mob: Mob = Object.assign(makeWalker(id, tile.x, tile.y, kind.stepTicks), {
    type: 'mob' as const,
    kind,
    hp: kind.hp,
    area: area.area,
    home: tile,
    hate: new Map(),
    nextAttackTick: 0,
    nextRoamTick: world.rng.int(20, 200),
    returning: false,
    respawnTick: 0,
    chasing: null,
    lastChaseTick: -100,
    cell: -1,
    started: null,
    areaId: area.objectId,
    lastHitBy: -1,
  });
  return mob;
}

/** Where a mob appears: a tile of its area no other mob stands on or walks to. */
function randomTile(world: SimContext, area: MobArea, id: number): { x: number; y: number } {
  return randomWalkableTile(world.map, world.rng, area.area, 50, (x, y) => world.mobTiles.free(id, x, y));
}

export function thinkMobs(world: SimContext): void {
  const s = surroundings(world);
  s.tick = world.tickCount;
  const watched = watchedCells(world);
  for (const mob of world.mobs.values()) {
    if (mob.respawnTick > 0) {
      if (world.tickCount >= mob.respawnTick) revive(world, mob);
      continue;
    }
    if (dormant(mob, watched)) continue;
    const hp = mob.hp;
    thinkMob(mob, s);
    // Back home and whole again: those who saw it hurt must see its health bar fill.
    if (mob.hp > hp) world.vis.broadcast(mob, [Op.Healed, mob.id, mob.hp]);
  }
}

/**
 * A mob nobody could know of (no player within FORGET_RADIUS cells), whole, at rest and minding nobody
 * does not think: its roaming would be seen by no one, and the first player to come within that radius
 * (farther than anyone sees) wakes it. Nor can it miss a quarry: a player beyond FORGET_RADIUS cells is at
 * least 25 tiles away, past any aggro radius the data allows (20). On a map of many mob areas and few
 * players this is most of them.
 */
function dormant(mob: Mob, watched: Uint8Array): boolean {
  return (
    mob.cell >= 0 &&
    watched[mob.cell] === 0 &&
    mob.hate.size === 0 &&
    !mob.returning &&
    mob.path.length === 0 &&
    mob.hp === mob.kind.hp
  );
}

/** Per interest cell, 1 when a player is within FORGET_RADIUS cells of it (reused tick to tick). */
const watchedCache = new WeakMap<SimContext, Uint8Array>();

function watchedCells(world: SimContext): Uint8Array {
  const g = world.vis.watchers;
  let watched = watchedCache.get(world);
  if (!watched || watched.length !== g.columns * g.rows) {
    watched = new Uint8Array(g.columns * g.rows);
    watchedCache.set(world, watched);
  }
  watched.fill(0);
  for (const cell of g.occupied()) for (const c of g.around(cell, FORGET_RADIUS)) watched[c] = 1;
  return watched;
}

function revive(world: SimContext, mob: Mob): void {
  const area = world.placements.mobAreas.find((a) => a.objectId === mob.areaId)!;
  const tile = randomTile(world, area, mob.id);
  Object.assign(mob, { x: tile.x, y: tile.y, endX: tile.x, endY: tile.y, home: tile });
  world.mobTiles.place(mob);
  mob.hp = mob.kind.hp;
  mob.respawnTick = 0;
  mob.lastHitBy = -1;
  mob.nextRoamTick = world.tickCount + world.rng.int(20, 120);
  world.vis.place(mob);
}

const surroundingsCache = new WeakMap<SimContext, MobSurroundings>();

/** The view of the world mob AI decides from; built once per world and reused every tick. */
function surroundings(world: SimContext): MobSurroundings {
  let s = surroundingsCache.get(world);
  if (s) return s;
  const quarry = (id: number): Quarry | undefined => {
    const p = world.players.get(id);
    if (!p) return undefined;
    const huntable = !p.dead && p.cell >= 0 && !p.away && world.tickCount >= p.safeUntil;
    return { id: p.id, x: p.x, y: p.y, huntable };
  };
  s = {
    tick: world.tickCount,
    grid: world.map.grid,
    rng: world.rng,
    *playersNear(x, y, radius) {
      const vis = world.vis;
      for (const c of vis.watchers.around(vis.cellAt(x, y))) {
        for (const p of vis.watchers.in(c)) {
          if (!p.dead && Math.abs(p.x - x) <= radius && Math.abs(p.y - y) <= radius) yield quarry(p.id)!;
        }
      }
    },
    player: quarry,
    walk: (mob, x, y, beside) => world.walk(mob as Mob, x, y, beside),
    strike: (mob, target) => {
      const player = world.players.get(target.id);
      if (player) mobStrikes(world, mob as Mob, player);
    },
  };
  surroundingsCache.set(world, s);
  return s;
}
