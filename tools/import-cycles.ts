// Finds import cycles that exist at run time among the .ts files under some folders: `import type` is
// erased, so it never counts; any other import (even one naming only types) loads its module.
// `node --import tsx tools/import-cycles.ts server/sim client` prints each cycle and exits 1 if any;
// `--types` counts type imports too (a type cycle is allowed, but worth seeing).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Runtime import and re-export targets of one file's source, as written ('./x.ts'); all with `types`. */
export function runtimeImports(source: string, types = false): string[] {
  const found: string[] = [];
  const statement =
    /^\s*(import|export)\s+(type\s+)?([^'";]*?)\s*from\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]/gm;
  for (const m of source.matchAll(statement)) {
    if (m[5])
      found.push(m[5]); // a bare `import 'x'`
    else if (types || !m[2]) found.push(m[4]!);
  }
  return found;
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts'))
    .map((e) => path.join(e.parentPath, e.name));
}

/** Every cycle of runtime imports (or of any imports, with `types`) among the files under `dirs`. */
export function findCycles(dirs: readonly string[], types = false): string[][] {
  const files = new Set(dirs.flatMap((d) => tsFiles(d)).map((f) => path.resolve(f)));
  const edges = new Map<string, string[]>();
  for (const file of files) {
    const targets = runtimeImports(readFileSync(file, 'utf8'), types)
      .filter((t) => t.startsWith('.'))
      .map((t) => path.resolve(path.dirname(file), t))
      .filter((t) => files.has(t));
    edges.set(file, targets);
  }
  const cycles: string[][] = [];
  const seen = new Set<string>();
  const done = new Set<string>();
  const stack: string[] = [];
  const visit = (file: string): void => {
    seen.add(file);
    stack.push(file);
    for (const next of edges.get(file) ?? []) {
      if (!seen.has(next)) visit(next);
      else if (!done.has(next)) cycles.push(stack.slice(stack.indexOf(next)));
    }
    stack.pop();
    done.add(file);
  };
  for (const file of [...files].sort()) if (!seen.has(file)) visit(file);
  return cycles.map((c) => c.map((f) => path.relative(process.cwd(), f)));
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const args = process.argv.slice(2);
  const cycles = findCycles(
    args.filter((a) => a !== '--types'),
    args.includes('--types'),
  );
  for (const c of cycles) console.log(`cycle: ${[...c, c[0]].join(' → ')}`);
  if (cycles.length === 0)
    console.log(args.includes('--types') ? 'no import cycles' : 'no runtime import cycles');
  process.exit(cycles.length ? 1 : 0);
}
