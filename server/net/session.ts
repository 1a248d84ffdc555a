// One connected client: handshake, then decoded and validated intents handed to the world.
// Bad input never throws past here; it closes this session only, with a reason, logged once.
import type { WebSocket } from 'ws';
import { CloseCode, Op, PROTOCOL_VERSION } from '../../shared/protocol/ops.ts';
import { decodeClientFrame } from '../../shared/protocol/codec.ts';
import type { ClientMsg, ClientOp, ClientMsgOf } from '../../shared/protocol/schema.ts';
import type { World } from '../sim/world.ts';
import type { Log } from '../log.ts';

/** Client messages allowed per second before the session is closed as abusive. */
const MAX_MESSAGES_PER_SECOND = 60;
/** A client that lets this much pile up unread is dropped instead of growing server memory. */
const MAX_BUFFERED_BYTES = 1 << 20;

type Handlers = { [O in ClientOp]: (session: Session, msg: ClientMsgOf<O>) => void };

const handlers: Handlers = {
  [Op.Hello]: (s, [, version, name]) => s.hello(version, name),
  [Op.WalkTo]: (s, [, x, y]) => s.walkTo(x, y),
};

export class Session {
  playerId = -1;
  private closed = false;
  private windowStart = 0;
  private windowCount = 0;

  constructor(
    private readonly socket: WebSocket,
    private readonly world: World,
    private readonly log: Log,
    readonly address: string,
    private readonly now: () => number,
  ) {}

  receive(data: Uint8Array): void {
    if (this.closed) return;
    if (this.overRate()) return this.close(CloseCode.BadMessage, 'Too many messages.');
    const decoded = decodeClientFrame(data);
    if (!decoded.ok) return this.close(CloseCode.BadMessage, `Bad message: ${decoded.error}.`);
    const msg: ClientMsg = decoded.msg;
    if (this.playerId < 0 && msg[0] !== Op.Hello) return this.close(CloseCode.NoHello, 'Say hello first.');
    (handlers[msg[0]] as (s: Session, m: ClientMsg) => void)(this, msg);
  }

  hello(version: number, name: string): void {
    if (this.playerId >= 0) return this.close(CloseCode.BadMessage, 'Bad message: hello sent twice.');
    if (version !== PROTOCOL_VERSION) {
      return this.close(CloseCode.VersionMismatch, 'The game was updated. Please reload the page.');
    }
    const joined = this.world.join(name);
    if (!joined.ok) return this.close(joined.code, joined.reason);
    this.playerId = joined.player.id;
    this.log.info(`${joined.player.name} (#${this.playerId}) joined from ${this.address}`);
  }

  walkTo(x: number, y: number): void {
    const map = this.world.map;
    if (x >= map.width || y >= map.height) return; // off the map: ignored, like a click on nothing
    this.world.walkTo(this.playerId, x, y);
  }

  /** Sends this tick's frame; drops a client that has stopped reading. */
  send(frame: Uint8Array): void {
    if (this.closed) return;
    if (this.socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      return this.close(CloseCode.TooSlow, 'Your connection could not keep up.');
    }
    this.socket.send(frame);
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    if (code !== CloseCode.Shutdown && code !== CloseCode.NameTaken && code !== CloseCode.BadName) {
      this.log.warn(`closing ${this.describe()}: ${reason}`);
    }
    this.socket.close(code, fitReason(reason));
    this.left();
  }

  /** The socket is gone (closed by either side): the player leaves the world. */
  left(): void {
    this.closed = true;
    if (this.playerId >= 0) {
      this.world.leave(this.playerId);
      this.playerId = -1;
    }
  }

  private describe(): string {
    const player = this.world.players.get(this.playerId);
    return player ? `${player.name} (#${player.id}, ${this.address})` : this.address;
  }

  private overRate(): boolean {
    const now = this.now();
    if (now - this.windowStart >= 1000) {
      this.windowStart = now;
      this.windowCount = 0;
    }
    return ++this.windowCount > MAX_MESSAGES_PER_SECOND;
  }
}

/** WebSocket close reasons are at most 123 bytes of UTF-8, and `ws` throws on longer ones. */
export function fitReason(reason: string): string {
  if (Buffer.byteLength(reason) <= 123) return reason;
  let cut = '';
  for (const char of reason) {
    if (Buffer.byteLength(cut + char) > 120) break;
    cut += char;
  }
  return `${cut}…`;
}
