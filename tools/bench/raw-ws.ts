// A WebSocket client of our own for the attack bench, over a plain TCP socket, so it can do what `ws`
// will not: read the server's close frame and ignore it, writing on.
import net from 'node:net';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A raw WebSocket client of our own, so it can do what `ws` will not: read the server's close frame and
 * ignore it, writing on. `closedAt` is when the server's close frame arrived; `ended` resolves with when
 * the socket itself ended (or null after `ms`).
 */
export function rawClient(ctx: { host: string; port: number }, localAddress: string) {
  return new Promise<{
    socket: net.Socket;
    closedAt: () => number;
    ended: (ms: number) => Promise<number | null>;
  } | null>((resolve) => {
    const socket = net.connect({ host: ctx.host, port: ctx.port, localAddress });
    let closedAt = 0;
    let upgraded = false;
    let pending = Buffer.alloc(0);
    const end = new Promise<number>((r) => socket.once('close', () => r(performance.now())));
    socket.on('error', () => {});
    socket.once('close', () => upgraded || resolve(null));
    socket.once('connect', () =>
      socket.write(
        `GET /ws HTTP/1.1\r\nHost: ${ctx.host}:${ctx.port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
          `Sec-WebSocket-Key: ${Buffer.from('attack bench key').toString('base64')}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
      ),
    );
    socket.on('data', (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      if (!upgraded) {
        const head = pending.indexOf('\r\n\r\n');
        if (head < 0) return;
        if (!pending.subarray(0, 12).toString().includes('101')) return void socket.destroy();
        upgraded = true;
        pending = pending.subarray(head + 4);
        resolve({
          socket,
          closedAt: () => closedAt,
          ended: (ms) => Promise.race([end, sleep(ms).then(() => null)]),
        });
      }
      // Server frames are unmasked: opcode in the first byte, then a 7-bit, 16-bit or 64-bit length.
      while (pending.length >= 2) {
        const short = pending[1]! & 0x7f;
        const headLength = short === 126 ? 4 : short === 127 ? 10 : 2;
        if (pending.length < headLength) return;
        const length =
          short === 126
            ? pending.readUInt16BE(2)
            : short === 127
              ? Number(pending.readBigUInt64BE(2))
              : short;
        if (pending.length < headLength + length) return;
        if ((pending[0]! & 0x0f) === 0x8 && !closedAt) closedAt = performance.now();
        pending = pending.subarray(headLength + length);
      }
    });
  });
}

/** A client frame: binary, masked as the protocol requires. */
export function clientFrame(payload: Uint8Array): Buffer {
  const mask = [0x12, 0x34, 0x56, 0x78];
  const frame = Buffer.alloc(6 + payload.length);
  frame[0] = 0x82;
  frame[1] = 0x80 | payload.length; // our frames are all under 126 bytes
  for (let i = 0; i < 4; i++) frame[2 + i] = mask[i]!;
  for (let i = 0; i < payload.length; i++) frame[6 + i] = payload[i]! ^ mask[i % 4]!;
  return frame;
}
