import { describe, expect, it } from 'vitest';
import { dotsFor, viewWindow } from './map-view.ts';

const area = { x: 0, y: 0, width: 150, height: 320 };

describe('viewWindow', () => {
  it('centres on the player in the open, and stops at the edges of the area', () => {
    expect(viewWindow({ x: 70, y: 200 }, 40, area)).toEqual({ x: 50, y: 180, width: 40, height: 40 });
    expect(viewWindow({ x: 3, y: 318 }, 40, area)).toEqual({ x: 0, y: 280, width: 40, height: 40 });
    expect(viewWindow({ x: 149, y: 2 }, 40, area)).toEqual({ x: 110, y: 0, width: 40, height: 40 });
  });

  it('centres an area smaller than the window in it (a house room)', () => {
    const room = { x: 174, y: 75, width: 14, height: 12 };
    expect(viewWindow({ x: 180, y: 80 }, 40, room)).toEqual({ x: 161, y: 61, width: 40, height: 40 });
  });
});

describe('dotsFor', () => {
  const marks = {
    party: [
      { label: 'Ada', map: 'maps/world.tmj', x: 5, y: 6 },
      { label: 'Bo', map: 'maps/isle.tmj', x: 1, y: 1 },
    ],
    quests: [{ label: 'Rats', map: 'maps/world.tmj', x: 9, y: 9 }],
    offers: [{ label: 'Elder Maren', map: 'maps/world.tmj', x: 4, y: 4 }],
    handIns: [
      { label: 'Little Wren', map: 'maps/world.tmj', x: 9, y: 9 },
      { label: 'Old Pell', map: 'maps/isle.tmj', x: 3, y: 3 },
    ],
  };

  it('keeps the marks of this map, draws party members once, and NPC marks over quest targets and the player', () => {
    const dots = dotsFor(
      'maps/world.tmj',
      { x: 2, y: 2, label: 'Me' },
      [
        { x: 5, y: 6, label: 'Ada' },
        { x: 7, y: 7, label: 'Cy' },
      ],
      marks,
    );
    expect(dots.map((d) => `${d.kind}:${d.label}`)).toEqual([
      'player:Cy',
      'quest:Rats',
      'party:Ada',
      'self:Me',
      'offer:Elder Maren',
      'handIn:Little Wren',
    ]);
    // The quest going back to Wren: her ? on the very tile of its target, drawn after (over) it.
    expect(dots.find((d) => d.kind === 'handIn')).toMatchObject({ x: 9, y: 9 });
    expect(dotsFor('maps/isle.tmj', null, [], marks).map((d) => d.label)).toEqual(['Bo', 'Old Pell']);
  });
});
