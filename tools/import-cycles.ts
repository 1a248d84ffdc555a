// Finds import cycles that exist at runtime among a folder's TypeScript modules: `import type` and
// `export type` vanish from the built code and are skipped; any other import, even one naming only
// types inline (`import { type A }` still loads its module under verbatimModuleSyntax), counts.
// Run: node --import tsx tools/import-cycles.ts client server/sim
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';

const IMPORT = /^\s*(?:import|export)\s+(type\s+)?(?:[^;'"]*?\s+from\s+)?['"](\.{1,2}\/[^'"]+)['"]/gm;

/**
 * The runtime imports of every non-test module under `dir`, as absolute paths within the folder;
 * with `types`, type-only imports too.
 */
export function imports(dir: string, types = false): Map<string, string[]> {
  const files = (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => resolve(dir, f));
  const known = new Set(files);
  const edges = new Map<string, string[]>();
  for (const file of files) {
    const targets: string[] = [];
    for (const [, typeOnly, spec] of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const target = resolve(dirname(file), spec!);
      if ((types || !typeOnly) && known.has(target)) targets.push(target);
    }
    edges.set(file, targets);
  }
  return edges;
}

/** Each cycle once, as the chain of files (relative to `dir`) that closes on its first. */
export function runtimeCycles(dir: string): string[][] {
  return cycles(imports(dir), dir);
}

/** Cycles through any import, type-only ones included: a module that knows the whole of another. */
export function typeCycles(dir: string): string[][] {
  return cycles(imports(dir, true), dir);
}

function cycles(edges: Map<string, string[]>, dir: string): string[][] {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (file: string): void => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of edges.get(file) ?? []) {
      if (state.get(next) === 'open') found.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of edges.keys()) if (!state.has(file)) visit(file);
  return found.map((c) => c.map((f) => relative(dir, f)));
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  let found = 0;
  for (const dir of process.argv.slice(2)) {
    for (const cycle of runtimeCycles(dir)) {
      found++;
      console.log(`${dir}: ${cycle.join(' → ')}`);
    }
  }
  if (!found) console.log('No runtime import cycles.');
  process.exitCode = found ? 1 : 0;
}
