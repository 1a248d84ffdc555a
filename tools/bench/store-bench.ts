// What durable commits cost: character creates and the saver's batched saves on the real SQLite store,
// with synchronous = FULL (what the server runs: a power cut loses nothing committed) against NORMAL,
// and (--postgres) the same on PostgreSQL: a throw-away server started here with its durable defaults
// (fsync, synchronous commit), reached over TCP on 127.0.0.1 as the world processes reach theirs.
// Usage: npm run bench:store [-- --dir PATH] [--postgres] (PATH: a folder on the host's disk; default tmp).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { newCharacter } from '../../server/sim/character.ts';
import { openSqliteStore } from '../../server/store/sqlite-store.ts';
import { openPostgresStore } from '../../server/store/postgres-store.ts';
import { hashToken } from '../../server/store/tokens.ts';
import type { CharacterRecord, Lease, Store } from '../../server/store/store.ts';
import { consoleLog } from '../../server/log.ts';
import { startPostgres } from '../../tests/support/services.ts';

const CREATES = 400;
const SAVE_ROUNDS = 40;
const BATCHES = [1, 100, 1000];

interface Timing {
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
}

function timing(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  const total = samples.reduce((sum, ms) => sum + ms, 0);
  const round = (ms: number): number => Math.round(ms * 1000) / 1000;
  return {
    perSecond: Math.round((samples.length * 1000) / total),
    p50Ms: round(at(0.5)),
    p99Ms: round(at(0.99)),
  };
}

function record(name: string): CharacterRecord {
  return { ...newCharacter(), name, createdAt: Date.now(), lastSeenAt: Date.now(), map: '', shard: null };
}

async function measureSqlite(synchronous: 'FULL' | 'NORMAL', parent: string) {
  const dir = mkdtempSync(path.join(parent, `emberquest-store-bench-${synchronous.toLowerCase()}-`));
  try {
    return {
      store: `SQLite, synchronous = ${synchronous}`,
      ...(await measure(openSqliteStore(dir, { synchronous }))),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function measurePostgres() {
  const db = await startPostgres({ durable: true });
  try {
    const store = await openPostgresStore(db.url, consoleLog(true));
    return { store: 'PostgreSQL (fsync on, synchronous_commit on)', ...(await measure(store)) };
  } finally {
    await db.stop();
  }
}

async function measure(store: Store) {
  try {
    const creates: number[] = [];
    const hash = hashToken('bench');
    for (let i = 0; i < CREATES; i++) {
      const started = performance.now();
      await store.create(record(`Bench${i}`), hash);
      creates.push(performance.now() - started);
    }
    // Every save is fenced on the character's lease, as the saver writes them.
    const leases: Lease[] = [];
    for (let i = 0; i < CREATES; i++) {
      const claimed = await store.claim(`Bench${i}`, 'bench', 30_000);
      if (!claimed?.ok) throw new Error(`Bench${i} could not be claimed`);
      leases.push(claimed.lease);
    }
    const saves: Record<string, Timing> = {};
    for (const size of BATCHES) {
      const samples: number[] = [];
      for (let round = 0; round < SAVE_ROUNDS; round++) {
        const batch = Array.from({ length: size }, (_, i) => ({
          ...record(`Bench${i % CREATES}`),
          x: round,
          lastSeenAt: Date.now(),
          lease: leases[i % CREATES]!,
        }));
        const started = performance.now();
        await store.save(batch);
        samples.push(performance.now() - started);
      }
      saves[`batch${size}`] = timing(samples);
    }
    // The idle players' lease renewals, batched the same way.
    const renewals = leases.map((lease, i) => ({ name: `Bench${i}`, lease }));
    const renewSamples: number[] = [];
    for (let round = 0; round < SAVE_ROUNDS; round++) {
      const started = performance.now();
      await store.save([], renewals);
      renewSamples.push(performance.now() - started);
    }
    saves[`renew${CREATES}`] = timing(renewSamples);
    return { create: timing(creates), saves };
  } finally {
    store.close();
  }
}

const { values } = parseArgs({
  options: { dir: { type: 'string' }, postgres: { type: 'boolean', default: false } },
});
const parent = values.dir ?? tmpdir();
const results = [];
for (const mode of ['NORMAL', 'FULL'] as const) results.push(await measureSqlite(mode, parent));
if (values.postgres) results.push(await measurePostgres());
console.log(JSON.stringify({ dir: parent, creates: CREATES, saveRounds: SAVE_ROUNDS, results }, null, 2));
