// The socket to the world we play in, kept open for the game client: a lost connection is retried with
// backoff while playing, and a Transfer moves it to another world once the old socket has closed and the
// scene has drawn the new map. It knows nothing of entities; game-client.ts reads the frames.
import { CloseCode } from '../../shared/protocol/ops.ts';
import type { ClientMsg } from '../../shared/protocol/schema.ts';
import type { ClientEvents } from '../client-events.ts';
import { Connection, closeMessage } from './connection.ts';
import { retryDelay, shouldRetry } from './reconnect.ts';

/** How long to wait for the server to close the old socket after a Transfer before closing it ourselves. */
const TRANSFER_CLOSE_WAIT_MS = 3000;

export interface SessionHooks {
  /** Where to connect and as whom, read at every attempt (a transfer or a welcome changes the world). */
  who(): { world: string; name: string; token: string };
  socketUrl(world: string): string;
  frame(frame: Uint8Array): void;
  /** The old picture goes: at the first frame after a reconnect, and when a transfer completes. */
  reset(): void;
  /** The walk we predicted was asked on a socket that is gone. */
  forgetWalk(): void;
  events: Pick<ClientEvents, 'transferring' | 'reconnecting' | 'closed'>;
}

export class Session {
  private connection: Connection | null = null;
  /** Welcomed since the player pressed Play: a lost connection is then retried rather than reported. */
  private playing = false;
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  /** The view is cleared when the next welcome arrives, so the old picture stays up while reconnecting. */
  private stale = false;
  private welcomedHere = false;
  /** A move to another world: waits for the old socket to close and for the scene to draw the new map. */
  private transfer: { closed: boolean; arrived: boolean; timer: ReturnType<typeof setTimeout> } | null = null;

  constructor(private readonly hooks: SessionHooks) {}

  /** Open and welcomed on the current connection (while reconnecting, the old picture has a selfId). */
  get connected(): boolean {
    return this.connection?.connected === true && this.welcomedHere;
  }

  /** Welcomed on the latest socket (still true while a retry waits its turn). */
  get welcomed(): boolean {
    return this.welcomedHere;
  }

  /** A socket is there to send on (open, or opening). */
  get open(): boolean {
    return this.connection !== null;
  }

  /** On the way to another world: the entities are still the old world's until its welcome. */
  get transferring(): boolean {
    return this.transfer !== null;
  }

  send(msg: ClientMsg): void {
    this.connection?.send(msg);
  }

  /** Pressed Play: a fresh start, nothing of an earlier character's retries carried over. */
  start(): void {
    this.playing = false;
    this.attempt = 0;
    this.connect();
  }

  /** The server welcomed us on this socket. */
  welcome(): void {
    this.playing = true;
    this.welcomedHere = true;
    this.attempt = 0;
  }

  leave(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    if (this.transfer) clearTimeout(this.transfer.timer);
    this.transfer = null;
    const c = this.connection;
    this.connection = null;
    c?.close();
  }

  /** The server told us to move to `world` (running `map`); the caller has already noted where. */
  moveTo(world: string, map: string): void {
    if (this.transfer) clearTimeout(this.transfer.timer);
    // The server closes the old socket straight after its Transfer; if it does not, stop waiting.
    // (Closing it ourselves detaches its handlers, so its close is not heard: we carry on here.)
    const timer = setTimeout(() => {
      const old = this.connection;
      this.connection = null;
      old?.close();
      this.transferClosed();
    }, TRANSFER_CLOSE_WAIT_MS);
    this.transfer = { closed: false, arrived: false, timer };
    this.hooks.events.transferring(world, map);
  }

  /** The scene has drawn the new world's map: join it once the old socket has closed. */
  arrive(): void {
    if (!this.transfer) return;
    this.transfer.arrived = true;
    this.completeTransfer();
  }

  private connect(): void {
    this.retryTimer = null;
    this.welcomedHere = false;
    const { world, name, token } = this.hooks.who();
    const connection: Connection = new Connection(this.hooks.socketUrl(world), name, token, {
      onFrame: (frame) => {
        if (this.connection !== connection) return;
        if (this.stale) {
          this.stale = false;
          this.hooks.reset();
        }
        this.hooks.frame(frame);
      },
      onClose: (code, reason) => {
        if (this.connection !== connection) return;
        this.connection = null;
        if (this.transfer) this.transferClosed();
        else if (code === CloseCode.Transfer && this.playing)
          this.connect(); // told nothing: rejoin
        else this.lost(code, closeMessage(code, reason));
      },
    });
    this.connection = connection;
  }

  private transferClosed(): void {
    if (!this.transfer) return;
    clearTimeout(this.transfer.timer);
    this.transfer.closed = true;
    this.completeTransfer();
  }

  private completeTransfer(): void {
    const t = this.transfer;
    if (!t?.closed || !t.arrived) return;
    this.transfer = null;
    // The old world's entities go with its map; the new world's welcome brings ours back.
    this.hooks.reset();
    this.attempt = 0;
    this.connect();
  }

  /** Whatever was asked while offline is gone with the old socket: nothing is replayed on reconnect. */
  private lost(code: number, message: string): void {
    if (this.playing && shouldRetry(code)) {
      const delay = retryDelay(this.attempt++);
      this.stale = true;
      this.hooks.forgetWalk();
      this.retryTimer = setTimeout(() => this.connect(), delay);
      this.hooks.events.reconnecting(message, delay);
      return;
    }
    const wasPlaying = this.playing;
    this.playing = false;
    this.hooks.events.closed(message, code, wasPlaying);
  }
}
