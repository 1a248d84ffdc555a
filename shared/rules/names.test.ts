import { describe, it, expect } from 'vitest';
import { checkName, nameKey, NAME_MAX } from './names.ts';

describe('checkName', () => {
  it.each([
    ['  Alice  ', 'Alice'],
    ['Sir   Lance\tA-lot', 'Sir Lance A-lot'],
    ['x', 'x'],
    ['a'.repeat(NAME_MAX), 'a'.repeat(NAME_MAX)],
    ['Zoë_9', 'Zoë_9'],
    ['Ελένη', 'Ελένη'],
    ['अनिल', 'अनिल'],
    ['สมชาย', 'สมชาย'],
  ])('accepts %j as %j', (raw, name) => {
    expect(checkName(raw)).toEqual({ ok: true, name });
  });

  it.each([
    ['', /type a name/],
    ['    ', /type a name/],
    ['a'.repeat(NAME_MAX + 1), /at most 15/],
    ['Bob!', /letters, digits/],
    ['<script>', /letters, digits/],
    ['a\u0000b', /letters, digits/],
    ['😀', /letters, digits/],
    ['\u0301abc', /letters, digits/],
    ['-dash', /letters, digits/],
  ])('refuses %j', (raw, reason) => {
    const checked = checkName(raw);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.reason).toMatch(reason);
  });

  it('counts characters, not UTF-16 units', () => {
    expect(checkName('é'.repeat(NAME_MAX)).ok).toBe(true);
  });
});

describe('nameKey', () => {
  it('makes names that differ only in case the same', () => {
    expect(nameKey('Alice')).toBe(nameKey('aLICE'));
    expect(nameKey('Zoë')).toBe(nameKey('ZOË'));
    expect(nameKey('Alice')).not.toBe(nameKey('Alicia'));
  });

  it('makes composed and decomposed accents the same', () => {
    expect(nameKey('Zo\u00eb')).toBe(nameKey('Zoe\u0308'));
  });
});

describe('invisible names', () => {
  it.each([
    ['Honest\uFE0F', 'a variation selector at the end'],
    ['\u3164', 'a Hangul filler alone'],
    ['Ho\u3164nest', 'a Hangul filler inside'],
    ['Ho\u200Dnest', 'a zero-width joiner'],
  ])('refuses %j (%s)', (raw) => {
    expect(checkName(raw).ok).toBe(false);
  });
});
