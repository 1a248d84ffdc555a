// Characters on a real SQLite file: a character is leased to one world at a time, even when two worlds
// of one process (or two processes on one file) ask for it at the same moment.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CloseCode } from '../shared/protocol/ops.ts';
import { Characters, type Claim } from './characters.ts';
import { Saver } from './saver.ts';
import { openSqliteStore, type SqliteStore } from './store/sqlite-store.ts';
import type { Log } from './log.ts';

let dir: string;
let stores: SqliteStore[] = [];
let time = 1_000_000;
const quiet: Log = { info: () => {}, warn: () => {}, error: () => {} };

/** A world's view of the characters: its own connection to the file, its own saver. */
function world() {
  const store = openSqliteStore(dir, { clock: () => time });
  stores.push(store);
  const saver = new Saver({ store, log: quiet, now: () => time, wallClock: () => time });
  return {
    store,
    saver,
    characters: new Characters(
      store,
      saver,
      quiet,
      () => true,
      () => time,
    ),
  };
}

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'emberquest-characters-'));
  time = 1_000_000;
});

afterEach(() => {
  for (const s of stores) s.close();
  stores = [];
  rmSync(dir, { recursive: true, force: true });
});

async function token(claim: Claim): Promise<string> {
  if (!claim.ok || !claim.newToken) throw new Error(`not a new character: ${JSON.stringify(claim)}`);
  return claim.newToken;
}

describe('Characters', () => {
  it('a new character is leased to the world that made it; another world is told where it plays', async () => {
    const one = world();
    const two = world();
    const made = await one.characters.claim('Alice', '', '127.0.0.1', 'emberfall-1');
    const aliceToken = await token(made);
    expect(one.saver.lease('Alice')).toEqual({ owner: 'emberfall-1', epoch: 1 });
    const refused = await two.characters.claim('alice', aliceToken, '127.0.0.1', 'emberfall-2');
    expect(refused).toEqual({
      ok: false,
      code: CloseCode.PlayingElsewhere,
      holder: 'emberfall-1',
      reason: '"Alice" is playing in another world. Leave it there (or wait 30 s).',
    });
    expect(two.saver.lease('Alice')).toBeUndefined();
    // A wrong token is told the name is owned, and takes no lease.
    const wrong = await two.characters.claim('Alice', 'B'.repeat(43), '127.0.0.1', 'emberfall-2');
    expect(wrong).toMatchObject({ ok: false, code: CloseCode.NameOwned });
    // Once the first world lets go, the second gets it with a new epoch.
    await one.saver.release('Alice');
    const taken = await two.characters.claim('Alice', aliceToken, '127.0.0.1', 'emberfall-2');
    expect(taken).toMatchObject({ ok: true, lease: { owner: 'emberfall-2', epoch: 2 }, newToken: null });
    expect(two.saver.lease('Alice')).toEqual({ owner: 'emberfall-2', epoch: 2 });
  });

  it('two worlds claiming one character at the same moment: exactly one plays it, round after round', async () => {
    const worlds = [world(), world(), world()];
    const made = await worlds[0]!.characters.claim('Bob', '', '127.0.0.1', 'w0');
    const bobToken = await token(made);
    await worlds[0]!.saver.release('Bob');
    for (let round = 0; round < 30; round++) {
      const claims = await Promise.all(
        worlds.map((w, i) => w.characters.claim('Bob', bobToken, '127.0.0.1', `w${i}`)),
      );
      const winners = claims.flatMap((c, i) => (c.ok ? [i] : []));
      expect(winners, `round ${round}`).toHaveLength(1);
      const winner = winners[0]!;
      for (const [i, c] of claims.entries()) {
        if (i !== winner) expect(c).toMatchObject({ code: CloseCode.PlayingElsewhere, holder: `w${winner}` });
      }
      await worlds[winner]!.saver.release('Bob');
    }
  });
});
