// The coalescer on real loopback sockets, read by a real WebSocket parser (ws's Receiver): a frame soon
// after a write waits for the next and goes out with it, one after a quiet spell goes at once, a held
// frame alone still goes within a tick, and 0 holds nothing. Each frame arrives as its own message.
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
  it('writes a first frame at once, holds the next and writes it with the one after', async () => {
    const { out, heard, reads } = await pair();
    const c = new Coalescer(80);
    send(c, out, 'a');
    await until(() => heard().length === 1);
    send(c, out, 'bee');
    expect(c.holding).toBe(1);
    await sleep(15);
    expect(heard()).toEqual(['a']); // b waits
    send(c, out, 'seven');
    expect(c.holding).toBe(0);
    await until(() => heard().length === 3);
    expect(heard()).toEqual(['a', 'bee', 'seven']);
    expect(reads()).toBe(2);
    c.stop();
  });

  it('writes at once after a quiet spell longer than the gap', async () => {
    const { out, heard } = await pair();
    const c = new Coalescer(30);
    send(c, out, 'a');
    await sleep(40);
    send(c, out, 'b');
    expect(c.holding).toBe(0);
    await until(() => heard().length === 2);
    c.stop();
  });

  it('lets a held frame go within about a tick when nothing follows it', async () => {
    const { out, heard } = await pair();
    const c = new Coalescer(80);
    send(c, out, 'a');
    send(c, out, 'b');
    const waited = await until(() => heard().length === 2, 500);
    expect(waited).toBeGreaterThanOrEqual(30);
    expect(waited).toBeLessThan(400);
    expect(c.holding).toBe(0);
    c.stop();
  });

  it('release() after a batch lets go only what was held for a tick', async () => {
    const { out, heard } = await pair();
    let t = 0;
    const c = new Coalescer(80, () => t);
    send(c, out, 'a');
    t = 10;
    send(c, out, 'b');
    t = 30;
    c.release();
    expect(c.holding).toBe(1);
    t = 60;
    c.release();
    expect(c.holding).toBe(0);
    await until(() => heard().length === 2);
    c.stop();
  });

  it('frames of every header size arrive whole: under 126 bytes, 16-bit and 64-bit lengths', async () => {
    const { out, heard } = await pair();
    const c = new Coalescer(80);
    const texts = [125, 126, 4095, 4096, 65_535, 65_536, 200_000].map((n) => 'x'.repeat(n - 1) + (n % 10));
    for (const t of texts) send(c, out, t);
    c.stop();
    await until(() => heard().length === texts.length, 3000);
    expect(heard().map((m) => m.length)).toEqual(texts.map((t) => t.length));
    expect(heard()).toEqual(texts);
  });

  it('flush() writes what is held before a close; gap 0 never holds', async () => {
    const { out, heard } = await pair();
    const c = new Coalescer(80);
    send(c, out, 'a');
    send(c, out, 'b');
    c.flush(out);
    expect(c.holding).toBe(0);
    await until(() => heard().length === 2);
    const none = new Coalescer(0);
    send(none, out, 'c');
    send(none, out, 'd');
    expect(none.holding).toBe(0);
    await until(() => heard().length === 4);
    expect(heard()).toEqual(['a', 'b', 'c', 'd']);
    c.stop();
  });
});
