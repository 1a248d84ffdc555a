import { describe, expect, it } from 'vitest';
import { ZoneWatch } from './zone-watch.ts';

describe('ZoneWatch', () => {
  it('announces a zone once on entry, not on every step inside it', () => {
    const w = new ZoneWatch(30_000);
    expect(w.see('Emberfall Village', 0)).toBe(true);
    for (let t = 1; t < 50; t++) expect(w.see('Emberfall Village', t * 100)).toBe(false);
    expect(w.see('Whispering Woods', 6000)).toBe(true);
    expect(w.title).toBe('Whispering Woods');
  });

  it('stays quiet when the player steps back and forth across an edge, and speaks again later', () => {
    const w = new ZoneWatch(30_000);
    w.see('Emberfall Village', 0);
    w.see('Whispering Woods', 1000);
    expect(w.see('Emberfall Village', 2000)).toBe(true); // a different name from the last shown
    expect(w.see('Whispering Woods', 3000)).toBe(true);
    expect(w.see('Whispering Woods', 3100)).toBe(false);
    const flip = new ZoneWatch(30_000);
    flip.see('A', 0);
    flip.see('', 100); // the title screen
    expect(flip.see('A', 200)).toBe(false);
    expect(flip.see('B', 300)).toBe(true);
    flip.see('A', 400);
    flip.see('B', 500);
    expect(flip.see('A', 40_000)).toBe(true);
  });

  it('after a reset (another map) the same place counts as entered anew, within the quiet time too', () => {
    const w = new ZoneWatch(30_000);
    w.see('Ember Isle', 0);
    w.reset();
    expect(w.title).toBe('');
    expect(w.see('Ember Isle', 100)).toBe(false);
    expect(w.see('Emberfall', 200)).toBe(true);
  });
});
