// What a mob does each tick: roam its area, notice players, chase along paths, strike when adjacent,
// remember who hurt it (its hate list), and give up and walk home past its leash.
// The world supplies positions and carries out walks and blows; this module only decides.
import type { MobKind } from '../../shared/content/game-data.ts';
import type { TileRect } from '../../shared/content/world-map.ts';
import { isWalkable, type Grid } from '../../shared/rules/grid.ts';
import type { Tile } from '../../shared/rules/path.ts';
import type { Rng } from './rng.ts';
import type { Walker } from './walking.ts';

export interface Mob extends Walker {
  kind: MobKind;
  hp: number;
  /** Where it roams and respawns. */
  area: TileRect;
  /** Where it came from; the leash is measured from here. */
  home: Tile;
  /** Player id → threat (damage dealt to it, plus a little for being noticed). */
  hate: Map<number, number>;
  nextAttackTick: number;
  nextRoamTick: number;
  /** Walking home after losing interest; it ignores players until it arrives. */
  returning: boolean;
  /** Tick at which a dead mob comes back; 0 while alive. */
  respawnTick: number;
  /** The target tile the current chase path was computed for. */
  chasing: Tile | null;
  lastChaseTick: number;
}

export interface Quarry {
  id: number;
  x: number;
  y: number;
  /** Fair game: alive and in the world, neither away from its client nor just respawned and idle. */
  huntable: boolean;
}

export interface MobSurroundings {
  tick: number;
  grid: Grid;
  rng: Rng;
  /** Living players within `radius` tiles (square) of a tile. */
  playersNear(x: number, y: number, radius: number): Iterable<Quarry>;
  player(id: number): Quarry | undefined;
  /** Walks the mob toward a tile; `beside` stops next to it instead of on it. */
  walk(mob: Mob, x: number, y: number, beside?: boolean): void;
  strike(mob: Mob, target: Quarry): void;
}

/** Ticks between re-plans of a chase path while the quarry keeps moving. */
const REPATH_TICKS = 4;

export function distance(a: Tile, b: Tile): number {
  return Math.max(Math.abs(a.x - b.x), Math.abs(a.y - b.y));
}

export function adjacent(a: Tile, b: Tile): boolean {
  return Math.abs(a.x - b.x) + Math.abs(a.y - b.y) === 1;
}

export function thinkMob(mob: Mob, s: MobSurroundings): void {
  if (mob.respawnTick > 0) return;
  if (mob.returning) {
    if (mob.path.length > 0) return;
    // Stopped short (another mob was in the way): walk on. Home, or as near as it gets (another mob may
    // stand on its home tile), it is whole again and back to its business.
    if (mob.x !== mob.home.x || mob.y !== mob.home.y) s.walk(mob, mob.home.x, mob.home.y);
    if (mob.path.length === 0) {
      mob.returning = false;
      mob.hp = mob.kind.hp;
    }
    return;
  }
  if (mob.kind.aggroRadius > 0 && mob.hate.size === 0) notice(mob, s);
  const target = pickTarget(mob, s);
  if (!target) return roam(mob, s);
  if (distance(mob, mob.home) > mob.kind.leash || distance(target, mob.home) > mob.kind.leash + 2) {
    return giveUp(mob, s);
  }
  const standing = mob.progress === 0;
  if (adjacent(mob, target) && standing) {
    // Stop here, and say so: observers were told where the old walk ends.
    if (mob.path.length > 0) s.walk(mob, mob.x, mob.y);
    if (s.tick >= mob.nextAttackTick) {
      mob.nextAttackTick = s.tick + mob.kind.attackTicks;
      s.strike(mob, target);
    }
    return;
  }
  const moved = !mob.chasing || mob.chasing.x !== target.x || mob.chasing.y !== target.y;
  if ((moved && s.tick - mob.lastChaseTick >= REPATH_TICKS) || (mob.path.length === 0 && standing)) {
    mob.chasing = { x: target.x, y: target.y };
    mob.lastChaseTick = s.tick;
    s.walk(mob, target.x, target.y, true);
  }
}

/** Hate goes to the nearest huntable player within the aggro radius, and only if that player is close to home. */
function notice(mob: Mob, s: MobSurroundings): void {
  let best: Quarry | null = null;
  for (const p of s.playersNear(mob.x, mob.y, mob.kind.aggroRadius)) {
    if (!p.huntable || distance(p, mob.home) > mob.kind.leash) continue;
    if (
      !best ||
      distance(p, mob) < distance(best, mob) ||
      (distance(p, mob) === distance(best, mob) && p.id < best.id)
    ) {
      best = p;
    }
  }
  if (best) mob.hate.set(best.id, 1);
}

/** The most hated player still fair game; forgets the rest. */
function pickTarget(mob: Mob, s: MobSurroundings): Quarry | null {
  let best: Quarry | null = null;
  let bestHate = -1;
  for (const [id, hate] of mob.hate) {
    const p = s.player(id);
    if (!p || !p.huntable) {
      mob.hate.delete(id);
      continue;
    }
    if (hate > bestHate || (hate === bestHate && best && id < best.id)) {
      best = p;
      bestHate = hate;
    }
  }
  return best;
}

function giveUp(mob: Mob, s: MobSurroundings): void {
  mob.hate.clear();
  mob.chasing = null;
  mob.returning = true;
  s.walk(mob, mob.home.x, mob.home.y);
}

function roam(mob: Mob, s: MobSurroundings): void {
  if (mob.path.length > 0 || s.tick < mob.nextRoamTick) return;
  mob.nextRoamTick = s.tick + s.rng.int(60, 180);
  const a = mob.area;
  const x = s.rng.int(a.x, a.x + a.width - 1);
  const y = s.rng.int(a.y, a.y + a.height - 1);
  if (isWalkable(s.grid, x, y)) s.walk(mob, x, y);
}
