// One contender in the races of lease-race.test.ts: its own process and its own connection to the
// SQLite file. It prints `started`, opens the file on the line `open` (then prints `ready`), and for each
// line `go` claims the character at once and prints what it got (one JSON line); `release <epoch>` gives
// its lease up. Usage: node --import tsx claim-race-process.ts DIR OWNER NAME.
import { createInterface } from 'node:readline';
import { openSqliteStore, type SqliteStore } from './sqlite-store.ts';

const [dir, owner, name] = process.argv.slice(2);
if (!dir || !owner || !name) throw new Error('usage: claim-race-process.ts DIR OWNER NAME');
let store: SqliteStore | null = null;
process.stdout.write('started\n');
for await (const line of createInterface({ input: process.stdin })) {
  const [command, epoch] = line.split(' ');
  if (command === 'open') {
    store = openSqliteStore(dir);
    process.stdout.write('ready\n');
    continue;
  }
  if (!store) throw new Error(`"${line}" before "open"`);
  if (command === 'release') {
    await store.release(name, { owner, epoch: Number(epoch) });
    process.stdout.write('released\n');
    continue;
  }
  const result = await store.claim(name, owner, 30_000).then(
    (claimed) =>
      claimed?.ok ? { won: true, epoch: claimed.lease.epoch } : { won: false, holder: claimed?.holder },
    (err: Error) => ({ won: false, error: err.message }),
  );
  process.stdout.write(`${JSON.stringify({ owner, ...result })}\n`);
}
store?.close();
