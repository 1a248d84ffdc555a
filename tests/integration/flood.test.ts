// One client writing as fast as it can must not freeze the world for everyone else: the real server
// (game process and socket gateway) on 127.0.0.1, a raw client that floods 4 KiB frames and never
// reads, and players who keep chatting and joining meanwhile.
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { BotClient } from '../../tools/bots/bot-client.ts';
import { startServerProcess, type ServerProcess } from '../../tools/server-process.ts';
import { joinChatters } from '../support/chatters.ts';
import { sleep } from '../support/processes.ts';

let server: ServerProcess | null = null;
const bots: BotClient[] = [];
const floods: WebSocket[] = [];

afterEach(async () => {
  for (const flood of floods.splice(0)) flood.terminate();
  await Promise.all(bots.splice(0).map((b) => b.close()));
  await server?.stop();
  server = null;
});

/** Writes 4 KiB frames flat out for up to `ms`, never reading; resolves with how long its socket lived. */
function flood(url: string, ms: number): Promise<{ cutAfterMs: number | null; sentBytes: number }> {
  const socket = new WebSocket(url, { perMessageDeflate: false });
  floods.push(socket);
  const frame = new Uint8Array(4000).fill(0x42);
  let sentBytes = 0;
  return new Promise((resolve) => {
    let openedAt = 0;
    const done = (cutAfterMs: number | null): void => resolve({ cutAfterMs, sentBytes });
    socket.once('open', () => {
      openedAt = Date.now();
      (socket as unknown as { _socket: { pause(): void } })._socket.pause(); // deaf: reads nothing
      const burst = (): void => {
        if (socket.readyState !== WebSocket.OPEN) return;
        if (Date.now() - openedAt > ms) return done(null);
        // Keep the socket's send buffer full, no fuller: the flood is bounded by what the kernel takes.
        for (let i = 0; i < 64 && socket.bufferedAmount < 1 << 20; i++) {
          socket.send(frame);
          sentBytes += frame.length;
        }
        setImmediate(burst);
      };
      burst();
    });
    socket.once('close', () => done(Date.now() - openedAt));
    socket.on('error', () => {});
  });
}

describe('a flooding client', () => {
  it('is cut off within a second while the others chat and newcomers are welcomed at once', async () => {
    server = await startServerProcess();
    const url = server.wsUrl;
    const { talker, listener, heard } = await joinChatters(url, bots);

    const flooding = Promise.all([flood(url, 4000), flood(url, 4000), flood(url, 4000)]);
    await sleep(300);
    const joinStarted = Date.now();
    const newcomer = await BotClient.connect({ url, name: 'Newcomer' });
    bots.push(newcomer);
    await newcomer.waitForWelcome(3000);
    const welcomeMs = Date.now() - joinStarted;
    const sentAt = Date.now();
    talker.chat('still here');
    await listener.waitFor(() => heard.includes('still here'), 3000, 'the chat line');
    const chatMs = Date.now() - sentAt;

    const floods = await flooding;
    for (const f of floods) {
      expect(f.cutAfterMs).not.toBeNull();
      expect(f.cutAfterMs!).toBeLessThan(1000);
    }
    expect(welcomeMs).toBeLessThan(1500);
    expect(chatMs).toBeLessThan(1000);
    expect(talker.closed).toBeNull();
    expect(listener.closed).toBeNull();
  });
});
