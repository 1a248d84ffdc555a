import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseGameData, readDataFiles, type DataFiles } from './game-data.ts';
import { ContentError } from './world-map.ts';

function shipped(): DataFiles {
  const read = (name: string): unknown => JSON.parse(readFileSync(`assets/data/${name}.json`, 'utf8'));
  return readDataFiles(read);
}

function problemsOf(files: DataFiles): string {
  try {
    parseGameData(files);
  } catch (err) {
    expect(err).toBeInstanceOf(ContentError);
    return (err as Error).message;
  }
  throw new Error('the data parsed without problems');
}

describe('parseGameData', () => {
  it('loads the shipped data: 7 weapon tiers, 6 armor tiers, 10+ mobs and a boss, ~20 achievements', () => {
    const data = parseGameData(shipped());
    const items = [...data.items.values()];
    expect(items.filter((i) => i.type === 'weapon').map((i) => i.level)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(items.filter((i) => i.type === 'armor').map((i) => i.level)).toEqual([1, 2, 3, 4, 5, 6]);
    expect([...data.mobs.values()].filter((m) => !m.boss).length).toBeGreaterThanOrEqual(10);
    expect([...data.mobs.values()].some((m) => m.boss)).toBe(true);
    expect(data.achievements.length).toBeGreaterThanOrEqual(20);
    expect(data.npcs.get('elder')?.lines.length).toBeGreaterThan(1);
  });

  it('names the file and entry of a drop that points at no item', () => {
    const files = shipped();
    (files.mobs as Record<string, { drops: unknown[] }>).rat!.drops.push({
      item: 'golden_spoon',
      chance: 0.1,
    });
    expect(problemsOf(files)).toMatch(
      /mobs\.json "rat" drops\[2\]: item "golden_spoon" is not in items\.json/,
    );
  });

  it('refuses drop chances that add up to more than 1', () => {
    const files = shipped();
    (files.mobs as Record<string, { drops: unknown[] }>).rat!.drops = [
      { item: 'club', chance: 0.7 },
      { item: 'tunic', chance: 0.7 },
    ];
    expect(problemsOf(files)).toMatch(/"rat" drops: chances add up to 1\.40/);
  });

  it('reports bad numbers, unknown types and missing fields, all at once', () => {
    const files = shipped();
    const mobs = files.mobs as Record<string, Record<string, unknown>>;
    mobs.rat!.hp = -5;
    delete mobs.bat!.name;
    (files.items as Record<string, Record<string, unknown>>).club!.type = 'spoon';
    const message = problemsOf(files);
    expect(message).toMatch(/"rat" hp: must be a number from 1 to 100000, got -5/);
    expect(message).toMatch(/"bat" name: must be text .* \(missing\)/);
    expect(message).toMatch(/items\.json "club" type: must be one of weapon, armor, consumable/);
  });

  it('checks that achievements name things that exist', () => {
    const files = shipped();
    (files.achievements as Record<string, unknown>[]).push({
      id: 'dragon_friend',
      name: 'Friend',
      description: 'Befriend a unicorn.',
      rule: 'kills',
      target: 'unicorn',
    });
    expect(problemsOf(files)).toMatch(/"dragon_friend": target "unicorn" is not a known kills target/);
  });

  it('needs a starter weapon and armor', () => {
    const files = shipped();
    delete (files.items as Record<string, unknown>).club;
    (files.mobs as Record<string, { drops: { item: string }[] }>).rat!.drops = [];
    expect(problemsOf(files)).toMatch(/needs a level 1 weapon/);
  });
});
