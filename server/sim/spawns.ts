// How an entity is introduced to a player who starts seeing it: its spawn message, with the walk it is
// on, encoded at most once per tick while it is unchanged. Part of the visibility layer.
import { Op } from '../../shared/protocol/ops.ts';
import { encode } from '../../shared/protocol/codec.ts';
import { MovesWriter } from '../../shared/protocol/moves.ts';
import type { Entity } from './entities.ts';
import { walkRecord, type Walker } from './walking.ts';

/** The message that makes an entity appear for a player who starts seeing it. */
export function spawnBytes(e: Entity, tick: number): Uint8Array {
  switch (e.type) {
    case 'player':
      return encode([Op.SpawnPlayer, e.id, e.name, e.x, e.y, ongoingWalk(e), e.weapon, e.armor, e.level]);
    case 'mob':
      return encode([Op.SpawnMob, e.id, e.kind.id, e.x, e.y, ongoingWalk(e), e.hp, e.kind.hp]);
    case 'item':
      return encode([
        Op.SpawnItem,
        e.id,
        e.kind,
        e.x,
        e.y,
        e.expiresTick ? Math.max(0, e.expiresTick - tick) : 0,
      ]);
    case 'npc':
      return encode([Op.SpawnNpc, e.id, e.kind.id, e.x, e.y]);
    case 'chest':
      return encode([Op.SpawnChest, e.id, e.x, e.y]);
  }
}

/** The walk an entity is on, with an explicit start, for someone who just started seeing it. */
export function ongoingWalk(w: Walker): Uint8Array {
  if (w.path.length === 0) return new Uint8Array(0);
  const writer = new MovesWriter();
  writer.add(walkRecord(w, false));
  return writer.finish();
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
export class SpawnCache {
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
