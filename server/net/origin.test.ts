import { describe, expect, it } from 'vitest';
import { originAllowed, parseAllowedOrigins } from './origin.ts';

describe('originAllowed', () => {
  it('lets in the page its own origin, on any port and scheme the page was served with', () => {
    expect(originAllowed('http://localhost:8000', 'localhost:8000', [])).toBe(true);
    expect(originAllowed('https://play.example.org', 'play.example.org', [])).toBe(true);
    expect(originAllowed('http://PLAY.example.org:8000', 'play.example.org:8000', [])).toBe(true);
  });

  it.each([
    ['https://evil.example', 'another site'],
    ['null', 'a file or sandboxed frame'],
    ['file://', 'a file page'],
    ['http://localhost:9999', 'another port'],
    ['chrome-extension://abc', 'an extension'],
  ])('refuses %j (%s)', (origin) => {
    expect(originAllowed(origin, 'localhost:8000', [])).toBe(false);
  });

  it('lets in listed origins, and every origin with *', () => {
    const allowed = parseAllowedOrigins('https://a.example, http://b.example:8080');
    expect(originAllowed('https://a.example', 'game.example', allowed)).toBe(true);
    expect(originAllowed('http://b.example:8080', 'game.example', allowed)).toBe(true);
    expect(originAllowed('http://b.example', 'game.example', allowed)).toBe(false);
    expect(originAllowed('https://evil.example', 'game.example', '*')).toBe(true);
  });

  it('lets in clients that send no Origin (bots and tools; browsers always send one)', () => {
    expect(originAllowed(undefined, 'localhost:8000', [])).toBe(true);
  });
});

describe('parseAllowedOrigins', () => {
  it('reads nothing as none, * as all, and refuses what is not an origin', () => {
    expect(parseAllowedOrigins(undefined)).toEqual([]);
    expect(parseAllowedOrigins(' * ')).toBe('*');
    expect(parseAllowedOrigins('https://a.example/')).toEqual(['https://a.example']);
    expect(() => parseAllowedOrigins('a.example')).toThrow(/not an origin/);
    expect(() => parseAllowedOrigins('https://a.example/play')).toThrow(/no path/);
  });
});
