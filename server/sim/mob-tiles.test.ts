// No two mobs on one tile: packs chasing a player, crowded areas roaming, and mobs killed and coming
// back, checked at the end of every tick.
import { describe, expect, it } from 'vitest';
import { World } from './world.ts';
import { Rng } from './rng.ts';
import {
  adventureMap,
  mobKind,
  openRows,
  placedClient,
  tickAndDeliver,
  withMobs,
  type TestClient,
} from './test-support.ts';

/** Fails with the tick and the tile when two living mobs stand on one tile, or the bookkeeping is off. */
function expectApart(world: World): void {
  const seen = new Map<string, number>();
  for (const mob of world.mobs.values()) {
    if (mob.respawnTick > 0) continue;
    const tile = `${mob.x},${mob.y}`;
    const other = seen.get(tile);
    if (other !== undefined)
      throw new Error(`tick ${world.tickCount}: mobs ${other} and ${mob.id} both stand on ${tile}`);
    seen.set(tile, mob.id);
    expect(world.mobTiles.at(mob.x, mob.y)).toBe(mob.id);
  }
}

function run(world: World, clients: TestClient[], ticks: number, each: (t: number) => void = () => {}): void {
  for (let t = 0; t < ticks; t++) {
    each(t);
    tickAndDeliver(world, clients);
    expectApart(world);
  }
}

const hunter = mobKind('hunter', { weapon: 0, aggroRadius: 8, leash: 30, stepTicks: 3, hp: 1_000_000 });

describe('mobs never share a tile', () => {
  it('a pack of eight hunting one player, who walks about and stops, for 3,000 ticks', () => {
    // Each starts on a tile of its own (one-tile areas side by side), so only the hunt can bring two together.
    const den = Array.from({ length: 8 }, (_, i) => ({
      id: 2 + i,
      type: 'mobArea',
      x: 14 + (i % 4),
      y: 10 + Math.floor(i / 4),
      props: { kind: 'hunter', count: 1 },
    }));
    const map = adventureMap(openRows(40, 30), [{ id: 1, type: 'spawn', x: 20, y: 15 }, ...den]);
    const world = new World({ name: 'w', map, data: withMobs(hunter), seed: 11 });
    expectApart(world);
    const a = placedClient(world, 'A', { hp: 10_000_000, maxHp: 10_000_000 });
    const rng = new Rng(5);
    run(world, [a], 3000, (t) => {
      // Short walks, then a while standing, so the pack both chases and crowds round.
      if (t % 120 === 0) world.walkTo(a.player.id, rng.int(10, 30), rng.int(6, 24));
    });
    const hunting = [...world.mobs.values()].filter((m) => m.hate.has(a.player.id));
    expect(hunting.length).toBe(8);
  });

  it('a pack fighting back at a player who attacks one of them', () => {
    const map = adventureMap(openRows(30, 20), [
      { id: 1, type: 'spawn', x: 15, y: 10 },
      { id: 2, type: 'mobArea', x: 12, y: 8, w: 3, h: 3, props: { kind: 'hunter', count: 6 } },
    ]);
    const world = new World({ name: 'w', map, data: withMobs(hunter), seed: 3 });
    const a = placedClient(world, 'A', { hp: 10_000_000, maxHp: 10_000_000 });
    const first = [...world.mobs.values()][0]!;
    world.pursue(a.player.id, 'attack', first.id);
    run(world, [a], 1500);
  });

  it('a crowded area roaming (ten mobs on sixteen tiles) for 4,000 ticks', () => {
    const rover = mobKind('rover', { stepTicks: 2 });
    const map = adventureMap(openRows(20, 12), [
      { id: 1, type: 'spawn', x: 1, y: 1 },
      { id: 2, type: 'mobArea', x: 6, y: 4, w: 4, h: 4, props: { kind: 'rover', count: 10 } },
    ]);
    const world = new World({ name: 'w', map, data: withMobs(rover), seed: 8 });
    expectApart(world);
    run(world, [], 4000);
  });

  it('a full area: every mob spawns and respawns on a tile of its own', () => {
    const frail = mobKind('frail', { hp: 1, respawnSeconds: 0.5, stepTicks: 2 });
    const map = adventureMap(openRows(12, 8), [
      { id: 1, type: 'spawn', x: 1, y: 1 },
      { id: 2, type: 'mobArea', x: 4, y: 3, w: 3, h: 3, props: { kind: 'frail', count: 9 } },
    ]);
    const world = new World({ name: 'w', map, data: withMobs(frail), seed: 2 });
    expectApart(world);
    const a = placedClient(world, 'A', { weapon: 'ember_blade', hp: 100_000, maxHp: 100_000 });
    let kills = 0;
    run(world, [a], 2000, () => {
      if (a.player.goal) return;
      const alive = [...world.mobs.values()].filter((m) => m.respawnTick === 0);
      if (alive.length) world.pursue(a.player.id, 'attack', alive[kills++ % alive.length]!.id);
    });
    expect(a.player.kills).toBeGreaterThan(20);
  });
});
