// What the game process and its socket gateway (gateway-process.ts) say to each other over the IPC
// channel. Sockets cross it once, at the upgrade; after that only bytes do: one batch per tick from the
// game to the gateway, client frames back in batches.

/** The upgrade request as the gateway needs it to finish the WebSocket handshake. */
export interface UpgradeRequest {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
}

/** Game process → gateway. The `up` message carries the socket as its handle. */
export type ToGateway =
  ['up', id: number, request: UpgradeRequest, head: Uint8Array] | ['out', batch: Uint8Array] | ['stop'];

/**
 * Gateway → game process. `in` holds client frames as [id, bytes, id, bytes, …] in arrival order;
 * `closed` says the socket is gone and why: the close code, and `broke` when the client broke the
 * WebSocket protocol (an oversized frame, a text frame) rather than leaving.
 */
export type FromGateway =
  | ['ready']
  | ['open', id: number, address: string]
  | ['in', frames: (number | Uint8Array)[]]
  | ['closed', id: number, code: number, broke: boolean]
  | ['stats', cpuSeconds: number, rssBytes: number];

const FRAME = 0;
const CLOSE = 1;
/** Kind (1 byte), connection id (4), length (4). */
const HEAD = 9;

export type Outgoing =
  | { kind: 'frame'; id: number; bytes: Uint8Array }
  | { kind: 'close'; id: number; code: number; reason: string };

/**
 * Frames and closes for the gateway, in the order they were queued (a close after a frame must not
 * overtake it), written straight into one growing buffer so a tick costs the game process a single IPC
 * message and no object per frame.
 */
export class OutBatch {
  private buffer = new Uint8Array(1 << 16);
  private view = new DataView(this.buffer.buffer);
  private size = 0;

  get isEmpty(): boolean {
    return this.size === 0;
  }

  /** A frame made of the first `count` of `parts` (copied in, in order). */
  frame(id: number, parts: readonly Uint8Array[], count = parts.length): void {
    let length = 0;
    for (let i = 0; i < count; i++) length += parts[i]!.length;
    this.record(FRAME, id, length);
    for (let i = 0; i < count; i++) this.append(parts[i]!);
  }

  close(id: number, code: number, reason: string): void {
    const text = Buffer.from(reason);
    this.record(CLOSE, id, 2 + text.length);
    this.append(Uint8Array.of(code >> 8, code & 0xff));
    this.append(text);
  }

  /** The packed batch (a copy: the buffer is reused); the batch is empty afterwards. */
  take(): Uint8Array {
    const out = this.buffer.slice(0, this.size);
    this.size = 0;
    return out;
  }

  private record(kind: number, id: number, length: number): void {
    this.reserve(HEAD + length);
    this.buffer[this.size] = kind;
    this.view.setUint32(this.size + 1, id);
    this.view.setUint32(this.size + 5, length);
    this.size += HEAD;
  }

  private append(bytes: Uint8Array): void {
    this.buffer.set(bytes, this.size);
    this.size += bytes.length;
  }

  private reserve(bytes: number): void {
    if (this.size + bytes <= this.buffer.length) return;
    const grown = new Uint8Array(Math.max(this.buffer.length * 2, this.size + bytes));
    grown.set(this.buffer.subarray(0, this.size));
    this.buffer = grown;
    this.view = new DataView(grown.buffer);
  }
}

/** The records of a packed batch, in order; frames are views into `batch`, not copies. */
export function* readOutBatch(batch: Uint8Array): Generator<Outgoing> {
  const view = new DataView(batch.buffer, batch.byteOffset, batch.byteLength);
  let at = 0;
  while (at + HEAD <= batch.length) {
    const kind = batch[at]!;
    const id = view.getUint32(at + 1);
    const length = view.getUint32(at + 5);
    const bytes = batch.subarray(at + HEAD, at + HEAD + length);
    at += HEAD + length;
    if (kind === FRAME) yield { kind: 'frame', id, bytes };
    else
      yield {
        kind: 'close',
        id,
        code: (bytes[0]! << 8) | bytes[1]!,
        reason: Buffer.from(bytes.subarray(2)).toString(),
      };
  }
}
