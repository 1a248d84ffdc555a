import { describe, expect, it } from 'vitest';
import { mergeReports, shares } from './bots-group.ts';
import { findBottleneck } from './bottleneck.ts';
import type { BotsReport } from './messages.ts';

function report(connected: number, over: Partial<BotsReport> = {}): BotsReport {
  return {
    connected,
    failures: [],
    failureCount: 0,
    disconnects: 0,
    disconnectSamples: [],
    problems: [],
    windowSeconds: 30,
    bytesInPerBot: { avg: 1000, p50: 900, max: 2000 },
    framesInPerBot: 18,
    readsInPerBot: 10,
    bytesOutPerBot: 40,
    othersSeenPerBot: 60,
    play: { hits: 10, kills: 1, deaths: 0, chatHeard: 0 },
    botsCpuPercent: 50,
    botsRssMb: 300,
    botsLoopDelayMs: { p99: 20, max: 60 },
    ...over,
  };
}

describe('bots shared out over processes', () => {
  it('gives every bot to one process, with a name prefix of its own when there are several', () => {
    expect(shares(2001, 2)).toEqual([
      { count: 1001, namePrefix: 'Bota' },
      { count: 1000, namePrefix: 'Botb' },
    ]);
    expect(shares(200, 1)).toEqual([{ count: 200, namePrefix: 'Bot' }]);
  });

  it('merges reports: per-bot figures weighted by bots, totals added, the worst lag and max kept', () => {
    const merged = mergeReports([
      report(1500, { framesInPerBot: 20, disconnects: 1, botsLoopDelayMs: { p99: 150, max: 400 } }),
      report(500, {
        framesInPerBot: 12,
        bytesInPerBot: { avg: 600, p50: 500, max: 5000 },
        botsCpuPercent: 70,
      }),
    ]);
    expect(merged.connected).toBe(2000);
    expect(merged.framesInPerBot).toBeCloseTo(18);
    expect(merged.bytesInPerBot).toEqual({ avg: 900, p50: 800, max: 5000 });
    expect(merged.disconnects).toBe(1);
    expect(merged.botsCpuPercent).toBe(120);
    expect(merged.busiestBotsCpuPercent).toBe(70);
    expect(merged.botsProcesses).toBe(2);
    expect(merged.botsLoopDelayMs).toEqual({ p99: 150, max: 400 });
  });

  it('judges saturation by the busiest process, not the sum of them', () => {
    const machine = { cores: 2, load: 0.5 };
    const two = mergeReports([report(1000, { botsCpuPercent: 60 }), report(1000, { botsCpuPercent: 65 })]);
    expect(findBottleneck(two, machine).bots).toEqual([]);
    const hot = mergeReports([report(1000, { botsCpuPercent: 95 }), report(1000, { botsCpuPercent: 40 })]);
    expect(findBottleneck(hot, machine).bots[0]).toMatch(/busiest of 2 bots processes used 95%/);
  });
});
