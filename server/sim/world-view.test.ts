// The wire protocol keeps clients consistent: after every tick, each client's view (built only from the
// frames it received) must agree with the server on who it can see and where their walks end.
import { describe, it, expect } from 'vitest';
import { Op } from '../../shared/protocol/ops.ts';
import { decodeServerFrame } from '../../shared/protocol/codec.ts';
import { readMoves } from '../../shared/protocol/moves.ts';
import { DX, DY } from '../../shared/rules/dirs.ts';
import { PLAYER_STEP_TICKS } from '../../shared/rules/movement.ts';
import { CELL_SIZE, FORGET_RADIUS, INTEREST_RADIUS } from './interest.ts';
import { World } from './world.ts';
import {
  joinClient,
  mapFromRows,
  openMap,
  tickAndDeliver,
  walkEnd,
  type TestClient,
} from './test-support.ts';

/** Cells between two players, along the farther axis. */
function cellDistance(a: TestClient, b: TestClient): number {
  const cell = (v: number): number => Math.floor(v / CELL_SIZE);
  return Math.max(
    Math.abs(cell(a.player.x) - cell(b.player.x)),
    Math.abs(cell(a.player.y) - cell(b.player.y)),
  );
}

/**
 * Whether the server lets `a` see `b`: always within INTEREST_RADIUS cells, never beyond FORGET_RADIUS,
 * and in the band between, whatever the server remembers (it must then send `a` everything about `b`).
 */
function sees(world: World, a: TestClient, b: TestClient): boolean {
  const d = cellDistance(a, b);
  const known = world.vis.knows(a.player, b.player);
  if (d <= INTEREST_RADIUS)
    expect(known, `${a.player.name} knows ${b.player.name}, ${d} cells away`).toBe(true);
  if (d > FORGET_RADIUS)
    expect(known, `${a.player.name} forgot ${b.player.name}, ${d} cells away`).toBe(false);
  return known;
}

/** Checks every client's view against the server's truth. */
function expectConsistent(world: World, clients: readonly TestClient[], tick: number): void {
  for (const c of clients) {
    expect(c.problems, `problems of ${c.player.name}`).toEqual([]);
    const seen = [...c.view.entities.keys()].sort((a, b) => a - b);
    const truth = clients.filter((o) => o === c || sees(world, c, o)).map((o) => o.player.id);
    expect(seen, `tick ${tick}: whom ${c.player.name} sees`).toEqual(truth.sort((a, b) => a - b));
    for (const o of clients) {
      const entity = c.view.entities.get(o.player.id);
      if (!entity) continue;
      const where = `tick ${tick}: ${c.player.name}'s view of ${o.player.name}`;
      expect({ x: entity.endX, y: entity.endY }, where).toEqual(walkEnd(o.player));
      // The server's remaining path is the rest of the walk the client animates.
      const tiles = [{ x: entity.fromX, y: entity.fromY }];
      for (const d of entity.steps) tiles.push({ x: tiles.at(-1)!.x + DX[d]!, y: tiles.at(-1)!.y + DY[d]! });
      const rest = JSON.stringify(o.player.path);
      const onWalk = tiles.some(
        (t, i) => t.x === o.player.x && t.y === o.player.y && JSON.stringify(tiles.slice(i + 1)) === rest,
      );
      expect(
        onWalk,
        `${where}: ${JSON.stringify(tiles)} vs at ${o.player.x},${o.player.y} rest ${rest}`,
      ).toBe(true);
    }
  }
}

describe('client views stay consistent with the server', () => {
  it('randomized walkers crossing cells, with joins and leaves, on a map with walls', () => {
    const width = 90;
    const height = 70;
    const rows = Array.from({ length: height }, (_, y) =>
      Array.from({ length: width }, (_, x) =>
        (x % 17 === 8 && y % 9 !== 0) || (y % 23 === 11 && x % 13 > 3) ? '#' : '.',
      ).join(''),
    );
    const map = mapFromRows(rows, { x: 30, y: 25, width: 30, height: 20 });
    const world = new World({ name: 'w', map, seed: 9 });
    let seed = 12345;
    const random = (n: number): number => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) >>> 8) % n;

    const clients: TestClient[] = [];
    let joined = 0;
    let crossings = 0;
    let spawnsSeen = 0;
    let continuations = 0;
    for (let tick = 1; tick <= 600; tick++) {
      if (clients.length < 10 && random(8) === 0) clients.push(joinClient(world, `P${joined++}`));
      if (clients.length > 4 && random(60) === 0) {
        const gone = clients.splice(random(clients.length), 1)[0]!;
        world.leave(gone.player.id);
      }
      for (const c of clients) {
        const r = random(100);
        // Mostly long walks across cells, some short hops, some retargets mid-step.
        if (r < 6) world.walkTo(c.player.id, random(width), random(height));
        else if (r < 10) world.walkTo(c.player.id, c.player.x + random(7) - 3, c.player.y + random(7) - 3);
      }
      const cells = new Map(clients.map((c) => [c, c.player.cell]));
      const events = tickAndDeliver(world, clients);
      for (const c of clients) if (cells.get(c) !== c.player.cell && cells.get(c) !== -1) crossings++;
      for (const list of events.values()) for (const e of list) if (e.type === 'spawn') spawnsSeen++;
      for (const c of clients) {
        const frame = c.frames.at(-1);
        if (!frame || !events.has(c)) continue;
        for (const m of decodeServerFrame(frame)) {
          if (m[0] === Op.Moves) continuations += readMoves(m[1]).filter((r) => r.start === null).length;
        }
      }
      expectConsistent(world, clients, tick);
    }
    // The run must have exercised what it claims to.
    expect(crossings).toBeGreaterThan(30);
    expect(spawnsSeen).toBeGreaterThan(30);
    expect(joined).toBeGreaterThan(5);
    expect(continuations).toBeGreaterThan(30);
  });

  it('two players far apart do not see each other; walking into range spawns, out of range despawns', () => {
    const world = new World({ name: 'w', map: openMap(120, 12), seed: 1 });
    const a = joinClient(world, 'A');
    tickAndDeliver(world, [a]);
    // Walk A far east, then bring B in at the spawn (0, 0): more than two cells of 12 tiles apart.
    world.walkTo(a.player.id, 90, 0);
    for (let t = 0; t < 90 * PLAYER_STEP_TICKS; t++) tickAndDeliver(world, [a]);
    const b = joinClient(world, 'B');
    const clients = [a, b];
    tickAndDeliver(world, clients);
    expect(b.view.entities.has(a.player.id)).toBe(false);
    expect(a.view.entities.has(b.player.id)).toBe(false);

    // B walks east until A spawns for it; the spawn must come exactly when the cells become near.
    world.walkTo(b.player.id, 100, 0);
    let spawnedAt = -1;
    for (let t = 0; t < 100 * PLAYER_STEP_TICKS && spawnedAt < 0; t++) {
      const events = tickAndDeliver(world, clients);
      if (events.get(b)?.some((e) => e.type === 'spawn' && e.entity.id === a.player.id))
        spawnedAt = b.player.x;
      expect(events.get(a)?.some((e) => e.type === 'spawn') ?? false).toBe(spawnedAt >= 0);
      expectConsistent(world, clients, world.tickCount);
    }
    expect(Math.floor(spawnedAt / CELL_SIZE)).toBe(Math.floor(90 / CELL_SIZE) - INTEREST_RADIUS);

    // Back west: A despawns for B only once B's cell is more than FORGET_RADIUS cells away.
    world.walkTo(b.player.id, 0, 0);
    let despawnedAt = -1;
    for (let t = 0; t < 100 * PLAYER_STEP_TICKS && despawnedAt < 0; t++) {
      const events = tickAndDeliver(world, clients);
      if (events.get(b)?.some((e) => e.type === 'despawn' && e.entity.id === a.player.id))
        despawnedAt = b.player.x;
      expectConsistent(world, clients, world.tickCount);
    }
    expect(Math.floor(despawnedAt / CELL_SIZE)).toBe(Math.floor(90 / CELL_SIZE) - FORGET_RADIUS - 1);
    expect(a.view.entities.has(b.player.id)).toBe(false);
  });

  it('hysteresis: an edge crossed back and forth in the band costs no spawn or despawn, walks still come', () => {
    const world = new World({ name: 'w', map: openMap(120, 12), seed: 1 });
    const a = joinClient(world, 'A');
    const b = joinClient(world, 'B');
    const clients = [a, b];
    const walkAll = (c: TestClient, x: number): void => {
      world.walkTo(c.player.id, x, 0);
      for (let t = 0; t < 120 * PLAYER_STEP_TICKS && c.player.x !== x; t++) {
        tickAndDeliver(world, clients);
        expectConsistent(world, clients, world.tickCount);
      }
      expect(c.player.x).toBe(x);
    };
    // A stands in cell 7; B in cell 5, INTEREST_RADIUS cells from it: they see each other.
    walkAll(a, 90);
    walkAll(b, 65);
    expect(b.view.entities.has(a.player.id)).toBe(true);
    // C comes straight into the band (cell 4) from far west: it was never near A, so it does not see A.
    const c = joinClient(world, 'C');
    clients.push(c);
    walkAll(c, 54);
    expect(c.view.entities.has(a.player.id)).toBe(false);

    // B crosses the edge between cells 5 and 4 (INTEREST_RADIUS and FORGET_RADIUS cells from A) over and
    // over while A walks about: B keeps A with no spawn or despawn and hears A's walks; C hears none.
    let churn = 0;
    let walksHeard = 0;
    for (let round = 0; round < 4; round++) {
      world.walkTo(a.player.id, round % 2 ? 90 : 94, 0);
      for (const x of [58, 61, 57, 62]) {
        world.walkTo(b.player.id, x, 0);
        for (let t = 0; t < 6 * PLAYER_STEP_TICKS; t++) {
          const events = tickAndDeliver(world, clients);
          for (const e of events.get(b) ?? []) {
            if ((e.type === 'spawn' || e.type === 'despawn') && e.entity.id === a.player.id) churn++;
            if (e.type === 'walk' && e.entity.id === a.player.id) walksHeard++;
          }
          expect(events.get(c)?.some((e) => 'entity' in e && e.entity?.id === a.player.id) ?? false).toBe(
            false,
          );
          expectConsistent(world, clients, world.tickCount);
        }
      }
    }
    expect(churn).toBe(0);
    expect(walksHeard).toBeGreaterThanOrEqual(4);
    expect(world.vis.knows(b.player, a.player) && world.vis.knows(a.player, b.player)).toBe(true);
    expect(world.vis.knows(c.player, a.player) || world.vis.knows(a.player, c.player)).toBe(false);
  });

  it('a newcomer sees a walker already on its way, and the walk it is on', () => {
    const world = new World({ name: 'w', map: openMap(30, 5), seed: 1 });
    const a = joinClient(world, 'A');
    tickAndDeliver(world, [a]);
    world.walkTo(a.player.id, 20, 0);
    tickAndDeliver(world, [a]);
    const b = joinClient(world, 'B');
    tickAndDeliver(world, [a, b]);
    const seen = b.view.entities.get(a.player.id)!;
    expect(seen).toMatchObject({ name: 'A', endX: 20, endY: 0 });
    expect(a.view.entities.get(b.player.id)).toMatchObject({ name: 'B', endX: 0, endY: 0 });
    expectConsistent(world, [a, b], world.tickCount);
  });

  it('leaving despawns the player for everyone who saw it', () => {
    const world = new World({ name: 'w', map: openMap(30, 5), seed: 1 });
    const clients = ['A', 'B', 'C'].map((n) => joinClient(world, n));
    tickAndDeliver(world, clients);
    expect(clients[0]!.view.entities.size).toBe(3);
    world.leave(clients[2]!.player.id);
    const rest = clients.slice(0, 2);
    const events = tickAndDeliver(world, rest);
    for (const c of rest) {
      expect(events.get(c)).toEqual([
        { type: 'despawn', entity: expect.objectContaining({ id: clients[2]!.player.id }) },
      ]);
    }
    expectConsistent(world, rest, world.tickCount);
  });
});
