// The socket gateway alone (server/net/gateway-process.ts): N real WebSocket connections over loopback,
// read by another process that only counts bytes, and a frame for each of them every 50 ms, made of parts
// as the game hands them over (a cell's walks shared by 20 players, a header, a part of the player's own).
// Prints the gateway's CPU per frame, so a change to the gateway is measured without the game or bots
// that `npm run bench` adds (they share the machine's cores and move its numbers by ±15%):
//   node --import tsx tools/bench/gateway-bench.ts [--players 2000] [--seconds 20] [--coalesce 3]
import { fork } from 'node:child_process';
import { createServer } from 'node:http';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Gateway } from '../../server/net/gateway.ts';
import type { Connection } from '../../server/net/session.ts';
import { consoleLog } from '../../server/log.ts';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

if (process.argv[2] === 'readers') {
  // Raw clients: the handshake, then bytes counted and dropped (no parsing: the readers' CPU is not measured).
  const [, , , port, count] = process.argv;
  let bytes = 0;
  for (let i = 0; i < Number(count); i++) {
    const s = net.connect(Number(port), '127.0.0.1');
    s.on('error', () => {});
    s.once('connect', () =>
      s.write(
        `GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
          `Sec-WebSocket-Key: ${Buffer.alloc(16, i & 0xff).toString('base64')}\r\n` +
          `Sec-WebSocket-Version: 13\r\n\r\n`,
      ),
    );
    s.on('data', (b: Buffer) => (bytes += b.length));
    if (i % 100 === 99) await sleep(20);
  }
  process.on('message', () => process.send!(bytes));
  process.on('disconnect', () => process.exit(0));
} else {
  await main();
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      players: { type: 'string', default: '2000' },
      seconds: { type: 'string', default: '20' },
      coalesce: { type: 'string', default: '3' },
    },
  });
  const players = Number(values.players);
  const connections: Connection[] = [];
  const gateway = await Gateway.start({
    pingMs: 60_000,
    framesPerWrite: Number(values.coalesce),
    log: consoleLog(true),
    events: { opened: (c) => connections.push(c), received: () => {}, closed: () => {} },
  });
  const http = createServer();
  http.on('upgrade', (req, socket, head) => gateway.upgrade(req, socket, head, '127.0.0.1'));
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  const { port } = http.address() as { port: number };
  const readers = fork(fileURLToPath(import.meta.url), ['readers', String(port), String(players)], {
    execArgv: ['--import', 'tsx'],
  });
  for (let waited = 0; connections.length < players && waited < 60_000; waited += 100) await sleep(100);
  if (connections.length < players) throw new Error(`only ${connections.length} of ${players} connected`);

  // A tick's frames: players in groups of 20 share that tick's walks (60 bytes), each has 12 of its own.
  let frames = 0;
  const head = Uint8Array.of(0x92, 1, 0xc4, 60);
  const tick = (): void => {
    let walks = new Uint8Array(60);
    connections.forEach((c, i) => {
      if (i % 20 === 0) walks = new Uint8Array(60).fill(i & 0xff);
      c.send([new Uint8Array(12).fill(i & 0xff), head, walks], 3);
      frames++;
    });
    gateway.flush();
  };
  const ticker = setInterval(tick, 50);
  await sleep(3000); // settle
  // The gateway reports its CPU once a second: the window runs from one report to another.
  const nextReport = async (): Promise<{ cpu: number; at: number; frames: number }> => {
    const last = gateway.stats.cpuSeconds;
    for (let waited = 0; gateway.stats.cpuSeconds === last && waited < 3000; waited += 5) await sleep(5);
    return { cpu: gateway.stats.cpuSeconds, at: performance.now(), frames };
  };
  const start = await nextReport();
  await sleep(Number(values.seconds) * 1000 - 500);
  const end = await nextReport();
  const seconds = (end.at - start.at) / 1000;
  const cpu = end.cpu - start.cpu;
  const sent = end.frames - start.frames;
  clearInterval(ticker);
  const bytes = await new Promise<number>((r) => {
    readers.once('message', (b: number) => r(b));
    readers.send('bytes');
  });
  console.log(
    JSON.stringify({
      players,
      framesPerWrite: Number(values.coalesce),
      gatewayCpuPercent: Number(((cpu / seconds) * 100).toFixed(1)),
      gatewayUsPerFrame: Number(((cpu * 1e6) / sent).toFixed(2)),
      framesPerSecond: Math.round(sent / seconds),
      readBytes: bytes,
    }),
  );
  readers.kill();
  await gateway.stop();
  http.close();
  http.closeAllConnections();
}
