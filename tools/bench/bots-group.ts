// The bots of one bench run, shared out over several bots processes: past a core's worth of decoding one
// Node thread reads its frames late, and then the run measures the load generator, not the server. Each process connects its share, all start their warm-up on one `go`, and
// the server is scraped when the first window starts and the last one ends. Their reports merge into one.
import type { ChildProcess } from 'node:child_process';
import type { BotsReport, BotsRequest, Spread, ToBench, ToBots } from './messages.ts';
import { scrape, type Samples } from './prometheus.ts';

/**
 * Bots per bots process the bench aims for by default. One process drives 2,000 at ~75% of its core since
 * frames are applied without garbage (decode-bench.ts); on 2 cores a second one takes the server's core time.
 */
export const BOTS_PER_PROCESS = 2000;

/** How `bots` are shared out: [count, name prefix] per process, the counts adding up to `bots`. */
export function shares(bots: number, processes: number): { count: number; namePrefix: string }[] {
  return Array.from({ length: processes }, (_, k) => ({
    count: Math.floor(bots / processes) + (k < bots % processes ? 1 : 0),
    // "Bot" alone for one process, so single-process runs name their bots as they always did.
    namePrefix: processes === 1 ? 'Bot' : `Bot${String.fromCharCode(97 + k)}`,
  }));
}

/** Drives the bots processes and scrapes the server when the window starts and ends. */
export function runBotsGroup(
  children: readonly ChildProcess[],
  requests: readonly BotsRequest[],
  serverUrl: string,
): Promise<{ report: BotsReport; before: Samples; after: Samples }> {
  return new Promise((resolve, reject) => {
    let before: Promise<Samples> | null = null;
    let after: Promise<Samples> | null = null;
    let connected = 0;
    let welcomed = 0;
    let windowsEnded = 0;
    const reports: BotsReport[] = [];
    const started = performance.now();
    // A failed scrape (the server died) fails the run at once, not when the report arrives.
    const watched = (p: Promise<Samples>): Promise<Samples> => {
      p.catch(reject);
      return p;
    };
    children.forEach((child, k) => {
      child.on('message', (m: ToBench) => {
        if (m.type === 'connected') {
          welcomed += m.bots;
          if (m.bots === 0) reject(new Error(`no bot was welcomed: ${m.firstFailure ?? 'no reason given'}`));
          if (++connected < children.length) return;
          const seconds = (performance.now() - started) / 1000;
          console.error(`bench: ${welcomed} bots welcomed in ${seconds.toFixed(1)} s`);
          if (children.length > 1) for (const c of children) c.send({ type: 'go' } satisfies ToBots);
        } else if (m.type === 'window-start') before ??= watched(scrape(serverUrl));
        else if (m.type === 'window-end') {
          if (++windowsEnded === children.length) after = watched(scrape(serverUrl));
        } else if (m.type === 'error') reject(new Error(`bots process ${k + 1}: ${m.message}`));
        else if (m.type === 'report') {
          reports.push(m.report);
          if (reports.length < children.length) return;
          if (!before || !after) return reject(new Error('bots reported before measuring a window'));
          Promise.all([before, after]).then(
            ([b, a]) => resolve({ report: mergeReports(reports), before: b, after: a }),
            reject,
          );
        }
      });
      child.once('exit', (code) => {
        if (reports.length < children.length)
          reject(new Error(`bots process ${k + 1} exited with code ${code} before reporting`));
      });
      child.send({ ...requests[k]!, waitForGo: children.length > 1 });
    });
  });
}

/** One report for the whole run: per-bot figures averaged over all bots, totals added, worst cases kept. */
export function mergeReports(reports: readonly BotsReport[]): BotsReport {
  if (reports.length === 1)
    return { ...reports[0]!, botsProcesses: 1, busiestBotsCpuPercent: reports[0]!.botsCpuPercent };
  const bots = reports.reduce((sum, r) => sum + r.connected, 0);
  const mean = (pick: (r: BotsReport) => number): number =>
    bots === 0 ? 0 : reports.reduce((sum, r) => sum + pick(r) * r.connected, 0) / bots;
  const sum = (pick: (r: BotsReport) => number): number => reports.reduce((s, r) => s + pick(r), 0);
  const max = (pick: (r: BotsReport) => number): number => Math.max(...reports.map(pick));
  const spread: Spread = {
    avg: mean((r) => r.bytesInPerBot.avg),
    // The processes' medians, weighted: near the run's median when the shares play alike, as they do.
    p50: mean((r) => r.bytesInPerBot.p50),
    max: max((r) => r.bytesInPerBot.max),
  };
  const lags = reports.map((r) => r.botsLoopDelayMs).filter((l) => l !== undefined);
  return {
    connected: bots,
    failures: reports.flatMap((r) => r.failures).slice(0, 5),
    failureCount: sum((r) => r.failureCount),
    disconnects: sum((r) => r.disconnects),
    disconnectSamples: reports.flatMap((r) => r.disconnectSamples).slice(0, 5),
    problems: reports.flatMap((r) => r.problems).slice(0, 5),
    windowSeconds: max((r) => r.windowSeconds),
    bytesInPerBot: spread,
    framesInPerBot: mean((r) => r.framesInPerBot),
    readsInPerBot: mean((r) => r.readsInPerBot ?? 0),
    bytesOutPerBot: mean((r) => r.bytesOutPerBot),
    othersSeenPerBot: mean((r) => r.othersSeenPerBot),
    play: {
      hits: mean((r) => r.play.hits),
      kills: mean((r) => r.play.kills),
      deaths: mean((r) => r.play.deaths),
      chatHeard: mean((r) => r.play.chatHeard),
    },
    botsCpuPercent: sum((r) => r.botsCpuPercent),
    botsProcesses: reports.length,
    busiestBotsCpuPercent: max((r) => r.botsCpuPercent),
    botsRssMb: sum((r) => r.botsRssMb),
    botsLoopDelayMs: lags.length
      ? { p99: Math.max(...lags.map((l) => l.p99)), max: Math.max(...lags.map((l) => l.max)) }
      : undefined,
  };
}
