import { describe, expect, it } from 'vitest';
import { trackAt, type MusicArea } from './track-at.ts';

const village: MusicArea = { track: 'village', area: { x: 0, y: 0, width: 40, height: 30 } };
const forest: MusicArea = { track: 'forest', area: { x: 40, y: 0, width: 30, height: 30 } };
const inn: MusicArea = { track: 'title', area: { x: 10, y: 10, width: 5, height: 4 } };

describe('trackAt', () => {
  it('picks the area the tile is in', () => {
    expect(trackAt([village, forest], 5, 5, 'none')).toBe('village');
    expect(trackAt([village, forest], 45, 5, 'none')).toBe('forest');
  });

  it('treats the right and bottom edges as outside (areas are half-open like tiles)', () => {
    expect(trackAt([village, forest], 39, 29, 'none')).toBe('village');
    expect(trackAt([village, forest], 40, 29, 'none')).toBe('forest');
    expect(trackAt([village], 0, 30, 'none')).toBe('none');
  });

  it('falls back outside every area, and with no areas at all', () => {
    expect(trackAt([village, forest], 80, 80, 'coast')).toBe('coast');
    expect(trackAt([], 0, 0, 'coast')).toBe('coast');
    expect(trackAt([village], -1, 0, 'coast')).toBe('coast');
  });

  it('lets the smallest of overlapping areas win, whatever the order', () => {
    expect(trackAt([village, inn], 12, 12, 'none')).toBe('title');
    expect(trackAt([inn, village], 12, 12, 'none')).toBe('title');
    expect(trackAt([inn, village], 20, 20, 'none')).toBe('village');
  });

  it('gives equal overlapping areas to the later one', () => {
    const other: MusicArea = { track: 'graveyard', area: { ...village.area } };
    expect(trackAt([village, other], 1, 1, 'none')).toBe('graveyard');
  });
});
