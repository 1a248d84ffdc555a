import { describe, it, expect } from 'vitest';
import { nameSkeleton } from './name-skeleton.ts';

describe('nameSkeleton', () => {
  it.each([
    ['H\u043enest', 'Cyrillic o'],
    ['Hon\u0435st', 'Cyrillic e'],
    ['\u041donest', 'Cyrillic capital En'],
    ['Honе\u0455t', 'Cyrillic e and dze'],
    ['\u0397onest', 'Greek capital Eta'],
    ['H\u03bfnest', 'Greek omicron'],
    ['HONEST', 'another case'],
    ['Honest', 'itself'],
  ])('%j looks like "Honest" (%s)', (lookalike) => {
    expect(nameSkeleton(lookalike)).toBe(nameSkeleton('Honest'));
  });

  it.each(['Honesty', 'Hones', 'Modest', 'Ηonesτ_2'])('%j does not', (other) => {
    expect(nameSkeleton(other)).not.toBe(nameSkeleton('Honest'));
  });

  it('keeps real names in other scripts apart', () => {
    expect(nameSkeleton('Ελένη')).not.toBe(nameSkeleton('Ελενα'));
    expect(nameSkeleton('अनिल')).toBe(nameSkeleton('अनिल'));
  });
});
