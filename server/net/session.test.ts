import { describe, it, expect } from 'vitest';
import { fitReason } from './session.ts';

describe('fitReason', () => {
  it('keeps reasons that fit a close frame', () => {
    expect(fitReason('Say hello first.')).toBe('Say hello first.');
    expect(fitReason('x'.repeat(123))).toBe('x'.repeat(123));
  });

  it('cuts longer ones to at most 123 bytes of UTF-8, never inside a character', () => {
    for (const reason of [
      'x'.repeat(124),
      'é'.repeat(100),
      '名'.repeat(60),
      '😀'.repeat(40),
      'a' + '😀'.repeat(40),
    ]) {
      const fitted = fitReason(reason);
      expect(Buffer.byteLength(fitted)).toBeLessThanOrEqual(123);
      expect(fitted.endsWith('…')).toBe(true);
      expect(fitted).not.toContain('\uFFFD');
      expect(Buffer.from(fitted).toString()).toBe(fitted);
    }
  });
});
