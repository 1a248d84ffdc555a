import { describe, expect, it } from 'vitest';
import { newCharacter } from '../sim/character.ts';
import type { CharacterRecord } from '../store/store.ts';
import { MOVED_PLACES, relocate } from './moved.ts';

const START = 'maps/world.tmj';
const record = (fields: Partial<CharacterRecord>): CharacterRecord => ({
  ...newCharacter(),
  name: 'Pilgrim',
  lastSeenAt: 0,
  createdAt: 0,
  map: 'maps/world.tmj',
  shard: '2',
  ...fields,
});

describe('relocate: characters saved in the old interiors strip', () => {
  it('moves one standing in the old mines to the same tile of mines.tmj, its checkpoint with it, shard kept', () => {
    // The old mine_entry (181, 247) and mine_landing checkpoint (181, 245) of the strip.
    const moved = relocate(record({ x: 181, y: 247, checkpoint: { x: 181, y: 245, map: '' } }), START);
    expect(moved?.to).toEqual({ map: 'maps/mines.tmj', shard: '2', x: 17, y: 111 });
    expect(moved?.character).toMatchObject({
      map: 'maps/mines.tmj',
      x: 17,
      y: 111,
      shard: '2',
      checkpoint: { map: 'maps/mines.tmj', x: 17, y: 109 },
    });
  });

  it('names the map of a checkpoint left behind when the character moves', () => {
    const moved = relocate(record({ x: 181, y: 83, checkpoint: { x: 64, y: 222, map: '' } }), START);
    expect(moved?.character).toMatchObject({
      map: 'maps/inn.tmj',
      x: 8,
      y: 8,
      checkpoint: { map: 'maps/world.tmj', x: 64, y: 222 },
    });
  });

  it('moves only the checkpoint of one standing on the overworld (written by its next save)', () => {
    const moved = relocate(record({ x: 70, y: 30, checkpoint: { x: 181, y: 50, map: '' } }), START);
    expect(moved?.to).toBeNull();
    expect(moved?.character).toMatchObject({
      map: 'maps/world.tmj',
      x: 70,
      y: 30,
      checkpoint: { map: 'maps/lair.tmj', x: 17, y: 48 },
    });
  });

  it('reads map "" (stored before the realm) as the start map, and leaves everyone else alone', () => {
    expect(relocate(record({ map: '', x: 178, y: 106 }), START)?.to).toMatchObject({
      map: 'maps/smithy.tmj',
      x: 3,
      y: 5,
    });
    expect(relocate(record({ x: 70, y: 30 }), START)).toBeNull();
    expect(relocate(record({ x: -1, y: -1 }), START)).toBeNull(); // a new character
    // The isle is far narrower than 150, but a tile there is never the world's.
    expect(relocate(record({ map: 'maps/isle.tmj', x: 181, y: 247 }), START)).toBeNull();
    expect(relocate(record({ map: 'maps/mines.tmj', x: 17, y: 111 }), START)).toBeNull();
  });

  it('covers the whole old strip, each band once', () => {
    for (let y = 0; y < 320; y++) {
      const bands = MOVED_PLACES.filter((p) => y >= p.area.y && y < p.area.y + p.area.height);
      expect(bands, `row ${y}`).toHaveLength(1);
    }
  });
});
