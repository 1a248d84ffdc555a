// The cluster test's sampler must be able to fail: fed rows and rosters that break an invariant, it says so.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { ClusterSampler } from './cluster-sampler.ts';

interface FakeRow {
  name: string;
  owner: string | null;
  epoch: number;
  said: number;
}

let rows: FakeRow[] = [];
let seated: Record<string, [string, number][]> = {};
let server: Server | null = null;

const db = {
  query: async () => ({
    rows: rows.map((r) => ({
      name: r.name,
      owner: r.owner,
      epoch: String(r.epoch),
      character: JSON.stringify({ counters: { 'chat:any': r.said } }),
    })),
  }),
} as unknown as Pick<pg.Pool, 'query'>;

async function roster(): Promise<string> {
  server = createServer((req, res) => {
    if (req.headers.authorization !== 'Bearer t') return void res.writeHead(401).end('{}');
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ worlds: seated }));
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

afterEach(async () => {
  await new Promise((r) => (server ? server.close(r) : r(null)));
  server = null;
});

describe('the cluster sampler', () => {
  it('passes a character seated under its current lease whose progress only grows', async () => {
    const url = await roster();
    const s = new ClusterSampler(db, () => [{ key: 'a', url }], 't');
    rows = [{ name: 'Ann', owner: 'field-1', epoch: 3, said: 4 }];
    seated = { 'field-1': [['Ann', 3]] };
    await s.sample();
    rows[0]!.said = 6;
    await s.sample();
    expect(s.violations).toEqual([]);
    expect(s.rounds).toBe(2);
  });

  it('catches a save going backwards', async () => {
    const s = new ClusterSampler(db, () => [], 't');
    rows = [{ name: 'Ann', owner: null, epoch: 3, said: 6 }];
    await s.sample();
    rows[0]!.said = 5;
    await s.sample();
    expect(s.violations).toEqual(["Ann's saved progress went back from 6 to 5"]);
  });

  it('catches a world that goes on seating a character whose lease moved on', async () => {
    const url = await roster();
    const s = new ClusterSampler(db, () => [{ key: 'b', url }], 't', 200, 100);
    rows = [{ name: 'Ann', owner: 'field-1', epoch: 4, said: 1 }];
    seated = { 'field-2': [['Ann', 3]] };
    await s.sample();
    expect(s.violations).toEqual([]); // a moment is allowed: a hop, a paused world waking
    await new Promise((r) => setTimeout(r, 150));
    await s.sample();
    expect(s.violations).toEqual([
      expect.stringMatching(
        /^Ann in field-2 \(epoch 3\) stayed seated \d+ ms after the row's lease moved on$/,
      ),
    ]);
    expect(s.doubleSeated).toBe(0);
  });

  it('counts a round with the database down as a gap, not a pass', async () => {
    const down = { query: () => Promise.reject(new Error('ECONNREFUSED')) } as unknown as Pick<
      pg.Pool,
      'query'
    >;
    const s = new ClusterSampler(down, () => [], 't');
    await s.sample();
    expect([s.rounds, s.dbGaps]).toEqual([1, 1]);
  });
});
