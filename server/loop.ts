// The fixed-step loop: ticks the world at TICK_RATE from an injected clock, then sends each client its
// frame. Falling far behind skips ticks rather than bursting to catch up.
import { TICK_MS } from '../shared/rules/movement.ts';

export interface Clock {
  now(): number;
}

export const realClock: Clock = { now: () => performance.now() };

/** Most ticks run back to back to catch up before the loop gives up and skips. */
const MAX_CATCH_UP = 5;

export class TickLoop {
  private timer: NodeJS.Timeout | null = null;
  private next = 0;
  /** Durations of recent ticks in ms, for status and metrics. */
  readonly recent: number[] = [];
  skipped = 0;
  errors = 0;
  /** Told each tick's duration in ms (the /metrics histogram). */
  onTick: ((ms: number) => void) | null = null;

  constructor(
    private readonly clock: Clock,
    private readonly step: () => void,
    private readonly onError: (err: unknown) => void = (err) => console.error(err),
  ) {}

  start(): void {
    this.next = this.clock.now() + TICK_MS;
    this.schedule();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(): void {
    const wait = Math.max(0, this.next - this.clock.now());
    this.timer = setTimeout(() => this.run(), wait);
  }

  private run(): void {
    let ran = 0;
    while (this.clock.now() >= this.next && ran < MAX_CATCH_UP) {
      const started = this.clock.now();
      try {
        this.step();
      } catch (err) {
        // One bad tick must not take every player down; the error is reported and the world goes on.
        this.errors++;
        if (this.errors <= 10 || this.errors % 1000 === 0) this.onError(err);
      }
      this.record(this.clock.now() - started);
      this.next += TICK_MS;
      ran++;
    }
    if (this.clock.now() >= this.next) {
      const behind = Math.floor((this.clock.now() - this.next) / TICK_MS) + 1;
      this.skipped += behind;
      this.next += behind * TICK_MS;
    }
    if (this.timer) this.schedule();
  }

  private record(ms: number): void {
    this.onTick?.(ms);
    this.recent.push(ms);
    if (this.recent.length > 1200) this.recent.splice(0, this.recent.length - 1200);
  }
}
