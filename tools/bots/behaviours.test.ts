import { describe, expect, it } from 'vitest';
import { gridFromRows } from '../../shared/rules/grid.ts';
import { Rng } from '../../server/sim/rng.ts';
import { pickTarget, startBehaviour } from './behaviours.ts';
import type { BotClient } from './bot-client.ts';

// A wall splits the map; the east side can only be reached around it, far beyond 8 tiles of walking.
const grid = gridFromRows([
  '....#.......',
  '....#.......',
  '....#.......',
  '....#.......',
  '....#.......',
  '....#.......',
  '....#.......',
  '............',
]);

describe('wander targets', () => {
  it('are walkable, within ±8 tiles and the area, and reached exactly by a path', () => {
    const rng = new Rng(1);
    const area = { x: 0, y: 0, width: 4, height: 7 };
    for (let i = 0; i < 200; i++) {
      const t = pickTarget({ x: 1, y: 1 }, { grid, area, random: () => rng.next() });
      expect(t).not.toBeNull();
      expect(t!.x).toBeLessThan(4);
      expect(t!.y).toBeLessThan(7);
      expect(t).not.toEqual({ x: 1, y: 1 });
    }
  });

  it('is null when nothing is reachable', () => {
    const boxed = gridFromRows(['###', '#.#', '###']);
    expect(pickTarget({ x: 1, y: 1 }, { grid: boxed, area: null, random: Math.random })).toBeNull();
  });
});

describe('behaviours', () => {
  it('refuse fight and chat until the protocol has their ops, rather than faking them', () => {
    const bot = {} as BotClient;
    const wander = { grid, area: null, random: Math.random };
    expect(() => startBehaviour('fight', bot, wander)).toThrow(/attack ops/);
    expect(() => startBehaviour('chat', bot, wander)).toThrow(/chat op/);
    startBehaviour('idle', bot, wander)();
  });
});
