// Parties on a real Redis, as two processes of one realm see them: the rules of parties.ts hold across
// processes (an invitation from one accepted through the other), changes racing from both never break
// the size limit, and with Redis gone the calls fail at once with a notice-worthy reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type RedisClientType } from 'redis';
import { startRedis, type Redis } from '../../tests/support/services.ts';
import { PARTY_MAX, type MemberStatus } from './parties.ts';
import { RedisParties } from './redis-parties.ts';
import { CrossWorldUnavailable } from './steady.ts';

let redis: Redis;
const clients: RedisClientType[] = [];

beforeAll(async () => {
  redis = await startRedis();
}, 30_000);
afterAll(async () => {
  await Promise.allSettled(clients.map((c) => c.disconnect()));
  await redis?.stop();
});

async function aProcess(): Promise<RedisParties> {
  const client: RedisClientType = createClient({ url: redis.url, disableOfflineQueue: true });
  client.on('error', () => {});
  await client.connect();
  clients.push(client);
  return new RedisParties(client);
}

const at = (name: string, world = 'a'): MemberStatus => ({
  name,
  world,
  map: 'maps/world.tmj',
  level: 1,
  hp: 9,
  maxHp: 10,
  x: 1,
  y: 1,
});

describe('parties on Redis', () => {
  it('an invitation sent through one process is accepted through another; both see the party', async () => {
    const [one, two] = [await aProcess(), await aProcess()];
    expect(await one.invite(at('Ada', 'a'), 'Bo')).toEqual({ ok: true, to: 'Bo' });
    const joined = await two.answer(at('Bo', 'b'), 'Ada', true);
    expect(joined).toMatchObject({ ok: true, affected: ['Ada', 'Bo'] });
    for (const p of [one, two])
      expect((await p.partyOf('bo'))!.members.map((m) => [m.name, m.world])).toEqual([
        ['Ada', 'a'],
        ['Bo', 'b'],
      ]);
    await one.report({ ...at('Bo', 'c'), hp: 3 });
    expect((await two.partyOf('Ada'))!.members[1]).toMatchObject({ world: 'c', hp: 3, online: true });
    expect(await two.invite(at('Cy'), 'Cy')).toEqual({ ok: false, refusal: 'You cannot invite yourself.' });
    expect((await one.leave('Ada')).ok).toBe(true);
    expect(await two.partyOf('Bo')).toBeNull();
  });

  it('accepts racing from two processes fill a party to PARTY_MAX and no further', async () => {
    const [one, two] = [await aProcess(), await aProcess()];
    const guests = ['G1', 'G2', 'G3', 'G4'];
    for (const g of guests) expect((await one.invite(at('Host'), g)).ok).toBe(true);
    // The four answers race, from both processes at once.
    const answers = await Promise.all(
      guests.map((g, i) => (i % 2 ? one : two).answer(at(g, i % 2 ? 'a' : 'b'), 'Host', true)),
    );
    expect(answers.every((a) => a.ok)).toBe(true);
    expect((await two.partyOf('Host'))!.members).toHaveLength(PARTY_MAX);
    expect(await one.invite(at('Host'), 'Late')).toMatchObject({ ok: false });
  });

  it('with Redis down a call fails at once, saying parties are unavailable', async () => {
    const p = await aProcess();
    await redis.kill();
    try {
      await expect(p.partyOf('Ada')).rejects.toBeInstanceOf(CrossWorldUnavailable);
      await expect(p.invite(at('Ada'), 'Bo')).rejects.toThrow(/Parties is unavailable/);
    } finally {
      await redis.restart();
    }
  });
});
