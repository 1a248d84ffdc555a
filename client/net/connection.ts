// The game's WebSocket: says hello, hands every frame to the caller, and reports how it closed.
import { CloseCode, Op, PROTOCOL_VERSION } from '../../shared/protocol/ops.ts';
import { encode } from '../../shared/protocol/codec.ts';
import type { ClientMsg } from '../../shared/protocol/schema.ts';

export interface ConnectionHandlers {
  onFrame(frame: Uint8Array): void;
  onClose(code: number, reason: string): void;
}

/** What the player is told when the server closes the connection. */
export function closeMessage(code: number, reason: string): string {
  if (reason) return reason;
  if (code === CloseCode.VersionMismatch) return 'The game was updated. Please reload the page.';
  if (code === 1006 || code === 1001) return 'The connection to the server was lost.';
  if (code === 1009) return 'The game sent the server a message that was too large.';
  return `Disconnected (code ${code}).`;
}

export function gameSocketUrl(base: string = location.href): string {
  const url = new URL('ws', base);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.href;
}

export class Connection {
  private readonly socket: WebSocket;
  private open = false;
  bytesIn = 0;

  constructor(url: string, name: string, token: string, handlers: ConnectionHandlers) {
    this.socket = new WebSocket(url);
    this.socket.binaryType = 'arraybuffer';
    this.socket.onopen = () => {
      this.open = true;
      this.send([Op.Hello, PROTOCOL_VERSION, name, token]);
    };
    this.socket.onmessage = (e: MessageEvent<ArrayBuffer>) => {
      this.bytesIn += e.data.byteLength;
      handlers.onFrame(new Uint8Array(e.data));
    };
    this.socket.onclose = (e) => {
      this.open = false;
      handlers.onClose(e.code, e.reason);
    };
  }

  get connected(): boolean {
    return this.open;
  }

  send(msg: ClientMsg): void {
    if (this.open) this.socket.send(encode(msg));
  }

  close(): void {
    this.socket.close(1000, 'bye');
  }
}
