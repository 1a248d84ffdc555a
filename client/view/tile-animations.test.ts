import { describe, expect, it } from 'vitest';
import { frameAt } from './tile-animations.ts';

describe('frameAt', () => {
  it('walks through the frames by their durations and loops', () => {
    const ends = [200, 300, 600];
    expect(frameAt(ends, 600, 0)).toBe(0);
    expect(frameAt(ends, 600, 199)).toBe(0);
    expect(frameAt(ends, 600, 200)).toBe(1);
    expect(frameAt(ends, 600, 450)).toBe(2);
    expect(frameAt(ends, 600, 600)).toBe(0);
    expect(frameAt(ends, 600, 1450)).toBe(1);
  });
});
