// The client's modules form no import cycle, not even through types (issue 12): the world scene hands
// its helpers (reactions, panels, pointer, labels) narrow interfaces, never itself.
import { describe, expect, it } from 'vitest';
import { findCycles } from '../tools/import-cycles.ts';

describe('client import cycles', () => {
  it('finds none at run time', () => {
    expect(findCycles(['client'])).toEqual([]);
  });

  it('finds none through types either: no helper of the world scene imports the scene back', () => {
    expect(findCycles(['client'], true)).toEqual([]);
  });
});
