import { describe, expect, it } from 'vitest';
import {
  clampToView,
  declutter,
  dropClear,
  fadeFor,
  freeLane,
  slideClear,
  stackPile,
  underAny,
  type LabelBox,
} from './labels.ts';

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

describe('names and the HUD over the world', () => {
  // A 640×400 view: the bars top left, the online count top right with the minimap under it.
  const bars = { left: 0, top: 0, right: 110, bottom: 34 };
  const online = { left: 580, top: 2, right: 638, bottom: 20 };
  const minimap = { left: 550, top: 26, right: 638, bottom: 110 };
  const hud = [bars, online, minimap];

  it('tells a name under a part of the HUD from one clear of it', () => {
    expect(underAny(600, 18, 60, 10, hud)).toBe(true);
    expect(underAny(300, 18, 60, 10, hud)).toBe(false);
    // On the minimap's row, but left of it.
    expect(underAny(500, 60, 60, 10, hud)).toBe(false);
  });

  it('slides a name at the top right out from under the online count, along its row, to the nearer clear side', () => {
    // The name's row (8..18) meets the count only: it goes just left of the count.
    expect(slideClear(600, 18, 60, 10, hud, 0, 640)).toBe(580 - 30 - 1);
    // A row (14..28) that meets the count and the minimap's top: left of both.
    expect(slideClear(600, 28, 60, 14, hud, 0, 640)).toBe(550 - 30 - 1);
    // Top left, on the bars: it goes right of them.
    expect(slideClear(40, 18, 60, 10, hud, 0, 640)).toBe(110 + 30 + 1);
    // Clear already: it stays.
    expect(slideClear(300, 18, 60, 10, hud, 0, 640)).toBe(300);
  });

  it('finds no place beside the HUD on a row full of it (a phone), and drops such a name below it', () => {
    const phone = [
      { left: 0, top: 0, right: 110, bottom: 34 },
      { left: 120, top: 2, right: 195, bottom: 20 },
    ];
    expect(slideClear(150, 18, 80, 10, phone, 0, 195)).toBeNull();
    // Below the count (bottom 20): its bottom at 20 + 10 + 1.
    expect(dropClear(150, 18, 80, 10, phone, 400)).toBe(31 - 18);
    // Meeting the bars too once dropped past the count: below the bars as well.
    expect(dropClear(110, 18, 80, 10, phone, 400)).toBe(45 - 18);
    // Not past the bottom of the view.
    expect(dropClear(150, 18, 80, 10, phone, 25)).toBeNull();
    expect(dropClear(300, 200, 80, 10, phone, 400)).toBe(0);
  });
});
