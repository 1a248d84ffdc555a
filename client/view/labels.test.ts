import { describe, expect, it } from 'vitest';
import { clampToView, declutter, fadeFor, freeLane, stackPile, type LabelBox } from './labels.ts';

describe("an entity's pile", () => {
  it('puts the name above the HP bar, not on it, and the pile top above both', () => {
    const at = stackPile(100, { hpBar: 4, name: 9 });
    // The bar spans [hpBar-4, hpBar], the name [name-9, name]: no shared pixel row.
    expect(at.name).toBeLessThanOrEqual(at.hpBar - 4);
    expect(at.top).toBeLessThanOrEqual(at.name - 9);
  });

  it('with no HP bar the name sits on the sprite', () => {
    const at = stackPile(100, { hpBar: 0, name: 9 });
    expect(at.name).toBe(99);
    expect(at.top).toBe(89);
  });

  it('gives each damage number in the air its own lane', () => {
    expect(freeLane([])).toBe(0);
    expect(freeLane([0, 1])).toBe(2);
    expect(freeLane([1])).toBe(0);
  });
});

describe('declutter', () => {
  const label = (id: number, x: number, y: number, more: Partial<LabelBox> = {}): LabelBox => ({
    id,
    x,
    y,
    width: 40,
    height: 9,
    priority: 0,
    distance: 1,
    keep: false,
    ...more,
  });

  it('hides a name that would overlap a more important one, keeps apart ones', () => {
    const at = declutter([label(1, 100, 100), label(2, 110, 103, { priority: 5 }), label(3, 200, 100)]);
    expect(at.get(2)?.alpha).toBe(1);
    expect(at.get(1)?.alpha).toBe(0);
    expect(at.get(3)?.alpha).toBe(1);
  });

  it('never hides an NPC name in a crowd', () => {
    const crowd = Array.from({ length: 100 }, (_, i) => label(i + 10, 100 + (i % 10), 100, { priority: 3 }));
    const at = declutter([...crowd, label(1, 100, 100, { keep: true, priority: 1 })]);
    expect(at.get(1)?.alpha).toBe(1);
  });

  it('lifts a kept name clear of another kept one (the own name beside an NPC)', () => {
    const at = declutter([
      label(1, 100, 100, { keep: true, priority: 4 }),
      label(2, 105, 100, { keep: true, priority: 2 }),
    ]);
    expect(at.get(1)).toEqual({ alpha: 1, dy: 0 });
    expect(at.get(2)?.alpha).toBe(1);
    expect(at.get(2)!.dy).toBeLessThanOrEqual(-9);
  });

  it('100 players on one square: no two shown names overlap', () => {
    const crowd = Array.from({ length: 100 }, (_, i) =>
      label(i, (i % 10) * 16, Math.floor(i / 10) * 16, { distance: (i % 10) + Math.floor(i / 10) }),
    );
    const at = declutter(crowd);
    const shown = crowd.filter((l) => (at.get(l.id)?.alpha ?? 0) > 0);
    expect(shown.length).toBeGreaterThan(10);
    for (const a of shown)
      for (const b of shown)
        if (a !== b) expect(Math.abs(a.x - b.x) * 2 < 80 && Math.abs(a.y - b.y) < 9).toBe(false);
  });

  it('fades distant names but keeps them readable', () => {
    expect(fadeFor(2)).toBe(1);
    expect(fadeFor(10)).toBeLessThan(1);
    expect(fadeFor(40)).toBeGreaterThanOrEqual(0.35);
  });

  it('keeps a label inside the view', () => {
    expect(clampToView(5, 40, 0, 300)).toBe(20);
    expect(clampToView(295, 40, 0, 300)).toBe(280);
    expect(clampToView(150, 40, 0, 300)).toBe(150);
  });
});
