// The playthrough bot's bag sense: which belt potion it drinks, which gear it drops, when a potion fits.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseGameData, readDataFiles } from '../../shared/content/game-data.ts';
import type { BagView, Stats } from '../../shared/protocol/view.ts';
import { hasRoom, outgrown, pickPotion } from './playthrough-potions.ts';

const data = parseGameData(
  readDataFiles((name) => JSON.parse(readFileSync(`assets/data/${name}.json`, 'utf8')) as unknown),
);
const stats = (hp: number, over: Partial<Stats> = {}): Stats => ({
  hp,
  maxHp: 200,
  level: 5,
  xp: 0,
  weapon: 'axe',
  armor: 'chainmail',
  invulnerableTicks: 0,
  ...over,
});
const empty = { item: '', count: 0 };
function bag(slots: [string, number][], belt: string[]): BagView {
  const all = [
    ...slots.map(([item, count]) => ({ item, count })),
    ...new Array(16 - slots.length).fill(empty),
  ];
  const carried = (item: string) => all.reduce((n, s) => n + (s.item === item ? s.count : 0), 0);
  return { slots: all, belt: belt.map((item) => ({ item, count: item ? carried(item) : 0 })) };
}

describe('the playthrough bot and its belt', () => {
  const belt = bag(
    [
      ['small_potion', 3],
      ['large_potion', 1],
      ['ember_potion', 1],
    ],
    ['small_potion', 'large_potion', 'ember_potion', ''],
  );

  it('drinks nothing above half HP', () => {
    expect(pickPotion(data, belt, stats(120))).toBe(-1);
  });

  it('drinks the smallest potion that heals what it lacks, else the biggest', () => {
    expect(pickPotion(data, belt, stats(90))).toBe(1); // lacks 110: the small one (40) is not enough
    expect(pickPotion(data, belt, stats(34, { maxHp: 70 }))).toBe(0); // lacks 36
  });

  it('drinks the Ember potion when nearly dead, unless already shielded', () => {
    expect(pickPotion(data, belt, stats(40))).toBe(2);
    expect(pickPotion(data, belt, stats(40, { invulnerableTicks: 50 }))).toBe(1);
  });

  it('skips empty shortcuts', () => {
    const none = bag([], ['small_potion', '', '', '']);
    expect(pickPotion(data, none, stats(10))).toBe(-1);
  });

  it('drops gear no better than what it wears, and keeps potions', () => {
    expect(
      outgrown(
        data,
        bag(
          [
            ['small_potion', 2],
            ['club', 1],
          ],
          [],
        ),
        stats(100),
      ),
    ).toBe(1);
    expect(outgrown(data, bag([['long_sword', 1]], []), stats(100))).toBe(-1);
  });

  it('sees room for a potion in an empty slot or a stack with room', () => {
    const full = bag(
      Array.from({ length: 16 }, (): [string, number] => ['club', 1]),
      [],
    );
    expect(hasRoom(full, 'small_potion')).toBe(false);
    full.slots[3] = { item: 'small_potion', count: 9 };
    expect(hasRoom(full, 'small_potion')).toBe(true);
    expect(hasRoom(null, 'small_potion')).toBe(false);
  });
});
