import { describe, expect, it } from 'vitest';
import { World } from './world.ts';
import { mapFromRows } from './test-support.ts';
import { PATH_CREDIT_MAX, PATH_CREDIT_PER_TICK, TICK_OVERDRAFTS, TICK_PATH_NODES } from './path-budget.ts';

/**
 * 160×60: a wall down x = 80 with its only gap at the bottom, so a walk from the west to the east side
 * costs thousands of A* nodes. Everyone spawns in the west.
 */
function wallMap() {
  const rows = Array.from({ length: 60 }, (_, y) =>
    Array.from({ length: 160 }, (_, x) => (x === 80 && y < 58 ? '#' : '.')).join(''),
  );
  return mapFromRows(rows, { x: 5, y: 5, width: 20, height: 20 });
}

describe('the path budget', () => {
  it('a crowd asking for costly walks every tick gets few; a player clicking nearby is answered at once', () => {
    const world = new World({ name: 'test', map: wallMap(), seed: 5 });
    const abusers = Array.from({ length: 40 }, (_, i) => world.join(`Abuser${i}`));
    const honest = world.join('Honest');
    if (!honest.ok || abusers.some((a) => !a.ok)) throw new Error('join failed');
    world.tick();
    const players = abusers.map((a) => (a.ok ? a.player : null)!);
    const served = new Map(players.map((p) => [p, 0]));
    const ticks = 200;
    for (let t = 0; t < ticks; t++) {
      // Two far targets east of the wall, alternately: each ask is a new search.
      const y = t % 2 === 0 ? 3 : 6;
      for (const p of players) world.walkTo(p.id, 150, y);
      if (t === 150) world.walkTo(honest.player.id, honest.player.x + 2, honest.player.y);
      const before = players.map((p) => p.endY);
      world.tick();
      players.forEach((p, i) => {
        if (p.endY !== before[i] && p.endX >= 80) served.set(p, served.get(p)! + 1);
      });
      // The honest click is answered in the tick it arrives, however busy the abusers keep the tick.
      if (t === 150) expect(honest.player.endX).toBe(honest.player.x + 2);
    }
    // Without a budget every abuser would be served on every tick (200 searches each).
    const most = Math.max(...served.values());
    const cheapest = 500; // each search here expands far more nodes than this
    expect(most).toBeLessThanOrEqual(Math.ceil((PATH_CREDIT_MAX + ticks * PATH_CREDIT_PER_TICK) / cheapest));
    expect(most).toBeLessThan(40);
    // Every abuser still gets somewhere: nobody is starved for good.
    expect(Math.min(...served.values())).toBeGreaterThan(0);
  });

  it('fifty fresh players asking for far walks in the same tick get a few searches in it, not fifty', () => {
    const world = new World({ name: 'test', map: wallMap(), seed: 6 });
    const joined = Array.from({ length: 50 }, (_, i) => world.join(`Fresh${i}`));
    world.tick();
    const players = joined.map((j) => (j.ok ? j.player : null)!);
    for (const p of players) world.walkTo(p.id, 150, 3);
    const before = players.map((p) => p.endX);
    world.tick();
    const served = players.filter((p, i) => p.endX !== before[i]).length;
    // Each search here costs thousands of nodes: the tick's nodes fit a few, and a couple more overdraw.
    expect(served).toBeGreaterThan(0);
    expect(served).toBeLessThanOrEqual(Math.ceil(TICK_PATH_NODES / 2000) + TICK_OVERDRAFTS);
    // The rest are served in the ticks after, not dropped.
    for (let t = 0; t < 40; t++) world.tick();
    expect(players.filter((p, i) => p.endX !== before[i]).length).toBe(50);
  });
});
