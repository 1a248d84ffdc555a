// Claims of one character at the same instant from separate processes, each with its own connection to
// the SQLite file: exactly one wins each round, and every epoch is given out once.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { DATABASE_FILE, openSqliteStore } from './sqlite-store.ts';
import { MIGRATIONS } from './migrations.ts';
import { hashToken } from './tokens.ts';
import { record } from './store-contract.ts';

interface Report {
  owner: string;
  won: boolean;
  epoch?: number;
  holder?: string;
  error?: string;
}

const ROUNDS = 40;
const script = fileURLToPath(new URL('./claim-race-process.ts', import.meta.url));
let dir: string;
const children: ChildProcess[] = [];

/** A contender process, and the next line it prints. */
function contender(owner: string): { child: ChildProcess; next: () => Promise<string> } {
  const child = spawn(process.execPath, ['--import', 'tsx', script, dir, owner, 'Carol'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  children.push(child);
  const lines: Interface = createInterface({ input: child.stdout! });
  const waiting: ((line: string) => void)[] = [];
  const ready: string[] = [];
  const heard = (line: string): void => void (waiting.length ? waiting.shift()!(line) : ready.push(line));
  lines.on('line', heard);
  // A contender that dies says so, rather than leaving the test waiting.
  child.once('close', (code) => heard(`exited with code ${code}`));
  const next = (): Promise<string> =>
    ready.length ? Promise.resolve(ready.shift()!) : new Promise((resolve) => waiting.push(resolve));
  return { child, next };
}

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'emberquest-race-'));
});

afterEach(async () => {
  await Promise.all(
    children.splice(0).map(
      (c) =>
        new Promise<void>((resolve) => {
          if (c.exitCode !== null) return resolve();
          c.once('exit', () => resolve());
          c.kill();
        }),
    ),
  );
  rmSync(dir, { recursive: true, force: true });
});

describe('leases across processes', () => {
  it('processes opening one new database at once all start, each migration applied once', async () => {
    const contenders = Array.from({ length: 4 }, (_, i) => contender(`w${i}`));
    for (const c of contenders) expect(await c.next()).toBe('started');
    for (const c of contenders) c.child.stdin!.write('open\n');
    for (const c of contenders) expect(await c.next()).toBe('ready');
    const db = new Database(path.join(dir, DATABASE_FILE), { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    db.close();
    for (const c of contenders) c.child.stdin!.end();
  }, 60_000);

  it('of claims made at the same instant by two processes, exactly one wins each round', async () => {
    const store = openSqliteStore(dir);
    await store.create(record('Carol'), hashToken('t'));
    store.close();
    const contenders = [contender('w1'), contender('w2')];
    for (const c of contenders) expect(await c.next()).toBe('started');
    for (const c of contenders) c.child.stdin!.write('open\n');
    for (const c of contenders) expect(await c.next()).toBe('ready');
    const wins = { w1: 0, w2: 0 };
    for (let round = 1; round <= ROUNDS; round++) {
      for (const c of contenders) c.child.stdin!.write('go\n');
      const results = (await Promise.all(contenders.map((c) => c.next()))).map(
        (line) => JSON.parse(line) as Report,
      );
      const won = results.filter((r) => r.won);
      expect(won, `round ${round}: ${JSON.stringify(results)}`).toHaveLength(1);
      const winner = won[0]!;
      expect(winner.epoch).toBe(round);
      expect(results.find((r) => !r.won)).toMatchObject({ holder: winner.owner });
      wins[winner.owner as 'w1' | 'w2']++;
      const holder = contenders[winner.owner === 'w1' ? 0 : 1]!;
      holder.child.stdin!.write(`release ${winner.epoch}\n`);
      expect(await holder.next()).toBe('released');
    }
    for (const c of contenders) c.child.stdin!.end();
    expect(wins.w1 + wins.w2).toBe(ROUNDS);
  }, 60_000);
});
