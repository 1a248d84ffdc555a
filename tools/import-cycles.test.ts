// The simulation's modules form no import cycle, not even through types (issue 12): each system sees
// the world through SimContext, and the consequences of a kill live in event handlers, not in combat.
import { describe, expect, it } from 'vitest';
import { findCycles, runtimeImports } from './import-cycles.ts';

describe('import cycles', () => {
  it('tells runtime imports from type-only ones', () => {
    const source = [
      "import type { A } from './a.ts';",
      "import { b, type B } from './b.ts';",
      "export { c } from './c.ts';",
      "export type { D } from './d.ts';",
      "import './e.ts';",
    ].join('\n');
    expect(runtimeImports(source)).toEqual(['./b.ts', './c.ts', './e.ts']);
    expect(runtimeImports(source, true)).toEqual(['./a.ts', './b.ts', './c.ts', './d.ts', './e.ts']);
  });

  it('finds none among the server and shared modules at run time', () => {
    expect(findCycles(['server', 'shared'])).toEqual([]);
  });

  it('finds none among the simulation modules, types included', () => {
    expect(findCycles(['server/sim'], true)).toEqual([]);
  });
});
