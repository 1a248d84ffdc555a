// The coalescer on real loopback sockets: a frame soon after a write waits for the next and goes out with
// it, one after a quiet spell goes at once, a held frame alone still goes within a tick, and 0 holds nothing.
import { createServer, connect, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { Coalescer } from './coalescer.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Pair {
  out: Socket;
  /** Everything the peer has read, as text. */
  heard: () => string;
  server: Server;
}

const open: Pair[] = [];

async function pair(): Promise<Pair> {
  let text = '';
  let resolveIn!: (s: Socket) => void;
  const accepted = new Promise<Socket>((r) => (resolveIn = r));
  const server = createServer((s) => {
    s.on('data', (b: Buffer) => (text += b.toString()));
    resolveIn(s);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  const out = connect(port, '127.0.0.1');
  await new Promise<void>((r) => out.once('connect', () => r()));
  out.setNoDelay(true);
  const peer = await accepted;
  const p = { out, heard: () => text, server };
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

describe('Coalescer', () => {
  it('writes a first frame at once, holds the next and writes it with the one after', async () => {
    const { out, heard } = await pair();
    const c = new Coalescer(80);
    c.send(out, () => out.write('a'));
    expect(out.writableCorked).toBe(0);
    await until(() => heard() === 'a');
    c.send(out, () => out.write('b'));
    expect(out.writableCorked).toBe(1);
    expect(c.holding).toBe(1);
    await sleep(15);
    expect(heard()).toBe('a'); // b waits
    c.send(out, () => out.write('c'));
    expect(out.writableCorked).toBe(0);
    expect(c.holding).toBe(0);
    await until(() => heard() === 'abc');
    c.stop();
  });

  it('writes at once after a quiet spell longer than the gap', async () => {
    const { out, heard } = await pair();
    const c = new Coalescer(30);
    c.send(out, () => out.write('a'));
    await sleep(40);
    c.send(out, () => out.write('b'));
    expect(out.writableCorked).toBe(0);
    await until(() => heard() === 'ab');
    c.stop();
  });

  it('lets a held frame go within about a tick when nothing follows it', async () => {
    const { out, heard } = await pair();
    const c = new Coalescer(80);
    c.send(out, () => out.write('a'));
    c.send(out, () => out.write('b'));
    const waited = await until(() => heard() === 'ab', 500);
    expect(waited).toBeGreaterThanOrEqual(30);
    expect(waited).toBeLessThan(400);
    expect(c.holding).toBe(0);
    c.stop();
  });

  it('release() after a batch lets go only what was held for a tick', async () => {
    const { out } = await pair();
    let t = 0;
    const c = new Coalescer(80, () => t);
    c.send(out, () => out.write('a'));
    t = 10;
    c.send(out, () => out.write('b'));
    t = 30;
    c.release();
    expect(c.holding).toBe(1);
    t = 60;
    c.release();
    expect(c.holding).toBe(0);
    expect(out.writableCorked).toBe(0);
    c.stop();
  });

  it('flush() writes what is held before a close; gap 0 never holds', async () => {
    const { out, heard } = await pair();
    const c = new Coalescer(80);
    c.send(out, () => out.write('a'));
    c.send(out, () => out.write('b'));
    c.flush(out);
    expect(out.writableCorked).toBe(0);
    await until(() => heard() === 'ab');
    const none = new Coalescer(0);
    none.send(out, () => out.write('c'));
    none.send(out, () => out.write('d'));
    expect(out.writableCorked).toBe(0);
    expect(none.holding).toBe(0);
    await until(() => heard() === 'abcd');
    c.stop();
  });
});
