import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { fileLimitWarning, readFileLimit } from './file-limit.ts';

describe('file limits', () => {
  it('reads the soft and hard open-file limits as /proc shows them', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'emberquest-limits-'));
    const file = path.join(dir, 'limits');
    writeFileSync(
      file,
      'Limit                     Soft Limit           Hard Limit           Units\n' +
        'Max open files            1024                 unlimited            files\n',
    );
    try {
      expect(readFileLimit(file)).toEqual({ soft: 1024, hard: Infinity });
      expect(readFileLimit(path.join(dir, 'missing'))).toBeNull();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('warns a host whose limit is low, with the number of players it allows and the fix', () => {
    expect(fileLimitWarning({ soft: 1024, hard: 1024 })).toMatch(/Only 1024 .* about 960 players.*ulimit -n/);
    expect(fileLimitWarning({ soft: 65536, hard: 65536 })).toBeNull();
    expect(fileLimitWarning(null)).toBeNull();
  });

  it('a server started under a soft limit of 1024 raises it to the hard limit', () => {
    // A child started with `ulimit -Sn 1024` (hard left as is) runs raiseFileLimit and prints the result.
    const script =
      "import { raiseFileLimit } from './server/file-limit.ts'; console.log(JSON.stringify(raiseFileLimit()))";
    const run = spawnSync(
      'sh',
      ['-c', `ulimit -Sn 1024 && exec "${process.execPath}" --import tsx -e "${script}"`],
      {
        encoding: 'utf8',
      },
    );
    const hard = readFileLimit()!.hard;
    const after = JSON.parse(run.stdout.trim()) as { soft: number | null; hard: number | null };
    if (hard <= 1024) return expect(after.soft).toBe(1024); // nothing to raise to here
    // JSON writes Infinity as null.
    expect(after.soft ?? Infinity).toBe(hard);
  });
});
