// The socket gateway as a process: it is restarted when it dies (its players resume their characters),
// and it never outlives the game process, whether that is killed or closed. Finds processes via /proc.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { parseWorldMap } from '../../shared/content/world-map.ts';
import type { TiledMap } from '../../shared/content/tiled-types.ts';
import { openRows, tiledFromRows } from '../../server/sim/test-support.ts';
import { startServer, type GameServer } from '../../server/app.ts';
import { readConfig } from '../../server/config.ts';
import { consoleLog } from '../../server/log.ts';
import { BotClient } from '../../tools/bots/bot-client.ts';
import { repoRoot, startServerProcess, type ServerProcess } from '../../tools/server-process.ts';

/** 40×20 open grass, everyone spawning on (10, 10). */
function testMap(): TiledMap {
  return tiledFromRows(openRows(40, 20), [{ id: 1, type: 'spawn', name: 'start', x: 10, y: 10 }]);
}

/** State and parent of a process from /proc/PID/stat, or null once it is gone. */
function procStat(pid: number): { state: string; parent: number } | null {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // "PID (name) STATE PPID ...": the name may hold spaces and parentheses, so read after the last ')'.
  const [state = '', parent = ''] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { state, parent: Number(parent) };
}

/**
 * Whether the process still runs. A zombie counts as gone: it has exited, and if its parent died first,
 * whoever adopts it (PID 1 in a container) may never reap it.
 */
function running(pid: number): boolean {
  const stat = procStat(pid);
  return stat !== null && stat.state !== 'Z' && stat.state !== 'X';
}

function isGateway(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('gateway-process');
  } catch {
    return false;
  }
}

/** Running socket gateways started by `parent`. */
function gatewaysOf(parent: number): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((pid) => procStat(pid)?.parent === parent && running(pid) && isGateway(pid));
}

/** Resolves with the first truthy answer of `read`, checking every 50 ms; throws after `timeoutMs`. */
async function waitUntil<T>(
  read: () => T | null | undefined | false | Promise<T | null | undefined | false>,
  timeoutMs: number,
  what: string,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (let round = 0; round < timeoutMs / 50 + 1; round++) {
    const answer = await read();
    if (answer) return answer;
    if (Date.now() >= deadline) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`waited ${timeoutMs} ms for ${what}`);
}

/** The one gateway `parent` runs (there is exactly one once its server has started). */
async function gatewayOf(parent: number, other = -1): Promise<number> {
  return waitUntil(
    () => {
      const pids = gatewaysOf(parent).filter((pid) => pid !== other);
      return pids.length === 1 && pids[0];
    },
    10_000,
    `a socket gateway started by process ${parent}`,
  );
}

async function metric(port: number, name: string): Promise<number | null> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  const line = new RegExp(`^${name} (\\S+)$`, 'm').exec(text);
  return line ? Number(line[1]) : null;
}

let server: GameServer | null = null;
let serverProcess: ServerProcess | null = null;
const bots: BotClient[] = [];
/** Gateways a test found: any still running afterwards (the test failed) are killed, not left behind. */
const gateways: number[] = [];

async function start(): Promise<GameServer> {
  const config = {
    ...readConfig({ PORT: '0', HOST: '127.0.0.1', SEED: '1' }, repoRoot),
    graceMs: 30_000,
  };
  server = await startServer({ config, map: parseWorldMap(testMap(), 'test.tmj'), log: consoleLog(true) });
  return server;
}

async function welcomed(name: string, token = ''): Promise<BotClient> {
  const bot = await BotClient.connect({ url: `ws://127.0.0.1:${server!.port}/ws`, name, token });
  bots.push(bot);
  await bot.waitForWelcome(3000);
  return bot;
}

afterEach(async () => {
  try {
    await Promise.all(bots.splice(0).map((b) => b.close()));
    await server?.close();
  } finally {
    server = null;
    try {
      await serverProcess?.stop();
    } finally {
      serverProcess = null;
      for (const pid of gateways.splice(0)) if (running(pid) && isGateway(pid)) process.kill(pid, 'SIGKILL');
    }
  }
});

// Finding the gateway process and telling whether it still runs reads Linux's /proc.
describe.skipIf(!existsSync('/proc/self/stat'))('the socket gateway process', () => {
  it('a gateway that dies is restarted, and players come back to their characters', async () => {
    const { port, world } = await start();
    const alice = await welcomed('Alice');
    const id = alice.view.selfId;
    alice.walkTo(14, 12);
    await alice.waitFor(
      () => world.players.get(id)?.x === 14 && world.players.get(id)?.y === 12,
      5000,
      'the walk',
    );
    const first = await gatewayOf(process.pid);
    gateways.push(first);

    process.kill(first, 'SIGKILL');
    expect((await alice.waitForClose(3000)).code).toBe(1006); // no close frame: it died with the process
    const second = await gatewayOf(process.pid, first);
    gateways.push(second);
    await waitUntil(
      async () => (await metric(port, 'emberquest_gateway_restarts')) === 1,
      10_000,
      'a restart to be counted',
    );
    // The lost connection is gone but the character stays, waiting out its grace period.
    expect(await metric(port, 'emberquest_connections')).toBe(0);
    expect(world.players.get(id)).toMatchObject({ name: 'Alice', x: 14, y: 12 });

    const back = await welcomed('Alice', alice.token!);
    expect(back.view.selfId).toBe(id);
    expect(back.self).toMatchObject({ name: 'Alice', endX: 14, endY: 12 });
    expect(back.token).toBeNull(); // resumed, not created again
    expect(world.population).toBe(1);
    expect([...alice.problems, ...back.problems]).toEqual([]);
  });

  it('the gateway does not outlive the game process', async () => {
    serverProcess = await startServerProcess();
    const gateway = await gatewayOf(serverProcess.child.pid!);
    gateways.push(gateway);
    serverProcess.child.kill('SIGKILL');
    await waitUntil(() => !running(gateway), 5000, `gateway ${gateway} to exit after its server was killed`);
  });

  it('closing the server stops its gateway', async () => {
    await start();
    const gateway = await gatewayOf(process.pid);
    gateways.push(gateway);
    await server!.close();
    server = null;
    await waitUntil(() => !running(gateway), 3000, `gateway ${gateway} to exit after its server closed`);
  });
});
