// The directory and the bus on a real Redis: the same behaviour as the in-process ones, a dead world's
// players gone once its hash expires, and Redis going away and coming back: calls fail at once while it
// is down (never hang), and work again after it returns, with no restart of the world.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedis, type Redis } from '../../tests/support/services.ts';
import { waitUntil } from '../../tests/support/processes.ts';
import type { BusMessage } from './bus.ts';
import { connectRedisRealm, type RedisRealm } from './redis-realm.ts';
import type { Log } from '../log.ts';

let redis: Redis;
const lines: string[] = [];
const log: Log = {
  info: (l) => void lines.push(l),
  warn: (l) => void lines.push(l),
  error: (l) => void lines.push(l),
};
beforeAll(async () => {
  redis = await startRedis();
}, 30_000);
afterAll(async () => {
  await redis?.stop();
});

async function realm(): Promise<RedisRealm> {
  return connectRedisRealm(redis.url, ['a', 'b', 'c'], log);
}

describe('Redis directory and bus', () => {
  it('keeps each character in one world, counts each world, and lists by name, across processes', async () => {
    const one = await realm();
    const two = await realm(); // another process's view of the same realm
    try {
      await one.directory.enter({ name: 'Bea', world: 'a', level: 2 });
      await one.directory.enter({ name: 'Al', world: 'a', level: 1 });
      await two.directory.enter({ name: 'bea', world: 'b', level: 3 }); // moved on, in another process
      expect(await one.directory.population()).toEqual({ a: 1, b: 1 });
      expect(await one.directory.find('BEA')).toEqual({ name: 'bea', world: 'b', level: 3 });
      await one.directory.leave('Bea', 'a'); // a late leave from the world it left changes nothing
      expect(await two.directory.find('Bea')).not.toBeNull();
      expect(await two.directory.list(1)).toEqual({
        total: 2,
        players: [{ name: 'Al', world: 'a', level: 1 }],
      });
      await two.directory.leave('Bea', 'b');
      expect(await one.directory.population()).toEqual({ a: 1 });
      expect(await one.directory.find('Bea')).toBeNull();
      await one.directory.leave('Al', 'a');
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  });

  it('delivers a message to the addressed world in another process, and no other', async () => {
    const one = await realm();
    const two = await realm();
    try {
      const got: BusMessage[] = [];
      const wrong: BusMessage[] = [];
      two.bus.subscribe('a', (m) => got.push(m));
      two.bus.subscribe('b', (m) => wrong.push(m));
      await new Promise((r) => setTimeout(r, 100)); // the subscription reaches Redis
      // PUBLISH says how many listened: one process for 'a', none for a world nobody runs.
      expect(await one.bus.publish('a', { type: 'release', name: 'Bea', by: 'b' })).toBe(1);
      expect(await one.bus.publish('nobody', { type: 'release', name: 'Bea', by: 'b' })).toBe(0);
      await waitUntil(() => got.length === 1, 2000, 'the message');
      expect(got).toEqual([{ type: 'release', name: 'Bea', by: 'b' }]);
      expect(wrong).toEqual([]);
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  });

  it('hears its messages when it subscribed before Redis could be reached (a start under load)', async () => {
    await redis.kill();
    const late = await realm(); // its connections are not ready: node-redis keeps the subscription for then
    const got: BusMessage[] = [];
    late.bus.subscribe('b', (m) => got.push(m));
    await redis.restart();
    const one = await realm();
    try {
      await waitUntil(
        async () => {
          await one.bus.publish('b', { type: 'announcement', text: 'hello' }).catch(() => {});
          return got.length > 0;
        },
        10_000,
        'the late subscriber to hear',
        200,
      );
      expect(got[0]).toEqual({ type: 'announcement', text: 'hello' });
    } finally {
      await Promise.all([one.close(), late.close()]);
    }
  }, 30_000);

  it('fails fast while Redis is down and works again once it is back', async () => {
    const one = await realm();
    const two = await realm();
    try {
      const got: BusMessage[] = [];
      two.bus.subscribe('c', (m) => got.push(m));
      await one.directory.enter({ name: 'Cy', world: 'c', level: 4 });
      await redis.kill();
      await waitUntil(() => lines.some((l) => /unavailable/.test(l)), 5000, 'the warning');
      const started = Date.now();
      await expect(one.directory.find('Cy')).rejects.toThrow();
      await expect(one.bus.publish('c', { type: 'release', name: 'Cy', by: 'a' })).rejects.toThrow();
      expect(Date.now() - started).toBeLessThan(1000);
      await redis.restart();
      // Reconnected by itself; Redis came back empty, so the world enters its players again.
      await waitUntil(
        () =>
          one.directory.enter({ name: 'Cy', world: 'c', level: 4 }).then(
            () => true,
            () => false,
          ),
        10_000,
        'the directory to work again',
      );
      expect(await one.directory.find('Cy')).toEqual({ name: 'Cy', world: 'c', level: 4 });
      await waitUntil(
        async () => {
          await one.bus.publish('c', { type: 'release', name: 'Cy', by: 'a' }).catch(() => {});
          return got.length > 0;
        },
        10_000,
        'the bus to deliver again',
        200,
      );
      expect(lines.some((l) => /is back/.test(l))).toBe(true);
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  }, 30_000);
});
