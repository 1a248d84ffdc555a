import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { dangerOf, mobLabel, mobTable, slainBy } from './mob-info.ts';

/** Data of the shape of assets/data/mobs.json, with values of its own (the shipped ones get retuned). */
const mobs = mobTable({
  rat: { name: 'Rat', level: 1, hp: 25 },
  wolf: { name: 'Wolf', level: 6, hp: 80 },
  ember_wyrm: { name: 'Ember Wyrm', level: 18, hp: 1200, boss: true },
});

describe('mob info', () => {
  it('reads names, levels and the boss flag from mobs.json, not from code', () => {
    expect(mobs('wolf')).toMatchObject({ name: 'Wolf', level: 6, boss: false });
    expect(mobs('ember_wyrm').boss).toBe(true);
    expect(mobLabel(mobs('rat'))).toBe('Rat · 1');
    // And the shipped file reads the same way.
    const shipped = mobTable(JSON.parse(readFileSync('assets/data/mobs.json', 'utf8')));
    expect(shipped('ember_wyrm').boss).toBe(true);
    expect(shipped('rat').level).toBeGreaterThan(0);
  });

  it('rates danger from the level gap', () => {
    expect(dangerOf(1, 5)).toBe('trivial');
    expect(dangerOf(4, 5)).toBe('easy');
    expect(dangerOf(5, 5)).toBe('even');
    expect(dangerOf(7, 5)).toBe('hard');
    expect(dangerOf(6, 1)).toBe('deadly');
  });

  it('says who struck the last blow', () => {
    const seen = (type: string, kind: string, name = kind, level = 0) => ({ type, kind, name, level });
    expect(slainBy(seen('mob', 'wolf'), mobs)).toBe('Slain by a wolf, level 6');
    expect(slainBy(seen('mob', 'ember_wyrm'), mobs)).toBe('Slain by the Ember Wyrm, level 18');
    expect(slainBy(seen('player', 'player', 'Ada', 3), mobs)).toBe('Slain by Ada, level 3');
    expect(slainBy(undefined, mobs)).toBe('You have fallen.');
  });
});
