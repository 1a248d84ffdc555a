// Drops, pick-ups, potions and chests in a running world, as the server decides them and a client sees them.
import { describe, expect, it } from 'vitest';
import { Happening, Op } from '../../shared/protocol/ops.ts';
import { playerMaxHp } from '../../shared/rules/combat.ts';
import { TICK_RATE } from '../../shared/rules/movement.ts';
import { isWalkable } from '../../shared/rules/grid.ts';
import { World } from './world.ts';
import { DROP_TICKS, dropItem } from './loot.ts';
import { distance } from './mob-ai.ts';
import {
  adventureMap,
  mobKind,
  onlyMob,
  openRows,
  placedClient,
  received,
  tickAndDeliver,
  tickTimes,
  tickUntil,
  withMobs,
  type Place,
  type TestClient,
} from './test-support.ts';

const spawn: Place = { id: 1, type: 'spawn', x: 5, y: 5 };

/** A world with nothing in it but the given objects (and the data's mobs), and two players near (5, 5). */
function setUp(places: Place[] = [], ...mobs: ReturnType<typeof mobKind>[]) {
  const world = new World({
    name: 'w',
    map: adventureMap(openRows(40, 14), [spawn, ...places]),
    data: withMobs(...mobs),
    seed: 7,
  });
  const a = placedClient(world, 'A', { x: 5, y: 5 });
  const b = placedClient(world, 'B', { x: 3, y: 3 });
  return { world, a, b, both: [a, b] };
}

function loot(world: World, clients: TestClient[], who: TestClient, itemId: number): void {
  world.pursue(who.player.id, 'loot', itemId);
  tickUntil(world, clients, () => !who.player.goal, 200, 'the pick-up');
}

describe('drops', () => {
  it('2,000 seeded kills drop each item at its chance (± 3 points), never more than one per kill', () => {
    const piñata = mobKind('pinata', {
      hp: 1,
      respawnSeconds: 1,
      drops: [
        { item: 'small_potion', chance: 0.2 },
        { item: 'axe', chance: 0.1 },
      ],
    });
    const { world, a } = setUp([{ id: 2, type: 'mob', x: 6, y: 5, props: { kind: 'pinata' } }], piñata);
    const mob = onlyMob(world);
    const perKill: string[][] = [];
    while (perKill.length < 2000) {
      world.pursue(a.player.id, 'attack', mob.id);
      const events = tickAndDeliver(world, [a]).get(a) ?? [];
      if (!events.some((e) => e.type === 'died')) continue;
      perKill.push(
        events.flatMap((e) => (e.type === 'spawn' && e.entity.type === 'item' ? [e.entity.kind] : [])),
      );
      tickUntil(world, [a], () => mob.respawnTick === 0, 2 * TICK_RATE, 'the respawn');
    }
    expect(Math.max(...perKill.map((d) => d.length))).toBe(1);
    const rate = (kind: string): number => perKill.filter((d) => d[0] === kind).length / perKill.length;
    expect(Math.abs(rate('small_potion') - 0.2)).toBeLessThan(0.03);
    expect(Math.abs(rate('axe') - 0.1)).toBeLessThan(0.03);
    expect(a.player.kills).toBe(2000);
  });

  it('an item vanishes DROP_TICKS after it fell, for everyone who saw it', () => {
    const { world, both, b } = setUp();
    const item = dropItem(world, 'small_potion', 8, 8);
    tickAndDeliver(world, both);
    expect(b.view.entities.get(item.id)).toMatchObject({
      type: 'item',
      kind: 'small_potion',
      ttlTicks: DROP_TICKS,
    });
    tickTimes(world, both, DROP_TICKS - 2);
    expect(world.items.has(item.id)).toBe(true);
    tickTimes(world, both, 1);
    expect(world.items.has(item.id)).toBe(false);
    for (const c of both) expect(c.view.entities.has(item.id)).toBe(false);
  });
});

describe('equipment', () => {
  it('a better weapon is equipped on pick-up, shown to others, and counts for the achievement', () => {
    const { world, a, b, both } = setUp();
    const sword = dropItem(world, 'short_sword', 7, 5);
    loot(world, both, a, sword.id);
    expect(a.player).toMatchObject({ x: 7, y: 5, weapon: 'short_sword', dirty: true });
    expect(received(b, Op.Looks)).toEqual([[Op.Looks, a.player.id, 'short_sword', 'tunic', 1]]);
    expect(b.view.entities.get(a.player.id)?.weapon).toBe('short_sword');
    expect(a.view.stats?.weapon).toBe('short_sword');
    expect(world.items.has(sword.id)).toBe(false);
    expect(b.view.entities.has(sword.id)).toBe(false);
    expect(received(a, Op.Achievement)).toEqual([[Op.Achievement, 'sharper']]);
    expect(received(a, Op.Happened)).toEqual([[Op.Happened, Happening.Equipped, 'short_sword']]);
    expect(received(b, Op.Happened)).toEqual([]);
  });

  it('the first upgrade of any weapon or armor counts, whichever item it is', () => {
    const { world, a, both } = setUp();
    loot(world, both, a, dropItem(world, 'axe', 7, 5).id);
    loot(world, both, a, dropItem(world, 'chainmail', 6, 5).id);
    expect(received(a, Op.Achievement)).toEqual([
      [Op.Achievement, 'sharper'],
      [Op.Achievement, 'dressed_up'],
    ]);
  });

  it('better armor raises maxHp and HP by the difference', () => {
    const { world, a, both } = setUp();
    a.player.hp = 50;
    const leather = dropItem(world, 'leather', 6, 5);
    loot(world, both, a, leather.id);
    const maxHp = playerMaxHp(2, 1);
    expect(a.player).toMatchObject({ armor: 'leather', maxHp, hp: 50 + maxHp - playerMaxHp(1, 1) });
    expect(a.view.stats).toMatchObject({ armor: 'leather', maxHp });
    expect(received(a, Op.Achievement)).toEqual([[Op.Achievement, 'dressed_up']]);
  });

  it('worse or equal gear goes into the bag, worn gear stays on', () => {
    const { world, a, b, both } = setUp();
    Object.assign(a.player, { weapon: 'axe', armor: 'chainmail' });
    for (const kind of ['short_sword', 'axe', 'leather']) {
      const item = dropItem(world, kind, 7, 5);
      loot(world, both, a, item.id);
      expect(a.player).toMatchObject({ weapon: 'axe', armor: 'chainmail' });
      expect(received(a, Op.Notice).at(-1)![1]).toMatch(/in your bag/);
      expect(world.items.has(item.id)).toBe(false);
      expect(b.view.entities.has(item.id)).toBe(false);
    }
    expect(a.player.bag.slice(0, 3)).toEqual(['short_sword', 'axe', 'leather']);
    expect(received(b, Op.Looks)).toEqual([]);
    expect(received(a, Op.Happened).map((m) => m[1])).toEqual([
      Happening.PickedUp,
      Happening.PickedUp,
      Happening.PickedUp,
    ]);
  });
});

describe('consumables', () => {
  it('potions heal, never past maxHp', () => {
    const { world, a, both } = setUp();
    a.player.hp = 30;
    loot(world, both, a, dropItem(world, 'small_potion', 6, 5).id);
    expect(a.player.hp).toBe(70);
    loot(world, both, a, dropItem(world, 'large_potion', 7, 5).id);
    expect(a.player.hp).toBe(a.player.maxHp);
    expect(a.view.stats?.hp).toBe(a.player.maxHp);
    expect(received(a, Op.Happened)).toEqual([
      [Op.Happened, Happening.Drank, 'small_potion'],
      [Op.Happened, Happening.Drank, 'large_potion'],
    ]);
  });

  it('the ember potion makes every blow land for 0 until it runs out, then blows hurt again', () => {
    const brute = mobKind('brute', { weapon: 3, aggroRadius: 3, attackTicks: 10, hp: 1000 });
    const { world, a, both } = setUp([{ id: 2, type: 'mob', x: 12, y: 5, props: { kind: 'brute' } }], brute);
    a.player.hp = a.player.maxHp = 5000;
    const mob = onlyMob(world);
    const ember = dropItem(world, 'ember_potion', 9, 5);
    loot(world, both, a, ember.id);
    // Kept, not drunk: it goes on the belt, and is drunk from there.
    expect(a.player.belt[0]).toBe('ember_potion');
    world.useBag(a.player.id, { type: 'belt', slot: 0 });
    tickAndDeliver(world, both);
    const drankAt = world.tickCount;
    const until = drankAt + 10 * TICK_RATE;
    expect(a.view.stats?.invulnerableTicks).toBe(10 * TICK_RATE);
    expect(received(a, Op.Achievement)).toEqual([[Op.Achievement, 'untouchable']]);
    expect(received(a, Op.Happened)).toEqual([
      [Op.Happened, Happening.PickedUp, 'ember_potion'],
      [Op.Happened, Happening.Drank, 'ember_potion'],
    ]);
    const blows: { tick: number; damage: number }[] = [];
    for (let t = 0; t < 20 * TICK_RATE; t++) {
      for (const e of tickAndDeliver(world, both).get(a) ?? [])
        if (e.type === 'hit' && e.attacker === mob.id)
          blows.push({ tick: world.tickCount, damage: e.damage });
    }
    const shielded = blows.filter((b) => b.tick < until);
    const after = blows.filter((b) => b.tick >= until);
    expect(shielded.length).toBeGreaterThanOrEqual(10);
    expect(shielded.every((b) => b.damage === 0)).toBe(true);
    expect(after.length).toBeGreaterThanOrEqual(5);
    expect(after.every((b) => b.damage > 0)).toBe(true);
    expect(a.player.hp).toBe(5000 - after.reduce((s, b) => s + b.damage, 0));
  });
});

describe('chests', () => {
  it('a static chest opens only from beside it, spills its items around it, and comes back', () => {
    const chest: Place = {
      id: 2,
      type: 'chest',
      x: 20,
      y: 5,
      props: { items: 'axe,small_potion', respawnSeconds: 30 },
    };
    const { world, a, b, both } = setUp([chest]);
    const [id] = world.chests.keys();
    expect(isWalkable(world.map.grid, 20, 5)).toBe(false); // it stands on its tile
    world.pursue(a.player.id, 'open', id!);
    for (let t = 0; t < 200 && world.chests.get(id!)!.present; t++) {
      tickAndDeliver(world, both);
      if (world.chests.get(id!)!.present) expect(received(b, Op.SpawnItem)).toEqual([]);
    }
    expect(distance(a.player, { x: 20, y: 5 })).toBe(1);
    const spilled = received(b, Op.SpawnItem);
    expect(spilled.map((m) => m[2]).sort()).toEqual(['axe', 'small_potion']);
    for (const [, , , x, y] of spilled) {
      expect(distance({ x, y }, { x: 20, y: 5 })).toBe(1);
      expect(isWalkable(world.map.grid, x, y)).toBe(true);
    }
    expect(b.view.entities.has(id!)).toBe(false);
    expect(received(a, Op.Notice).at(-1)![1]).toBe('The chest creaks open.');
    expect(received(a, Op.Happened)).toEqual([[Op.Happened, Happening.ChestOpened, id]]);
    expect(received(b, Op.Happened)).toEqual([]);

    const openedAt = world.tickCount;
    tickUntil(world, both, () => b.view.entities.has(id!), 40 * TICK_RATE, 'the chest to return');
    expect(world.tickCount - openedAt).toBe(30 * TICK_RATE);
  });

  it("a chest area's chest shows when all its mobs are dead, and goes when they are back", () => {
    const guard = mobKind('guard', { hp: 1, respawnSeconds: 20 });
    const { world, a, both } = setUp(
      [
        { id: 2, type: 'mobArea', x: 8, y: 3, w: 3, h: 5, props: { kind: 'guard', count: 2 } },
        { id: 3, type: 'chestArea', x: 8, y: 3, w: 5, h: 5, props: { items: 'leather' } },
      ],
      guard,
    );
    const [id] = world.chests.keys();
    const chestSeen = (): boolean => a.view.entities.has(id!);
    const mobs = [...world.mobs.values()];
    expect(mobs).toHaveLength(2);
    for (const mob of mobs) {
      expect(chestSeen()).toBe(false);
      world.pursue(a.player.id, 'attack', mob.id);
      tickUntil(world, both, () => mob.respawnTick > 0, 200, 'a guard to fall');
      tickAndDeliver(world, both);
    }
    expect(chestSeen()).toBe(true);
    tickUntil(world, both, () => !chestSeen(), 21 * TICK_RATE, 'the guards to return');
    expect(mobs.some((m) => m.respawnTick === 0)).toBe(true);
  });
});
