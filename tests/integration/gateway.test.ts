// The socket gateway as a process: it is restarted when it dies (its players resume their characters),
// its death neither takes the game down nor leaves sockets hanging, a refused
// handshake is let go, and it never outlives the game process, whether that is killed or closed.
// Finds processes and their sockets via /proc (tests/support/processes.ts).
import { createServer } from 'node:http';
import { connect } from 'node:net';
import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { parseWorldMap } from '../../shared/content/world-map.ts';
import type { TiledMap } from '../../shared/content/tiled-types.ts';
import { openRows, tiledFromRows } from '../../server/sim/test-support.ts';
import { startServer, type GameServer } from '../../server/app.ts';
import { Gateway } from '../../server/net/gateway.ts';
import { readConfig } from '../../server/config.ts';
import { consoleLog } from '../../server/log.ts';
import { TICK_MS } from '../../shared/rules/movement.ts';
import { BotClient } from '../../tools/bots/bot-client.ts';
import { repoRoot, startServerProcess, type ServerProcess } from '../../tools/server-process.ts';
import {
  gatewayOf,
  gatewaysOf,
  handedOver,
  isGateway,
  running,
  serverSockets,
  spinUntil,
  waitUntil,
} from '../support/processes.ts';

/** 40×20 open grass, everyone spawning on (10, 10). */
function testMap(): TiledMap {
  return tiledFromRows(openRows(40, 20), [{ id: 1, type: 'spawn', name: 'start', x: 10, y: 10 }]);
}

const HANDSHAKE = [
  'GET /ws HTTP/1.1',
  'Host: 127.0.0.1',
  'Connection: Upgrade',
  'Upgrade: websocket',
  'Sec-WebSocket-Version: 13',
  'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
];

interface Upgrade {
  /** Once the request is written: it waits in the server's receive queue. */
  sent: Promise<void>;
  /**
   * The status line of the answer ('' when the connection was cut without one), or 'hung' when neither
   * came within the time allowed. A connection that is accepted is closed at once.
   */
  answer: Promise<string>;
}

/** A WebSocket upgrade request by hand, so the test knows when it was sent and how it was answered. */
function upgrade(port: number, { timeoutMs = 5000, headers = HANDSHAKE } = {}): Upgrade {
  const socket = connect(port, '127.0.0.1');
  socket.on('error', () => {}); // a cut connection: its close says so
  const sent = new Promise<void>((resolve) =>
    socket.write(`${headers.join('\r\n')}\r\n\r\n`, () => resolve()),
  );
  const answer = new Promise<string>((resolve) => {
    let text = '';
    const settle = (status: string): void => {
      clearTimeout(timer);
      socket.destroy();
      resolve(status);
    };
    const timer = setTimeout(() => settle('hung'), timeoutMs);
    cleanups.push(() => settle('hung'));
    socket.on('data', (d: Buffer) => {
      text += d.toString('latin1');
      if (text.includes('\r\n')) settle(text.slice(0, text.indexOf('\r\n')));
    });
    socket.on('close', () => settle(''));
  });
  return { sent, answer };
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
/** Whatever else a test started or changed, undone after it (last first) whether it passed or not. */
const cleanups: (() => unknown)[] = [];

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
  const steps: (() => unknown)[] = [
    ...cleanups.splice(0).reverse(),
    () => Promise.all(bots.splice(0).map((b) => b.close())),
    () => server?.close(),
    () => serverProcess?.stop(),
    () => {
      for (const pid of gateways.splice(0)) if (running(pid) && isGateway(pid)) process.kill(pid, 'SIGKILL');
    },
  ];
  // Every step runs even if one before it failed, so nothing a failed test started is left running.
  let failure: unknown = null;
  for (const step of steps) {
    try {
      await step();
    } catch (err) {
      failure ??= err;
    }
  }
  server = null;
  serverProcess = null;
  if (failure) throw failure;
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

  // The game hears of the gateway's death only when its event loop next reads the IPC channel; a tick
  // that runs before that writes its frames into a dead pipe (EPIPE). The first such error went to a
  // listener left over from the gateway's start; the next, with no one listening, was thrown out of the
  // game process. In the wild that takes lost races: here the gateway is killed inside a tick that then
  // waits three ticks' time, so that the loop, catching up, sends several ticks into the dead pipe
  // before the event loop turns.
  it('frames written to a gateway that just died do not take the game down', async () => {
    // Vitest fails the run on an uncaught exception too; catching it here fails this test, by name.
    const uncaught: unknown[] = [];
    const record = (err: unknown): void => void uncaught.push(err);
    process.on('uncaughtException', record);
    cleanups.push(() => process.off('uncaughtException', record));
    const { world } = await start();
    const alice = await welcomed('Alice');
    const first = await gatewayOf(process.pid);
    gateways.push(first);

    const tick = world.tick.bind(world);
    let killed = false;
    let died = false;
    let inWindow = false;
    let ticksInWindow = 0;
    world.tick = () => {
      if (!killed) {
        killed = true;
        inWindow = true;
        setImmediate(() => (inWindow = false)); // the event loop turned: the channel was read
        process.kill(first, 'SIGKILL');
        const since = Date.now();
        died = spinUntil(() => !running(first) && Date.now() - since >= 3 * TICK_MS, 3000);
      }
      if (inWindow) {
        ticksInWindow++;
        world.walkTo(alice.view.selfId, 12 + (ticksInWindow % 2) * 2, 12); // a new walk: a frame to send
      } else {
        world.tick = tick;
      }
      tick();
    };
    expect((await alice.waitForClose(3000)).code).toBe(1006);
    expect(died).toBe(true);
    expect(ticksInWindow).toBeGreaterThanOrEqual(3); // else this test no longer tests anything
    gateways.push(await gatewayOf(process.pid, first));
    await welcomed('Bob'); // the game goes on, with a new gateway
    expect(uncaught).toEqual([]);
  });

  // A gateway is forked at once when the last one died, and takes a few hundred ms to load; a game
  // process killed meanwhile went before the gateway listened for it, and the gateway ran on for ever.
  it('a gateway still starting when the game process is killed does not outlive it', async () => {
    serverProcess = await startServerProcess();
    const game = serverProcess.child.pid!;
    const first = await gatewayOf(game);
    gateways.push(first);
    process.kill(first, 'SIGKILL');
    const second = await waitUntil(
      () => gatewaysOf(game).find((pid) => pid !== first),
      10_000,
      `a new gateway started by process ${game}`,
      1,
    );
    serverProcess.child.kill('SIGKILL');
    gateways.push(second);
    await waitUntil(() => !running(second), 5000, `gateway ${second} to exit after its server was killed`);
  });

  // A socket sent to the gateway stays the game process's until the gateway acknowledges it, and Node
  // sends the next only after that: the ones that came meanwhile wait in Node's queue. A gateway that
  // died never acknowledges, and those sockets hung, open in the game process, for ever. A stopped
  // gateway acknowledges nothing either: stopping it first makes sure connections are waiting when it
  // dies, rather than only sometimes.
  it('connections waiting to be handed to a gateway as it dies end, and the game keeps no socket of theirs', async () => {
    const { port } = await start();
    const first = await gatewayOf(process.pid);
    gateways.push(first);
    process.kill(first, 'SIGSTOP');
    cleanups.push(() => running(first) && isGateway(first) && process.kill(first, 'SIGCONT'));
    const inFlight = upgrade(port);
    await inFlight.sent;
    await handedOver(port, 1);
    const queued = Array.from({ length: 3 }, () => upgrade(port));
    await Promise.all(queued.map((u) => u.sent));
    await handedOver(port, 4);

    process.kill(first, 'SIGKILL');
    const late = Array.from({ length: 4 }, () => upgrade(port)); // before the game hears of the death
    // Refused, cut, or (late enough for the next gateway) accepted: answered, anyway.
    const answers = await Promise.all([...queued, ...late].map((u) => u.answer));
    expect(answers).not.toContain('hung');
    gateways.push(await gatewayOf(process.pid, first));
    // The one in flight too: the game keeps its own copy of each until the gateway has it, and lets go.
    await waitUntil(
      () => serverSockets(process.pid, port).size === 0,
      3000,
      'the game to let go of the sockets',
    );
  });

  // A socket in flight (sent, not yet acknowledged) used to hang, open in the game process: Node takes a
  // sent socket's handle and closes it only on the acknowledgement, which a dead gateway never sends.
  // The game now sends with `keepOpen` and closes its copy itself.
  it('the connection in flight to a gateway as it dies ends', async () => {
    const { port } = await start();
    const first = await gatewayOf(process.pid);
    gateways.push(first);
    process.kill(first, 'SIGSTOP');
    cleanups.push(() => running(first) && isGateway(first) && process.kill(first, 'SIGCONT'));
    const inFlight = upgrade(port, { timeoutMs: 2000 });
    await inFlight.sent;
    await handedOver(port, 1);
    process.kill(first, 'SIGKILL');
    expect(await inFlight.answer).toBe('');
    await waitUntil(() => serverSockets(process.pid, port).size === 0, 1000, 'the game to let go of it');
  });

  // The game side counts a connection as open from its upgrade until the gateway says it closed; a
  // handshake the gateway refused was never said to close, and stayed open for ever.
  it('a handshake the gateway refuses is reported closed', async () => {
    const heard: string[] = [];
    const gateway = await Gateway.start({
      pingMs: 15_000,
      log: consoleLog(true),
      events: {
        opened: (_connection, id) => heard.push(`opened ${id}`),
        received: () => {},
        closed: (id, code, broke) => heard.push(`closed ${id} ${code} ${broke}`),
      },
    });
    cleanups.push(() => gateway.stop());
    gateways.push(await gatewayOf(process.pid));
    const http = createServer();
    http.on('upgrade', (req, socket, head) => gateway.upgrade(req, socket, head, '127.0.0.1'));
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    // Not waiting for its close: Node counts sockets handed to a gateway until that gateway answers.
    cleanups.push(() => {
      http.close();
      http.closeAllConnections();
    });
    const { port } = http.address() as { port: number };

    const noKey = HANDSHAKE.filter((line) => !line.startsWith('Sec-WebSocket-Key'));
    for (let i = 0; i < 3; i++) {
      expect(await upgrade(port, { headers: noKey }).answer).toBe('HTTP/1.1 400 Bad Request');
    }
    await waitUntil(() => heard.length >= 3, 3000, 'the refused handshakes to be reported');
    await gateway.stop(); // whatever else it had to say, it has said
    expect(heard).toEqual(['closed 1 1006 false', 'closed 2 1006 false', 'closed 3 1006 false']);
  });
});
