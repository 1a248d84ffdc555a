// One contender in the claim race of lease-race.test.ts: its own process and its own connection to the
// SQLite file. For each line `go` on stdin it claims the character at once and prints what it got (one
// JSON line); `release <epoch>` gives its lease up. Usage: node --import tsx claim-race-process.ts DIR
// OWNER NAME.
import { createInterface } from 'node:readline';
import { openSqliteStore } from './sqlite-store.ts';

const [dir, owner, name] = process.argv.slice(2);
if (!dir || !owner || !name) throw new Error('usage: claim-race-process.ts DIR OWNER NAME');
const store = openSqliteStore(dir);
process.stdout.write('ready\n');
for await (const line of createInterface({ input: process.stdin })) {
  const [command, epoch] = line.split(' ');
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
store.close();
