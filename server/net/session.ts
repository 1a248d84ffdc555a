// One connected client: handshake, then decoded and validated intents handed to the world.
// Bad input never throws past here; it closes this session only, with a reason, logged once.
// Who plays which character (tokens, resuming, grace periods) is the host's business, not the socket's.
import { CloseCode, Op, PROTOCOL_VERSION } from '../../shared/protocol/ops.ts';
import { decodeClientFrame, encode } from '../../shared/protocol/codec.ts';
import type { ClientMsg, ClientOp, ClientMsgOf } from '../../shared/protocol/schema.ts';
import type { World } from '../sim/world.ts';
import type { BagIntent } from '../sim/entities.ts';
import type { Log } from '../log.ts';

/** At most one player list per this long per session. */
const WHO_MS = 2000;

/** Client messages allowed per second before the session is closed as abusive. */
const MAX_MESSAGES_PER_SECOND = 60;

/** Closes that are routine, not worth a warning in the log. */
const QUIET_CLOSES: ReadonlySet<number> = new Set([
  CloseCode.Shutdown,
  CloseCode.NameTaken,
  CloseCode.NameOwned,
  CloseCode.BadName,
  CloseCode.Replaced,
  CloseCode.Idle,
  CloseCode.Transfer,
  CloseCode.PlayingElsewhere,
]);

/** Closes after which the character waits out the grace period: the client will likely be back. */
const KEEPS_CHARACTER: ReadonlySet<number> = new Set([CloseCode.TooSlow]);

/**
 * Close codes of a connection lost rather than ended: the socket died with no close frame (1006). The
 * character waits out the grace period for its client. After any other close it leaves at once: a
 * browser that closes the tab, leaves or reloads the page says so (1001), the game's Leave says 1000,
 * and a client that broke the protocol is not waited for.
 */
const CONNECTION_LOST: ReadonlySet<number> = new Set([1006]);

/** A player's WebSocket as the session sees it: frames out (the first `count` of `parts`), and a close. */
export interface Connection {
  send(parts: readonly Uint8Array[], count: number): void;
  close(code: number, reason: string): void;
}

/** What a player asks of its party, as the session hands it on. */
export type PartyIntent =
  | { type: 'invite'; name: string }
  | { type: 'answer'; from: string; accept: boolean }
  | { type: 'leave' }
  | { type: 'kick'; name: string };

const HEARTBEAT = [encode([Op.Heartbeat])];

/** The app layer: checks names and tokens, and decides what becomes of a character when its socket goes. */
export interface SessionHost {
  /** Puts the session's character in the world (calling `bind`), or closes the session with a reason. */
  admit(session: Session, name: string, token: string): Promise<void>;
  /** The session asked who plays in the realm: the host answers with an `Op.PlayerList`. */
  who?(session: Session): void;
  /** A chat line the host handles itself (a whisper): true when it did, and the world never hears it. */
  say?(session: Session, text: string): boolean;
  /** A party intent (invite, answer, leave, kick): the realm checks and carries it out. */
  party?(session: Session, intent: PartyIntent): void;
  /** The session's socket is gone; `leaving` says the character leaves now rather than after a grace period. */
  dropped(session: Session, leaving: boolean): void;
}

type Handlers = { [O in ClientOp]: (session: Session, msg: ClientMsgOf<O>) => void };

const handlers: Handlers = {
  [Op.Hello]: (s, [, version, name, token]) => s.hello(version, name, token),
  [Op.WalkTo]: (s, [, x, y]) => s.walkTo(x, y),
  [Op.Attack]: (s, [, id]) => s.pursue('attack', id),
  [Op.Loot]: (s, [, id]) => s.pursue('loot', id),
  [Op.Talk]: (s, [, id]) => s.pursue('talk', id),
  [Op.Open]: (s, [, id]) => s.pursue('open', id),
  [Op.Chat]: (s, [, text]) => s.chat(text),
  [Op.Respawn]: (s) => s.respawn(),
  [Op.Who]: (s) => s.who(),
  [Op.UseSlot]: (s, [, slot]) => s.useBag({ type: 'use', slot }),
  [Op.UseBelt]: (s, [, slot]) => s.useBag({ type: 'belt', slot }),
  [Op.DropSlot]: (s, [, slot]) => s.useBag({ type: 'drop', slot }),
  [Op.SetBelt]: (s, [, belt, slot]) => s.useBag({ type: 'setBelt', belt, slot }),
  [Op.MoveSlot]: (s, [, from, to]) => s.useBag({ type: 'move', from, to }),
  [Op.SortBag]: (s) => s.useBag({ type: 'sort' }),
  [Op.SplitSlot]: (s, [, slot]) => s.useBag({ type: 'split', slot }),
  [Op.Invite]: (s, [, name]) => s.party({ type: 'invite', name }),
  [Op.AnswerInvite]: (s, [, from, accept]) => s.party({ type: 'answer', from, accept: accept === 1 }),
  [Op.LeaveParty]: (s) => s.party({ type: 'leave' }),
  [Op.Kick]: (s, [, name]) => s.party({ type: 'kick', name }),
  [Op.AcceptQuest]: (s, [, id]) => s.quest('accept', id),
  [Op.AbandonQuest]: (s, [, id]) => s.quest('abandon', id),
};

export class Session {
  /** The character this session plays, or -1 before the welcome and after it gives the character up. */
  playerId = -1;
  /** When the player last asked for something (the idle timeout counts from here). */
  lastInputAt: number;
  private lastSentAt: number;
  private closed = false;
  private admitting = false;
  private windowStart = 0;
  private lastWhoAt = -Infinity;
  private windowCount = 0;

  constructor(
    private readonly connection: Connection,
    private readonly world: World,
    private readonly host: SessionHost,
    private readonly log: Log,
    readonly address: string,
    private readonly now: () => number,
  ) {
    this.lastInputAt = this.lastSentAt = now();
  }

  get isClosed(): boolean {
    return this.closed;
  }

  receive(data: Uint8Array): void {
    if (this.closed) return;
    if (this.overRate()) return this.close(CloseCode.BadMessage, 'Too many messages.');
    const decoded = decodeClientFrame(data);
    if (!decoded.ok) return this.close(CloseCode.BadMessage, `Bad message: ${decoded.error}.`);
    const msg: ClientMsg = decoded.msg;
    if (this.playerId < 0 && msg[0] !== Op.Hello) {
      if (this.admitting) return; // sent before the welcome: there is nothing to apply it to yet
      return this.close(CloseCode.NoHello, 'Say hello first.');
    }
    (handlers[msg[0]] as (s: Session, m: ClientMsg) => void)(this, msg);
  }

  hello(version: number, name: string, token: string): void {
    if (this.playerId >= 0 || this.admitting) {
      return this.close(CloseCode.BadMessage, 'Bad message: hello sent twice.');
    }
    if (version !== PROTOCOL_VERSION) {
      return this.close(CloseCode.VersionMismatch, 'The game was updated. Please reload the page.');
    }
    this.admitting = true;
    this.host
      .admit(this, name, token)
      .catch((err: unknown) => {
        this.log.error(`admitting ${this.address} failed: ${(err as Error).stack ?? String(err)}`);
        this.close(CloseCode.Unavailable, 'The server could not let you in. Please try again.');
      })
      .finally(() => (this.admitting = false));
  }

  /** The host gives this session its character. */
  bind(playerId: number): void {
    this.playerId = playerId;
    this.lastInputAt = this.now();
  }

  /** The host takes the character away (another session plays it now); closing will not touch it. */
  unbind(): void {
    this.playerId = -1;
  }

  walkTo(x: number, y: number): void {
    this.lastInputAt = this.now();
    const map = this.world.map;
    if (x >= map.width || y >= map.height) return; // off the map: ignored, like a click on nothing
    this.world.walkTo(this.playerId, x, y);
  }

  pursue(type: 'attack' | 'loot' | 'talk' | 'open', targetId: number): void {
    this.lastInputAt = this.now();
    this.world.pursue(this.playerId, type, targetId);
  }

  chat(text: string): void {
    this.lastInputAt = this.now();
    if (this.host.say?.(this, text)) return;
    this.world.chat(this.playerId, text);
  }

  who(): void {
    const now = this.now();
    this.lastInputAt = now;
    // The list is the whole realm's (a Redis read across every world): one every WHO_MS is plenty for a
    // person opening a panel, and a client asking faster gets its last answer's worth of nothing.
    if (now - this.lastWhoAt < WHO_MS) return;
    this.lastWhoAt = now;
    this.host.who?.(this);
  }

  useBag(intent: BagIntent): void {
    this.lastInputAt = this.now();
    this.world.useBag(this.playerId, intent);
  }

  party(intent: PartyIntent): void {
    this.lastInputAt = this.now();
    this.host.party?.(this, intent);
  }

  quest(action: 'accept' | 'abandon', questId: string): void {
    this.lastInputAt = this.now();
    this.world.quest(this.playerId, action, questId);
  }

  respawn(): void {
    this.lastInputAt = this.now();
    this.world.respawn(this.playerId);
  }

  /** Sends a frame made of the first `count` parts (the gateway drops a client that has stopped reading). */
  send(parts: readonly Uint8Array[], count = parts.length): void {
    if (this.closed) return;
    this.connection.send(parts, count);
    this.lastSentAt = this.now();
  }

  /** After `quietMs` with nothing sent, a tiny frame, so the client can tell a quiet world from a dead server. */
  heartbeat(quietMs: number): void {
    if (this.playerId >= 0 && this.now() - this.lastSentAt >= quietMs) this.send(HEARTBEAT);
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    if (!QUIET_CLOSES.has(code)) this.log.warn(`closing ${this.describe()}: ${reason}`);
    this.closed = true;
    this.connection.close(code, fitReason(reason));
    this.left(!KEEPS_CHARACTER.has(code));
  }

  /** The socket is gone, closed by the client or the network or dropped by the gateway, with this code. */
  gone(code: number, broke: boolean): void {
    if (this.closed) return;
    if (broke) this.log.warn(`closed ${this.describe()}: it broke the WebSocket protocol (code ${code})`);
    else if (code === CloseCode.TooSlow) this.log.warn(`dropped ${this.describe()}: it stopped reading`);
    this.left(broke || !(CONNECTION_LOST.has(code) || KEEPS_CHARACTER.has(code)));
  }

  /**
   * The socket is gone (closed by either side). `leaving`: the character leaves the world now (the client
   * said goodbye, or the server sent it away); otherwise it waits a while for the client to come back.
   */
  private left(leaving: boolean): void {
    this.closed = true;
    if (this.playerId < 0) return;
    this.host.dropped(this, leaving);
    this.playerId = -1;
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
