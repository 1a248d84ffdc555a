// The bots' side of a benchmark, run in its own process (so bots and server do not share an event loop):
// connect the swarm, warm up, measure a window, report over IPC, close every bot and exit.
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { loadWorldMap } from '../../server/load-map.ts';
import { Swarm, type Traffic } from '../bots/swarm.ts';
import type { BotClient } from '../bots/bot-client.ts';
import { SCENARIOS } from './scenarios.ts';
import { repoRoot } from '../server-process.ts';
import type { BotsReport, BotsRequest, ToBench, ToBots } from './messages.ts';

type Tally = BotClient['tally'];

function tell(message: ToBench): void {
  process.send!(message);
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function run(request: BotsRequest): Promise<void> {
  const scenario = SCENARIOS[request.scenario]!;
  const map = loadWorldMap(path.join(repoRoot, request.map));
  const swarm = new Swarm({
    url: request.wsUrl,
    count: request.bots,
    behaviour: scenario.behaviour,
    wander: { grid: map.grid, area: scenario.area(map) },
    areas: scenario.areas?.(map),
    seed: request.seed,
    localAddress: request.ownAddresses ? botAddress : undefined,
    namePrefix: request.namePrefix,
  });
  // The bench may stop us at any time (timeout, Ctrl-C): close the bots cleanly first.
  process.on('disconnect', () => void swarm.close().then(() => process.exit(1)));
  const connectStart = performance.now();
  await swarm.connect();
  const seconds = (performance.now() - connectStart) / 1000;
  tell({ type: 'connected', bots: swarm.bots.length, seconds, firstFailure: swarm.failures[0] });
  if (request.waitForGo) await new Promise<void>((go) => process.once('message', () => go()));
  swarm.start();
  await sleep(request.warmupSeconds * 1000);
  if (request.phases) return playInPhases(swarm);

  const before = swarm.traffic();
  const tallyBefore = swarm.tally();
  const cpuBefore = process.cpuUsage();
  const loop = monitorEventLoopDelay({ resolution: 20 });
  loop.enable();
  const started = performance.now();
  tell({ type: 'window-start' });
  await sleep(request.seconds * 1000);
  const windowSeconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  loop.disable();
  const after = swarm.traffic();
  tell({ type: 'window-end' });

  const tallyAfter = swarm.tally();
  const report = summarise(before, after, windowSeconds, swarm);
  report.play = perMinute(tallyBefore, tallyAfter, windowSeconds, swarm.bots.length);
  report.botsCpuPercent = ((cpu.user + cpu.system) / 1e6 / windowSeconds) * 100;
  // The histogram is in ns and counts the sampling interval itself.
  const lag = (ns: number): number => Math.max(0, ns / 1e6 - 20);
  report.botsLoopDelayMs = { p99: lag(loop.percentile(99)), max: lag(loop.max) };
  tell({ type: 'report', report });
  await swarm.close();
  process.exit(0);
}

/** Plays on, answering every mark with the counters so far, until told to finish. */
function playInPhases(swarm: Swarm): void {
  process.on('message', (m: ToBots) => {
    if (m.type === 'mark') {
      const framesIn = swarm.bots.reduce((sum, b) => sum + b.framesIn, 0);
      const { length: bots } = swarm.bots;
      tell({ type: 'mark', framesIn, bots, disconnects: swarm.disconnects.length, atMs: performance.now() });
    } else if (m.type === 'finish') void swarm.close().then(() => process.exit(0));
  });
  tell({ type: 'ready' });
}

/** Bot i's own loopback address: 127.0.1.1 onwards (127.0.0.1 is the machine's, often exempt). */
function botAddress(i: number): string {
  return `127.0.${1 + Math.floor(i / 250)}.${1 + (i % 250)}`;
}

function summarise(before: Traffic[], after: Traffic[], seconds: number, swarm: Swarm): BotsReport {
  // Bots that dropped still count: their traffic up to the drop, over the whole window.
  const rate = (pick: (t: Traffic) => number): number[] =>
    after.map((t, i) => (pick(t) - pick(before[i]!)) / seconds).sort((a, b) => a - b);
  const bytesIn = rate((t) => t.bytesIn);
  const seen = swarm.bots.map((b) => b.view.entities.size - 1);
  return {
    connected: swarm.bots.length,
    failures: swarm.failures.slice(0, 5),
    failureCount: swarm.failures.length,
    disconnects: swarm.disconnects.length,
    disconnectSamples: swarm.disconnects.slice(0, 5),
    problems: swarm.problems().slice(0, 5),
    windowSeconds: seconds,
    bytesInPerBot: { avg: mean(bytesIn), p50: quantile(bytesIn, 0.5), max: bytesIn[bytesIn.length - 1] ?? 0 },
    framesInPerBot: mean(rate((t) => t.framesIn)),
    readsInPerBot: mean(rate((t) => t.readsIn)),
    bytesOutPerBot: mean(rate((t) => t.bytesOut)),
    othersSeenPerBot: mean(seen),
    play: { hits: 0, kills: 0, deaths: 0, chatHeard: 0 },
    botsCpuPercent: 0,
    botsRssMb: process.memoryUsage.rss() / 2 ** 20,
  };
}

/** What the bots did over the window, per bot per minute. */
function perMinute(before: Tally, after: Tally, seconds: number, bots: number): Tally {
  const per = (k: keyof Tally): number => ((after[k] - before[k]) * 60) / seconds / Math.max(1, bots);
  return { hits: per('hits'), kills: per('kills'), deaths: per('deaths'), chatHeard: per('chatHeard') };
}

function mean(values: number[]): number {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0;
}

/** `sorted` must be ascending. */
function quantile(sorted: number[], q: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

process.once('message', (request: BotsRequest) => {
  run(request).catch((err: unknown) => {
    tell({ type: 'error', message: (err as Error).stack ?? String(err) });
    process.exit(1);
  });
});
