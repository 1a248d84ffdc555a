// The coalescer on real loopback sockets, read by a real WebSocket parser (ws's Receiver): frames that
// come every tick are written three ticks' worth at a time, one after a quiet spell goes at once, a held
// frame alone still goes two ticks later, frames answering the player are never held, and 1 holds
// nothing. Each frame arrives as its own message.
import { createServer, connect, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import * as ws from 'ws';
import { Coalescer } from './coalescer.ts';

/** ws's frame parser, which ws exports but its types do not declare. */
interface Parser extends NodeJS.WritableStream {
  on(event: 'message', listener: (data: Buffer) => void): this;
}
const { Receiver } = ws as unknown as { Receiver: new (options: { isServer: boolean }) => Parser };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Pair {
  out: Socket;
  /** Every message the peer has read, as text, and how many TCP reads brought them. */
  heard: () => string[];
  reads: () => number;
  server: Server;
}

const open: Pair[] = [];

async function pair(): Promise<Pair> {
  const messages: string[] = [];
  let reads = 0;
  let resolveIn!: (s: Socket) => void;
  const accepted = new Promise<Socket>((r) => (resolveIn = r));
  const server = createServer((s) => {
    // A client's parser: unmasked frames from a server are what it expects.
    const receiver = new Receiver({ isServer: false });
    receiver.on('message', (data: Buffer) => messages.push(data.toString()));
    s.on('data', (b: Buffer) => {
      reads++;
      receiver.write(b);
    });
    resolveIn(s);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  const out = connect(port, '127.0.0.1');
  await new Promise<void>((r) => out.once('connect', () => r()));
  out.setNoDelay(true);
  const peer = await accepted;
  const p = { out, heard: () => messages, reads: () => reads, server };
  open.push(p);
  peer.on('error', () => {});
  return p;
}

async function until(check: () => boolean, ms = 1000): Promise<number> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > ms) throw new Error('timed out');
    await sleep(2);
  }
  return performance.now() - start;
}

afterEach(async () => {
  for (const p of open.splice(0)) {
    p.out.destroy();
    await new Promise<void>((r) => p.server.close(() => r()));
  }
});

/** A message of text in parts of at most 3 bytes, as the game hands over frames. */
function send(c: Coalescer, out: Socket, text: string): void {
  const bytes = Buffer.from(text);
  const parts: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; at += 3) parts.push(bytes.subarray(at, at + 3));
  c.send(out, parts, parts.length, bytes.length);
}

describe('Coalescer', () => {
  it('writes a frame every tick three at a time, each its own message, in order', async () => {
    const { out, heard, reads } = await pair();
    const c = new Coalescer(3);
    const sent: string[] = [];
    for (let tick = 0; tick < 10; tick++) {
      const text = `frame ${tick}`;
      sent.push(text);
      send(c, out, text);
      c.release();
      // The first goes at once (nothing before it), then every third tick writes.
      expect(c.holding).toBe(tick === 0 ? 0 : tick % 3 === 0 ? 0 : 1);
      await until(() => heard().length === [1, 1, 1, 4, 4, 4, 7, 7, 7, 10][tick]);
    }
    expect(heard()).toEqual(sent);
    expect(reads()).toBe(4);
    c.stop();
  });

  it('writes at once the first frame after a quiet spell of as many ticks', async () => {
    const { out, heard } = await pair();
    const c = new Coalescer(3);
    send(c, out, 'a');
    c.release();
    c.release();
    c.release(); // three ticks with nothing for this socket
    send(c, out, 'b');
    expect(c.holding).toBe(0);
    await until(() => heard().length === 2);
    c.stop();
  });

  it('lets a held frame go two ticks after it came when nothing follows it', async () => {
    const { out, heard } = await pair();
    const c = new Coalescer(3);
    send(c, out, 'a');
    c.release();
    send(c, out, 'b');
    c.release();
    expect(c.holding).toBe(1);
    c.release();
    expect(c.holding).toBe(1);
    c.release();
    expect(c.holding).toBe(0);
    await until(() => heard().length === 2);
    expect(heard()).toEqual(['a', 'b']);
    c.stop();
  });

  it('holds nothing in the two ticks after the player said something, and writes what was held first', async () => {
    const { out, heard } = await pair();
    const c = new Coalescer(3);
    send(c, out, 'a');
    c.release();
    send(c, out, 'b');
    c.release();
    expect(c.holding).toBe(1);
    c.heard(out);
    send(c, out, 'answer');
    expect(c.holding).toBe(0); // 'b' went with it
    c.release();
    send(c, out, 'next');
    expect(c.holding).toBe(0); // the second tick after: still at once
    c.release();
    send(c, out, 'news');
    expect(c.holding).toBe(1); // held again
    c.stop();
    await until(() => heard().length === 5);
    expect(heard()).toEqual(['a', 'b', 'answer', 'next', 'news']);
  });

  it('lets held frames go on a timer when no more ticks come', async () => {
    const { out, heard } = await pair();
    const c = new Coalescer(3);
    send(c, out, 'a');
    c.release();
    send(c, out, 'b');
    const waited = await until(() => heard().length === 2, 1000);
    expect(waited).toBeGreaterThanOrEqual(100);
    expect(waited).toBeLessThan(800);
    expect(c.holding).toBe(0);
    c.stop();
  });

  it('frames of every header size arrive whole: under 126 bytes, 16-bit and 64-bit lengths', async () => {
    const { out, heard } = await pair();
    const c = new Coalescer(3);
    const texts = [125, 126, 4095, 4096, 65_535, 65_536, 200_000].map((n) => 'x'.repeat(n - 1) + (n % 10));
    for (const t of texts) send(c, out, t);
    c.stop();
    await until(() => heard().length === texts.length, 3000);
    expect(heard().map((m) => m.length)).toEqual(texts.map((t) => t.length));
    expect(heard()).toEqual(texts);
  });

  it('flush() writes what is held before a close; 1 frame per write never holds', async () => {
    const { out, heard } = await pair();
    const c = new Coalescer(3);
    send(c, out, 'a');
    send(c, out, 'b');
    expect(c.holding).toBe(1);
    c.flush(out);
    expect(c.holding).toBe(0);
    await until(() => heard().length === 2);
    const none = new Coalescer(1);
    send(none, out, 'c');
    send(none, out, 'd');
    expect(none.holding).toBe(0);
    await until(() => heard().length === 4);
    expect(heard()).toEqual(['a', 'b', 'c', 'd']);
    c.stop();
  });
});
