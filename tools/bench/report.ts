// The benchmark's summary: the bots' report and the server's metrics over the measured window, as JSON
// and as one row of the results table in BENCHMARKS.md.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import * as prettier from 'prettier';
import { EVENT_LOOP_RESOLUTION_MS } from '../../server/metrics.ts';
import type { BotsReport } from './messages.ts';
import type { Bottleneck } from './bottleneck.ts';
import { histogramQuantile, sample, type Samples } from './prometheus.ts';

export interface ServerFigures {
  /** Both server processes: the game (world and HTTP) and its socket gateway. */
  cpuPercent: number;
  rssMb: number;
  /** The same, per process. */
  game: { cpuPercent: number; rssMb: number };
  gateway: { cpuPercent: number; rssMb: number; restarts: number };
  tickMs: { p50: number; p99: number; max: number };
  /** The tick's two parts: World.tick, and building and writing every frame. */
  simMs: { p50: number; p99: number };
  sendMs: { p50: number; p99: number };
  ticks: number;
  ticksSkipped: number;
  /**
   * Server CPU (both processes) per tick run: the work a tick costs whatever the scheduler did. Far
   * below the tick's wall time means the server was waiting for a core (bots share the machine).
   */
  cpuMsPerTick: number;
  eventLoopDelayP99Ms: number;
  /** Payload bytes the server counted as sent, per welcomed bot per second: cross-checks the bots. */
  sentBytesPerBot: number;
}

export interface Summary {
  date: string;
  scenario: string;
  map: string;
  botsAsked: number;
  seconds: number;
  bots: BotsReport;
  server: ServerFigures;
  /** `load` is the 1-minute load average when the run started: other work on the machine skews it. */
  machine: { cores: number; cpu: string; memoryGb: number; node: string; platform: string; load: number };
  command: string;
  /** The commit measured, with "+changes" when server/ or shared/ differed from it. */
  commit: string;
  targets: Record<string, { target: string; met: boolean }>;
  /** What limited the run besides the server (bottleneck.ts): the bots process, the machine's other work. */
  limitedBy?: Bottleneck;
}

export function serverFigures(before: Samples, after: Samples, seconds: number, bots: number): ServerFigures {
  const delta = (key: string): number => sample(after, key) - sample(before, key);
  const tick = 'emberquest_tick_duration_seconds';
  const maxMs = sample(after, 'emberquest_tick_max_seconds') * 1000;
  // Interpolating inside a wide bucket can overshoot the longest tick actually seen.
  const quantileMs = (q: number): number => Math.min(maxMs, histogramQuantile(before, after, tick, q) * 1000);
  const part = (name: string): { p50: number; p99: number } => ({
    p50: histogramQuantile(before, after, name, 0.5) * 1000,
    p99: histogramQuantile(before, after, name, 0.99) * 1000,
  });
  const game = {
    cpuPercent: (delta('process_cpu_seconds_total') / seconds) * 100,
    rssMb: sample(after, 'process_resident_memory_bytes') / 2 ** 20,
  };
  const gateway = {
    cpuPercent: (delta('emberquest_gateway_cpu_seconds_total') / seconds) * 100,
    rssMb: sample(after, 'emberquest_gateway_resident_memory_bytes') / 2 ** 20,
    restarts: sample(after, 'emberquest_gateway_restarts'),
  };
  const cpuSeconds = delta('process_cpu_seconds_total') + delta('emberquest_gateway_cpu_seconds_total');
  return {
    cpuPercent: game.cpuPercent + gateway.cpuPercent,
    rssMb: game.rssMb + gateway.rssMb,
    game,
    gateway,
    tickMs: { p50: quantileMs(0.5), p99: quantileMs(0.99), max: maxMs },
    simMs: part('emberquest_tick_sim_seconds'),
    sendMs: part('emberquest_tick_send_seconds'),
    ticks: delta(`${tick}_count`),
    ticksSkipped: delta('emberquest_ticks_skipped'),
    cpuMsPerTick: (cpuSeconds * 1000) / Math.max(1, delta(`${tick}_count`)),
    // Reset at every scrape, so the scrape at the window's end covers exactly the window.
    eventLoopDelayP99Ms: Math.max(
      0,
      sample(after, 'nodejs_eventloop_lag_p99_seconds') * 1000 - EVENT_LOOP_RESOLUTION_MS,
    ),
    sentBytesPerBot: bots ? delta('emberquest_sent_bytes_total') / seconds / bots : 0,
  };
}

export function commitMeasured(root: string): string {
  const git = (...args: string[]): string =>
    execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  try {
    const changed = git('status', '--porcelain', '--', 'server', 'shared') !== '';
    return git('rev-parse', '--short', 'HEAD') + (changed ? '+changes' : '');
  } catch {
    return 'unknown';
  }
}

export function machine(): Summary['machine'] {
  const cpus = os.cpus();
  return {
    cores: cpus.length,
    cpu: cpus[0]?.model.trim() ?? '?',
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.arch()}`,
    load: Math.round(os.loadavg()[0]! * 10) / 10,
  };
}

/** The targets of issue 3 that apply to the scenario, checked against this run. */
export function checkTargets(s: Omit<Summary, 'targets'>): Summary['targets'] {
  const t: Summary['targets'] = {};
  if (s.scenario === 'crowd') {
    t.bytesPerBot = { target: '≤ 800 B/s per bot at 200 bots', met: s.bots.bytesInPerBot.avg <= 800 };
    t.serverCpu = { target: '≤ 21% of one core at 200 bots', met: s.server.cpuPercent <= 21 };
  }
  if (s.scenario === 'spread') {
    t.tickP99 = { target: 'tick p99 ≤ 25 ms at 2,000 bots', met: s.server.tickMs.p99 <= 25 };
    t.disconnects = { target: 'zero unexpected disconnects', met: s.bots.disconnects === 0 };
    t.rss = { target: 'RSS ≤ 600 MB (game and gateway together)', met: s.server.rssMb <= 600 };
  }
  if (s.scenario === 'combat')
    t.fighting = { target: 'bots land blows on mobs', met: s.bots.play.hits > 0 && s.bots.play.kills > 0 };
  if (s.scenario === 'chat')
    t.chatting = { target: 'bots hear each other chat', met: s.bots.play.chatHeard > 0 };
  if (s.scenario !== 'spread')
    t.disconnects = { target: 'zero unexpected disconnects', met: s.bots.disconnects === 0 };
  t.allConnected = { target: 'every bot connected', met: s.bots.connected === s.botsAsked };
  return t;
}

const HEADER = [
  '| date | scenario | map | bots (connected/asked) | window s | unexpected disconnects | S→C B/s per bot avg / p50 / max | frames/s per bot | C→S B/s per bot | server CPU % of a core | bots CPU % | server RSS MB | tick ms p50 / p99 / max | server CPU ms per tick | event-loop delay p99 ms | play per bot per min: hits / kills / deaths / chat heard | machine | commit | command |',
  '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
];

export function markdownRow(s: Summary): string {
  const n = (v: number, digits = 0): string => v.toFixed(digits);
  const b = s.bots;
  const cells = [
    s.date.slice(0, 16).replace('T', ' '),
    s.scenario,
    s.map.replace('assets/maps/', ''),
    `${b.connected}/${s.botsAsked}`,
    n(b.windowSeconds),
    String(b.disconnects),
    `${n(b.bytesInPerBot.avg)} / ${n(b.bytesInPerBot.p50)} / ${n(b.bytesInPerBot.max)}`,
    n(b.framesInPerBot, 1),
    n(b.bytesOutPerBot, 1),
    n(s.server.cpuPercent, 1),
    (b.botsProcesses ?? 1) > 1
      ? `${n(b.botsCpuPercent, 1)} (${b.botsProcesses} processes)`
      : n(b.botsCpuPercent, 1),
    n(s.server.rssMb),
    `${n(s.server.tickMs.p50, 2)} / ${n(s.server.tickMs.p99, 2)} / ${n(s.server.tickMs.max, 1)}`,
    n(s.server.cpuMsPerTick, 1),
    n(s.server.eventLoopDelayP99Ms, 1),
    play(b.play),
    `${s.machine.cores} cores, Node ${s.machine.node.replace(/^v/, '')}, load ${s.machine.load}` +
      (s.limitedBy?.bots.length ? ', **bots-bound**' : ''),
    s.commit,
    `\`${s.command}\``,
  ];
  return `| ${cells.join(' | ')} |`;
}

function play(p: BotsReport['play'] | undefined): string {
  if (!p || p.hits + p.kills + p.deaths + p.chatHeard === 0) return '–';
  return [p.hits, p.kills, p.deaths, p.chatHeard].map((v) => v.toFixed(1)).join(' / ');
}

/**
 * Appends the row to the results table, which is the last thing in the file (started if missing), then
 * formats the file with prettier so `npm run format:check` stays green.
 */
export async function appendRow(file: string, s: Summary): Promise<void> {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const lead = text.includes('## Results') ? '' : `\n## Results\n\n${HEADER.join('\n')}\n`;
  const appended = `${text.trimEnd()}\n${lead}${markdownRow(s)}\n`;
  const options = (await prettier.resolveConfig(file)) ?? {};
  writeFileSync(file, await prettier.format(appended, { ...options, filepath: file }));
}
