// What a hostile page or client meets at the door of a real server on 127.0.0.1: sockets from other
// origins are refused with HTTP 403, responses carry the usual security headers, lookalike names are
// taken, and an over-long chat line is refused with a notice instead of costing the sender its session.
import { connect } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { CloseCode } from '../../shared/protocol/index.ts';
import { CHAT_MAX } from '../../shared/protocol/schema.ts';
import { parseWorldMap } from '../../shared/content/world-map.ts';
import { openRows, tiledFromRows } from '../../server/sim/test-support.ts';
import { startServer, type GameServer } from '../../server/app.ts';
import { readConfig } from '../../server/config.ts';
import { consoleLog } from '../../server/log.ts';
import { BotClient } from '../../tools/bots/bot-client.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

let server: GameServer;
const bots: BotClient[] = [];

beforeAll(async () => {
  const env = { PORT: '0', HOST: '127.0.0.1', SEED: '3', ALLOWED_ORIGINS: 'https://friend.example' };
  const map = tiledFromRows(openRows(30, 20), [{ id: 1, type: 'spawn', name: 'start', x: 10, y: 10 }]);
  server = await startServer({
    config: readConfig(env, repoRoot),
    map: parseWorldMap(map, 'test.tmj'),
    log: consoleLog(true),
  });
});

afterEach(async () => {
  await Promise.all(bots.splice(0).map((b) => b.close()));
});

afterAll(async () => {
  await server?.close();
});

/** Opens a socket as a browser on a page at `origin` would; resolves with the HTTP status, 101 if it opened. */
function upgradeStatus(origin: string | undefined): Promise<number> {
  const socket = new WebSocket(`ws://127.0.0.1:${server.port}/ws`, origin ? { origin } : {});
  return new Promise((resolve, reject) => {
    socket.once('open', () => {
      socket.close();
      resolve(101);
    });
    socket.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      socket.terminate();
    });
    socket.once('error', reject);
  });
}

describe('upgrade paths', () => {
  it.each(['//', '//@', '//a:b@c:99999', '/ws/../ws', '/%'])(
    'a WebSocket upgrade for %j is turned away and the server plays on',
    async (odd) => {
      const answer = await new Promise<string>((resolve) => {
        const socket = connect(server.port, '127.0.0.1', () =>
          socket.write(
            `GET ${odd} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
              'Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n',
          ),
        );
        let got = '';
        socket.on('data', (d) => (got += d.toString()));
        socket.on('close', () => resolve(got));
        socket.on('error', () => resolve(got));
      });
      expect(answer).not.toMatch(/^HTTP\/1\.1 101/);
      // Still serving: a normal socket opens.
      expect(await upgradeStatus(undefined)).toBe(101);
    },
  );
});

describe('origins', () => {
  it.each([
    ['https://evil.example', 403],
    ['null', 403],
    ['file://', 403],
    ['http://localhost:1', 403],
  ])('a page at %j is refused with %i', async (origin, status) => {
    expect(await upgradeStatus(origin)).toBe(status);
  });

  it('the page its own origin, an allowed origin and a client with no Origin get a socket', async () => {
    expect(await upgradeStatus(`http://127.0.0.1:${server.port}`)).toBe(101);
    expect(await upgradeStatus('https://friend.example')).toBe(101);
    expect(await upgradeStatus(undefined)).toBe(101);
  });
});

describe('responses', () => {
  it('carry a policy that allows only the page its own origin and socket, and no sniffing or referrer', async () => {
    const res = await fetch(`http://127.0.0.1:${server.port}/healthz`);
    const policy = res.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain(`connect-src 'self' ws://127.0.0.1:${server.port}`);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  });
});

async function join(name: string): Promise<BotClient> {
  const bot = await BotClient.connect({ url: `ws://127.0.0.1:${server.port}/ws`, name });
  bots.push(bot);
  return bot;
}

describe('players', () => {
  it('a lookalike of a taken name (Cyrillic letters) is refused; the name itself stays with its owner', async () => {
    const honest = await join('Honest');
    await honest.waitForWelcome(3000);
    const squatter = await join('H\u043en\u0435st');
    const closed = await squatter.waitForClose(3000);
    expect(closed.code).toBe(CloseCode.NameOwned);
    expect(closed.reason).toMatch(/looks like a name that is/);
    expect(honest.closed).toBeNull();
  });

  it('an invisible name is refused', async () => {
    const ghost = await join('\u3164');
    expect((await ghost.waitForClose(3000)).code).toBe(CloseCode.BadName);
  });

  it('a chat line past the limit is refused with a notice; the sender stays and can chat on', async () => {
    const talker = await join('Talker');
    const listener = await join('Listener');
    await talker.waitForWelcome(3000);
    await listener.waitForWelcome(3000);
    const notices: string[] = [];
    const heard: string[] = [];
    talker.on((e) => void (e.type === 'notice' && notices.push(e.text)));
    listener.on((e) => void (e.type === 'chat' && heard.push(e.text)));
    talker.chat('x'.repeat(241));
    await talker.waitFor(() => notices.some((n) => /too long/.test(n)), 3000, 'the notice');
    talker.chat('hello');
    await listener.waitFor(() => heard.includes('hello'), 3000, 'the next line');
    expect(heard).toEqual(['hello']);
    expect(talker.closed).toBeNull();
    expect(notices.find((n) => /too long/.test(n))).toContain(String(CHAT_MAX));
  });
});

describe('limits per address (loopback not exempt here)', () => {
  let limited: GameServer;
  const opened: WebSocket[] = [];

  beforeAll(async () => {
    const env = {
      PORT: '0',
      HOST: '127.0.0.1',
      SEED: '4',
      EXEMPT_ADDRESSES: '',
      TRUSTED_PROXIES: '127.0.0.1',
    };
    const map = tiledFromRows(openRows(30, 20), [{ id: 1, type: 'spawn', name: 'start', x: 10, y: 10 }]);
    limited = await startServer({
      config: readConfig(env, repoRoot),
      map: parseWorldMap(map, 'test.tmj'),
      log: consoleLog(true),
    });
  });

  afterAll(async () => {
    for (const socket of opened) socket.terminate();
    await Promise.all(bots.splice(0).map((b) => b.close()));
    await limited?.close();
  });

  /** Opens a socket as the client at `address` behind the trusted proxy; resolves with the HTTP status. */
  function socketFrom(address: string): Promise<number> {
    const socket = new WebSocket(`ws://127.0.0.1:${limited.port}/ws`, {
      headers: { 'x-forwarded-for': address },
    });
    opened.push(socket);
    return new Promise((resolve, reject) => {
      socket.once('open', () => resolve(101));
      socket.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      socket.once('error', reject);
    });
  }

  it('a reconnecting flooder is refused (429) after its burst; another address is not', async () => {
    const statuses = await Promise.all(Array.from({ length: 30 }, () => socketFrom('203.0.113.7')));
    const welcomed = statuses.filter((s) => s === 101).length;
    expect(welcomed).toBeGreaterThanOrEqual(20); // the burst
    expect(welcomed).toBeLessThanOrEqual(21); // and at most what 2 a second refill meanwhile
    expect(statuses.filter((s) => s !== 101).every((s) => s === 429)).toBe(true);
    expect(await socketFrom('198.51.100.2')).toBe(101);
  });

  it('a half-open request (headers never finished) is closed within seconds', async () => {
    const { createConnection } = await import('node:net');
    const socket = createConnection(limited.port, '127.0.0.1');
    socket.write('GET /ws HTTP/1.1\r\nHost: x\r\n'); // and nothing more
    socket.resume(); // read the server's 408, so its close reaches us
    const started = Date.now();
    await new Promise<void>((resolve) => socket.once('close', () => resolve()));
    expect(Date.now() - started).toBeLessThan(9000);
  });

  it('an address making characters in bulk is stopped after ten, with a reason', async () => {
    const results: number[] = [];
    for (let i = 0; i < 12; i++) {
      const bot = await BotClient.connect({
        url: `ws://127.0.0.1:${limited.port}/ws`,
        name: `Minted${i}`,
        headers: { 'x-forwarded-for': '192.0.2.55' },
      });
      bots.push(bot);
      await bot.waitFor(() => bot.welcomed || bot.closed !== null, 3000, 'a welcome or a refusal');
      results.push(bot.closed?.code ?? 0);
    }
    expect(results.slice(0, 10)).toEqual(Array(10).fill(0));
    expect(results.slice(10)).toEqual([CloseCode.TooManyCharacters, CloseCode.TooManyCharacters]);
  });
});
