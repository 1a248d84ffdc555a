// Server instrumentation served at GET /metrics in Prometheus text format: what hosts graph and alert on,
// and what the benchmark (tools/bench) reads, so both see the same numbers.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { Op } from '../shared/protocol/ops.ts';

/** What the metrics read when scraped, so the hot path only bumps plain numbers. */
export interface MetricSources {
  players(): number;
  connections(): number;
  skippedTicks(): number;
  /**
   * The socket gateway process: its CPU time so far, its memory, how often it had to be restarted, and
   * the players' frames written to it that it has not taken yet.
   */
  gateway(): { cpuSeconds: number; rssBytes: number; restarts: number; backlogBytes: number };
}

/**
 * Node's event-loop delay monitor samples every this many ms and its figures include the interval:
 * subtract it to get the delay itself (an idle server shows about 10 ms, not 0).
 */
export const EVENT_LOOP_RESOLUTION_MS = 10;

/** Tick buckets in seconds, fine around the 50 ms budget so quantiles can be read off them. */
const TICK_BUCKETS = [
  0.0005, 0.001, 0.002, 0.003, 0.004, 0.005, 0.0075, 0.01, 0.0125, 0.015, 0.02, 0.025, 0.03, 0.04, 0.05,
  0.075, 0.1, 0.25, 0.5, 1,
];

/** Client ops by number, named like `walk_to`, for the per-op message counter. */
const CLIENT_OP_NAMES = new Map<number, string>(
  Object.entries(Op)
    .filter(([, op]) => op < 64)
    .map(([name, op]) => [op, name.replace(/[A-Z]/g, (c, i: number) => (i ? '_' : '') + c.toLowerCase())]),
);

// Process metrics (CPU, RSS, heap, GC, event-loop lag) are per process, not per server: register them
// once, so tests that start many servers in one process do not stack up monitors.
let processRegistry: Registry | null = null;

function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({
      register: processRegistry,
      eventLoopMonitoringPrecision: EVENT_LOOP_RESOLUTION_MS,
    });
  }
  return processRegistry;
}

export class GameMetrics {
  private readonly registry = new Registry();
  private readonly tickSeconds: Histogram;
  private readonly simSeconds: Histogram;
  private readonly sendSeconds: Histogram;
  private readonly messagesByOp = new Map<string, Counter.Internal>();
  private readonly messages: Counter<'op'>;
  // Bumped per frame sent (tens of thousands a second), added to the counters at scrape time.
  private readonly pending = { frames: 0, bytes: 0 };
  private longestTickMs = 0;

  constructor(sources: MetricSources) {
    const registers = [this.registry];
    processMetrics();
    this.tickSeconds = new Histogram({
      name: 'emberquest_tick_duration_seconds',
      help: 'Time one world tick takes, sends included (20 ticks a second leave 50 ms each).',
      buckets: TICK_BUCKETS,
      registers,
    });
    // The two halves of a tick, to tell a slow simulation from slow sockets.
    this.simSeconds = new Histogram({
      name: 'emberquest_tick_sim_seconds',
      help: 'The simulation part of a tick: World.tick, frames not yet built or sent.',
      buckets: TICK_BUCKETS,
      registers,
    });
    this.sendSeconds = new Histogram({
      name: 'emberquest_tick_send_seconds',
      help: "The sending part of a tick: every player's frame built and handed to the socket gateway.",
      buckets: TICK_BUCKETS,
      registers,
    });
    this.messages = new Counter({
      name: 'emberquest_client_messages_total',
      help: 'Client messages received, by op ("other" for frames that are not a known op).',
      labelNames: ['op'],
      registers,
    });
    for (const name of [...CLIENT_OP_NAMES.values(), 'other'])
      this.messagesByOp.set(name, this.messages.labels(name));
    const pending = this.pending;
    const flush = (key: keyof typeof pending) =>
      function (this: Counter) {
        this.inc(pending[key]);
        pending[key] = 0;
      };
    new Counter({
      name: 'emberquest_sent_frames_total',
      help: 'WebSocket frames sent to players (at most one per player per tick).',
      registers,
      collect: flush('frames'),
    });
    new Counter({
      name: 'emberquest_sent_bytes_total',
      help: 'Payload bytes sent to players (WebSocket framing not included).',
      registers,
      collect: flush('bytes'),
    });
    gauge('emberquest_players', 'Players in the world.', sources.players);
    gauge('emberquest_connections', 'Open WebSocket connections, welcomed or not.', sources.connections);
    gauge('emberquest_ticks_skipped', 'Ticks skipped because the loop fell behind.', sources.skippedTicks);
    const gateway = sources.gateway;
    // A counter, as CPU time is: increased at scrape time by what the gateway used since the last one.
    let gatewayCpuCounted = 0;
    new Counter({
      name: 'emberquest_gateway_cpu_seconds_total',
      help: 'CPU time of the socket gateway process (all its lives).',
      registers,
      collect() {
        const seconds = gateway().cpuSeconds;
        this.inc(Math.max(0, seconds - gatewayCpuCounted));
        gatewayCpuCounted = Math.max(gatewayCpuCounted, seconds);
      },
    });
    gauge(
      'emberquest_gateway_resident_memory_bytes',
      'Resident memory of the socket gateway process.',
      () => gateway().rssBytes,
    );
    gauge(
      'emberquest_gateway_backlog_bytes',
      "Players' frames written to the socket gateway that it has not taken yet (it is short of CPU).",
      () => gateway().backlogBytes,
    );
    gauge(
      'emberquest_gateway_restarts',
      'Times the socket gateway process died and was restarted.',
      () => gateway().restarts,
    );
    // Like prom-client's event-loop max: since the previous scrape, so a scrape per window gives its max.
    gauge('emberquest_tick_max_seconds', 'Longest tick since the previous scrape.', () => {
      const longest = this.longestTickMs;
      this.longestTickMs = 0;
      return longest / 1000;
    });

    function gauge(name: string, help: string, read: () => number): void {
      new Gauge({
        name,
        help,
        registers,
        collect() {
          this.set(read());
        },
      });
    }
  }

  tickTook(ms: number): void {
    this.tickSeconds.observe(ms / 1000);
    if (ms > this.longestTickMs) this.longestTickMs = ms;
  }

  /** The simulation and sending parts of the tick just run, in ms. */
  tickParts(simMs: number, sendMs: number): void {
    this.simSeconds.observe(simMs / 1000);
    this.sendSeconds.observe(sendMs / 1000);
  }

  frameSent(bytes: number): void {
    this.pending.frames++;
    this.pending.bytes += bytes;
  }

  /** Counts a client frame by its op, peeked without decoding (the session decodes and validates it). */
  clientMessage(frame: Uint8Array): void {
    // A message is a msgpack fixarray (0x91–0x9f) whose first element, the op, is a positive fixint.
    const op = frame.length > 1 && frame[0]! >= 0x91 && frame[0]! <= 0x9f ? frame[1]! : -1;
    this.messagesByOp.get(CLIENT_OP_NAMES.get(op) ?? 'other')!.inc();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  async render(): Promise<string> {
    return (await processMetrics().metrics()) + (await this.registry.metrics());
  }
}
