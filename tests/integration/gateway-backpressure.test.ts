// The socket gateway under a game process that cannot keep up: here the game is stopped outright
// (SIGSTOP) while 200 clients keep sending within their budget. The gateway must stop reading them
// rather than hold their bytes, and once the game runs again, read every one of them again, so
// everything a player said still arrives.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { CloseCode } from '../../shared/protocol/ops.ts';
import { BotClient } from '../../tools/bots/bot-client.ts';
import { startServerProcess, type ServerProcess } from '../../tools/server-process.ts';
import { joinChatters } from '../support/chatters.ts';
import { sleep } from '../support/processes.ts';

let server: ServerProcess | null = null;
const bots: BotClient[] = [];
const raw: WebSocket[] = [];
/** Each raw client's close code, once it is closed. */
const closed = new Map<WebSocket, Promise<number>>();

afterEach(async () => {
  if (server?.child.pid) process.kill(server.child.pid, 'SIGCONT');
  for (const ws of raw.splice(0)) ws.terminate();
  await Promise.all(bots.splice(0).map((b) => b.close()));
  await server?.stop();
  server = null;
});

/** Resident memory of a process, in bytes, from /proc. */
function rss(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB/m);
  return Number(line![1]) * 1024;
}

/** The game process's one child: its socket gateway. */
function gatewayPid(serverPid: number): number {
  const children = readFileSync(`/proc/${serverPid}/task/${serverPid}/children`, 'utf8').trim().split(/\s+/);
  expect(children).toHaveLength(1);
  return Number(children[0]);
}

function open(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    raw.push(ws);
    closed.set(ws, new Promise((done) => ws.once('close', done)));
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

const CLIENTS = 200;
const FRAME = new Uint8Array(4000).fill(0x42);
/** Within every client's budget (64 KiB at once, then 16 KiB/s): 15 frames, then 3 a second. */
const FIRST_BURST = 15;
const STOPPED_MS = 4000;

describe('the socket gateway while the game process is stopped', () => {
  it('stops reading its clients instead of holding their bytes, and loses nothing a player said', async () => {
    server = await startServerProcess();
    const url = server.wsUrl;
    const { talker, heard } = await joinChatters(url, bots);
    const clients = await Promise.all(Array.from({ length: CLIENTS }, () => open(url)));
    const gateway = gatewayPid(server.child.pid!);
    await sleep(300);
    const before = rss(gateway);

    process.kill(server.child.pid!, 'SIGSTOP');
    talker.chat('said while the game was stopped');
    for (const ws of clients) for (let i = 0; i < FIRST_BURST; i++) ws.send(FRAME);
    let peak = before;
    const sent = CLIENTS * FIRST_BURST * FRAME.length;
    let extra = 0;
    const started = Date.now();
    while (Date.now() - started < STOPPED_MS) {
      await sleep(333);
      for (const ws of clients) ws.send(FRAME);
      extra += CLIENTS * FRAME.length;
      peak = Math.max(peak, rss(gateway));
    }
    process.kill(server.child.pid!, 'SIGCONT');

    const growthMb = (peak - before) / 2 ** 20;
    const sentMb = (sent + extra) / 2 ** 20;
    // Sent: about 16 MB. Held by a gateway that kept reading: all of it, and more in copies.
    expect(sentMb).toBeGreaterThan(14);
    expect(
      growthMb,
      `gateway grew ${growthMb.toFixed(1)} MB while ${sentMb.toFixed(1)} MB were sent`,
    ).toBeLessThan(6);
    await expect.poll(() => heard, { timeout: 10_000 }).toContain('said while the game was stopped');
    // Every held client is read again: its garbage reaches the game, which sends it away (or, all of its
    // backlog arriving at once, its budget runs out and the gateway cuts it off).
    const codes = await Promise.race([
      Promise.all(clients.map((ws) => closed.get(ws)!)),
      sleep(10_000).then(() => 'some never read again'),
    ]);
    expect(codes).toHaveLength(CLIENTS);
    expect(codes).toContain(CloseCode.BadMessage);
    talker.chat('said after');
    await expect.poll(() => heard, { timeout: 5000 }).toContain('said after');
    // And the world goes on: a newcomer is welcomed.
    const newcomer = await BotClient.connect({ url, name: 'Newcomer' });
    bots.push(newcomer);
    await newcomer.waitForWelcome(10_000);
  }, 60_000);
});
