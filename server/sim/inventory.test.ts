// The bag and belt in a running world: what a pickup becomes, and every bag intent, its refusals and what
// the player's client is told (its view's bag must match the server's slots).
import { describe, expect, it } from 'vitest';
import { Happening, Op } from '../../shared/protocol/ops.ts';
import { playerMaxHp } from '../../shared/rules/combat.ts';
import { World } from './world.ts';
import { dropItem } from './loot.ts';
import { BAG_SLOTS } from './character.ts';
import { addItem, countItem, STACK_MAX } from './bag.ts';
import { BAG_INTENTS_PER_TICK, DRINK_TICKS } from './inventory.ts';
import type { BagIntent } from './entities.ts';
import {
  adventureMap,
  openRows,
  placedClient,
  received,
  shippedData,
  tickAndDeliver,
  tickTimes,
  tickUntil,
  type TestClient,
} from './test-support.ts';

function setUp() {
  const world = new World({
    name: 'w',
    map: adventureMap(openRows(30, 12), [{ id: 1, type: 'spawn', x: 5, y: 5 }]),
    data: shippedData(),
    seed: 3,
  });
  const a = placedClient(world, 'A', { x: 5, y: 5 });
  const b = placedClient(world, 'B', { x: 3, y: 3 });
  return { world, a, b, both: [a, b] };
}

const item = (id: string) => shippedData().items.get(id)!;

function loot(world: World, clients: TestClient[], who: TestClient, kind: string, x = 7, y = 5) {
  const dropped = dropItem(world, kind, x, y);
  world.pursue(who.player.id, 'loot', dropped.id);
  tickUntil(world, clients, () => !who.player.goal, 200, 'the pick-up');
  return dropped;
}

/** Gives one intent, ticks once, and returns the notices the player got in that tick. */
function intend(world: World, clients: TestClient[], who: TestClient, intent: BagIntent): string[] {
  const before = received(who, Op.Notice).length;
  world.useBag(who.player.id, intent);
  tickAndDeliver(world, clients);
  return received(who, Op.Notice)
    .slice(before)
    .map((m) => m[1]);
}

/** The bag as the server holds it, in the shape the client's view gives it. */
function serverSlots(p: TestClient['player']) {
  return p.bag.map((item, i) => ({ item, count: item ? p.bagCounts[i]! : 0 }));
}

describe('pickups', () => {
  it('a potion picked up at full HP goes into the bag and onto the belt; the client sees both', () => {
    const { world, a, both } = setUp();
    const potion = loot(world, both, a, 'small_potion');
    expect(a.player.hp).toBe(a.player.maxHp);
    expect(world.items.has(potion.id)).toBe(false);
    expect(countItem(a.player, 'small_potion')).toBe(1);
    expect(a.player.belt).toEqual(['small_potion', '', '', '']);
    expect(a.view.bag?.slots).toEqual(serverSlots(a.player));
    expect(a.view.bag?.belt[0]).toEqual({ item: 'small_potion', count: 1 });
    expect(received(a, Op.Happened).at(-1)).toEqual([Op.Happened, Happening.PickedUp, 'small_potion']);
    expect(received(a, Op.Notice).at(-1)![1]).toBe('You put the small potion in your bag (belt 1).');
    // A second one stacks; the belt keeps one slot per kind.
    loot(world, both, a, 'small_potion');
    loot(world, both, a, 'large_potion', 8, 5);
    expect(a.player.bag.slice(0, 2)).toEqual(['small_potion', 'large_potion']);
    expect(a.player.bagCounts.slice(0, 2)).toEqual([2, 1]);
    expect(a.player.belt).toEqual(['small_potion', 'large_potion', '', '']);
    expect(a.view.bag?.belt.slice(0, 2)).toEqual([
      { item: 'small_potion', count: 2 },
      { item: 'large_potion', count: 1 },
    ]);
  });

  it('a healing potion picked up while hurt is drunk at once, and never goes into the bag', () => {
    const { world, a, both } = setUp();
    a.player.hp = 10;
    loot(world, both, a, 'small_potion');
    expect(a.player.hp).toBe(50);
    expect(countItem(a.player, 'small_potion')).toBe(0);
    expect(received(a, Op.Happened).at(-1)).toEqual([Op.Happened, Happening.Drank, 'small_potion']);
  });

  it('the ember potion is always kept, hurt or not', () => {
    const { world, a, both } = setUp();
    a.player.hp = 10;
    loot(world, both, a, 'ember_potion');
    expect(a.player.invulnerableUntil).toBe(0);
    expect(countItem(a.player, 'ember_potion')).toBe(1);
  });

  it('better gear is worn and the old piece goes into the bag; the others see the new look', () => {
    const { world, a, b, both } = setUp();
    loot(world, both, a, 'short_sword');
    expect(a.player.weapon).toBe('short_sword');
    expect(a.player.bag[0]).toBe('club');
    expect(received(a, Op.Notice).at(-1)![1]).toBe(
      'You equip the short sword; your club goes into your bag.',
    );
    expect(received(b, Op.Looks).at(-1)).toEqual([Op.Looks, a.player.id, 'short_sword', 'tunic', 1]);
  });

  it('a full bag leaves the item on the ground and says so; an upgrade is still worn, the old piece dropped', () => {
    const { world, a, b, both } = setUp();
    for (let i = 0; i < BAG_SLOTS; i++) addItem(a.player, item('axe'));
    tickAndDeliver(world, both);
    const potion = loot(world, both, a, 'small_potion');
    expect(world.items.has(potion.id)).toBe(true);
    expect(b.view.entities.has(potion.id)).toBe(true);
    expect(received(a, Op.Notice).at(-1)![1]).toBe('Your bag is full: the small potion stays on the ground.');
    expect(countItem(a.player, 'small_potion')).toBe(0);
    const sword = loot(world, both, a, 'short_sword', 9, 5);
    expect(a.player.weapon).toBe('short_sword');
    expect(world.items.has(sword.id)).toBe(false);
    const club = [...world.items.values()].find((i) => i.kind === 'club');
    expect(club).toMatchObject({ x: 9, y: 5 });
    expect(received(a, Op.Notice).at(-1)![1]).toMatch(/Your bag is full: your club is left on the ground/);
  });
});

describe('using the bag and belt', () => {
  it('drinks from the belt when hurt: one potion less, HP up, the client told', () => {
    const { world, a, both } = setUp();
    loot(world, both, a, 'small_potion');
    loot(world, both, a, 'small_potion');
    a.player.hp = 20;
    expect(intend(world, both, a, { type: 'belt', slot: 0 })).toEqual([
      'You drink the small potion: +40 HP.',
    ]);
    expect(a.player.hp).toBe(60);
    expect(countItem(a.player, 'small_potion')).toBe(1);
    expect(a.view.stats?.hp).toBe(60);
    expect(a.view.bag?.belt[0]).toEqual({ item: 'small_potion', count: 1 });
    expect(a.player.dirty).toBe(true);
  });

  it('refuses a drink at full HP, a second drink within DRINK_TICKS, and an empty shortcut', () => {
    const { world, a, both } = setUp();
    loot(world, both, a, 'small_potion');
    loot(world, both, a, 'small_potion');
    expect(intend(world, both, a, { type: 'belt', slot: 0 })).toEqual([
      'You are at full health: the small potion keeps for later.',
    ]);
    expect(countItem(a.player, 'small_potion')).toBe(2);
    a.player.hp = 10;
    world.useBag(a.player.id, { type: 'belt', slot: 0 });
    world.useBag(a.player.id, { type: 'belt', slot: 0 });
    tickAndDeliver(world, both);
    expect(received(a, Op.Notice).at(-1)![1]).toBe('One potion at a time.');
    expect(countItem(a.player, 'small_potion')).toBe(1);
    tickTimes(world, both, DRINK_TICKS);
    intend(world, both, a, { type: 'belt', slot: 0 });
    expect(countItem(a.player, 'small_potion')).toBe(0);
    // The shortcut stays, empty, so the next potion of its kind lands on it again.
    expect(a.player.belt[0]).toBe('small_potion');
    expect(intend(world, both, a, { type: 'belt', slot: 0 })).toEqual(['You have no small potions left.']);
    expect(intend(world, both, a, { type: 'belt', slot: 1 })).toEqual(['Belt slot 2 is empty.']);
    expect(intend(world, both, a, { type: 'belt', slot: 7 })).toEqual(['Your belt has no slot 8: it has 4.']);
  });

  it('using gear from the bag swaps it with what is worn, in the same slot', () => {
    const { world, a, b, both } = setUp();
    a.player.hp = 50;
    loot(world, both, a, 'axe');
    loot(world, both, a, 'leather', 8, 5);
    expect(a.player.bag.slice(0, 2)).toEqual(['club', 'tunic']);
    // Back to the club: the axe takes its slot.
    expect(intend(world, both, a, { type: 'use', slot: 0 })).toEqual(['You equip the club.']);
    expect(a.player.weapon).toBe('club');
    expect(a.player.bag[0]).toBe('axe');
    expect(received(b, Op.Looks).at(-1)).toEqual([Op.Looks, a.player.id, 'club', 'leather', 1]);
    // Armor moves maxHp and HP by the difference.
    const hp = a.player.hp;
    intend(world, both, a, { type: 'use', slot: 1 });
    expect(a.player).toMatchObject({ armor: 'tunic', maxHp: playerMaxHp(1, 1) });
    expect(a.player.hp).toBe(hp - (playerMaxHp(2, 1) - playerMaxHp(1, 1)));
    expect(a.player.bag[1]).toBe('leather');
    expect(a.view.bag?.slots).toEqual(serverSlots(a.player));
  });

  it('drops one item of a slot at the feet, for anyone to pick up', () => {
    const { world, a, b, both } = setUp();
    loot(world, both, a, 'small_potion');
    loot(world, both, a, 'small_potion');
    expect(intend(world, both, a, { type: 'drop', slot: 0 })).toEqual(['You drop the small potion.']);
    expect(a.player.bagCounts[0]).toBe(1);
    const dropped = [...world.items.values()].find((i) => i.kind === 'small_potion')!;
    expect(dropped).toMatchObject({ x: a.player.x, y: a.player.y });
    expect(dropped.expiresTick).toBeGreaterThan(world.tickCount);
    expect(b.view.entities.get(dropped.id)?.kind).toBe('small_potion');
    world.pursue(b.player.id, 'loot', dropped.id);
    tickUntil(world, both, () => !b.player.goal, 200, "B's pick-up");
    expect(countItem(b.player, 'small_potion')).toBe(1);
    intend(world, both, a, { type: 'drop', slot: 0 });
    expect(a.player.bag[0]).toBe('');
  });

  it('sets, moves and clears belt slots; only potions go on the belt', () => {
    const { world, a, both } = setUp();
    loot(world, both, a, 'small_potion');
    loot(world, both, a, 'axe', 8, 5);
    expect(a.player.bag.slice(0, 2)).toEqual(['small_potion', 'club']);
    expect(intend(world, both, a, { type: 'setBelt', belt: 3, slot: 0 })).toEqual([]);
    expect(a.player.belt).toEqual(['', '', '', 'small_potion']);
    expect(intend(world, both, a, { type: 'setBelt', belt: 2, slot: 1 })).toEqual([
      'Only potions go on the belt.',
    ]);
    expect(intend(world, both, a, { type: 'setBelt', belt: 3, slot: -1 })).toEqual([]);
    expect(a.player.belt).toEqual(['', '', '', '']);
    expect(a.view.bag?.belt).toEqual(new Array(4).fill({ item: '', count: 0 }));
  });

  it('refuses slots that do not exist or are empty, and a dead player, changing nothing', () => {
    const { world, a, both } = setUp();
    loot(world, both, a, 'small_potion');
    const before = JSON.stringify([a.player.bag, a.player.bagCounts, a.player.belt]);
    const itemsBefore = world.items.size;
    expect(intend(world, both, a, { type: 'use', slot: 16 })).toEqual([
      'Your bag has no slot 17: it has 16.',
    ]);
    expect(intend(world, both, a, { type: 'use', slot: 5 })).toEqual(['Bag slot 6 is empty.']);
    expect(intend(world, both, a, { type: 'drop', slot: 5 })).toEqual(['Bag slot 6 is empty.']);
    expect(intend(world, both, a, { type: 'drop', slot: 200 })).toEqual([
      'Your bag has no slot 201: it has 16.',
    ]);
    expect(intend(world, both, a, { type: 'setBelt', belt: 4, slot: 0 })).toEqual([
      'Your belt has no slot 5: it has 4.',
    ]);
    a.player.dead = true;
    expect(intend(world, both, a, { type: 'drop', slot: 0 })).toEqual(['You cannot use items while dead.']);
    expect(intend(world, both, a, { type: 'belt', slot: 0 })).toEqual(['You cannot use items while dead.']);
    expect(JSON.stringify([a.player.bag, a.player.bagCounts, a.player.belt])).toBe(before);
    expect(world.items.size).toBe(itemsBefore);
  });

  it('keeps at most BAG_INTENTS_PER_TICK intents a tick', () => {
    const { world, a, both } = setUp();
    addItem(a.player, item('small_potion'), STACK_MAX);
    tickAndDeliver(world, both);
    for (let i = 0; i < 20; i++) world.useBag(a.player.id, { type: 'drop', slot: 0 });
    tickAndDeliver(world, both);
    expect(a.player.bagCounts[0]).toBe(STACK_MAX - BAG_INTENTS_PER_TICK);
  });

  it('sends the bag once on joining and again to a client that resumes', () => {
    const { world, a, both } = setUp();
    expect(received(a, Op.Bag)).toHaveLength(1);
    world.resume(a.player.id);
    tickAndDeliver(world, both);
    expect(received(a, Op.Bag)).toHaveLength(2);
    tickTimes(world, both, 3);
    expect(received(a, Op.Bag)).toHaveLength(2);
  });
});
