// The spawn cache: within a tick an entity's spawn is encoded once, yet never goes out stale. Each field
// the cache compares is changed here in the middle of a tick, and the next spawn must tell the new value.
import { describe, expect, it } from 'vitest';
import { Op } from '../../shared/protocol/ops.ts';
import { decodeServerFrame } from '../../shared/protocol/codec.ts';
import type { ServerMsg } from '../../shared/protocol/server-messages.ts';
import { SpawnCache } from './spawns.ts';
import { World } from './world.ts';
import { mobKind, onlyMob, adventureMap, openRows, placedClient, withMobs } from './test-support.ts';

function setUp() {
  const map = adventureMap(openRows(20, 10), [
    { id: 1, type: 'spawn', x: 2, y: 2 },
    { id: 2, type: 'mobArea', x: 10, y: 5, props: { kind: 'dummy', count: 1 } },
  ]);
  const world = new World({ name: 'w', map, data: withMobs(mobKind('dummy', { hp: 50 })), seed: 1 });
  const a = placedClient(world, 'A');
  let tick = 1;
  const cache = new SpawnCache(() => tick);
  return { mob: onlyMob(world), player: a.player, cache, nextTick: () => tick++ };
}

const decoded = (bytes: Uint8Array): ServerMsg => decodeServerFrame(bytes)[0]!;

describe('the spawn cache', () => {
  it('gives the same bytes for an unchanged entity within a tick, and encodes afresh the next tick', () => {
    const { mob, cache, nextTick } = setUp();
    const first = cache.of(mob);
    expect(cache.of(mob)).toBe(first);
    nextTick();
    expect(cache.of(mob)).not.toBe(first);
    expect(cache.of(mob)).toEqual(first);
  });

  it("tells a mob's new HP when it was hurt since its last spawn this tick", () => {
    const { mob, cache } = setUp();
    expect(decoded(cache.of(mob))).toMatchObject([Op.SpawnMob, mob.id, 'dummy', mob.x, mob.y, {}, 50, 50]);
    mob.hp = 31;
    expect(decoded(cache.of(mob))[6]).toBe(31);
  });

  it('tells a new tile and a new walk', () => {
    const { mob, cache } = setUp();
    cache.of(mob);
    mob.x += 1;
    expect(decoded(cache.of(mob))[3]).toBe(mob.x);
    const before = cache.of(mob);
    mob.path.push({ x: mob.x + 1, y: mob.y }); // the same array, one step longer
    expect(cache.of(mob)).not.toEqual(before);
    mob.path = [{ x: mob.x, y: mob.y + 1 }]; // another array of the same length
    const walking = cache.of(mob);
    mob.path = [{ x: mob.x + 1, y: mob.y }];
    expect(cache.of(mob)).not.toEqual(walking);
  });

  it("tells a player's new weapon, armor and level", () => {
    const { player, cache } = setUp();
    cache.of(player);
    player.weapon = 'axe';
    expect(decoded(cache.of(player))[6]).toBe('axe');
    player.armor = 'leather';
    expect(decoded(cache.of(player))[7]).toBe('leather');
    player.level = 4;
    expect(decoded(cache.of(player))[8]).toBe(4);
  });
});
