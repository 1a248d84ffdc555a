import { describe, expect, it } from 'vitest';
import type { ItemKind } from '../../shared/content/game-data.ts';
import { BAG_SLOTS, BELT_SLOTS, newCharacter } from './character.ts';
import { addItem, countItem, removeItem, roomFor, STACK_MAX, takeSlot } from './bag.ts';

const kind = (id: string, type: ItemKind['type']): ItemKind => ({
  id,
  name: id,
  type,
  level: 1,
  heal: 0,
  invulnerableSeconds: 0,
});
const potion = kind('small_potion', 'consumable');
const sword = kind('short_sword', 'weapon');

function carrier() {
  const c = newCharacter();
  return { bag: c.bag, bagCounts: c.bagCounts, belt: c.belt, bagChanged: false, dirty: false };
}

describe('the bag', () => {
  it('starts empty, with an empty belt', () => {
    const p = carrier();
    expect(p.bag).toEqual(new Array(BAG_SLOTS).fill(''));
    expect(p.bagCounts).toEqual(new Array(BAG_SLOTS).fill(0));
    expect(p.belt).toEqual(new Array(BELT_SLOTS).fill(''));
  });

  it('stacks potions up to STACK_MAX a slot and keeps gear one to a slot', () => {
    const p = carrier();
    expect(addItem(p, potion, STACK_MAX + 3)).toBe(true);
    expect(addItem(p, sword)).toBe(true);
    expect(addItem(p, sword)).toBe(true);
    expect(p.bag.slice(0, 4)).toEqual(['small_potion', 'small_potion', 'short_sword', 'short_sword']);
    expect(p.bagCounts.slice(0, 4)).toEqual([STACK_MAX, 3, 1, 1]);
    expect(countItem(p, 'small_potion')).toBe(STACK_MAX + 3);
    expect(p.bagChanged && p.dirty).toBe(true);
  });

  it('refuses what does not fit and changes nothing', () => {
    const p = carrier();
    for (let i = 0; i < BAG_SLOTS; i++) expect(addItem(p, sword)).toBe(true);
    const before = [...p.bag];
    p.bagChanged = false;
    expect(roomFor(p, potion)).toBe(0);
    expect(addItem(p, potion)).toBe(false);
    expect(p.bag).toEqual(before);
    expect(p.bagChanged).toBe(false);
  });

  it('takes from the last stacks first, all or nothing', () => {
    const p = carrier();
    addItem(p, potion, STACK_MAX + 2);
    expect(removeItem(p, 'small_potion', 99)).toBe(false);
    expect(countItem(p, 'small_potion')).toBe(STACK_MAX + 2);
    expect(removeItem(p, 'small_potion', 3)).toBe(true);
    expect(p.bag.slice(0, 2)).toEqual(['small_potion', '']);
    expect(p.bagCounts.slice(0, 2)).toEqual([STACK_MAX - 1, 0]);
  });

  it('empties one slot and says what it held; an empty or missing slot gives nothing', () => {
    const p = carrier();
    addItem(p, sword);
    expect(takeSlot(p, 0)).toEqual({ kind: 'short_sword', count: 1 });
    expect(takeSlot(p, 0)).toBeNull();
    expect(takeSlot(p, BAG_SLOTS + 5)).toBeNull();
    expect(p.bag[0]).toBe('');
  });
});
