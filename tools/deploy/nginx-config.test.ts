// The generated nginx config, in a real nginx: each world's WebSocket reaches the process that runs it,
// the page reaches any process, and a realm that cannot be routed is refused with what to fix.
import { createServer, request, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { parseRealm } from '../../shared/content/realm.ts';
import { startNginx, type Service } from '../../tests/support/services.ts';
import { checkPlacement, DeployError, nginxConfig, parseProcesses } from './nginx-config.ts';

const realm = parseRealm(
  {
    start: 'maps/world.tmj',
    worlds: [
      { id: 'emberfall-1', title: 'Emberfall I', map: 'maps/world.tmj', shard: '1' },
      { id: 'emberfall-2', title: 'Emberfall II', map: 'maps/world.tmj', shard: '2' },
      { id: 'isle', title: 'Ember Isle', map: 'maps/isle.tmj' },
    ],
  },
  'realm.json',
  200,
);

const stops: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const s of stops.splice(0).reverse()) await s();
});

/** A stand-in world process: answers HTTP with its name, and tells each WebSocket its name and path. */
async function backend(name: string): Promise<number> {
  const http: Server = createServer((req, res) => res.end(`${name} ${req.url}`));
  const wss = new WebSocketServer({ server: http });
  wss.on('connection', (ws, req) => ws.send(`${name} ${req.url} ${req.headers['x-forwarded-for'] ?? ''}`));
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', () => r()));
  stops.push(
    () => new Promise<void>((r) => (wss.close(), http.close(() => r()), http.closeAllConnections())),
  );
  return (http.address() as { port: number }).port;
}

function firstMessage(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.once('message', (data) => (resolve(String(data)), ws.close()));
    ws.once('error', reject);
  });
}

/** The HTTP status nginx answers `path` with, asked from the local address `from`. */
function statusFrom(from: string, port: number, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, localAddress: from }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.once('error', reject);
    req.end();
  });
}

describe('npm run deploy:nginx', () => {
  it('routes each world to its process through a real nginx', async () => {
    const a = await backend('A');
    const b = await backend('B');
    const processes = parseProcesses([
      '--process',
      `127.0.0.1:${a}=emberfall-1,isle`,
      '--process',
      `127.0.0.1:${b}=emberfall-2`,
    ]);
    let conf = '';
    const nginx: Service = await startNginx((port) => {
      conf = nginxConfig(realm, processes, { listen: `127.0.0.1:${port}` });
      return conf;
    });
    stops.push(() => nginx.stop());
    const base = `ws://127.0.0.1:${nginx.port}`;
    expect(await firstMessage(`${base}/ws/emberfall-1`)).toBe('A /ws/emberfall-1 127.0.0.1');
    expect(await firstMessage(`${base}/ws/isle`)).toBe('A /ws/isle 127.0.0.1');
    expect(await firstMessage(`${base}/ws/emberfall-2`)).toBe('B /ws/emberfall-2 127.0.0.1');
    const page = await (await fetch(`http://127.0.0.1:${nginx.port}/worlds`)).text();
    expect(page).toMatch(/^[AB] \/worlds$/);
    expect(conf).toMatch(/proxy_read_timeout 1h/);
    // /admin/ only from the proxy's own machine: 127.0.0.1 gets through, another address is refused.
    expect(await statusFrom('127.0.0.1', nginx.port, '/admin/players')).toBe(200);
    expect(await statusFrom('127.0.0.2', nginx.port, '/admin/players')).toBe(403);
  }, 30_000);

  it('refuses a process list that leaves a world out, names one twice, or names an unknown one', () => {
    const run =
      (...args: string[]) =>
      () =>
        checkPlacement(realm, parseProcesses(args));
    expect(run('--process', 'h:1=emberfall-1,isle')).toThrow(/"emberfall-2" runs in no process/);
    expect(run('--process', 'h:1=emberfall-1,isle,emberfall-2', '--process', 'g:2=isle')).toThrow(
      /"isle" is in two processes: h:1 and g:2/,
    );
    expect(run('--process', 'h:1=emberfall-1,isle,emberfall-2,moon')).toThrow(/"moon", which realm.json/);
    expect(run('--process', 'nowhere=emberfall-1')).toThrow(/host:port/);
    expect(() => parseProcesses([])).toThrow(DeployError);
  });
});
