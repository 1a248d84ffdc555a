// The wire protocol keeps clients consistent: after every tick, each client's view (built only from the
// frames it received) must agree with the server on who it can see and where their walks end.
import { describe, it, expect } from 'vitest';
import { Op } from '../../shared/protocol/ops.ts';
import { decodeServerFrame } from '../../shared/protocol/codec.ts';
import { readMoves } from '../../shared/protocol/moves.ts';
import { DX, DY } from '../../shared/rules/dirs.ts';
import { PLAYER_STEP_TICKS } from '../../shared/rules/movement.ts';
import { CELL_SIZE, INTEREST_RADIUS } from './interest.ts';
import { World } from './world.ts';
import {
  joinClient,
  mapFromRows,
  openMap,
  tickAndDeliver,
  walkEnd,
  type TestClient,
} from './test-support.ts';

/** Whether the server lets `a` see `b`, by the cells they stand in. */
function near(a: TestClient, b: TestClient): boolean {
  const cell = (p: { x: number; y: number }): [number, number] => [
    Math.floor(p.x / CELL_SIZE),
    Math.floor(p.y / CELL_SIZE),
  ];
  const [ax, ay] = cell(a.player);
  const [bx, by] = cell(b.player);
  return Math.abs(ax - bx) <= INTEREST_RADIUS && Math.abs(ay - by) <= INTEREST_RADIUS;
}

/** Checks every client's view against the server's truth. */
function expectConsistent(clients: readonly TestClient[], tick: number): void {
  for (const c of clients) {
    expect(c.problems, `problems of ${c.player.name}`).toEqual([]);
    const seen = [...c.view.entities.keys()].sort((a, b) => a - b);
    const truth = clients.filter((o) => o === c || near(c, o)).map((o) => o.player.id);
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
      expectConsistent(clients, tick);
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
      expectConsistent(clients, world.tickCount);
    }
    expect(Math.floor(spawnedAt / CELL_SIZE)).toBe(Math.floor(90 / CELL_SIZE) - INTEREST_RADIUS);

    // Back west: A despawns for B once B's cell is three cells away.
    world.walkTo(b.player.id, 0, 0);
    let despawnedAt = -1;
    for (let t = 0; t < 100 * PLAYER_STEP_TICKS && despawnedAt < 0; t++) {
      const events = tickAndDeliver(world, clients);
      if (events.get(b)?.some((e) => e.type === 'despawn' && e.entity.id === a.player.id))
        despawnedAt = b.player.x;
      expectConsistent(clients, world.tickCount);
    }
    expect(Math.floor(despawnedAt / CELL_SIZE)).toBe(Math.floor(90 / CELL_SIZE) - INTEREST_RADIUS - 1);
    expect(a.view.entities.has(b.player.id)).toBe(false);
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
    expectConsistent([a, b], world.tickCount);
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
    expectConsistent(rest, world.tickCount);
  });
});
