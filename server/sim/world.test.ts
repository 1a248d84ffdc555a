import { describe, it, expect } from 'vitest';
import { CloseCode } from '../../shared/protocol/ops.ts';
import { isWalkable } from '../../shared/rules/grid.ts';
import { PLAYER_STEP_TICKS } from '../../shared/rules/movement.ts';
import { World } from './world.ts';
import {
  adventureMap,
  joinClient,
  mapFromRows,
  mobKind,
  openMap,
  openRows,
  tickAndDeliver,
  walkEnd,
  withMobs,
  type TestClient,
} from './test-support.ts';

function placed(world: World, name: string): TestClient {
  const client = joinClient(world, name);
  tickAndDeliver(world, [client]); // join places the player at the end of the next tick
  return client;
}

describe('World walking', () => {
  it('a walker reaches its target in exactly steps × PLAYER_STEP_TICKS ticks', () => {
    const world = new World({ name: 'w', map: openMap(20, 10, 2, 3), seed: 1 });
    const { player } = placed(world, 'Walker');
    expect(player).toMatchObject({ x: 2, y: 3 });
    world.walkTo(player.id, 7, 5);
    const steps = 5 + 2;
    for (let t = 1; t <= steps * PLAYER_STEP_TICKS; t++) {
      world.tick();
      // One tile every PLAYER_STEP_TICKS ticks, the first step starting in the tick the intent arrives.
      const done = Math.floor(t / PLAYER_STEP_TICKS);
      expect(Math.abs(player.x - 2) + Math.abs(player.y - 3)).toBe(done);
      if (t < steps * PLAYER_STEP_TICKS) expect(player.x === 7 && player.y === 5).toBe(false);
    }
    expect(player).toMatchObject({ x: 7, y: 5, path: [] });
  });

  it('applies a walk asked for before the player is placed once it is placed', () => {
    const world = new World({ name: 'w', map: openMap(10, 10, 0, 0), seed: 1 });
    const client = joinClient(world, 'Early');
    world.walkTo(client.player.id, 0, 2);
    world.tick();
    expect(client.player.path).toEqual([]);
    for (let t = 0; t < 2 * PLAYER_STEP_TICKS; t++) world.tick();
    expect(client.player).toMatchObject({ x: 0, y: 2 });
  });

  it('never stands on a blocked tile, whatever it is asked', () => {
    const rows = [
      '..........',
      '.####.###.',
      '.#......#.',
      '.#.####.#.',
      '...#..#...',
      '.#.#..#.#.',
      '.#......#.',
      '.###.####.',
    ];
    const map = mapFromRows(rows, { x: 0, y: 0, width: 1, height: 1 });
    const world = new World({ name: 'w', map, seed: 3 });
    const { player } = placed(world, 'Walker');
    let seed = 7;
    const random = (n: number): number => (seed = (seed * 1103515245 + 12345) >>> 0) % n;
    for (let t = 0; t < 2000; t++) {
      if (random(5) === 0) world.walkTo(player.id, random(12), random(10));
      world.tick();
      expect(isWalkable(map.grid, player.x, player.y)).toBe(true);
      for (const tile of player.path) expect(isWalkable(map.grid, tile.x, tile.y)).toBe(true);
    }
  });

  it('walks to the reachable tile nearest an unreachable target', () => {
    const map = mapFromRows(['....#...', '....#...', '....#...'], { x: 0, y: 1, width: 1, height: 1 });
    const world = new World({ name: 'w', map, seed: 1 });
    const { player } = placed(world, 'Walker');
    world.walkTo(player.id, 7, 1);
    for (let t = 0; t < 3 * PLAYER_STEP_TICKS; t++) world.tick();
    expect(player).toMatchObject({ x: 3, y: 1, path: [] });
  });

  it('finishes the step it is on before following a new walk', () => {
    const world = new World({ name: 'w', map: openMap(20, 3, 5, 1), seed: 1 });
    const { player } = placed(world, 'Walker');
    world.walkTo(player.id, 10, 1);
    world.tick(); // one tick into the step toward (6, 1)
    world.walkTo(player.id, 0, 1);
    world.tick();
    expect(player.path[0]).toEqual({ x: 6, y: 1 });
    world.tick();
    expect(player).toMatchObject({ x: 6, y: 1 });
    expect(player.path[0]).toEqual({ x: 5, y: 1 });
    for (let t = 0; t < 6 * PLAYER_STEP_TICKS; t++) world.tick();
    expect(player).toMatchObject({ x: 0, y: 1, path: [] });
  });

  it('only the last walk asked for in a tick counts', () => {
    const world = new World({ name: 'w', map: openMap(20, 3, 5, 1), seed: 1 });
    const { player } = placed(world, 'Walker');
    world.walkTo(player.id, 10, 1);
    world.walkTo(player.id, 5, 2);
    world.tick();
    expect(walkEnd(player)).toEqual({ x: 5, y: 2 });
  });
});

describe('World joining and leaving', () => {
  it('refuses a name taken in any case, and frees it on leave', () => {
    const world = new World({ name: 'w', map: openMap(5, 5), seed: 1 });
    const alice = world.join(' Alice ');
    expect(alice.ok).toBe(true);
    const again = world.join('aLiCe');
    expect(again).toMatchObject({ ok: false, code: CloseCode.NameTaken });
    if (!again.ok) expect(again.reason).toMatch(/"aLiCe" is already in use/);
    if (alice.ok) world.leave(alice.player.id);
    expect(world.join('ALICE').ok).toBe(true);
  });

  it('refuses bad names and a full world', () => {
    const world = new World({ name: 'w', map: openMap(5, 5), seed: 1, maxPlayers: 1 });
    expect(world.join('  ')).toMatchObject({ ok: false, code: CloseCode.BadName });
    expect(world.join('a!')).toMatchObject({ ok: false, code: CloseCode.BadName });
    expect(world.join('One').ok).toBe(true);
    expect(world.join('Two')).toMatchObject({ ok: false, code: CloseCode.ServerFull });
  });

  it('leaving before being placed leaves no trace', () => {
    const world = new World({ name: 'w', map: openMap(5, 5), seed: 1 });
    const a = placed(world, 'A');
    const b = joinClient(world, 'B');
    world.leave(b.player.id);
    tickAndDeliver(world, [a]);
    expect(world.population).toBe(1);
    expect([...a.view.entities.keys()]).toEqual([a.player.id]);
    expect(a.frames).toHaveLength(1); // only the welcome
  });

  it('does not reuse an id within the cooldown', () => {
    const world = new World({ name: 'w', map: openMap(5, 5), seed: 1 });
    const a = placed(world, 'A');
    world.leave(a.player.id);
    const b = placed(world, 'B');
    expect(b.player.id).not.toBe(a.player.id);
  });
});

describe('World determinism', () => {
  function run(): { frames: string[]; state: unknown } {
    const rows = Array.from({ length: 40 }, (_, y) =>
      Array.from({ length: 50 }, (_, x) => ((x * 7 + y * 3) % 11 === 0 ? '#' : '.')).join(''),
    );
    const map = mapFromRows(rows, { x: 20, y: 15, width: 10, height: 10 });
    const world = new World({ name: 'w', map, seed: 42 });
    const clients = ['A', 'B', 'C', 'D'].map((n) => joinClient(world, n));
    const frames: string[] = [];
    for (let t = 0; t < 300; t++) {
      if (t % 7 === 0) {
        const c = clients[t % clients.length]!;
        world.walkTo(c.player.id, (t * 13) % 50, (t * 17) % 40);
      }
      world.tick();
      for (const c of clients) frames.push(Buffer.from(world.takeFrame(c.player.id) ?? []).toString('hex'));
    }
    const state = [...world.players.values()].map((p) => [p.id, p.x, p.y, p.path, p.progress]);
    return { frames, state: { state, rng: world.rng.state(), tick: world.tickCount } };
  }

  it('same seed and same inputs give the same state and the same frames, byte for byte', () => {
    const a = run();
    const b = run();
    expect(b.state).toEqual(a.state);
    expect(b.frames).toEqual(a.frames);
    expect(a.frames.filter((f) => f.length > 0).length).toBeGreaterThan(100);
  });

  it('with mobs hunting, fighting, dying, dropping and coming back: the same frames, byte for byte', () => {
    function fight(): { frames: string[]; hits: number; deaths: number } {
      const data = withMobs(
        mobKind('hunter', {
          hp: 30,
          aggroRadius: 5,
          weapon: 3,
          attackTicks: 12,
          respawnSeconds: 2,
          drops: [{ item: 'small_potion', chance: 0.5 }],
        }),
      );
      const map = adventureMap(openRows(40, 30), [
        { id: 1, type: 'spawn', x: 15, y: 10, w: 6, h: 6 },
        { id: 2, type: 'mobArea', x: 10, y: 8, w: 16, h: 12, props: { kind: 'hunter', count: 6 } },
      ]);
      const world = new World({ name: 'w', map, data, seed: 99 });
      const clients = ['A', 'B', 'C'].map((n) => joinClient(world, n));
      const frames: string[] = [];
      let hits = 0;
      let deaths = 0;
      for (let t = 0; t < 400; t++) {
        for (const [i, c] of clients.entries()) {
          if (c.player.dead && t % 30 === 0) world.respawn(c.player.id);
          else if (!c.player.goal && (t + i * 5) % 25 === 0) {
            const mob = [...world.mobs.values()].find((m) => m.cell >= 0 && m.id % 3 === i);
            if (mob) world.pursue(c.player.id, 'attack', mob.id);
          }
        }
        const events = tickAndDeliver(world, clients);
        for (const list of events.values())
          for (const e of list) {
            if (e.type === 'hit') hits++;
            if (e.type === 'died') deaths++;
          }
        for (const c of clients)
          frames.push(events.has(c) ? Buffer.from(c.frames.at(-1)!).toString('hex') : '');
      }
      return { frames, hits, deaths };
    }
    const a = fight();
    const b = fight();
    expect(b.frames).toEqual(a.frames);
    expect(a.hits).toBeGreaterThan(50);
    expect(a.deaths).toBeGreaterThan(5);
  });
});
