// What the game process and its socket gateway (gateway-process.ts) say to each other. Sockets cross the
// IPC channel once, at the upgrade, with a few control words beside them. Everything per connection
// (frames both ways, opens, closes) goes over a separate data pipe as length-prefixed batches of records:
// Node holds back every IPC message queued behind a socket handover until the child acknowledges the
// handle, and a pipe gives flow control (a full pipe says so, and the writer waits).

/** The upgrade request as the gateway needs it to finish the WebSocket handshake. */
export interface UpgradeRequest {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
}

/** Game process → gateway over IPC. The `up` message carries the socket as its handle. */
export type ToGateway = ['up', id: number, request: UpgradeRequest, head: Uint8Array];

/** Gateway → game process over IPC: only what is not about one connection. */
export type FromGateway = ['ready'] | ['stats', cpuSeconds: number, rssBytes: number];

/** The file descriptor of the data pipe in the gateway process (fork's stdio index). */
export const DATA_FD = 4;

// Record kinds. Game → gateway:
const FRAME = 0;
const CLOSE = 1;
const STOP = 2;
// Gateway → game:
const IN = 10;
const OPEN = 11;
const CLOSED = 12;

/** Length prefix of a batch (4), then per record: kind (1 byte), connection id (4), length (4). */
const PREFIX = 4;
const HEAD = 9;
/** A batch longer than this means the stream is corrupt, not that a tick was busy. */
const MAX_BATCH = 1 << 28;

export type Outgoing =
  | { kind: 'frame'; id: number; bytes: Uint8Array }
  | { kind: 'close'; id: number; code: number; reason: string }
  | { kind: 'stop' };

export type Incoming =
  | { kind: 'in'; id: number; bytes: Uint8Array }
  | { kind: 'open'; id: number; address: string }
  | { kind: 'closed'; id: number; code: number; broke: boolean };

/**
 * Records written straight into one growing buffer, so a batch costs one pipe write and no object per
 * record. `take()` gives the batch with its length prefix, ready for the pipe.
 */
class RecordBatch {
  private buffer = new Uint8Array(1 << 16);
  private view = new DataView(this.buffer.buffer);
  private size = PREFIX;

  get isEmpty(): boolean {
    return this.size === PREFIX;
  }

  /** Bytes queued, prefix included. */
  get length(): number {
    return this.size;
  }

  /** The packed batch, length prefix first (a copy: the buffer is reused); the batch is empty afterwards. */
  take(): Uint8Array {
    this.view.setUint32(0, this.size - PREFIX);
    const out = this.buffer.slice(0, this.size);
    this.size = PREFIX;
    return out;
  }

  protected record(kind: number, id: number, parts: readonly Uint8Array[], count = parts.length): void {
    let length = 0;
    for (let i = 0; i < count; i++) length += parts[i]!.length;
    this.reserve(HEAD + length);
    this.buffer[this.size] = kind;
    this.view.setUint32(this.size + 1, id);
    this.view.setUint32(this.size + 5, length);
    this.size += HEAD;
    for (let i = 0; i < count; i++) {
      this.buffer.set(parts[i]!, this.size);
      this.size += parts[i]!.length;
    }
  }

  private reserve(bytes: number): void {
    if (this.size + bytes <= this.buffer.length) return;
    const grown = new Uint8Array(Math.max(this.buffer.length * 2, this.size + bytes));
    grown.set(this.buffer.subarray(0, this.size));
    this.buffer = grown;
    this.view = new DataView(grown.buffer);
  }
}

/** Frames and closes for the gateway, in the order they were queued (a close must not overtake a frame). */
export class OutBatch extends RecordBatch {
  /** A frame made of the first `count` of `parts` (copied in, in order). */
  frame(id: number, parts: readonly Uint8Array[], count = parts.length): void {
    this.record(FRAME, id, parts, count);
  }

  close(id: number, code: number, reason: string): void {
    this.record(CLOSE, id, [Uint8Array.of(code >> 8, code & 0xff), Buffer.from(reason)]);
  }

  /** The gateway closes every socket and exits, after what was queued before. */
  stop(): void {
    this.record(STOP, 0, []);
  }
}

/** What the gateway heard, in arrival order: a client's frames never overtake its open or its close. */
export class InBatch extends RecordBatch {
  frame(id: number, bytes: Uint8Array): void {
    this.record(IN, id, [bytes]);
  }

  open(id: number, address: string): void {
    this.record(OPEN, id, [Buffer.from(address)]);
  }

  /** The socket is gone: its close code, and `broke` when the client broke the WebSocket protocol. */
  closed(id: number, code: number, broke: boolean): void {
    this.record(CLOSED, id, [Uint8Array.of(code >> 8, code & 0xff, broke ? 1 : 0)]);
  }
}

/** The records of one batch (without its prefix), in order; payloads are views into `batch`. */
function* records(batch: Uint8Array): Generator<{ kind: number; id: number; bytes: Uint8Array }> {
  const view = new DataView(batch.buffer, batch.byteOffset, batch.byteLength);
  let at = 0;
  while (at + HEAD <= batch.length) {
    const length = view.getUint32(at + 5);
    yield {
      kind: batch[at]!,
      id: view.getUint32(at + 1),
      bytes: batch.subarray(at + HEAD, at + HEAD + length),
    };
    at += HEAD + length;
  }
}

const text = (bytes: Uint8Array): string =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString();

export function* readOutBatch(batch: Uint8Array): Generator<Outgoing> {
  for (const { kind, id, bytes } of records(batch)) {
    if (kind === FRAME) yield { kind: 'frame', id, bytes };
    else if (kind === CLOSE)
      yield { kind: 'close', id, code: (bytes[0]! << 8) | bytes[1]!, reason: text(bytes.subarray(2)) };
    else if (kind === STOP) yield { kind: 'stop' };
  }
}

export function* readInBatch(batch: Uint8Array): Generator<Incoming> {
  for (const { kind, id, bytes } of records(batch)) {
    if (kind === IN) yield { kind: 'in', id, bytes };
    else if (kind === OPEN) yield { kind: 'open', id, address: text(bytes) };
    else if (kind === CLOSED)
      yield { kind: 'closed', id, code: (bytes[0]! << 8) | bytes[1]!, broke: bytes[2] === 1 };
  }
}

/**
 * Cuts a byte stream back into the batches written to it, however the pipe split them: `push` each
 * chunk as it arrives, and `onBatch` gets every complete batch (without its prefix).
 */
export class Unframer {
  private chunks: Uint8Array[] = [];
  private queued = 0;

  constructor(private readonly onBatch: (batch: Uint8Array) => void) {}

  push(chunk: Uint8Array): void {
    this.chunks.push(chunk);
    this.queued += chunk.length;
    for (;;) {
      if (this.queued < PREFIX) return;
      const head = this.peek(PREFIX);
      const length = new DataView(head.buffer, head.byteOffset, PREFIX).getUint32(0);
      if (length > MAX_BATCH) throw new Error(`corrupt data pipe: a batch of ${length} bytes`);
      if (this.queued < PREFIX + length) return;
      const whole = this.peek(PREFIX + length);
      this.drop(PREFIX + length);
      this.onBatch(whole.subarray(PREFIX));
    }
  }

  /** The first `n` queued bytes, joined into one chunk (kept as the head so it is joined only once). */
  private peek(n: number): Uint8Array {
    if (this.chunks[0]!.length < n) this.chunks = [Buffer.concat(this.chunks)];
    return this.chunks[0]!.subarray(0, n);
  }

  private drop(n: number): void {
    this.queued -= n;
    const head = this.chunks[0]!;
    if (head.length === n) this.chunks.shift();
    else this.chunks[0] = head.subarray(n);
  }
}
