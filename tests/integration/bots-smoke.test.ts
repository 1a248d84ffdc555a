// A small swarm against a real server on 127.0.0.1, port 0: the bots all connect, none drop, each
// sees every other one, and /metrics counts them; a few fighting bots land blows and earn XP.
// Behaviour only: the speed targets live in the bench.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type GameServer } from '../../server/app.ts';
import { readConfig } from '../../server/config.ts';
import { loadWorldMap } from '../../server/load-map.ts';
import { consoleLog } from '../../server/log.ts';
import { Swarm } from '../../tools/bots/swarm.ts';
import { crowdArea, mobAreas } from '../../tools/bench/scenarios.ts';
import { repoRoot } from '../../tools/server-process.ts';

const BOTS = 20;

/** Players a bot knows (the village also has mobs, NPCs and chests). */
function playersSeen(view: { entities: Map<number, { type: string }> }): number {
  return [...view.entities.values()].filter((e) => e.type === 'player').length;
}

let server: GameServer;
let swarm: Swarm | null = null;
let fighters: Swarm | null = null;
let map: ReturnType<typeof loadWorldMap>;

beforeAll(async () => {
  const config = readConfig({ PORT: '0', HOST: '127.0.0.1', SEED: '3' }, repoRoot);
  map = loadWorldMap(path.join(repoRoot, 'assets/maps/village.tmj'));
  server = await startServer({ config, map, log: consoleLog(true) });
  swarm = new Swarm({
    url: `ws://127.0.0.1:${server.port}/ws`,
    count: BOTS,
    behaviour: 'wander',
    wander: { grid: map.grid, area: crowdArea(map) },
    seed: 5,
    batch: 10,
  });
});

afterAll(async () => {
  await fighters?.close();
  await swarm?.close();
  await server?.close();
});

describe('a swarm of wandering bots', () => {
  it('all connect, none drop, and every bot sees every other', async () => {
    const s = swarm!;
    await s.connect();
    expect(s.failures).toEqual([]);
    expect(s.bots).toHaveLength(BOTS);
    s.start();
    // Every bot walks (its own walk comes back to it) and sees all the others, walking or not.
    await Promise.all(
      s.bots.map((bot) =>
        bot.waitFor(
          () => playersSeen(bot.view) === BOTS && (bot.self?.steps.length ?? 0) > 0,
          8000,
          `${bot.self?.name} to see ${BOTS} bots and walk`,
        ),
      ),
    );
    // A few more wander turns, then nobody has dropped and no frame confused a view.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(s.disconnects).toEqual([]);
    expect(s.problems()).toEqual([]);
    for (const bot of s.bots) expect(playersSeen(bot.view)).toBe(BOTS);
    expect(server.world.population).toBe(BOTS);
  });

  it('/metrics counts the players, their walks and the frames sent to them', async () => {
    const res = await fetch(new URL('/metrics', server.url));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(text).toMatch(new RegExp(`^emberquest_players ${BOTS}$`, 'm'));
    expect(text).toMatch(new RegExp(`^emberquest_client_messages_total\\{op="hello"\\} ${BOTS}$`, 'm'));
    expect(
      Number(/^emberquest_client_messages_total\{op="walk_to"\} (\d+)$/m.exec(text)?.[1]),
    ).toBeGreaterThan(BOTS);
    expect(Number(/^emberquest_sent_bytes_total (\d+)$/m.exec(text)?.[1])).toBeGreaterThan(0);
    expect(text).toMatch(/^emberquest_tick_duration_seconds_count \d+$/m);
    // The socket gateway's own figures: it has worked (sent the frames above) and holds some memory.
    expect(text).toMatch(/^# TYPE emberquest_gateway_cpu_seconds_total counter$/m);
    expect(Number(/^emberquest_gateway_cpu_seconds_total (\S+)$/m.exec(text)?.[1])).toBeGreaterThan(0);
    expect(Number(/^emberquest_gateway_resident_memory_bytes (\d+)$/m.exec(text)?.[1])).toBeGreaterThan(1e6);
    expect(text).toMatch(/^emberquest_gateway_restarts 0$/m);
    for (const name of [
      'process_cpu_seconds_total',
      'process_resident_memory_bytes',
      'nodejs_eventloop_lag_p99_seconds',
    ])
      expect(text).toContain(`\n${name} `);
  });
});

describe('fighting bots', () => {
  it('walk to the mob areas, land blows, kill mobs and earn XP, and nobody drops', async () => {
    // The nearest mob area to the village spawn, so the walk there is short.
    const spawn = map.spawns[0]!.area;
    const nearest = [...mobAreas(map)].sort(
      (a, b) => Math.hypot(a.x - spawn.x, a.y - spawn.y) - Math.hypot(b.x - spawn.x, b.y - spawn.y),
    )[0]!;
    const f = (fighters = new Swarm({
      url: `ws://127.0.0.1:${server.port}/ws`,
      count: 4,
      behaviour: 'fight',
      wander: { grid: map.grid, area: null },
      areas: [nearest],
      seed: 9,
      // Names of their own: the crowd above is still connected.
      namePrefix: 'Fighter',
    }));
    await f.connect();
    expect(f.failures).toEqual([]);
    f.start();
    await Promise.all(
      f.bots.map((bot) => bot.waitFor(() => bot.tally.hits > 0, 40_000, `${bot.self?.name} to land a blow`)),
    );
    await f.bots[0]!.waitFor(
      () => f.bots.some((b) => (b.view.stats?.xp ?? 0) > 0),
      40_000,
      'a fighter to earn XP from a kill',
    );
    expect(f.tally().kills).toBeGreaterThan(0);
    expect(f.disconnects).toEqual([]);
    expect(f.problems()).toEqual([]);
  }, 90_000);
});
