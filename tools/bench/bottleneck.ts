// Who limited a bench run. The bots share the machine with the server they measure: when the bots
// process is short of CPU it reads frames late (fewer frames/s look like a slow server) and answers the
// gateway's pings late (after 15 s the ping check drops it, which looks like the server losing players).
// This says so, from the bots' own CPU and event-loop delay and the machine's load, instead of leaving
// the reader to guess. It judges the load generator and the machine, never the server.
import type { BotsReport } from './messages.ts';

/** A bots process is one Node thread: past this share of a core it is saturated. */
const BOTS_CPU_SATURATED = 90;
/** Event-loop delay (p99) past which bots read their frames visibly late (two ticks and more). */
const BOTS_LAG_MS = 100;
/** The gateway's ping check: a bot that cannot answer for this long is dropped. */
const PING_MS = 15_000;

export interface Bottleneck {
  /** The bots process limited the run: what the bots saw is not all the server's doing. */
  bots: string[];
  /** Other work on the machine. */
  machine: string[];
}

export function findBottleneck(bots: BotsReport, machine: { cores: number; load: number }): Bottleneck {
  const found: Bottleneck = { bots: [], machine: [] };
  const cpu = bots.busiestBotsCpuPercent ?? bots.botsCpuPercent;
  if (cpu >= BOTS_CPU_SATURATED)
    found.bots.push(
      (bots.botsProcesses ?? 1) > 1
        ? `the busiest of ${bots.botsProcesses} bots processes used ${cpu.toFixed(0)}% of the one core it can use`
        : `the bots process used ${cpu.toFixed(0)}% of the one core it can use`,
    );
  const lag = bots.botsLoopDelayMs;
  if (lag && lag.p99 >= BOTS_LAG_MS)
    found.bots.push(
      `the bots' event loop lagged ${lag.p99.toFixed(0)} ms at p99 (max ${lag.max.toFixed(0)} ms): ` +
        'they read frames late',
    );
  const dropped = bots.disconnectSamples.some((d) => d.code === 1006);
  if (bots.disconnects > 0 && dropped && lag && lag.max >= PING_MS / 2)
    found.bots.push(
      `${bots.disconnects} bots were dropped while the bots' loop stalled up to ${(lag.max / 1000).toFixed(1)} s: ` +
        `the server's ${PING_MS / 1000} s ping check cut bots that could not answer`,
    );
  if (machine.load > machine.cores)
    found.machine.push(
      `the load average was ${machine.load} on ${machine.cores} cores at the start: other work shared the machine`,
    );
  return found;
}
