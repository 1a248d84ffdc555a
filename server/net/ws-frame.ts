// The header of a server-to-client WebSocket message (RFC 6455 §5.2): one final frame, binary, unmasked
// (only clients mask). The gateway writes its messages' bytes itself (coalescer.ts), several to a write;
// ws still does the handshake, reading, pings and closes.

const FIN_BINARY = 0x82;
/** Headers of the message sizes most frames have, made once: a header per frame per player, every tick. */
const CACHED = 4096;
const cache: Uint8Array[] = [];

export function frameHeader(length: number): Uint8Array {
  if (length < CACHED) return (cache[length] ??= header(length));
  return header(length);
}

function header(length: number): Uint8Array {
  if (length < 126) return Uint8Array.of(FIN_BINARY, length);
  if (length < 0x10000) return Uint8Array.of(FIN_BINARY, 126, length >> 8, length & 0xff);
  const out = new Uint8Array(10);
  out[0] = FIN_BINARY;
  out[1] = 127;
  // Lengths here stay far under 2^53; the top bytes are its high 32 bits.
  new DataView(out.buffer).setUint32(2, Math.floor(length / 2 ** 32));
  new DataView(out.buffer).setUint32(6, length >>> 0);
  return out;
}
