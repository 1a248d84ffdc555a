import { describe, expect, it } from 'vitest';
import { findBottleneck } from './bottleneck.ts';
import type { BotsReport } from './messages.ts';

const report = (over: Partial<BotsReport>): BotsReport => ({
  connected: 2000,
  failures: [],
  failureCount: 0,
  disconnects: 0,
  disconnectSamples: [],
  problems: [],
  windowSeconds: 30,
  bytesInPerBot: { avg: 1000, p50: 1000, max: 1500 },
  framesInPerBot: 15,
  bytesOutPerBot: 3,
  othersSeenPerBot: 20,
  play: { hits: 0, kills: 0, deaths: 0, chatHeard: 0 },
  botsCpuPercent: 40,
  botsRssMb: 300,
  botsLoopDelayMs: { p99: 12, max: 40 },
  ...over,
});

describe('findBottleneck', () => {
  it('finds nothing in a run where the bots kept up on a quiet machine', () => {
    expect(findBottleneck(report({}), { cores: 2, load: 0.4 })).toEqual({ bots: [], machine: [] });
  });

  it('blames the bots when their process is saturated and its loop lags', () => {
    const b = findBottleneck(report({ botsCpuPercent: 98, botsLoopDelayMs: { p99: 400, max: 900 } }), {
      cores: 2,
      load: 1,
    });
    expect(b.bots).toHaveLength(2);
    expect(b.bots[0]).toContain('98%');
    expect(b.bots[1]).toContain('400 ms');
  });

  it('explains drops by the ping check while the bots stalled, and a loaded machine', () => {
    const b = findBottleneck(
      report({
        disconnects: 2000,
        disconnectSamples: [{ name: 'Bot1', code: 1006, reason: '' }],
        botsLoopDelayMs: { p99: 16_000, max: 21_000 },
      }),
      { cores: 2, load: 10.8 },
    );
    expect(b.bots.some((r) => r.includes('2000 bots were dropped') && r.includes('21.0 s'))).toBe(true);
    expect(b.machine[0]).toContain('10.8 on 2 cores');
  });

  it('does not blame the bots for drops while their loop ran', () => {
    const b = findBottleneck(
      report({ disconnects: 3, disconnectSamples: [{ name: 'Bot1', code: 1006, reason: '' }] }),
      { cores: 2, load: 0.2 },
    );
    expect(b.bots).toEqual([]);
  });
});
