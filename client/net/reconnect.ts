// When to try again after the connection is lost: which closes are worth retrying, and how long to wait.
import { CloseCode } from '../../shared/protocol/ops.ts';

/** The first retry waits about this long; each failure doubles it, up to MAX_DELAY_MS. */
const BASE_DELAY_MS = 500;
const MAX_DELAY_MS = 10_000;

/** Closes where trying again may work: a lost network, a restarting or busy server, a slow link. */
const RETRYABLE: ReadonlySet<number> = new Set([
  1001, // the server went away
  1005, // closed with no code
  1006, // the connection died
  1011, // the server hit an error
  1012, // the server is restarting
  1013, // try again later
  CloseCode.Shutdown,
  CloseCode.TooSlow,
  CloseCode.Unavailable,
  CloseCode.ServerFull,
]);

export function shouldRetry(code: number): boolean {
  return RETRYABLE.has(code);
}

/**
 * The wait before retry number `attempt` (0 first): exponential, capped, with jitter so that a whole
 * world of clients dropped by one restart does not come back in the same instant.
 */
export function retryDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.min(attempt, 20));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * What the "Reconnecting…" notice says across a run of retries: the reason of the first loss (a restart
 * stays "the server is restarting" while later attempts fail with a plain lost connection) and a
 * countdown to the next attempt. `now` is injected so tests need no clock.
 */
export class ReconnectStatus {
  private reason: string | null = null;
  private nextAt = 0;

  /** A retry was scheduled `delayMs` from `now` after a loss described by `message`. */
  lost(message: string, delayMs: number, now: number): void {
    this.reason ??= message;
    this.nextAt = now + delayMs;
  }

  /** Back in the world (or given up): the next loss starts a new story. */
  reset(): void {
    this.reason = null;
  }

  get message(): string {
    return this.reason ?? '';
  }

  countdown(now: number): string {
    const s = Math.ceil((this.nextAt - now) / 1000);
    return s > 0 ? `Trying again in ${s} s…` : 'Trying now…';
  }
}
