import { describe, expect, it } from 'vitest';
import { CELL, Exploration, exploredKey } from './exploration.ts';

const whole = { x: 0, y: 0, width: 100, height: 80 };

describe('Exploration', () => {
  it('reveals a disc around the player, inside the map, and says which tiles are new', () => {
    const e = new Exploration(100, 80);
    expect(e.seen(50, 40)).toBe(false);
    const fresh = e.reveal(50, 40, whole, 6)!;
    expect(e.seen(50, 40)).toBe(true);
    expect(e.seen(55, 40)).toBe(true);
    expect(e.seen(50, 47)).toBe(false);
    expect(e.seen(56, 46)).toBe(false); // the disc's corner stays dark
    expect(fresh.x).toBeLessThanOrEqual(44);
    expect(fresh.x + fresh.width).toBeGreaterThanOrEqual(56);
    // A second look from the same tile finds nothing new.
    expect(e.reveal(50, 40, whole, 6)).toBeNull();
    // At the map's corner nothing outside it is counted.
    const corner = e.reveal(0, 0, whole, 6)!;
    expect(corner.x).toBe(0);
    expect(corner.y).toBe(0);
    expect(e.seen(-1, 0)).toBe(false);
  });

  it('reveals nothing beyond the area the camera keeps to (another interior behind the rock)', () => {
    const e = new Exploration(100, 80);
    const room = { x: 40, y: 30, width: 10, height: 10 };
    e.reveal(44, 34, room, 12);
    expect(e.seen(44, 34)).toBe(true);
    expect(e.seen(40, 30)).toBe(true);
    expect(e.seen(36, 34)).toBe(false);
    expect(e.seen(44, 44)).toBe(false);
  });

  it('survives encode and decode, and refuses text of another size or not base64', () => {
    const e = new Exploration(100, 80);
    e.reveal(10, 10, whole);
    e.reveal(90, 70, whole);
    const text = e.encode();
    expect(text.length).toBeLessThan(Math.ceil((50 * 40) / 6) + 4);
    const back = Exploration.decode(100, 80, text);
    expect(back.seenCells).toBe(e.seenCells);
    for (const [x, y] of [
      [10, 10],
      [90, 70],
      [50, 40],
      [0, 79],
    ] as const)
      expect(back.seen(x, y)).toBe(e.seen(x, y));
    expect(Exploration.decode(100, 82, text).seenCells).toBe(0);
    expect(Exploration.decode(100, 80, '%%%').seenCells).toBe(0);
    expect(Exploration.decode(100, 80, null).seenCells).toBe(0);
  });

  it('counts cells of CELL tiles, odd map sizes included', () => {
    const e = new Exploration(5, 3);
    expect(e.cols).toBe(Math.ceil(5 / CELL));
    e.reveal(4, 2, { x: 0, y: 0, width: 5, height: 3 }, 1);
    expect(e.seen(4, 2)).toBe(true);
    expect(Exploration.decode(5, 3, e.encode()).seen(4, 2)).toBe(true);
  });

  it('keys the storage by character and map', () => {
    expect(exploredKey('Ada', 'maps/isle.tmj')).toBe('emberquest.explored.Ada.maps/isle.tmj');
    expect(exploredKey('Ada', 'maps/world.tmj')).not.toBe(exploredKey('Bo', 'maps/world.tmj'));
  });
});
