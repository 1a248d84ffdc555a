import { describe, expect, it } from 'vitest';
import { gridFromRows } from '../../shared/rules/grid.ts';
import { Rng } from '../../server/sim/rng.ts';
import { pickTarget } from './behaviours.ts';
import { nearestMob } from './fight.ts';
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

describe('fight targets', () => {
  const entity = (id: number, type: string, x: number, y: number) => ({
    id,
    type,
    fromX: x,
    fromY: y,
    endX: x,
    endY: y,
    steps: [],
  });
  const bot = (...others: ReturnType<typeof entity>[]) => {
    const self = entity(1, 'player', 10, 10);
    const entities = new Map([self, ...others].map((e) => [e.id, e]));
    return {
      self,
      view: { selfId: 1, entities },
      tileOf: (e: { endX: number; endY: number }) => ({ x: e.endX, y: e.endY }),
    } as unknown as BotClient;
  };

  it('are the nearest mob in view, never a player, an NPC or a mob given up on', () => {
    const b = bot(
      entity(2, 'player', 10, 11),
      entity(3, 'npc', 11, 10),
      entity(4, 'mob', 14, 10),
      entity(5, 'mob', 8, 12),
    );
    expect(nearestMob(b, new Map(), 0)?.id).toBe(5);
    expect(nearestMob(b, new Map([[5, 100]]), 50)?.id).toBe(4);
    // A shunned mob is fair game again once its time is up.
    expect(nearestMob(b, new Map([[5, 100]]), 100)?.id).toBe(5);
  });

  it('are none when no mob is in sight (the bot wanders instead)', () => {
    expect(nearestMob(bot(entity(2, 'player', 10, 11), entity(4, 'mob', 40, 10)), new Map(), 0)).toBeNull();
  });
});
