// Reads the server's GET /metrics: Prometheus text into numbers, and quantiles from histogram buckets.

/** Every sample, keyed by its name with labels as written, e.g. `x_bucket{le="0.005"}`. */
export type Samples = Map<string, number>;

export async function scrape(baseUrl: string): Promise<Samples> {
  const res = await fetch(new URL('/metrics', baseUrl), { signal: AbortSignal.timeout(10_000) });
  if (!res.ok) throw new Error(`GET /metrics answered ${res.status}`);
  return parseSamples(await res.text());
}

export function parseSamples(text: string): Samples {
  const samples: Samples = new Map();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const cut = line.lastIndexOf(' ');
    samples.set(line.slice(0, cut), Number(line.slice(cut + 1)));
  }
  return samples;
}

/** A sample's value, failing loudly when the server does not export it. */
export function sample(samples: Samples, key: string): number {
  const value = samples.get(key);
  if (value === undefined) throw new Error(`/metrics has no ${key}`);
  return value;
}

/**
 * The q-quantile of a histogram's observations between two scrapes, interpolated linearly inside the
 * bucket it falls in (as PromQL's histogram_quantile does).
 */
export function histogramQuantile(before: Samples, after: Samples, name: string, q: number): number {
  const buckets: { le: number; count: number }[] = [];
  for (const [key, value] of after) {
    const m = new RegExp(`^${name}_bucket\\{le="([^"]+)"\\}$`).exec(key);
    if (!m) continue;
    const le = m[1] === '+Inf' ? Infinity : Number(m[1]);
    buckets.push({ le, count: value - (before.get(key) ?? 0) });
  }
  buckets.sort((a, b) => a.le - b.le);
  const total = buckets[buckets.length - 1]?.count ?? 0;
  if (total === 0) return 0;
  const rank = q * total;
  let lower = 0;
  let below = 0;
  for (const b of buckets) {
    if (b.count >= rank) {
      if (b.le === Infinity) return lower; // beyond the last bound: the best we can say
      return lower + ((b.le - lower) * (rank - below)) / Math.max(1, b.count - below);
    }
    lower = b.le;
    below = b.count;
  }
  return lower;
}
