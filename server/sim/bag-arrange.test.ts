// Rearranging the bag (bag.ts): moving into an empty slot, topping up a stack, swapping; splitting a
// stack; sorting by group and strength with stacks merged. A bad slot or an impossible move is refused
// with a reason and changes nothing.
import { describe, expect, it } from 'vitest';
import type { ItemKind } from '../../shared/content/game-data.ts';
import { newCharacter } from './character.ts';
import { addItem, moveSlot, sortBag, splitSlot, STACK_MAX } from './bag.ts';

const kind = (id: string, type: ItemKind['type'], level = 1, heal = 0): ItemKind => ({
  id,
  name: id.replace('_', ' '),
  type,
  level,
  heal,
  invulnerableSeconds: 0,
});
const small = kind('small_potion', 'consumable', 1, 20);
const large = kind('large_potion', 'consumable', 1, 60);
const club = kind('club', 'weapon', 1);
const axe = kind('axe', 'weapon', 4);
const tunic = kind('tunic', 'armor', 1);
const pelt = kind('wolf_pelt', 'quest');
const kinds = new Map([small, large, club, axe, tunic, pelt].map((k) => [k.id, k]));

function carrier() {
  const c = newCharacter();
  return { bag: c.bag, bagCounts: c.bagCounts, belt: c.belt, bagChanged: false, dirty: false };
}

const slots = (p: ReturnType<typeof carrier>, n: number): string[] =>
  p.bag.slice(0, n).map((id, i) => (id ? `${id}×${p.bagCounts[i]}` : '-'));

describe('rearranging the bag', () => {
  it('moves into an empty slot, tops up a stack of its kind, and swaps with anything else', () => {
    const p = carrier();
    addItem(p, club);
    addItem(p, small, 4);
    expect(moveSlot(p, kinds, 0, 5)).toBeNull();
    expect(slots(p, 6)).toEqual(['-', 'small_potion×4', '-', '-', '-', 'club×1']);
    p.bag[2] = 'small_potion';
    p.bagCounts[2] = STACK_MAX - 1;
    expect(moveSlot(p, kinds, 1, 2)).toBeNull(); // one fits, three stay
    expect(slots(p, 3)).toEqual(['-', 'small_potion×3', `small_potion×${STACK_MAX}`]);
    expect(moveSlot(p, kinds, 1, 5)).toBeNull(); // a potion onto the club: they swap
    expect(slots(p, 6)).toEqual(['-', 'club×1', `small_potion×${STACK_MAX}`, '-', '-', 'small_potion×3']);
    expect(p.bagChanged && p.dirty).toBe(true);
  });

  it('refuses a slot that does not exist, an empty one, and a full stack, changing nothing', () => {
    const p = carrier();
    addItem(p, small, STACK_MAX * 2);
    const before = slots(p, p.bag.length);
    p.bagChanged = false;
    expect(moveSlot(p, kinds, 0, 99)).toMatch(/no slot 100/);
    expect(moveSlot(p, kinds, 5, 0)).toMatch(/slot 6 is empty/);
    expect(moveSlot(p, kinds, 0, 1)).toMatch(/stack is full/);
    expect(splitSlot(p, 40)).toMatch(/no slot 41/);
    expect(slots(p, p.bag.length)).toEqual(before);
    expect(p.bagChanged).toBe(false);
  });

  it('splits a stack, half to the first empty slot; not a single item, nor into a full bag', () => {
    const p = carrier();
    addItem(p, club);
    addItem(p, small, 7);
    expect(splitSlot(p, 1)).toBeNull();
    expect(slots(p, 3)).toEqual(['club×1', 'small_potion×4', 'small_potion×3']);
    expect(splitSlot(p, 0)).toMatch(/Only one/);
    for (let i = 3; i < p.bag.length; i++) addItem(p, club);
    expect(splitSlot(p, 1)).toMatch(/bag is full/);
  });

  it('sorts: weapons best first, armor, potions by what they heal, quest items; stacks merged', () => {
    const p = carrier();
    addItem(p, pelt, 2);
    addItem(p, small, 3);
    addItem(p, club);
    addItem(p, large, 1);
    addItem(p, tunic);
    addItem(p, axe);
    // Two part stacks of small potions, as a split or a move leaves them.
    p.bag[8] = 'small_potion';
    p.bagCounts[8] = STACK_MAX - 1;
    sortBag(p, kinds);
    expect(slots(p, 9)).toEqual([
      'axe×1',
      'club×1',
      'tunic×1',
      'large_potion×1',
      `small_potion×${STACK_MAX}`,
      'small_potion×2',
      'wolf_pelt×2',
      '-',
      '-',
    ]);
    expect(p.bagChanged).toBe(true);
  });
});
