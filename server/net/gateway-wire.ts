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
 * overtake it), packed into one buffer per flush so a tick costs the game process a single IPC message.
 */
export class OutBatch {
  private readonly parts: { kind: number; id: number; bytes: Uint8Array }[] = [];
  private size = 0;

  get isEmpty(): boolean {
    return this.parts.length === 0;
  }

  frame(id: number, bytes: Uint8Array): void {
    this.parts.push({ kind: FRAME, id, bytes });
    this.size += HEAD + bytes.length;
  }

  close(id: number, code: number, reason: string): void {
    const text = Buffer.from(reason);
    const bytes = new Uint8Array(2 + text.length);
    bytes[0] = code >> 8;
    bytes[1] = code & 0xff;
    bytes.set(text, 2);
    this.parts.push({ kind: CLOSE, id, bytes });
    this.size += HEAD + bytes.length;
  }

  /** The packed batch; the batch is empty afterwards. */
  take(): Uint8Array {
    const out = new Uint8Array(this.size);
    const view = new DataView(out.buffer);
    let at = 0;
    for (const { kind, id, bytes } of this.parts) {
      out[at] = kind;
      view.setUint32(at + 1, id);
      view.setUint32(at + 5, bytes.length);
      out.set(bytes, at + HEAD);
      at += HEAD + bytes.length;
    }
    this.parts.length = 0;
    this.size = 0;
    return out;
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
