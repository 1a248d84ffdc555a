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
/**
 * A frame record's payload is a list of entries, each a varint `n * 4 + tag` then, unless it names a part
 * given before, the part's n bytes: INLINE, used once; SHARE, numbered (0, 1, … in the batch) for REF to
 * name again.
 */
const INLINE = 0;
const SHARE = 1;
const REF = 2;
/** Parts shorter than this are copied each time: naming one would save little. */
const SHARED_MIN = 4;
/** The longest varint an entry head takes (a part under 2^33 bytes). */
const MAX_ENTRY_HEAD = 5;
/** A batch longer than this means the stream is corrupt, not that a tick was busy. */
const MAX_BATCH = 1 << 28;

export type Outgoing =
  /** A frame: its `count` first `parts` in order (views into the batch, reused for the next record), `length` bytes in all. */
  | { kind: 'frame'; id: number; parts: Uint8Array[]; count: number; length: number }
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

  /** Starts a record of at most `most` payload bytes, written with `varint` and `bytes`; `seal` ends it. */
  protected begin(kind: number, id: number, most: number): number {
    this.reserve(HEAD + most);
    const at = this.size;
    this.buffer[at] = kind;
    this.view.setUint32(at + 1, id);
    this.size += HEAD;
    return at;
  }

  protected seal(at: number): void {
    this.view.setUint32(at + 5, this.size - at - HEAD);
  }

  protected varint(n: number): void {
    while (n >= 0x80) {
      this.buffer[this.size++] = (n & 0x7f) | 0x80;
      n = Math.floor(n / 0x80);
    }
    this.buffer[this.size++] = n;
  }

  protected bytes(part: Uint8Array): void {
    this.buffer.set(part, this.size);
    this.size += part.length;
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

/**
 * Frames and closes for the gateway, in the order they were queued (a close must not overtake a frame).
 * Frames are lists of parts, and many players' frames share parts (a cell's walks, an entity's spawn): a
 * part of SHARED_MIN bytes or more is copied into the batch once, the first time it is used, and later
 * frames of the batch name it by number. At 2,000 players (`tools/bench/sim-tick.ts`) a tick's batch is 127 → ~45 kB.
 */
export class OutBatch extends RecordBatch {
  private readonly numbers = new Map<Uint8Array, number>();

  /** A frame made of the first `count` of `parts`, in order. */
  frame(id: number, parts: readonly Uint8Array[], count = parts.length): void {
    let most = 0;
    for (let i = 0; i < count; i++) most += MAX_ENTRY_HEAD + parts[i]!.length;
    const at = this.begin(FRAME, id, most);
    for (let i = 0; i < count; i++) {
      const part = parts[i]!;
      const known = part.length >= SHARED_MIN ? this.numbers.get(part) : undefined;
      if (known !== undefined) {
        this.varint(known * 4 + REF);
        continue;
      }
      const shared = part.length >= SHARED_MIN;
      if (shared) this.numbers.set(part, this.numbers.size);
      this.varint(part.length * 4 + (shared ? SHARE : INLINE));
      this.bytes(part);
    }
    this.seal(at);
  }

  close(id: number, code: number, reason: string): void {
    this.record(CLOSE, id, [Uint8Array.of(code >> 8, code & 0xff), Buffer.from(reason)]);
  }

  /** The gateway closes every socket and exits, after what was queued before. */
  stop(): void {
    this.record(STOP, 0, []);
  }

  override take(): Uint8Array {
    this.numbers.clear(); // numbers count from 0 in every batch
    return super.take();
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
  const shared: Uint8Array[] = [];
  const parts: Uint8Array[] = [];
  for (const { kind, id, bytes } of records(batch)) {
    if (kind === FRAME) {
      const [count, length] = readParts(bytes, shared, parts);
      yield { kind: 'frame', id, parts, count, length };
    } else if (kind === CLOSE)
      yield { kind: 'close', id, code: (bytes[0]! << 8) | bytes[1]!, reason: text(bytes.subarray(2)) };
    else if (kind === STOP) yield { kind: 'stop' };
  }
}

/** A frame record's parts into `parts` (views), numbering shared ones into `shared`: [count, length]. */
function readParts(entries: Uint8Array, shared: Uint8Array[], parts: Uint8Array[]): [number, number] {
  let at = 0;
  let count = 0;
  let length = 0;
  while (at < entries.length) {
    let head = 0;
    let scale = 1;
    for (;;) {
      const b = entries[at++];
      if (b === undefined) throw new Error('corrupt data pipe: a frame entry cut short');
      head += (b & 0x7f) * scale;
      if (b < 0x80) break;
      scale *= 0x80;
    }
    const tag = head % 4;
    const n = (head - tag) / 4;
    let part: Uint8Array | undefined;
    if (tag === REF) part = shared[n];
    else if (at + n <= entries.length) {
      part = entries.subarray(at, at + n);
      at += n;
      if (tag === SHARE) shared.push(part);
    }
    if (!part) throw new Error('corrupt data pipe: a frame names a part it never gave');
    parts[count++] = part;
    length += part.length;
  }
  return [count, length];
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
