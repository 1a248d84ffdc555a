import { describe, expect, it } from 'vitest';
import { clientAddress, ConcurrencyLimit, RateBuckets } from './address-limits.ts';

describe('RateBuckets', () => {
  it('allows a burst, then refills at its rate, each key on its own', () => {
    let now = 0;
    const buckets = new RateBuckets(2, 3, () => now);
    expect([1, 2, 3, 4].map(() => buckets.take('a'))).toEqual([true, true, true, false]);
    expect(buckets.take('b')).toBe(true);
    now += 499;
    expect(buckets.take('a')).toBe(false);
    now += 2;
    expect(buckets.take('a')).toBe(true);
  });

  it('forgets keys once they have refilled, so memory does not grow with the addresses seen', () => {
    let now = 0;
    const buckets = new RateBuckets(1, 2, () => now);
    for (let i = 0; i < 1000; i++) buckets.take(`10.0.${i >> 8}.${i & 255}`);
    buckets.sweep();
    expect(buckets.size).toBe(1000);
    now += 1000;
    buckets.sweep();
    expect(buckets.size).toBe(0);
  });
});

describe('ConcurrencyLimit', () => {
  it('counts per key up to the limit and frees on release', () => {
    const limit = new ConcurrencyLimit(2);
    expect([limit.acquire('a'), limit.acquire('a'), limit.acquire('a')]).toEqual([true, true, false]);
    expect(limit.acquire('b')).toBe(true);
    limit.release('a');
    expect(limit.acquire('a')).toBe(true);
    limit.release('a');
    limit.release('a');
    expect(limit.count('a')).toBe(0);
  });
});

describe('clientAddress', () => {
  it('is the peer when no proxy is trusted, whatever the client forwards', () => {
    expect(clientAddress('::ffff:203.0.113.9', '1.1.1.1', [])).toBe('203.0.113.9');
  });

  it('behind a trusted proxy, is the last hop the proxy saw, not what the client wrote first', () => {
    const trusted = ['127.0.0.1'];
    expect(clientAddress('127.0.0.1', '6.6.6.6, 203.0.113.9', trusted)).toBe('203.0.113.9');
    expect(clientAddress('127.0.0.1', ['6.6.6.6', '203.0.113.9, 127.0.0.1'], trusted)).toBe('203.0.113.9');
    expect(clientAddress('127.0.0.1', undefined, trusted)).toBe('127.0.0.1');
  });
});
