import { describe, expect, it } from 'vitest';
import { InboundBudget } from './inbound-budget.ts';

const limits = { bytesPerSecond: 1000, byteBurst: 4000, framesPerSecond: 10, frameBurst: 20 };

describe('InboundBudget', () => {
  it('allows a burst of bytes, then only the refill rate', () => {
    let now = 0;
    const budget = new InboundBudget(limits, () => now);
    expect(budget.spendBytes(4000)).toBe(true);
    expect(budget.spendBytes(1)).toBe(false);
    now += 2000;
    const fresh = new InboundBudget(limits, () => now);
    expect(fresh.spendBytes(3000)).toBe(true);
    now += 500; // 500 bytes back
    expect(fresh.spendBytes(1500)).toBe(true);
    expect(fresh.spendBytes(1)).toBe(false);
  });

  it('counts frames apart from bytes: many tiny frames are a flood too', () => {
    let now = 0;
    const budget = new InboundBudget(limits, () => now);
    for (let i = 0; i < 20; i++) expect(budget.spendFrame()).toBe(true);
    expect(budget.spendFrame()).toBe(false);
    now += 1000;
    expect(budget.spendFrame()).toBe(true); // the debt is paid back at the frame rate
  });

  it('a steady player (20 small frames a second for a minute) never runs out', () => {
    let now = 0;
    const budget = new InboundBudget(limits, () => now);
    const steady = new InboundBudget({ ...limits, framesPerSecond: 120, frameBurst: 240 }, () => now);
    for (let i = 0; i < 1200; i++) {
      now += 50;
      expect(steady.spendFrame() && budget.spendBytes(8)).toBe(true);
    }
  });
});
