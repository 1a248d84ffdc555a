import { describe, expect, it } from 'vitest';
import { bubbleBox, placeBubble } from './bubble-place.ts';
import type { Rect } from './labels.ts';

// A view 400×300 world pixels; a bubble 60×20; a speaker 16 wide whose pile tops out 20 above its feet.
const view = { left: 0, right: 400, top: 0, bottom: 300 };
const W = 60;
const H = 20;
const speaker = (x: number, feet: number) => ({ x, top: feet - 20, bottom: feet });

function clear(box: Rect, hud: readonly Rect[]): boolean {
  return hud.every(
    (b) => box.right <= b.left || b.right <= box.left || box.bottom <= b.top || b.bottom <= box.top,
  );
}

function inside(box: Rect): boolean {
  return box.left >= view.left && box.right <= view.right && box.top >= view.top && box.bottom <= view.bottom;
}

describe('placeBubble', () => {
  it('puts the bubble over its speaker, tail on the pile, when nothing is in the way', () => {
    const place = placeBubble(speaker(200, 150), W, H, [], view);
    expect(place).toEqual({ x: 200, y: 130, below: false });
    expect(bubbleBox(place, W, H)).toEqual({ left: 170, right: 230, top: 110, bottom: 130 });
  });

  it('keeps a bubble at the side of the view inside it', () => {
    const place = placeBubble(speaker(10, 150), W, H, [], view);
    expect(place.x).toBe(30);
    expect(inside(bubbleBox(place, W, H))).toBe(true);
  });

  it('flips under a speaker in the top row, where over it would leave the view', () => {
    const place = placeBubble(speaker(200, 30), W, H, [], view);
    expect(place).toEqual({ x: 200, y: 30, below: true });
    expect(inside(bubbleBox(place, W, H))).toBe(true);
  });

  it('slides along its row beside a HUD part over the speaker (the online count)', () => {
    const online = { left: 330, top: 0, right: 400, bottom: 40 };
    const place = placeBubble(speaker(360, 60), W, H, [online], view);
    const box = bubbleBox(place, W, H);
    expect(place.below).toBe(false);
    expect(clear(box, [online])).toBe(true);
    expect(inside(box)).toBe(true);
  });

  it("flips under the speaker when its row is full (a phone's top bar and online count)", () => {
    const hud = [
      { left: 0, top: 0, right: 250, bottom: 45 },
      { left: 240, top: 0, right: 400, bottom: 30 },
    ];
    const place = placeBubble(speaker(200, 60), W, H, hud, view);
    const box = bubbleBox(place, W, H);
    expect(place.below).toBe(true);
    expect(clear(box, hud)).toBe(true);
  });

  it('hangs under the HUD, tail up, for a speaker in a top row full of HUD and under the minimap', () => {
    const hud = [
      { left: 0, top: 0, right: 400, bottom: 50 },
      { left: 50, top: 0, right: 400, bottom: 90 },
    ];
    const place = placeBubble(speaker(200, 60), W, H, hud, view);
    expect(place.below).toBe(true);
    expect(bubbleBox(place, W, H).top).toBeGreaterThanOrEqual(90);
    expect(clear(bubbleBox(place, W, H), hud)).toBe(true);
  });

  it('goes over the speaker when under it is the chat log, and below the HUD when both rows are full', () => {
    const log = { left: 0, top: 270, right: 400, bottom: 300 };
    expect(placeBubble(speaker(200, 265), W, H, [log], view).below).toBe(false);
    // A band over the speaker and one under it: the bubble lands below the upper one.
    const hud = [
      { left: 0, top: 0, right: 400, bottom: 100 },
      { left: 0, top: 125, right: 400, bottom: 300 },
    ];
    const place = placeBubble(speaker(200, 110), W, H, [hud[0]!], view);
    expect(clear(bubbleBox(place, W, H), [hud[0]!])).toBe(true);
    const stuck = placeBubble(speaker(200, 110), W, H, hud, view);
    expect(inside(bubbleBox(stuck, W, H))).toBe(true);
  });
});
