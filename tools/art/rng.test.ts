import { describe, expect, it } from 'vitest';
import { createRng, hashSeed } from './rng.ts';

describe('createRng', () => {
  it('repeats the same sequence for the same seed', () => {
    const a = createRng(42);
    const b = createRng(42);
    for (let i = 0; i < 100; i++) expect(a.next()).toBe(b.next());
  });

  it('stays in range', () => {
    const rng = createRng(7);
    for (let i = 0; i < 1000; i++) {
      const f = rng.next();
      expect(f).toBeGreaterThanOrEqual(0);
      expect(f).toBeLessThan(1);
      const n = rng.int(-2, 3);
      expect(n).toBeGreaterThanOrEqual(-2);
      expect(n).toBeLessThanOrEqual(3);
    }
  });

  it('hashes names stably and distinctly', () => {
    expect(hashSeed('grass')).toBe(hashSeed('grass'));
    expect(hashSeed('grass')).not.toBe(hashSeed('grass_1'));
  });
});
