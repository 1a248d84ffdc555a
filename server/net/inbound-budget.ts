// How much one client may send: frames and bytes per second, counted as they arrive, before anything
// is parsed or passed on. A player sends a few small intents a second; a client far past that is a
// flood, and is cut off at once rather than queued (an unbounded queue is how one client froze the world).

export interface BudgetLimits {
  bytesPerSecond: number;
  byteBurst: number;
  framesPerSecond: number;
  frameBurst: number;
}

/** Generous for any player (intents are a few bytes, at most 60 a second reach the world). */
export const CLIENT_BUDGET: BudgetLimits = {
  bytesPerSecond: 16 * 1024,
  byteBurst: 64 * 1024,
  framesPerSecond: 120,
  frameBurst: 240,
};

export class InboundBudget {
  private bytes: number;
  private frames: number;
  private at: number;

  constructor(
    private readonly limits: BudgetLimits,
    private readonly now: () => number,
  ) {
    this.bytes = limits.byteBurst;
    this.frames = limits.frameBurst;
    this.at = now();
  }

  /** Counts raw bytes off the socket; false once the client has sent more than its budget. */
  spendBytes(count: number): boolean {
    this.refill();
    this.bytes -= count;
    return this.bytes >= 0;
  }

  /** Counts one complete frame; false once the client has sent more frames than its budget. */
  spendFrame(): boolean {
    this.refill();
    this.frames -= 1;
    return this.frames >= 0;
  }

  private refill(): void {
    const now = this.now();
    const seconds = (now - this.at) / 1000;
    this.at = now;
    const { bytesPerSecond, byteBurst, framesPerSecond, frameBurst } = this.limits;
    this.bytes = Math.min(byteBurst, this.bytes + seconds * bytesPerSecond);
    this.frames = Math.min(frameBurst, this.frames + seconds * framesPerSecond);
  }
}
