import { afterEach, describe, expect, it } from 'vitest';
import { currentMarks, onMarks, setMarks } from './map-marks.ts';

describe('map marks', () => {
  afterEach(() => {
    setMarks('party', []);
    setMarks('quests', []);
  });

  it('keeps each kind apart and tells listeners of every change until they stop', () => {
    const seen: number[] = [];
    const stop = onMarks((m) => seen.push(m.party.length + m.quests.length));
    setMarks('party', [{ label: 'Ada', map: 'maps/world.tmj', x: 3, y: 4 }]);
    setMarks('quests', [{ label: 'Rats', map: 'maps/world.tmj', x: 9, y: 9 }]);
    stop();
    setMarks('party', []);
    expect(seen).toEqual([1, 2]);
    expect(currentMarks().quests[0]?.label).toBe('Rats');
    expect(currentMarks().party).toEqual([]);
  });
});
