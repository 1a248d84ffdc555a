import { describe, expect, it } from 'vitest';
import { damage, killXp, levelForXp, MAX_LEVEL, playerMaxHp, xpForLevel } from './combat.ts';

const low = (min: number): number => min;
const high = (_min: number, max: number): number => max;

describe('damage', () => {
  it('ranges from weapon×5 − armor×3 to weapon×10 − armor×1', () => {
    const a = { weapon: 3, armor: 1, level: 1 };
    const d = { weapon: 1, armor: 2, level: 1 };
    // low rolls: 3×5 − 2×1 = 13 (the armor roll is low too); high: 3×10 − 2×3 = 24.
    expect(damage(a, d, low)).toBe(13);
    expect(damage(a, d, high)).toBe(24);
  });

  it('always deals at least a scratch', () => {
    const weak = { weapon: 1, armor: 1, level: 1 };
    const tank = { weapon: 1, armor: 50, level: 1 };
    for (const roll of [low, high]) {
      const d = damage(weak, tank, roll);
      expect(d).toBeGreaterThanOrEqual(1);
      expect(d).toBeLessThanOrEqual(3);
    }
  });

  it('stays within bounds over many random rolls', () => {
    let seed = 42;
    const roll = (min: number, max: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return min + (seed % (max - min + 1));
    };
    const a = { weapon: 4, armor: 2, level: 5 };
    const d = { weapon: 3, armor: 3, level: 1 };
    for (let i = 0; i < 5000; i++) {
      const hit = damage(a, d, roll);
      expect(hit).toBeGreaterThanOrEqual(1);
      expect(hit).toBeLessThanOrEqual(4 * 10 + 6 - 3);
    }
  });

  it('grows with level', () => {
    const d = { weapon: 1, armor: 1, level: 1 };
    expect(damage({ weapon: 2, armor: 1, level: 10 }, d, low)).toBeGreaterThan(
      damage({ weapon: 2, armor: 1, level: 1 }, d, low),
    );
  });
});

describe('progression', () => {
  it('levels follow the XP curve, and XP for each level rises', () => {
    expect(levelForXp(0)).toBe(1);
    for (let level = 2; level <= MAX_LEVEL; level++) {
      expect(xpForLevel(level)).toBeGreaterThan(xpForLevel(level - 1));
      expect(levelForXp(xpForLevel(level))).toBe(level);
      expect(levelForXp(xpForLevel(level) - 1)).toBe(level - 1);
    }
    expect(levelForXp(10 ** 9)).toBe(MAX_LEVEL);
  });

  it('max HP rises with armor and with level', () => {
    expect(playerMaxHp(1, 1)).toBe(80);
    expect(playerMaxHp(2, 1)).toBeGreaterThan(playerMaxHp(1, 1));
    expect(playerMaxHp(1, 2)).toBeGreaterThan(playerMaxHp(1, 1));
  });

  it('kills far below the player give less XP, never nothing', () => {
    expect(killXp(10, 1, 1)).toBe(10);
    expect(killXp(10, 1, 8)).toBeLessThan(10);
    expect(killXp(10, 1, 30)).toBe(1);
  });
});
