import { describe, expect, it } from 'vitest';
import type { MobKind } from '../../shared/content/game-data.ts';
import { gridFromRows } from '../../shared/rules/grid.ts';
import { adjacent, distance, thinkMob, type Mob, type MobSurroundings, type Quarry } from './mob-ai.ts';
import { Rng } from './rng.ts';
import { advance, makeWalker, startWalk } from './walking.ts';

const OPEN = gridFromRows(Array.from({ length: 30 }, () => '.'.repeat(30)));

function kind(over: Partial<MobKind> = {}): MobKind {
  return {
    id: 'wolf',
    name: 'Wolf',
    level: 1,
    hp: 50,
    armor: 1,
    weapon: 1,
    stepTicks: 2,
    attackTicks: 10,
    aggroRadius: 4,
    leash: 8,
    respawnSeconds: 10,
    xp: 5,
    boss: false,
    drops: [],
    ...over,
  };
}

function mobAt(x: number, y: number, k = kind()): Mob {
  return {
    ...makeWalker(1, x, y, k.stepTicks),
    kind: k,
    hp: k.hp,
    area: { x: x - 2, y: y - 2, width: 5, height: 5 },
    home: { x, y },
    hate: new Map(),
    nextAttackTick: 0,
    nextRoamTick: 0,
    returning: false,
    respawnTick: 0,
    chasing: null,
    lastChaseTick: -100,
  };
}

/** A tiny world: players stand where the test puts them; strikes are recorded. */
function surroundings(players: Quarry[], seed = 1) {
  const strikes: { tick: number; target: number }[] = [];
  const s: MobSurroundings & { strikes: typeof strikes } = {
    tick: 0,
    grid: OPEN,
    rng: new Rng(seed),
    strikes,
    playersNear: (x, y, r) => players.filter((p) => Math.abs(p.x - x) <= r && Math.abs(p.y - y) <= r),
    player: (id) => players.find((p) => p.id === id),
    walk: (mob, x, y, beside) => void startWalk(OPEN, mob, x, y, beside),
    strike: (_mob, target) => void strikes.push({ tick: s.tick, target: target.id }),
  };
  return s;
}

function run(mob: Mob, s: ReturnType<typeof surroundings>, ticks: number, each?: () => void): void {
  for (let i = 0; i < ticks; i++) {
    s.tick++;
    thinkMob(mob, s);
    advance(mob);
    each?.();
  }
}

describe('mob AI', () => {
  it('notices a player within its aggro radius, chases and strikes once per attack interval', () => {
    const mob = mobAt(10, 10);
    const player = { id: 7, x: 13, y: 11, huntable: true };
    const s = surroundings([player]);
    run(mob, s, 60);
    expect(adjacent(mob, player)).toBe(true);
    expect(s.strikes.length).toBeGreaterThanOrEqual(4);
    for (let i = 1; i < s.strikes.length; i++) {
      expect(s.strikes[i]!.tick - s.strikes[i - 1]!.tick).toBe(mob.kind.attackTicks);
    }
  });

  it('leaves players outside its aggro radius alone, and passive mobs never start a fight', () => {
    const far = { id: 1, x: 20, y: 10, huntable: true };
    const aggressive = mobAt(10, 10);
    const s1 = surroundings([far]);
    run(aggressive, s1, 100);
    expect(s1.strikes).toEqual([]);

    const passive = mobAt(10, 10, kind({ aggroRadius: 0 }));
    const near = { id: 2, x: 11, y: 10, huntable: true };
    const s2 = surroundings([near]);
    run(passive, s2, 100);
    expect(s2.strikes).toEqual([]);
    // Hurt it and it fights back.
    passive.hate.set(near.id, 5);
    run(passive, s2, 30);
    expect(s2.strikes.length).toBeGreaterThan(0);
  });

  it('goes for whoever hurt it most', () => {
    const mob = mobAt(10, 10, kind({ aggroRadius: 0 }));
    const a = { id: 1, x: 9, y: 10, huntable: true };
    const b = { id: 2, x: 11, y: 10, huntable: true };
    const s = surroundings([a, b]);
    mob.hate.set(1, 3).set(2, 12);
    run(mob, s, 25);
    expect(new Set(s.strikes.map((x) => x.target))).toEqual(new Set([2]));
  });

  it('gives up past its leash, walks home and heals', () => {
    const mob = mobAt(10, 10);
    const runner = { id: 3, x: 12, y: 10, huntable: true };
    const s = surroundings([runner]);
    run(mob, s, 5);
    expect(mob.hate.has(3)).toBe(true);
    mob.hp = 10;
    // The player runs far east, beyond the leash.
    run(mob, s, 120, () => {
      if (s.tick % 2 === 0 && runner.x < 29) runner.x++;
    });
    expect(mob.hate.size).toBe(0);
    expect(distance(mob, mob.home)).toBe(0);
    expect(mob.hp).toBe(mob.kind.hp);
  });

  it('forgets a dead player', () => {
    const mob = mobAt(10, 10);
    const victim = { id: 4, x: 11, y: 10, huntable: true };
    const s = surroundings([victim]);
    run(mob, s, 12);
    const before = s.strikes.length;
    expect(before).toBeGreaterThan(0);
    victim.huntable = false;
    run(mob, s, 40);
    expect(s.strikes.length).toBe(before);
    expect(mob.hate.size).toBe(0);
  });

  it('roams only inside its area, and the same seed roams the same way', () => {
    const trace = (seed: number): string[] => {
      const mob = mobAt(15, 15, kind({ aggroRadius: 0 }));
      const s = surroundings([], seed);
      const seen: string[] = [];
      run(mob, s, 2000, () => {
        const a = mob.area;
        expect(mob.x >= a.x && mob.x < a.x + a.width && mob.y >= a.y && mob.y < a.y + a.height).toBe(true);
        seen.push(`${mob.x},${mob.y}`);
      });
      return seen;
    };
    const first = trace(9);
    expect(new Set(first).size).toBeGreaterThan(5);
    expect(trace(9)).toEqual(first);
  });

  it('does nothing while dead', () => {
    const mob = mobAt(10, 10);
    mob.respawnTick = 500;
    const s = surroundings([{ id: 1, x: 11, y: 10, huntable: true }]);
    run(mob, s, 50);
    expect(s.strikes).toEqual([]);
    expect(mob.path).toEqual([]);
  });
});
