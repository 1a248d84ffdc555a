// The realm on real services for the cluster test: PostgreSQL, Redis, three world processes each running
// one world of the test realm (realm-fixture.ts), and nginx in front routing by the generated config.
// `startWorld` starts a world's process again (the same port keeps nginx's route); `stop` stops it all.
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { parseRealm } from '../../shared/content/realm.ts';
import { startServerProcess, type ServerProcess } from '../../tools/server-process.ts';
import { nginxConfig } from '../../tools/deploy/nginx-config.ts';
import {
  startNginx,
  startPostgres,
  startRedis,
  type Postgres,
  type Redis,
  type Service,
} from './services.ts';
import { writeRealmFixture, type RealmFixture } from './realm-fixture.ts';

export const CLUSTER_WORLDS = { a: 'field-1', b: 'field-2', c: 'cave' } as const;
export type WorldKey = keyof typeof CLUSTER_WORLDS;

/**
 * Starting a world process compiles the server (tsx): slow when other work shares the 2 cores. Each test's
 * own limit is above the sum of its bounded waits (this one included), so a slow machine fails a named
 * wait with its reason, never the test's clock first.
 */
export const START = { timeoutMs: 60_000 };

export interface Cluster {
  db: Postgres;
  redis: Redis;
  nginx: Service;
  fixture: RealmFixture;
  /** A pool on the database for the test's own reads (its errors ignored: PostgreSQL is stopped on purpose). */
  pool: pg.Pool;
  /** The running world processes, by key. */
  processes: Map<WorldKey, ServerProcess>;
  /** nginx's WebSocket and HTTP bases. */
  base: string;
  http: string;
  /** The environment of a world's process. */
  envFor(key: WorldKey): Record<string, string>;
  startWorld(key: WorldKey, port?: string): Promise<ServerProcess>;
  /** Each world process's last output and state, for a failed check. */
  report(): string;
  stop(): Promise<void>;
}

export async function startCluster(adminToken: string): Promise<Cluster> {
  const [db, redis] = await Promise.all([startPostgres(), startRedis()]);
  const fixture = writeRealmFixture();
  const processes = new Map<WorldKey, ServerProcess>();
  const envFor = (key: WorldKey): Record<string, string> => ({
    REALM: fixture.file,
    DATABASE_URL: db.url,
    REDIS_URL: redis.url,
    WORLD_IDS: CLUSTER_WORLDS[key],
    GRACE_SECONDS: '2',
    // Short leases, so a paused world loses its characters within the test's time.
    LEASE_SECONDS: '6',
    ADMIN_TOKEN: adminToken,
  });
  const startWorld = async (key: WorldKey, port = '0'): Promise<ServerProcess> => {
    const p = await startServerProcess({ ...envFor(key), PORT: port }, START);
    processes.set(key, p);
    return p;
  };
  const started = await Promise.all((['a', 'b', 'c'] as const).map((k) => startWorld(k)));
  const realm = parseRealm(JSON.parse(readFileSync(fixture.file, 'utf8')), fixture.file, 50);
  const routes = started.map((p, i) => ({
    address: new URL(p.url).host,
    worlds: [Object.values(CLUSTER_WORLDS)[i]!],
  }));
  const nginx = await startNginx((port) => nginxConfig(realm, routes, { listen: `127.0.0.1:${port}` }));
  const pool = new pg.Pool({ connectionString: db.url, max: 4, connectionTimeoutMillis: 1000 });
  pool.on('error', () => {});
  return {
    db,
    redis,
    nginx,
    fixture,
    pool,
    processes,
    base: `ws://127.0.0.1:${nginx.port}/`,
    http: `http://127.0.0.1:${nginx.port}/`,
    envFor,
    startWorld,
    report: () =>
      [...processes]
        .map(([key, p]) => {
          const { exitCode, signalCode } = p.child;
          const state =
            exitCode !== null || signalCode !== null ? `exited (${exitCode ?? signalCode})` : 'running';
          return `--- world process ${key} (${CLUSTER_WORLDS[key]}), ${state}; its last output:\n${p.output().slice(-3000)}`;
        })
        .join('\n'),
    async stop() {
      await Promise.all([...processes.values()].map((p) => p.stop()));
      await nginx.stop();
      await pool.end();
      fixture.remove();
      await Promise.all([db.stop(), redis.stop()]);
    },
  };
}
