// The wire protocol keeps clients consistent while the world fights: mobs roam, chase, stop beside their
// quarry, die, drop loot and come back; players attack, loot, die and respawn. After every tick, each
// living client's view (built only from its frames) must match the server on what it can see, where each
// walk ends, and how hurt each mob is.
import { describe, expect, it } from 'vitest';
import { DX, DY } from '../../shared/rules/dirs.ts';
import { CELL_SIZE, FORGET_RADIUS, INTEREST_RADIUS } from './interest.ts';
import { World } from './world.ts';
import type { Entity, Mob, Player } from './entities.ts';
import {
  adventureMap,
  joinClient,
  mobKind,
  tickAndDeliver,
  walkEnd,
  withMobs,
  type TestClient,
} from './test-support.ts';

/** Cells between a player and an entity, along the farther axis. */
function cellDistance(viewer: Player, e: Entity): number {
  const cx = (x: number): number => Math.floor(x / CELL_SIZE);
  return Math.max(Math.abs(cx(viewer.x) - cx(e.x)), Math.abs(cx(viewer.y) - cx(e.y)));
}

/**
 * Whether the server lets the viewer see `e`: whatever it remembers, which must be true within
 * INTEREST_RADIUS cells and false beyond FORGET_RADIUS (the band between is hysteresis).
 */
function sees(world: World, viewer: Player, e: Entity, wrong: string[]): boolean {
  const known = world.vis.knows(viewer, e);
  const d = cellDistance(viewer, e);
  if (e.cell >= 0 && d <= INTEREST_RADIUS && !known) wrong.push(`${viewer.name} not shown ${e.type} ${e.id}`);
  if (known && (e.cell < 0 || d > FORGET_RADIUS)) wrong.push(`${viewer.name} still shown ${e.type} ${e.id}`);
  return known;
}

function everything(world: World): Entity[] {
  return [
    ...world.players.values(),
    ...world.mobs.values(),
    ...world.items.values(),
    ...world.npcs.values(),
    ...world.chests.values(),
  ];
}

/** What is wrong with each living client's view this tick (checked cheaply; explained only when wrong). */
function inconsistencies(world: World, clients: readonly TestClient[]): string[] {
  const wrong: string[] = [];
  for (const c of clients) {
    wrong.push(...c.problems);
    if (c.player.dead || c.player.cell < 0) continue; // a death screen: the view waits for the respawn
    const name = c.player.name;
    const truth = everything(world).filter((e) => e === c.player || sees(world, c.player, e, wrong));
    const ids = (list: number[]): string => list.sort((x, y) => x - y).join(',');
    const seen = ids([...c.view.entities.keys()]);
    if (seen !== ids(truth.map((e) => e.id)))
      wrong.push(`${name} sees ${seen}, not ${ids(truth.map((e) => e.id))}`);
    for (const e of truth) {
      const v = c.view.entities.get(e.id);
      if (!v) continue;
      const of = `${name}'s view of ${e.type} ${e.id}`;
      if (v.type !== e.type) wrong.push(`${of}: a ${v.type}`);
      if (e.type === 'mob' && v.hp !== e.hp) wrong.push(`${of}: hp ${v.hp}, not ${e.hp}`);
      const end = e.type === 'mob' || e.type === 'player' ? walkEnd(e) : e;
      if (v.endX !== end.x || v.endY !== end.y)
        wrong.push(`${of}: ends at ${v.endX},${v.endY}, not ${end.x},${end.y}`);
      if ((e.type === 'mob' || e.type === 'player') && !onWalk(v, e))
        wrong.push(`${of}: at ${e.x},${e.y} with ${JSON.stringify(e.path)} left is off its walk`);
    }
    if (c.view.stats && c.view.stats.hp !== c.player.hp)
      wrong.push(`${name}'s hp: ${c.view.stats.hp}, not ${c.player.hp}`);
  }
  return wrong;
}

/** The server's tile and remaining path are the rest of the walk the client animates. */
function onWalk(v: { fromX: number; fromY: number; steps: number[] }, w: Player | Mob): boolean {
  const tiles = [{ x: v.fromX, y: v.fromY }];
  for (const d of v.steps) tiles.push({ x: tiles.at(-1)!.x + DX[d]!, y: tiles.at(-1)!.y + DY[d]! });
  const rest = JSON.stringify(w.path);
  return tiles.some((t, i) => t.x === w.x && t.y === w.y && JSON.stringify(tiles.slice(i + 1)) === rest);
}

describe('client views stay consistent with the server in a fight', () => {
  it('randomized players hunting, looting, dying and respawning among roaming, chasing, respawning mobs', () => {
    const width = 72;
    const height = 48;
    const rows = Array.from({ length: height }, (_, y) =>
      Array.from({ length: width }, (_, x) =>
        (x % 19 === 9 && y % 11 > 2) || (y === 24 && x % 13 > 9) ? '#' : '.',
      ).join(''),
    );
    const data = withMobs(
      mobKind('hunter', {
        hp: 40,
        aggroRadius: 5,
        leash: 9,
        stepTicks: 2,
        attackTicks: 12,
        weapon: 2,
        respawnSeconds: 4,
        drops: [{ item: 'small_potion', chance: 0.5 }],
      }),
      mobKind('grazer', { hp: 30, stepTicks: 4, respawnSeconds: 3, drops: [{ item: 'axe', chance: 0.3 }] }),
      mobKind('biter', {
        hp: 60,
        aggroRadius: 3,
        leash: 6,
        stepTicks: 3,
        attackTicks: 16,
        weapon: 6,
        respawnSeconds: 5,
      }),
    );
    const map = adventureMap(rows, [
      { id: 1, type: 'spawn', x: 30, y: 18, w: 12, h: 12 },
      { id: 2, type: 'checkpoint', x: 34, y: 20, w: 3, h: 3 },
      { id: 3, type: 'mobArea', x: 20, y: 10, w: 12, h: 10, props: { kind: 'hunter', count: 5 } },
      { id: 4, type: 'mobArea', x: 40, y: 26, w: 14, h: 12, props: { kind: 'grazer', count: 6 } },
      { id: 5, type: 'mobArea', x: 50, y: 8, w: 10, h: 10, props: { kind: 'biter', count: 4 } },
      { id: 6, type: 'npc', x: 36, y: 16, props: { kind: 'elder' } },
      { id: 7, type: 'chest', x: 44, y: 20, props: { items: 'leather,small_potion', respawnSeconds: 10 } },
    ]);
    const world = new World({ name: 'w', map, data, seed: 17 });
    let seed = 4242;
    const random = (n: number): number => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) >>> 8) % n;
    const pick = <T>(list: T[]): T | undefined => list[random(Math.max(1, list.length))];

    const clients: TestClient[] = [];
    const seen = { deaths: 0, kills: 0, respawns: 0, chases: 0 };
    for (let tick = 1; tick <= 1500; tick++) {
      if (clients.length < 7 && random(20) === 0) {
        const c = joinClient(world, `P${tick}`);
        c.player.weapon = 'axe';
        clients.push(c);
      }
      for (const c of clients) {
        const p = c.player;
        if (p.dead) {
          if (random(40) === 0) world.respawn(p.id);
          continue;
        }
        // Players stick to what they are doing for a while, so fights are fought to the end.
        if ((p.goal || p.path.length > 0) && random(150) !== 0) continue;
        const near = (list: Iterable<Entity>): Entity[] =>
          [...list].filter((e) => e.cell >= 0 && Math.abs(e.x - p.x) + Math.abs(e.y - p.y) < 15);
        const r = random(100);
        if (r < 50) world.pursue(p.id, 'attack', pick(near(world.mobs.values()))?.id ?? 0);
        else if (r < 60) world.pursue(p.id, 'loot', pick(near(world.items.values()))?.id ?? 0);
        else if (r < 65) world.pursue(p.id, 'open', pick(near(world.chests.values()))?.id ?? 0);
        else if (r < 70) world.pursue(p.id, 'talk', pick(near(world.npcs.values()))?.id ?? 0);
        else world.walkTo(p.id, random(width), random(height));
      }
      const events = tickAndDeliver(world, clients);
      for (const list of events.values())
        for (const e of list) {
          if (e.type === 'died') seen[e.entity?.type === 'player' ? 'deaths' : 'kills']++;
          if (e.type === 'spawn' && e.entity.type === 'mob' && e.entity.hp === e.entity.maxHp)
            seen.respawns++;
          if (e.type === 'hit' && world.mobs.has(e.attacker)) seen.chases++;
        }
      expect(inconsistencies(world, clients), `tick ${tick}`).toEqual([]);
    }
    // The run must have exercised what it claims to.
    expect(seen.kills).toBeGreaterThan(20);
    expect(seen.deaths).toBeGreaterThan(0);
    expect(seen.chases).toBeGreaterThan(20);
    expect(seen.respawns).toBeGreaterThan(20);
  });
});
