import { describe, expect, it } from 'vitest';
import { histogramQuantile, parseSamples, sample } from './prometheus.ts';

const scrape = (buckets: [string, number][]): Map<string, number> =>
  parseSamples(
    [
      '# HELP t_seconds a tick',
      '# TYPE t_seconds histogram',
      ...buckets.map(([le, n]) => `t_seconds_bucket{le="${le}"} ${n}`),
      `t_seconds_count ${buckets[buckets.length - 1]![1]}`,
      'process_cpu_seconds_total 1.5',
    ].join('\n'),
  );

describe('prometheus samples', () => {
  it('reads values by name with labels, and names a missing one', () => {
    const s = scrape([['+Inf', 3]]);
    expect(sample(s, 'process_cpu_seconds_total')).toBe(1.5);
    expect(sample(s, 't_seconds_bucket{le="+Inf"}')).toBe(3);
    expect(() => sample(s, 'nope')).toThrow(/no nope/);
  });

  it('takes quantiles of the observations between two scrapes, inside the bucket', () => {
    const before = scrape([
      ['0.01', 100],
      ['0.02', 100],
      ['+Inf', 100],
    ]);
    // 100 new observations: 50 up to 10 ms, 40 in 10–20 ms, 10 beyond.
    const after = scrape([
      ['0.01', 150],
      ['0.02', 190],
      ['+Inf', 200],
    ]);
    expect(histogramQuantile(before, after, 't_seconds', 0.5)).toBeCloseTo(0.01);
    expect(histogramQuantile(before, after, 't_seconds', 0.7)).toBeCloseTo(0.015);
    // Beyond the last finite bound, the bound is all a histogram can tell.
    expect(histogramQuantile(before, after, 't_seconds', 0.99)).toBeCloseTo(0.02);
    expect(histogramQuantile(after, after, 't_seconds', 0.5)).toBe(0);
  });
});
