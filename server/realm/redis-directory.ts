// The realm's directory on Redis (REDIS_URL), for worlds in many processes: one hash per world (name key
// → entry), kept alive by its world's regular re-entry of its players and expiring when the process that
// runs the world is gone, plus one hash of where each name plays. Soft state only: losing it loses no
// character (those are in the database), only who-is-where until the worlds enter their players again.
import type { RedisClientType } from 'redis';
import { nameKey } from '../../shared/rules/names.ts';
import type { Directory, DirectoryEntry } from './directory.ts';

/** A world's hash outlives its last refresh by this much: a dead process's players vanish after it. */
export const WORLD_TTL_MS = 15_000;

const worldKey = (id: string): string => `emberquest:world:${id}`;
const WHERE = 'emberquest:where';
/** Set by a world's refresh, gone WORLD_TTL_MS after its process stops refreshing: the world is up. */
const aliveKey = (id: string): string => `emberquest:alive:${id}`;

export class RedisDirectory implements Directory {
  constructor(
    private readonly redis: RedisClientType,
    /** Every world of the realm (lists and counts cover these). */
    private readonly worlds: readonly string[],
  ) {}

  async enter(entry: DirectoryEntry): Promise<void> {
    const key = nameKey(entry.name);
    const before = await this.redis.hGet(WHERE, key);
    const tx = this.redis.multi();
    if (before && before !== entry.world) tx.hDel(worldKey(before), key);
    tx.hSet(worldKey(entry.world), key, JSON.stringify(entry));
    tx.pExpire(worldKey(entry.world), WORLD_TTL_MS);
    tx.hSet(WHERE, key, entry.world);
    await tx.exec();
  }

  async leave(name: string, world: string): Promise<void> {
    const key = nameKey(name);
    // Only the world it plays in takes it out of "where": a late leave from the world it left does not.
    await this.redis.eval(
      `redis.call('HDEL', KEYS[2], ARGV[1])
       if redis.call('HGET', KEYS[1], ARGV[1]) == ARGV[2] then redis.call('HDEL', KEYS[1], ARGV[1]) end`,
      { keys: [WHERE, worldKey(world)], arguments: [key, world] },
    );
  }

  async find(name: string): Promise<DirectoryEntry | null> {
    const key = nameKey(name);
    const world = await this.redis.hGet(WHERE, key);
    if (!world) return null;
    // "Where" may name a world whose process died: believe only the world's own (expiring) hash.
    const raw = await this.redis.hGet(worldKey(world), key);
    return raw ? (JSON.parse(raw) as DirectoryEntry) : null;
  }

  async list(limit: number): Promise<{ total: number; players: DirectoryEntry[] }> {
    const all: DirectoryEntry[] = [];
    for (const world of this.worlds) {
      for (const raw of Object.values(await this.redis.hGetAll(worldKey(world))))
        all.push(JSON.parse(raw) as DirectoryEntry);
    }
    all.sort((a, b) => a.name.localeCompare(b.name));
    return { total: all.length, players: all.slice(0, limit) };
  }

  async refresh(world: string, entries: readonly DirectoryEntry[]): Promise<void> {
    const tx = this.redis.multi();
    tx.del(worldKey(world));
    for (const e of entries) {
      tx.hSet(worldKey(world), nameKey(e.name), JSON.stringify(e));
      tx.hSet(WHERE, nameKey(e.name), world);
    }
    tx.pExpire(worldKey(world), WORLD_TTL_MS);
    tx.set(aliveKey(world), '1', { PX: WORLD_TTL_MS });
    await tx.exec();
  }

  async population(): Promise<Record<string, number>> {
    const tx = this.redis.multi();
    for (const world of this.worlds) tx.hLen(worldKey(world)).exists(aliveKey(world));
    const replies = (await tx.exec()) as unknown as number[];
    const out: Record<string, number> = {};
    // A world whose process refreshes it counts, with 0 players too: that is how others know it is up.
    this.worlds.forEach((w, i) => {
      const [players, alive] = [replies[2 * i]!, replies[2 * i + 1]!];
      if (players > 0 || alive > 0) out[w] = players;
    });
    return out;
  }
}
