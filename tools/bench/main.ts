// `npm run bench -- --scenario crowd --bots 200 --seconds 60`: starts the server in one process and the
// bots in another, measures a window after a warm-up, prints a JSON summary and adds a row to
// BENCHMARKS.md. Every process it starts is stopped at the end, also on errors and timeouts.
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot, startServerProcess, type ServerProcess } from '../server-process.ts';
import { writeBenchMap } from './bench-map.ts';
import type { BotsRequest } from './messages.ts';
import { BOTS_PER_PROCESS, runBotsGroup, shares } from './bots-group.ts';
import { findBottleneck } from './bottleneck.ts';
import { appendRow, checkTargets, commitMeasured, machine, serverFigures, type Summary } from './report.ts';
import { BENCH_MAP, SCENARIOS, VILLAGE_MAP } from './scenarios.ts';
import { ATTACKS } from './attacks.ts';
import { runAttackBench } from './attack-run.ts';
import { runHopBench } from './hop-run.ts';

const USAGE = `usage: npm run bench -- --scenario ${Object.keys(SCENARIOS).join('|')} --bots N --seconds S
  [--warmup S] [--seed N] [--map assets/maps/x.tmj] [--bots-nice N] [--bots-processes N] [--profile] [--no-record]
  attack only: [--recovery S] [--attacks ${ATTACKS.map((a) => a.name).join(',')}]
  hop only: [--hops N] (portal hops in all, shared out over the bots)`;

function fail(message: string, code = 2): never {
  console.error(message);
  process.exit(code);
}

const { values: args } = parseArgs({
  options: {
    scenario: { type: 'string', default: 'crowd' },
    bots: { type: 'string', default: '200' },
    seconds: { type: 'string', default: '60' },
    warmup: { type: 'string', default: '5' },
    seed: { type: 'string', default: '7' },
    map: { type: 'string' },
    'bots-nice': { type: 'string', default: '10' },
    'bots-processes': { type: 'string' },
    profile: { type: 'boolean', default: false },
    'no-record': { type: 'boolean', default: false },
    recovery: { type: 'string', default: '8' },
    attacks: { type: 'string', default: '' },
    hops: { type: 'string', default: '240' },
  },
});
const scenario = SCENARIOS[args.scenario];
if (!scenario) fail(`Unknown scenario.\n${USAGE}`);
const count = (name: string, raw: string, min: number, max: number): number => {
  const v = Number(raw);
  if (!Number.isInteger(v) || v < min || v > max) fail(`--${name} must be a whole number ${min}–${max}.`);
  return v;
};
const bots = count('bots', args.bots, 1, 5000);
const seconds = count('seconds', args.seconds, 1, 3600);
const warmupSeconds = count('warmup', args.warmup, 0, 600);
const seed = count('seed', args.seed, 0, 2 ** 31 - 1);
const botsNice = count('bots-nice', args['bots-nice'], 0, 19);
// One per 2,000 bots, up to a process per core (bots-group.ts).
const botsProcesses = args['bots-processes']
  ? count('bots-processes', args['bots-processes'], 1, 16)
  : Math.max(1, Math.min(os.cpus().length, Math.ceil(bots / BOTS_PER_PROCESS)));
const map = args.map ?? scenario.map;
const command = `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim();

/** Generous, but bounded: connecting, warm-up, the window and closing, with room for a slow machine. */
const timeoutMs = (60 + bots / 10 + warmupSeconds + seconds) * 1000;

async function main(): Promise<void> {
  if (scenario!.name === 'hop') {
    const hops = count('hops', args.hops, 1, 100_000);
    return runHopBench({ bots, hops, record: !args['no-record'], command }).catch((err: unknown) =>
      fail(`bench failed: ${(err as Error).message}`, 1),
    );
  }
  if (scenario!.name === 'attack') {
    return runAttackBench({
      bots,
      seconds,
      recoverySeconds: count('recovery', args.recovery, 0, 600),
      warmupSeconds,
      seed,
      only: args.attacks ? args.attacks.split(',') : [],
      record: !args['no-record'],
      command,
    }).catch((err: unknown) => fail(`bench failed: ${(err as Error).message}`, 1));
  }
  const machineAtStart = machine();
  if (map === BENCH_MAP) {
    const spawns = writeBenchMap({
      source: path.join(repoRoot, VILLAGE_MAP),
      target: path.join(repoRoot, BENCH_MAP),
      across: 2,
      down: 4,
    });
    console.error(`bench: wrote ${BENCH_MAP} (160×288 tiles, ${spawns} spawn areas)`);
  }
  const nodeArgs = args.profile
    ? ['--cpu-prof', `--cpu-prof-dir=${path.join(repoRoot, 'bench-profiles')}`]
    : [];
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'emberquest-bench-'));
  let server: ServerProcess | null = null;
  const botsChildren: ChildProcess[] = [];
  const timer = setTimeout(() => {
    console.error(`bench: gave up after ${timeoutMs / 1000} s`);
    void cleanUp().then(() => process.exit(1));
  }, timeoutMs);
  async function cleanUp(): Promise<void> {
    clearTimeout(timer);
    // A bots process closes its bots and exits after reporting; give it time, then make it.
    await Promise.all(botsChildren.map((child) => stopChild(child, 10_000)));
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  process.once('SIGINT', () => void cleanUp().then(() => process.exit(130)));
  try {
    server = await startServerProcess(
      // A fresh character store per run: bots reuse names, which a kept store would refuse.
      { MAP: map, SEED: String(seed), MAX_PLAYERS: String(Math.max(5000, bots)), DATA_DIR: dataDir },
      { nodeArgs },
    );
    console.error(`bench: server up at ${server.url} (${map}); connecting ${bots} bots`);
    const request: BotsRequest = {
      wsUrl: server.url.replace(/^http/, 'ws') + 'ws',
      scenario: scenario!.name,
      map,
      bots,
      seconds,
      warmupSeconds,
      seed,
    };
    const requests = shares(bots, botsProcesses).map(({ count, namePrefix }, k) => {
      const child = fork(path.join(repoRoot, 'tools/bench/bots-process.ts'), [], {
        // Thousands of bots decode every walk they hear into short-lived objects: a larger young generation
        // makes their garbage collection (a third of their time with the default) cheap.
        execArgv: ['--import', 'tsx', '--max-semi-space-size=64', ...nodeArgs],
        cwd: repoRoot,
      });
      botsChildren.push(child);
      // Players' computers are not the server's: on one machine the bots (a core's worth at 2,000) yield to
      // the server they measure, so its tick times are its own, not the load generator's (0 to compare).
      if (botsNice > 0) os.setPriority(child.pid!, botsNice);
      return { ...request, bots: count, namePrefix, seed: seed + k };
    });
    const { report, before, after } = await runBotsGroup(botsChildren, requests, server.url);
    await cleanUp();
    const partial: Omit<Summary, 'targets'> = {
      date: new Date().toISOString(),
      scenario: scenario!.name,
      map,
      botsAsked: bots,
      seconds,
      bots: report,
      server: serverFigures(before, after, report.windowSeconds, report.connected),
      machine: machineAtStart,
      command,
      commit: commitMeasured(repoRoot),
    };
    const limitedBy = findBottleneck(report, machineAtStart);
    const summary: Summary = { ...partial, targets: checkTargets(partial), limitedBy };
    console.log(JSON.stringify(summary, null, 2));
    for (const why of [...limitedBy.bots, ...limitedBy.machine])
      console.error(`bench: not the server: ${why}`);
    if (!args['no-record']) await appendRow(path.join(repoRoot, 'BENCHMARKS.md'), summary);
  } catch (err) {
    console.error(`bench failed: ${(err as Error).message}`);
    if (server) console.error(`server output (tail):\n${server.output().slice(-2000)}`);
    await cleanUp();
    process.exit(1);
  }
}

async function stopChild(child: ChildProcess, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const term = setTimeout(() => child.kill('SIGTERM'), graceMs);
  const kill = setTimeout(() => child.kill('SIGKILL'), graceMs + 5000);
  await exited;
  clearTimeout(term);
  clearTimeout(kill);
}

await main();
