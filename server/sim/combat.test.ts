// Blows, deaths and levels in a running world, seen through the frames a client receives.
import { describe, expect, it } from 'vitest';
import { Happening, Op } from '../../shared/protocol/ops.ts';
import { killXp, levelForXp, playerMaxHp } from '../../shared/rules/combat.ts';
import { World } from './world.ts';
import {
  adventureMap,
  mobKind,
  onlyMob,
  openRows,
  placedClient,
  received,
  tickTimes,
  tickUntil,
  withMobs,
  type Place,
} from './test-support.ts';

const spawnAt = (x: number, y: number): Place => ({ id: 1, type: 'spawn', x, y });
const mobAt = (id: number, kind: string, x: number, y: number, w = 1, h = 1): Place => ({
  id,
  type: 'mobArea',
  x,
  y,
  w,
  h,
  props: { kind, count: 1 },
});

/** The damage formula's range, worked out by hand from weapon × 5..10 + level bonus − armor × 1..3. */
function range(weapon: number, level: number, armor: number): [number, number] {
  const bonus = Math.floor((level - 1) * 1.5);
  return [Math.max(1, weapon * 5 + bonus - armor * 3), Math.max(3, weapon * 10 + bonus - armor)];
}

describe('blows', () => {
  it('every Hit, either way, lies in the formula range for the gear and level involved, and spans it', () => {
    const dummy = mobKind('dummy', { hp: 100000, armor: 2, weapon: 3, attackTicks: 20 });
    const map = adventureMap(openRows(20, 10), [spawnAt(5, 5), mobAt(2, 'dummy', 6, 5)]);
    const world = new World({ name: 'w', map, data: withMobs(dummy), seed: 5 });
    const hero = { weapon: 'axe', armor: 'chainmail', level: 4, hp: 100000, maxHp: 100000 };
    const a = placedClient(world, 'A', { ...hero, x: 5, y: 5 });
    const mob = onlyMob(world);
    world.pursue(a.player.id, 'attack', mob.id);
    tickTimes(world, [a], 300 * 16);

    const hits = received(a, Op.Hit);
    const dealt = hits.filter((h) => h[1] === a.player.id).map((h) => h[3]);
    const taken = hits.filter((h) => h[1] === mob.id).map((h) => h[3]);
    expect(dealt.length).toBeGreaterThan(250);
    expect(taken.length).toBeGreaterThan(200);
    // axe 3, level 4 against armor 2; the mob's weapon 3 at level 1 against chainmail 3.
    expect([Math.min(...dealt), Math.max(...dealt)]).toEqual(range(3, 4, 2));
    expect([Math.min(...taken), Math.max(...taken)]).toEqual(range(3, 1, 3));
    // Each Hit says what the target has left, and that is the server's number.
    const onMob = hits.filter((h) => h[2] === mob.id);
    onMob.forEach((h, i) => expect(h[4]).toBe(100000 - dealt.slice(0, i + 1).reduce((s, d) => s + d, 0)));
    expect(a.view.stats?.hp).toBe(a.player.hp);
  });

  it('even a club against thick armor scratches for 1..3, and a blow never takes more HP than is left', () => {
    const wall = mobKind('wall', { hp: 30, armor: 20, weapon: 0 });
    const map = adventureMap(openRows(20, 10), [spawnAt(5, 5), mobAt(2, 'wall', 6, 5)]);
    const world = new World({ name: 'w', map, data: withMobs(wall), seed: 2 });
    const a = placedClient(world, 'A', { x: 5, y: 5 });
    const mob = onlyMob(world);
    world.pursue(a.player.id, 'attack', mob.id);
    tickUntil(world, [a], () => mob.respawnTick > 0, 60 * 16, 'the wall to fall');
    const hits = received(a, Op.Hit).filter((h) => h[1] === a.player.id);
    for (const h of hits) expect(h[3]).toBeGreaterThanOrEqual(1);
    for (const h of hits.slice(0, -1)) expect(h[3]).toBeLessThanOrEqual(3);
    expect(hits.reduce((s, h) => s + h[3], 0)).toBe(30);
    expect(hits.at(-1)![4]).toBe(0);
  });
});

describe('death and the checkpoint', () => {
  // Spawn in the west, a checkpoint in the east, a deadly mob in the south-middle.
  const places: Place[] = [
    spawnAt(2, 2),
    { id: 2, type: 'checkpoint', x: 20, y: 1, w: 3, h: 3 },
    mobAt(3, 'killer', 10, 10),
  ];
  const killer = mobKind('killer', { weapon: 40, aggroRadius: 3, leash: 10, attackTicks: 10, hp: 500 });

  it('dies at 0 HP (Died to all, Stats 0 to the player), is inert while dead, respawns at the checkpoint', () => {
    const world = new World({
      name: 'w',
      map: adventureMap(openRows(30, 14), places),
      data: withMobs(killer),
      seed: 3,
    });
    const a = placedClient(world, 'A');
    const b = placedClient(world, 'B');
    const both = [a, b];
    const mob = onlyMob(world);

    // The checkpoint is the first tile of the area the player stands on; walking on inside keeps it.
    world.walkTo(a.player.id, 21, 2);
    tickUntil(world, both, () => a.player.x === 21 && a.player.path.length === 0, 200, 'the checkpoint');
    expect(a.player.checkpoint).toEqual({ x: 20, y: 2, map: '' });
    expect(received(a, Op.Notice).filter((n) => n[1] === 'Checkpoint reached.')).toHaveLength(1);

    world.walkTo(a.player.id, 10, 8); // within the killer's aggro radius
    tickUntil(world, both, () => a.player.dead, 400, 'the death');
    expect(a.player.hp).toBe(0);
    expect(received(b, Op.Died)).toEqual([[Op.Died, a.player.id, mob.id]]);
    expect(received(a, Op.Died)).toEqual([[Op.Died, a.player.id, mob.id]]);
    expect(received(a, Op.Stats).at(-1)![1]).toBe(0);
    expect(b.view.entities.has(a.player.id)).toBe(false);
    // "Back on your feet" waits for the player to get up again.
    expect(received(a, Op.Achievement)).not.toContainEqual([Op.Achievement, 'back_again']);

    // Dead: walks and attacks are ignored, and the mob has lost interest.
    const where = { x: a.player.x, y: a.player.y };
    const hitsBefore = received(b, Op.Hit).length;
    world.walkTo(a.player.id, 0, 0);
    world.pursue(a.player.id, 'attack', mob.id);
    tickTimes(world, both, 60);
    expect(a.player).toMatchObject({ ...where, path: [], goal: null, dead: true });
    expect(received(b, Op.Hit).length).toBe(hitsBefore);
    expect(mob.hate.has(a.player.id)).toBe(false);

    world.respawn(a.player.id);
    tickTimes(world, both, 1);
    expect(a.player).toMatchObject({ x: 20, y: 2, dead: false, hp: a.player.maxHp });
    expect(received(a, Op.Welcome).at(-1)!.slice(0, 5)).toEqual([Op.Welcome, a.player.id, 'A', 20, 2]);
    expect(a.view.stats).toMatchObject({ hp: a.player.maxHp });
    expect(received(a, Op.Achievement)).toContainEqual([Op.Achievement, 'back_again']);
    expect(b.view.entities.get(a.player.id)).toMatchObject({ endX: 20, endY: 2 });
    expect(a.problems.concat(b.problems)).toEqual([]);
  });

  it('Respawn while alive does nothing', () => {
    const world = new World({
      name: 'w',
      map: adventureMap(openRows(30, 14), places),
      data: withMobs(killer),
      seed: 3,
    });
    const a = placedClient(world, 'A');
    world.walkTo(a.player.id, 6, 2);
    tickTimes(world, [a], 6);
    const before = { x: a.player.x, y: a.player.y, path: [...a.player.path], hp: a.player.hp };
    const frames = a.frames.length;
    world.respawn(a.player.id);
    tickTimes(world, [a], 1);
    expect(received(a, Op.Welcome)).toHaveLength(1);
    expect(a.frames.length - frames).toBeLessThanOrEqual(1);
    expect(a.player.hp).toBe(before.hp);
    expect(a.player.path.length).toBeLessThanOrEqual(before.path.length);
  });
});

describe('experience and levels', () => {
  it('a kill gives XP by the mob’s strength; a level-up raises maxHp, shows in Looks and unlocks once', () => {
    const trainee = mobKind('trainee', { hp: 1, xp: 300, respawnSeconds: 1 });
    const map = adventureMap(openRows(20, 10), [spawnAt(5, 5), mobAt(2, 'trainee', 6, 5)]);
    const world = new World({ name: 'w', map, data: withMobs(trainee), seed: 4 });
    const a = placedClient(world, 'A', { x: 5, y: 5 });
    const b = placedClient(world, 'B', { x: 3, y: 5 });
    const both = [a, b];
    const mob = onlyMob(world);
    a.player.dirty = false;

    world.pursue(a.player.id, 'attack', mob.id);
    tickUntil(world, both, () => mob.respawnTick > 0, 40, 'the kill');
    const level = levelForXp(300);
    expect(level).toBe(5);
    expect(a.player).toMatchObject({ xp: 300, level, kills: 1, dirty: true });
    expect(a.player.maxHp).toBe(playerMaxHp(1, level));
    expect(a.player.hp).toBe(a.player.maxHp);
    expect(a.view.stats).toMatchObject({ xp: 300, level, maxHp: playerMaxHp(1, level) });
    expect(received(b, Op.Looks)).toEqual([[Op.Looks, a.player.id, 'club', 'tunic', level]]);
    expect(b.view.entities.get(a.player.id)?.level).toBe(level);
    expect(received(a, Op.Notice).map((n) => n[1])).toContain('You defeated a trainee.');
    // One level-up event however many levels the kill gave, for the player alone.
    expect(received(a, Op.Happened)).toEqual([[Op.Happened, Happening.LevelUp, level]]);
    expect(received(b, Op.Happened)).toEqual([]);
    expect(
      received(a, Op.Achievement)
        .map((m) => m[1])
        .sort(),
    ).toEqual(['first_blood', 'level_5']);
    expect(a.player.achievements).toEqual(expect.arrayContaining(['first_blood', 'level_5']));

    // The second kill is worth less now that the mob is far below the player, and unlocks nothing again.
    tickUntil(world, both, () => mob.respawnTick === 0, 40, 'the respawn');
    world.pursue(a.player.id, 'attack', mob.id);
    tickUntil(world, both, () => mob.respawnTick > 0, 40, 'the second kill');
    expect(a.player.xp).toBe(300 + killXp(300, 1, level));
    expect(killXp(300, 1, level)).toBeLessThan(300);
    // 510 XP is level 6: shown again, but no level achievement is due until 10.
    expect(received(b, Op.Looks).at(-1)).toEqual([Op.Looks, a.player.id, 'club', 'tunic', levelForXp(510)]);
    expect(received(a, Op.Achievement)).toHaveLength(2);
    expect(received(a, Op.Happened).at(-1)).toEqual([Op.Happened, Happening.LevelUp, levelForXp(510)]);
  });
});
