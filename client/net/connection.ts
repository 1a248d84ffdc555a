// The game's WebSocket: says hello, hands every frame to the caller, and reports how it closed. A server
// that says nothing for too long (it sends a heartbeat when the world is quiet) counts as lost.
import { CloseCode, Op, PROTOCOL_VERSION } from '../../shared/protocol/ops.ts';
import { encode } from '../../shared/protocol/codec.ts';
import { SILENCE_TIMEOUT_MS } from '../../shared/protocol/liveness.ts';
import type { ClientMsg } from '../../shared/protocol/schema.ts';

/** Silence after which the connection counts as lost: three missed heartbeats. */
const SILENCE_MS = SILENCE_TIMEOUT_MS;
/** The close code reported for a connection given up for silence (as for any connection that died). */
const LOST = 1006;

export interface ConnectionHandlers {
  onFrame(frame: Uint8Array): void;
  onClose(code: number, reason: string): void;
}

/** What the player is told when the server closes the connection. */
export function closeMessage(code: number, reason: string): string {
  if (reason) return reason;
  if (code === CloseCode.VersionMismatch) return 'The game was updated. Please reload the page.';
  if (code === CloseCode.Replaced) return 'You joined from another tab or device.';
  if (code === CloseCode.PlayingElsewhere) return 'This character is playing in another world right now.';
  if (code === 1006 || code === 1001) return 'The connection to the server was lost.';
  if (code === 1009) return 'The game sent the server a message that was too large.';
  return `Disconnected (code ${code}).`;
}

/** The socket of one world (`ws/<world>`), or plain `ws` (the server picks a world of its start map). */
export function gameSocketUrl(world = '', base: string = location.href): string {
  const url = new URL(world ? `ws/${encodeURIComponent(world)}` : 'ws', base);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.href;
}

export class Connection {
  private readonly socket: WebSocket;
  private open = false;
  private heardAt = 0;
  private watchdog: ReturnType<typeof setInterval> | null = null;
  bytesIn = 0;

  constructor(
    url: string,
    name: string,
    token: string,
    private readonly handlers: ConnectionHandlers,
  ) {
    this.socket = new WebSocket(url);
    this.socket.binaryType = 'arraybuffer';
    this.socket.onopen = () => {
      this.open = true;
      this.heardAt = performance.now();
      this.watchdog = setInterval(() => this.checkSilence(), 1000);
      this.send([Op.Hello, PROTOCOL_VERSION, name, token]);
    };
    this.socket.onmessage = (e: MessageEvent<ArrayBuffer>) => {
      this.heardAt = performance.now();
      this.bytesIn += e.data.byteLength;
      handlers.onFrame(new Uint8Array(e.data));
    };
    this.socket.onclose = (e) => this.ended(e.code, e.reason);
  }

  get connected(): boolean {
    return this.open;
  }

  send(msg: ClientMsg): void {
    if (this.open) this.socket.send(encode(msg));
  }

  /** Says goodbye: the server lets the character leave at once. */
  close(): void {
    this.detach();
    this.socket.close(1000, 'bye');
  }

  private checkSilence(): void {
    if (this.open && performance.now() - this.heardAt > SILENCE_MS) {
      // The socket may take minutes to notice a dead network; stop waiting for it.
      this.socket.close();
      this.ended(LOST, '');
    }
  }

  private ended(code: number, reason: string): void {
    this.detach();
    this.handlers.onClose(code, reason);
  }

  private detach(): void {
    this.open = false;
    if (this.watchdog) clearInterval(this.watchdog);
    this.watchdog = null;
    this.socket.onopen = this.socket.onmessage = this.socket.onclose = null;
  }
}
