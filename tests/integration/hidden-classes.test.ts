// The sim's hottest objects keep one hidden class each (V8's map): mobs, players, and the saver's copy of
// every player written each second. An object spread and then given more fields gets a class of its
// own in V8, which turned every read of a mob's fields into a slow lookup (the tick at 200 players was
// 40% slower for it). The probe runs in its own process, where V8's natives syntax can ask.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('hidden classes', () => {
  it('mobs, players and saved copies each share one', () => {
    const out = execFileSync(
      process.execPath,
      ['--allow-natives-syntax', '--import', 'tsx', 'tests/support/hidden-classes-probe.ts'],
      { encoding: 'utf8', timeout: 60_000 },
    );
    const probe = JSON.parse(out.trim().split('\n').at(-1)!) as Record<string, number>;
    expect(probe.mobs).toBeGreaterThan(50);
    expect(probe).toMatchObject({ mobClasses: 1, playerClasses: 1, saveClasses: 1 });
  });
});
