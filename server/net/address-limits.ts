// Limits per client address: how fast it may open connections or make characters, and how many sockets
// it may hold at once, so one machine cannot crowd everyone else out. Behind a reverse proxy the
// address is the one the proxy forwards, believed only when the connection comes from that proxy.

/** A token bucket per key: `burst` at once, refilled at `perSecond`. Keys at rest are forgotten. */
export class RateBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly now: () => number,
  ) {}

  /** Takes a token for `key`; false when its bucket is empty (the caller refuses). */
  take(key: string): boolean {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, at: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }

  /** Forgets keys whose bucket has refilled: they would behave the same if asked anew. */
  sweep(): void {
    const now = this.now();
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond >= this.burst) this.buckets.delete(key);
    }
  }

  get size(): number {
    return this.buckets.size;
  }
}

/** How many of something each key holds at once, up to a limit. */
export class ConcurrencyLimit {
  private readonly held = new Map<string, number>();

  constructor(private readonly limit: number) {}

  /** Counts one more for `key`; false (and nothing counted) when it already holds `limit`. */
  acquire(key: string): boolean {
    const count = this.held.get(key) ?? 0;
    if (count >= this.limit) return false;
    this.held.set(key, count + 1);
    return true;
  }

  /** Counts one more for `key`, past the limit if need be. */
  add(key: string): void {
    this.held.set(key, (this.held.get(key) ?? 0) + 1);
  }

  release(key: string): void {
    const count = this.held.get(key) ?? 0;
    if (count <= 1) this.held.delete(key);
    else this.held.set(key, count - 1);
  }

  count(key: string): number {
    return this.held.get(key) ?? 0;
  }
}

/**
 * The client's address: the socket's peer, or, when the peer is a trusted proxy, the last address in
 * X-Forwarded-For that is not itself a trusted proxy (earlier entries are the client's to forge).
 */
export function clientAddress(
  peer: string | undefined,
  forwardedFor: string | string[] | undefined,
  trustedProxies: readonly string[],
): string {
  const remote = plain(peer ?? '?');
  if (!trustedProxies.includes(remote) || forwardedFor === undefined) return remote;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor)
    .split(',')
    .map((hop) => plain(hop.trim()))
    .filter((hop) => hop !== '');
  for (let i = hops.length - 1; i >= 0; i--) if (!trustedProxies.includes(hops[i]!)) return hops[i]!;
  return remote;
}

/** IPv4 addresses as Node shows them on a dual-stack socket ("::ffff:1.2.3.4") are plain IPv4. */
function plain(address: string): string {
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}
