// Kills shared by a party: who shares (the killer's party, near the kill, alive and playing) and how the
// XP is split; through the world, every sharer is credited with the kill (what quests count).
import { describe, expect, it, vi } from 'vitest';
import { Op } from '../../shared/protocol/ops.ts';
import { killXp } from '../../shared/rules/combat.ts';
import { World } from './world.ts';
import { playerStrikes } from './combat.ts';
import type { SimEvent } from './events.ts';
import { PARTY_BONUS, SHARE_RANGE, shareKill } from './party-share.ts';
import {
  adventureMap,
  mobKind,
  onlyMob,
  openRows,
  placedClient,
  received,
  withMobs,
} from './test-support.ts';

const rat = mobKind('rat', { hp: 1, xp: 20, weapon: 1 });

function ratWorld(): World {
  const map = adventureMap(openRows(40, 8), [
    { id: 1, type: 'spawn', x: 2, y: 2 },
    { id: 2, type: 'mobArea', x: 3, y: 2, props: { kind: 'rat', count: 1 } },
  ]);
  return new World({ name: 'w', map, data: withMobs(rat), seed: 1 });
}

describe('sharing a kill', () => {
  it('alone (or in no party) the killer gets all of its XP, and no one else anything', () => {
    const world = ratWorld();
    const [a, b] = [placedClient(world, 'A').player, placedClient(world, 'B').player];
    const mob = onlyMob(world);
    expect(shareKill(world.players.values(), a, mob)).toEqual([{ player: a, xp: killXp(20, 1, a.level) }]);
    b.party = 'p1'; // B is in a party A is not in
    expect(shareKill(world.players.values(), a, mob).map((s) => s.player)).toEqual([a]);
  });

  it('members near the kill share it: each gets its own XP × (1 + bonus) / sharers', () => {
    const world = ratWorld();
    const [a, b, c] = [
      placedClient(world, 'A').player,
      placedClient(world, 'B').player,
      placedClient(world, 'C').player,
    ];
    const mob = onlyMob(world);
    a.party = b.party = 'p1';
    const two = shareKill(world.players.values(), a, mob);
    expect(two.map((s) => s.player)).toEqual([a, b]); // C, in no party, shares nothing
    expect(two[0]!.xp).toBe(Math.round((20 * (1 + PARTY_BONUS)) / 2)); // 12 of 20
    c.party = 'p1';
    const three = shareKill(world.players.values(), a, mob);
    expect(three.map((s) => s.xp)).toEqual([9, 9, 9]); // 20 × 1.4 / 3 = 9.33
    // Each gets less than alone, the party more than one: together is faster, never richer per kill.
    expect(three[0]!.xp).toBeLessThan(20);
    expect(three.reduce((n, s) => n + s.xp, 0)).toBeGreaterThan(20);
  });

  it('a member too far from the kill, dead, or away (connection lost) shares nothing', () => {
    const world = ratWorld();
    const [a, far, dead, away] = ['A', 'Far', 'Dead', 'Away'].map((n) => placedClient(world, n).player);
    for (const p of [a!, far!, dead!, away!]) p.party = 'p1';
    const mob = onlyMob(world);
    far!.x = mob.x + SHARE_RANGE + 1;
    dead!.dead = true;
    away!.away = true;
    expect(shareKill(world.players.values(), a!, mob).map((s) => s.player.name)).toEqual(['A']);
    far!.x = mob.x + SHARE_RANGE; // just in range
    expect(shareKill(world.players.values(), a!, mob).map((s) => s.player.name)).toEqual(['A', 'Far']);
  });

  it('a level far above the mob earns little of it, in a party as alone (killXp by each member)', () => {
    const world = ratWorld();
    const [a, b] = [
      placedClient(world, 'A').player,
      placedClient(world, 'B', { xp: 5000, level: 10 }).player,
    ];
    a.party = b.party = 'p1';
    const [mine, theirs] = shareKill(world.players.values(), a, onlyMob(world));
    expect(theirs!.xp).toBeLessThan(mine!.xp);
    expect(theirs!.xp).toBe(Math.max(1, Math.round(killXp(20, 1, b.level) * 0.6)));
  });

  it('in the world: killer and nearby member both get the XP split, a notice and a killCredited', () => {
    const world = ratWorld();
    const [a, b, c] = [placedClient(world, 'A'), placedClient(world, 'B'), placedClient(world, 'C')];
    a.player.party = b.player.party = 'p1';
    const pushed: SimEvent[] = [];
    const push = world.events.push.bind(world.events);
    vi.spyOn(world.events, 'push').mockImplementation((e) => (pushed.push(e), push(e)));
    const mob = onlyMob(world);
    playerStrikes(world, a.player, mob);
    world.tick();
    const credited = pushed.filter((e) => e.type === 'killCredited');
    expect(credited.map((e) => [e.player.name, e.mob])).toEqual([
      ['A', mob],
      ['B', mob],
    ]);
    expect([a.player.xp, b.player.xp, c.player.xp]).toEqual([12, 12, 0]);
    expect([a.player.kills, b.player.kills]).toEqual([1, 0]); // the kill count is the killer's own
    for (const client of [a, b]) client.frames.push(world.takeFrame(client.player.id)!);
    expect(received(a, Op.Notice).map((m) => m[1])).toContain('You defeated a rat.');
    expect(received(b, Op.Notice).map((m) => m[1])).toContain('Your party defeated a rat.');
  });
});
