// `npm run bench:cluster -- --bots 90 --hoppers 10 --seconds 20`: the realm on three world processes
// behind nginx on this machine, as docs/hosting.md sets it up (PostgreSQL with its durable defaults,
// Redis, nginx, all started here on 127.0.0.1), with the test realm of tests/support/realm-fixture.ts:
// field-1, field-2 and the cave, one process each. `bots` players (a third seeded in each world) join
// through nginx, walk and chat; meanwhile `hoppers` take portals between a field and the cave, so every
// hop crosses processes. Measured: each process's tick p50/p99/max over the window, the hop times, and
// then a killed world (SIGKILL, started again at once on the same port): the time until all its players
// are playing again, and what they lost. Prints JSON and adds a row to BENCHMARKS.md (not with --no-record).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { parseRealm } from '../../shared/content/realm.ts';
import { consoleLog } from '../../server/log.ts';
import { openPostgresStore } from '../../server/store/postgres-store.ts';
import { repoRoot, startServerProcess, type ServerProcess } from '../server-process.ts';
import { nginxConfig } from '../deploy/nginx-config.ts';
import { startNginx, startPostgres, startRedis, type Service } from '../../tests/support/services.ts';
import { seedInto } from '../../tests/support/realm-bots.ts';
import { writeRealmFixture } from '../../tests/support/realm-fixture.ts';
import { waitUntil } from '../../tests/support/processes.ts';
import { Actor, type SwarmSettings } from '../../tests/support/cluster-actor.ts';
import { hopper } from './hop-run.ts';
import { histogramQuantile, sample, scrape, type Samples } from './prometheus.ts';
import { commitMeasured, machine } from './report.ts';

const ROWS = '<!-- cluster rows: tools/bench/cluster-run.ts adds each run above this line -->';
const WORLDS = ['field-1', 'field-2', 'cave'] as const;

const { values: args } = parseArgs({
  options: {
    bots: { type: 'string', default: '90' },
    hoppers: { type: 'string', default: '10' },
    seconds: { type: 'string', default: '20' },
    'no-record': { type: 'boolean', default: false },
  },
});
const bots = Number(args.bots);
const hoppers = Number(args.hoppers);
const seconds = Number(args.seconds);
if (![bots, hoppers, seconds].every((n) => Number.isInteger(n) && n >= 1 && n <= 3000)) {
  console.error('usage: npm run bench:cluster -- [--bots N] [--hoppers N] [--seconds S] [--no-record]');
  process.exit(2);
}
const command = `npm run bench:cluster -- ${process.argv.slice(2).join(' ')}`.trim();

const q = (sorted: number[], at: number): number =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(at * sorted.length))]! : NaN;

function tickFigures(before: Samples, after: Samples): { p50: number; p99: number; max: number } {
  const name = 'emberquest_tick_duration_seconds';
  const max = sample(after, 'emberquest_tick_max_seconds') * 1000;
  const at = (quantile: number): number =>
    Math.round(Math.min(max, histogramQuantile(before, after, name, quantile) * 1000) * 10) / 10;
  return { p50: at(0.5), p99: at(0.99), max: Math.round(max * 10) / 10 };
}

const fixture = writeRealmFixture({ maxPlayers: 2000 });
const services: Service[] = [];
const processes = new Map<string, ServerProcess>();
const actors: Actor[] = [];
let pool: pg.Pool | null = null;
try {
  const [db, redis] = await Promise.all([startPostgres({ durable: true }), startRedis()]);
  services.push(db, redis);
  const env = (world: string, port = '0'): Record<string, string> => ({
    REALM: fixture.file,
    DATABASE_URL: db.url,
    REDIS_URL: redis.url,
    WORLD_IDS: world,
    PORT: port,
    LOG: '',
  });
  // Seeded before the worlds start: a third of the players in each world, the hoppers on the field.
  const store = await openPostgresStore(db.url, consoleLog(true));
  const maps = { 'field-1': fixture.field, 'field-2': fixture.field, cave: fixture.cave };
  const tokens = new Map<string, string>();
  for (let i = 0; i < bots; i++) {
    const world = WORLDS[i % 3]!;
    tokens.set(`P${i}`, await seedInto(store, `P${i}`, { map: maps[world], x: 3, y: 3 }));
  }
  for (let i = 0; i < hoppers; i++)
    tokens.set(`H${i}`, await seedInto(store, `H${i}`, { map: fixture.field, level: 3, x: 2, y: 2 }));
  store.close();
  const started = await Promise.all(WORLDS.map((w) => startServerProcess(env(w))));
  WORLDS.forEach((w, i) => processes.set(w, started[i]!));
  const realm = parseRealm(JSON.parse(readFileSync(fixture.file, 'utf8')), fixture.file, 5000);
  const routes = WORLDS.map((w) => ({ address: new URL(processes.get(w)!.url).host, worlds: [w] }));
  const nginx = await startNginx((port) => nginxConfig(realm, routes, { listen: `127.0.0.1:${port}` }));
  services.unshift(nginx);
  const base = `ws://127.0.0.1:${nginx.port}/`;
  pool = new pg.Pool({ connectionString: db.url, max: 4 });
  pool.on('error', () => {});
  const swarm: SwarmSettings = {
    base,
    db: pool,
    shards: ['field-1', 'field-2'],
    cave: 'cave',
    fieldPortal: fixture.fieldPortal,
    cavePortal: fixture.cavePortal,
    hopping: false,
    whispering: false,
    actors,
    wander: { x: 0, y: 0, w: 9, h: 7 }, // the portals are at (10, 5) and (1, 8)
  };
  for (let i = 0; i < bots; i++) {
    const actor = new Actor(`P${i}`, WORLDS[i % 3]!, swarm);
    actor.token = tokens.get(`P${i}`)!;
    actors.push(actor);
    actor.start();
    await new Promise((r) => setTimeout(r, 20));
  }
  await waitUntil(() => actors.every((a) => a.playing), 60_000, 'every player to join', 200);
  await new Promise((r) => setTimeout(r, 3000)); // warm-up
  const load = machine().load;
  const before = await Promise.all(WORLDS.map((w) => scrape(processes.get(w)!.url)));
  const hopTimes: number[] = [];
  const windowEnd = performance.now() + seconds * 1000;
  let hopFailed: Error | null = null;
  const hopping = Promise.all(
    Array.from({ length: hoppers }, async (_, i) => {
      // Hops of a few at a time until the window ends (each hopper runs 2 at a go).
      while (performance.now() < windowEnd)
        await hopper(fixture, base, `H${i}`, tokens.get(`H${i}`)!, 2, hopTimes, WORLDS[i % 2]);
    }),
  ).catch((err: Error) => void (hopFailed = err)); // thrown below, after the window, so all is stopped
  await new Promise((r) => setTimeout(r, seconds * 1000));
  const after = await Promise.all(WORLDS.map((w) => scrape(processes.get(w)!.url)));
  await hopping;
  if (hopFailed) throw hopFailed;
  const ticks = Object.fromEntries(WORLDS.map((w, i) => [w, tickFigures(before[i]!, after[i]!)]));
  const players = Object.fromEntries(WORLDS.map((w) => [w, actors.filter((a) => a.world === w).length]));
  // A killed world: SIGKILL, started again at once on its port (as a service manager would).
  const victim = processes.get('field-1')!;
  const port = new URL(victim.url).port;
  const hit = actors.filter((a) => a.world === 'field-1');
  const killedAt = performance.now();
  victim.child.kill('SIGKILL');
  await new Promise((r) => victim.child.once('exit', r));
  processes.set('field-1', await startServerProcess(env('field-1', port)));
  const restartMs = Math.round(performance.now() - killedAt);
  await waitUntil(
    () => hit.every((a) => a.playing && a.sessions.at(-1)!.at > killedAt),
    60_000,
    "the killed world's players to be back",
    50,
  );
  const backMs = Math.round(Math.max(...hit.map((a) => a.sessions.at(-1)!.at)) - killedAt);
  const losses = hit.flatMap((a) => a.losses);
  const sortedHops = [...hopTimes].sort((a, b) => a - b);
  const summary = {
    scenario: 'cluster',
    bots,
    hoppers,
    seconds,
    players,
    tickMs: ticks,
    hops: hopTimes.length,
    hopMs: {
      p50: Math.round(q(sortedHops, 0.5)),
      p99: Math.round(q(sortedHops, 0.99)),
      max: Math.round(sortedHops.at(-1) ?? NaN),
    },
    killed: {
      players: hit.length,
      restartMs,
      playingAgainMs: backMs,
      linesLost: losses.reduce((n, l) => n + l.lines, 0),
      lostWindowMaxMs: Math.max(0, ...losses.map((l) => l.windowMs)),
    },
    problems: actors.flatMap((a) => a.problems),
    commit: commitMeasured(repoRoot),
    machine: { ...machine(), loadAtStart: load },
  };
  console.log(JSON.stringify(summary, null, 2));
  if (!args['no-record']) {
    const tickCell = WORLDS.map(
      (w) => `${w} ${players[w]}: ${ticks[w]!.p50} / ${ticks[w]!.p99} / ${ticks[w]!.max}`,
    ).join('; ');
    const k = summary.killed;
    const row =
      `| ${new Date().toISOString().slice(0, 10)} | ${summary.commit} | \`${command}\` | ${bots + hoppers} | ${tickCell} | ` +
      `${summary.hopMs.p50} / ${summary.hopMs.p99} / ${summary.hopMs.max} (${summary.hops}) | ` +
      `${k.players} players: restarted ${k.restartMs} ms, all playing ${k.playingAgainMs} ms, lost ${k.linesLost} lines (≤ ${k.lostWindowMaxMs} ms) | ` +
      `${summary.machine.cores} cores, load ${load}–${summary.machine.load} |\n`;
    const file = path.join(repoRoot, 'BENCHMARKS.md');
    const text = readFileSync(file, 'utf8');
    if (!text.includes(ROWS)) throw new Error(`BENCHMARKS.md has no "${ROWS}" line to add the row above`);
    writeFileSync(file, text.replace(ROWS, row + ROWS));
  }
  if (summary.problems.length > 0) throw new Error(`players saw problems: ${summary.problems.join('; ')}`);
} finally {
  await Promise.all(actors.map((a) => a.stop()));
  await Promise.all([...processes.values()].map((p) => p.stop()));
  await pool?.end();
  for (const s of services) await s.stop();
  fixture.remove();
}
