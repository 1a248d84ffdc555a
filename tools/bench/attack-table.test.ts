import { describe, expect, it } from 'vitest';
import { attackTable, judge, type PhaseRow } from './attack-table.ts';

const base: PhaseRow = {
  name: 'baseline',
  what: 'no attack',
  mustCutOff: false,
  framesPerBot: 20,
  disconnects: 0,
  tickP99Ms: 4,
  welcomeMs: 30,
  gameRssMb: { peak: 110, after: 110 },
  gatewayRssMb: { peak: 80, after: 80 },
  result: null,
};

const attacked = (over: Partial<PhaseRow>, cutOffMs = [20, 900], stillOpen = 0): PhaseRow => ({
  ...base,
  name: 'flood',
  mustCutOff: true,
  result: { attempts: 3, cutOffMs, stillOpen, refused: 1, sentMb: 12, note: 'one flooder' },
  ...over,
});

describe('the attack bench verdict', () => {
  it('meets every target when the players barely notice and every attacker is cut within a second', () => {
    expect(judge(attacked({ framesPerBot: 18.5, tickP99Ms: 7.9 }), base)).toEqual({
      frames: true,
      tick: true,
      cutOff: true,
      memory: true,
    });
  });

  it('misses each target on its own', () => {
    expect(judge(attacked({ framesPerBot: 17.9 }), base).frames).toBe(false);
    expect(judge(attacked({ tickP99Ms: 8.1 }), base).tick).toBe(false);
    expect(judge(attacked({}, [20, 1001]), base).cutOff).toBe(false);
    expect(judge(attacked({}, [20], 1), base).cutOff).toBe(false);
    expect(judge(attacked({ gatewayRssMb: { peak: 900, after: 131 } }), base).memory).toBe(false);
    expect(judge(attacked({ gameRssMb: { peak: 900, after: 161 } }), base).memory).toBe(false);
  });

  it('a peak is allowed while the attack runs; only what stays afterwards counts', () => {
    expect(judge(attacked({ gatewayRssMb: { peak: 900, after: 129 } }), base).memory).toBe(true);
  });

  it('does not ask attackers within the rules to be cut off', () => {
    expect(judge(attacked({ mustCutOff: false }, [], 50), base).cutOff).toBe(true);
  });

  it('a tick p99 under 5 ms is never counted against a 1 ms baseline', () => {
    expect(judge(attacked({ tickP99Ms: 4.5 }), { ...base, tickP99Ms: 1 }).tick).toBe(true);
  });

  it('writes a row per phase, naming the targets missed', () => {
    const table = attackTable({
      date: '2026-12-02T03:00:00.000Z',
      bots: 100,
      seconds: 15,
      recoverySeconds: 8,
      machine: { cores: 2, node: 'v20.20.2', load: 1 },
      commit: 'abc1234',
      command: 'npm run bench -- --scenario attack',
      rows: [base, attacked({ framesPerBot: 10 }, [20, 1500])],
    });
    const rows = table.split('\n').filter((l) => l.startsWith('| baseline') || l.startsWith('| flood'));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/\| baseline \|$/);
    expect(rows[1]).toMatch(/missed: frames, cutOff \|$/);
    expect(rows[1]).toContain('| 20 / 1500 |');
  });
});
