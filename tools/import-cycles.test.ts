import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runtimeCycles, typeCycles } from './import-cycles.ts';

let dir = '';
function folder(files: Record<string, string>): string {
  dir = mkdtempSync(join(tmpdir(), 'cycles-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('runtimeCycles', () => {
  it('finds a cycle through runtime imports, multi-line and re-exports included', () => {
    const found = runtimeCycles(
      folder({
        'a.ts': "import {\n  b,\n  type B,\n} from './sub/b.ts';\n",
        'sub/b.ts': "export * from './c.ts';\n",
        'sub/c.ts': "import { a } from '../a.ts';\n",
      }),
    );
    expect(found).toEqual([['a.ts', 'sub/b.ts', 'sub/c.ts', 'a.ts']]);
  });

  it('skips type-only imports and tests, but not an inline `type` that still loads the module', () => {
    const typeOnly = folder({
      'scene.ts': "import { react } from './reactions.ts';\n",
      'reactions.ts': "import type { Scene } from './scene.ts';\nexport type { Scene } from './scene.ts';\n",
      'reactions.test.ts': "import { Scene } from './scene.ts';\n",
    });
    expect(runtimeCycles(typeOnly)).toEqual([]);
    expect(typeCycles(typeOnly)).toEqual([['reactions.ts', 'scene.ts', 'reactions.ts']]);
    rmSync(typeOnly, { recursive: true });
    const inline = folder({
      'scene.ts': "import { react } from './reactions.ts';\n",
      'reactions.ts': "import { type Scene } from './scene.ts';\n",
    });
    expect(runtimeCycles(inline)).toEqual([['reactions.ts', 'scene.ts', 'reactions.ts']]);
  });

  it('the client has no runtime import cycle', () => {
    expect(runtimeCycles('client')).toEqual([]);
  });

  it('no client module knows the whole world scene back: helpers take narrow interfaces, even as types', () => {
    expect(typeCycles('client')).toEqual([]);
  });
});
