// The real services the scale-out tests stand on (tests/support/services.ts): each starts on a free port
// in its own folder, answers its own client, and is gone (port closed, folder removed) after stop().
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import pg from 'pg';
import { createClient } from 'redis';
import { startNginx, startPostgres, startRedis, type Service } from '../support/services.ts';

const running: Service[] = [];
afterEach(async () => {
  for (const s of running.splice(0)) await s.stop();
});

function closed(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(false)));
    socket.once('error', () => resolve(true));
  });
}

async function stopAndCheck(service: Service): Promise<void> {
  running.splice(running.indexOf(service), 1);
  await service.stop();
  expect(await closed(service.port)).toBe(true);
  expect(existsSync(service.dir)).toBe(false);
}

describe('test services', () => {
  it('runs PostgreSQL: a query, a restart keeping the data, and a clean stop', async () => {
    const db = await startPostgres();
    running.push(db);
    const query = async (sql: string): Promise<unknown[]> => {
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      try {
        return (await client.query(sql)).rows;
      } finally {
        await client.end();
      }
    };
    await query('CREATE TABLE kept (n int); INSERT INTO kept VALUES (42)');
    await db.restart();
    expect(await query('SELECT n FROM kept')).toEqual([{ n: 42 }]);
    await stopAndCheck(db);
  }, 60_000);

  it('runs Redis: publish reaches a subscriber', async () => {
    const redis = await startRedis();
    running.push(redis);
    const pub = createClient({ url: redis.url });
    const sub = pub.duplicate();
    await Promise.all([pub.connect(), sub.connect()]);
    const heard = new Promise<string>((resolve) => void sub.subscribe('hello', (m) => resolve(m)));
    await new Promise((r) => setTimeout(r, 50));
    await pub.publish('hello', 'world');
    expect(await heard).toBe('world');
    await Promise.all([pub.quit(), sub.quit()]);
    await stopAndCheck(redis);
  }, 30_000);

  it('runs nginx in front of a local HTTP server', async () => {
    const backend = createServer((_req, res) => res.end('behind nginx'));
    await new Promise<void>((r) => backend.listen(0, '127.0.0.1', () => r()));
    const backendPort = (backend.address() as { port: number }).port;
    try {
      const nginx = await startNginx(
        (port) =>
          `server { listen 127.0.0.1:${port}; location / { proxy_pass http://127.0.0.1:${backendPort}; } }`,
      );
      running.push(nginx);
      const res = await fetch(`http://127.0.0.1:${nginx.port}/`);
      expect(await res.text()).toBe('behind nginx');
      await stopAndCheck(nginx);
    } finally {
      backend.close();
    }
  }, 30_000);
});
