// The gateway process coalesces writes (server/net/coalescer.ts): a frame every tick reaches the client
// as every WebSocket message, in order, in about a third as many TCP reads, none of them more than two
// ticks late; frames a few ticks apart are written as they come, and so is a frame answering the client.
import { createServer, type Server } from 'node:http';
import { WebSocket } from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import { Gateway } from '../../server/net/gateway.ts';
import type { Connection } from '../../server/net/session.ts';
import { consoleLog } from '../../server/log.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const cleanups: (() => unknown)[] = [];

afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

interface Client {
  /** Each message: its number and when it arrived. */
  messages: { n: number; at: number }[];
  reads: () => number;
}

/** A gateway behind an HTTP server, one real WebSocket client through it, and the game side's connection. */
async function connected(
  framesPerWrite: number,
): Promise<{ gateway: Gateway; connection: Connection; client: Client; ws: WebSocket; heard: () => number }> {
  let resolveOpen!: (c: Connection) => void;
  const opened = new Promise<Connection>((r) => (resolveOpen = r));
  const gateway = await Gateway.start({
    pingMs: 15_000,
    framesPerWrite,
    log: consoleLog(true),
    events: { opened: (c) => resolveOpen(c), received: () => heard++, closed: () => {} },
  });
  let heard = 0;
  cleanups.push(() => gateway.stop());
  const http: Server = createServer();
  http.on('upgrade', (req, socket, head) => gateway.upgrade(req, socket, head, '127.0.0.1'));
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  cleanups.push(() => {
    http.close();
    http.closeAllConnections();
  });
  const { port } = http.address() as { port: number };
  const ws = new WebSocket(`ws://127.0.0.1:${port}/ws`);
  ws.binaryType = 'nodebuffer';
  cleanups.push(() => ws.terminate());
  await new Promise<void>((r, j) => {
    ws.once('open', () => r());
    ws.once('error', j);
  });
  let reads = 0;
  (ws as unknown as { _socket: NodeJS.EventEmitter })._socket.on('data', () => reads++);
  const messages: Client['messages'] = [];
  ws.on('message', (data: Buffer) => messages.push({ n: data[0]!, at: performance.now() }));
  const connection = await opened;
  return { gateway, connection, client: { messages, reads: () => reads }, ws, heard: () => heard };
}

/** Sends `count` one-byte frames (their number), `everyMs` apart, as ticks do; returns when each left. */
async function tick(
  gateway: Gateway,
  connection: Connection,
  count: number,
  everyMs: number,
): Promise<number[]> {
  const sentAt: number[] = [];
  for (let n = 0; n < count; n++) {
    sentAt.push(performance.now());
    connection.send([Uint8Array.of(n)], 1);
    gateway.flush();
    await sleep(everyMs);
  }
  return sentAt;
}

describe('the gateway coalescing writes', () => {
  it('delivers a frame every tick, in order, in about a third as many reads, none more than two ticks late', async () => {
    const { gateway, connection, client } = await connected(3);
    const sentAt = await tick(gateway, connection, 30, 50);
    await sleep(300);
    expect(client.messages.map((m) => m.n)).toEqual([...Array(30).keys()]);
    // Three frames a write: ~10 reads (a stalled reader can only merge more).
    expect(client.reads()).toBeLessThanOrEqual(14);
    const late = client.messages.map((m, i) => m.at - sentAt[i]!);
    // Held for at most two ticks: the median frame is not late by more than that, whatever the machine.
    late.sort((a, b) => a - b);
    expect(late[15]!).toBeLessThan(170);
  });

  it('writes frames that come a few ticks apart as they come', async () => {
    const { gateway, connection, client } = await connected(3);
    await tick(gateway, connection, 8, 200);
    await sleep(100);
    expect(client.messages.map((m) => m.n)).toEqual([...Array(8).keys()]);
    expect(client.reads()).toBe(8);
  });

  it('writes the frames after the client says something at once', async () => {
    const { gateway, connection, client, ws, heard } = await connected(3);
    await tick(gateway, connection, 2, 0); // the first goes at once, the second is held
    await sleep(20);
    expect(client.messages.map((m) => m.n)).toEqual([0]);
    ws.send(Uint8Array.of(1, 2, 3));
    for (let waited = 0; heard() === 0 && waited < 2000; waited += 2) await sleep(2);
    const sentAt = performance.now(); // the game has heard it: its answer is this tick's frame
    connection.send([Uint8Array.of(2)], 1);
    gateway.flush();
    for (let waited = 0; client.messages.length < 3 && waited < 2000; waited += 2) await sleep(2);
    expect(client.messages.map((m) => m.n)).toEqual([0, 1, 2]);
    // Held, it would wait for the tick after next or the timer (175 ms after the held one came).
    expect(client.messages[2]!.at - sentAt).toBeLessThan(130);
  });
});
