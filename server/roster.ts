// Which session plays which character. A character stays in the world for a grace period after its
// connection is lost (no clean close), so a network blip is invisible to others; the same character
// joining again (with its token) resumes it, and a second tab takes it over from the first. A client that
// closes its socket (the tab closed, the page left or reloaded) takes its character out at once.
// In a realm, the link (server/realm/world-link.ts) sends a character of another map on to its world,
// takes whispers and player lists, and hears who comes and goes.
import { CloseCode, Op } from '../shared/protocol/ops.ts';
import { encode } from '../shared/protocol/codec.ts';
import { checkName, nameKey } from '../shared/rules/names.ts';
import type { Player, World } from './sim/world.ts';
import type { PartyIntent, Session, SessionHost } from './net/session.ts';
import { ownedReason, type Characters } from './characters.ts';
import type { Saver } from './saver.ts';
import { tokenMatches } from './store/tokens.ts';
import type { CharacterRecord } from './store/store.ts';
import type { Relocated } from './realm/moved.ts';
import type { Log } from './log.ts';

interface Seat {
  player: Player;
  tokenHash: Uint8Array;
  /** The session playing the character, or null while it waits for its client to come back. */
  session: Session | null;
  graceTimer: NodeJS.Timeout | null;
  /** The shard the character plays in (kept when it goes into a world every shard shares). */
  shard: string | null;
}

/** Where a character that does not belong in this world goes instead. */
export type Elsewhere = { world: string; map: string } | { crowded: string };

/** What the roster asks of the realm around its world. */
export interface RosterLink {
  /** The shard of this world (null: shared by every shard). */
  readonly shard: string | null;
  /**
   * The character moved out of a place that became a map of its own (server/realm/moved.ts), or null
   * when it was in none.
   */
  relocate(character: CharacterRecord): Relocated | null;
  /** Null when the character plays here; else the world of its map (or why none has room). */
  belongs(character: CharacterRecord, shard: string | null): Promise<Elsewhere | null>;
  /** Whether `owner` (a lease holder) is a world of this realm. */
  has(owner: string): boolean;
  /** The character plays in `world`, another world of this realm: asks it to let go. */
  letGo(name: string, world: string): Promise<void>;
  entered(player: Player, shard: string | null): void;
  left(player: Player): void;
  /** A chat line the realm handles itself (a whisper): true when it was one. */
  command(player: Player, text: string): boolean;
  who(player: Player): void;
  /** A party intent from the player (server/realm/party-link.ts). */
  party?(player: Player, intent: PartyIntent): void;
}

export interface RosterParts {
  world: World;
  characters: Characters;
  saver: Saver;
  log: Log;
  /** How long a character whose socket dropped stays in the world. */
  graceMs: number;
  /** How long without input before a session is closed. */
  idleMs: number;
  now: () => number;
  link?: RosterLink;
}

/** After asking another world to let a character go, the claim is tried this often, this far apart. */
/** Tries after asking (4 s): over the bus it takes a tick; through the row (bus down) a chore round. */
const LET_GO_TRIES = 40;
const LET_GO_WAIT_MS = 100;

export class Roster implements SessionHost {
  /** Characters in the world, by name key. */
  private readonly seats = new Map<string, Seat>();
  private readonly bySession = new Map<Session, Seat>();
  /** Joins of the same name run one after another, so two tabs cannot both create or claim it. */
  private readonly queues = new Map<string, Promise<void>>();
  private closing = false;

  constructor(private readonly parts: RosterParts) {}

  async admit(session: Session, name: string, token: string): Promise<void> {
    const checked = checkName(name);
    if (!checked.ok) return session.close(CloseCode.BadName, checked.reason);
    const key = nameKey(checked.name);
    const before = this.queues.get(key) ?? Promise.resolve();
    const mine = before.then(() => this.admitNow(session, checked.name, key, token));
    this.queues.set(key, mine);
    try {
      await mine;
    } finally {
      if (this.queues.get(key) === mine) this.queues.delete(key);
    }
  }

  who(session: Session): void {
    const seat = this.bySession.get(session);
    if (seat) this.parts.link?.who(seat.player);
  }

  party(session: Session, intent: PartyIntent): void {
    const seat = this.bySession.get(session);
    if (seat) this.parts.link?.party?.(seat.player, intent);
  }

  /** A chat line: true when the realm took it (a whisper), so the world does not say it aloud. */
  say(session: Session, text: string): boolean {
    const seat = this.bySession.get(session);
    return seat !== undefined && (this.parts.link?.command(seat.player, text) ?? false);
  }

  /** The player of this name in this world, if any. */
  find(name: string): Player | undefined {
    return this.seats.get(nameKey(name))?.player;
  }

  /** The shard the character plays in. */
  shardOf(player: Player): string | null {
    return this.seats.get(player.key)?.shard ?? null;
  }

  /**
   * The character's state is saved elsewhere already (a portal's hand-off): it leaves the world with no
   * save, and its client is told to play on in `world`.
   */
  transfer(player: Player, world: string, map: string): void {
    const seat = this.seats.get(player.key);
    if (!seat || seat.player !== player) return;
    if (seat.graceTimer) clearTimeout(seat.graceTimer);
    this.seats.delete(player.key);
    const session = seat.session;
    if (session) {
      this.bySession.delete(session);
      session.unbind();
      sendTransfer(session, world, map);
    }
    this.parts.world.leave(player.id);
    this.parts.link?.left(player);
    this.parts.log.info(`${player.name} (#${player.id}) went to ${world}`);
  }

  /** A save of this character was refused: another world holds it now. It leaves, unsaved (the saver let it go). */
  fencedOut(name: string): void {
    const seat = this.seats.get(nameKey(name));
    if (!seat) return;
    if (seat.graceTimer) clearTimeout(seat.graceTimer);
    this.seats.delete(seat.player.key);
    const session = seat.session;
    if (session) {
      this.bySession.delete(session);
      session.unbind();
      session.close(
        CloseCode.PlayingElsewhere,
        `"${seat.player.name}" is being played in another world now.`,
      );
    }
    this.parts.world.leave(seat.player.id);
    this.parts.link?.left(seat.player);
    this.parts.log.warn(`${seat.player.name} (#${seat.player.id}) left: another world holds it now`);
  }

  /** Another world of the realm plays this character now: it is saved and leaves, its session closed. */
  release(name: string): void {
    const seat = this.seats.get(nameKey(name));
    if (!seat) return;
    const session = seat.session;
    if (session) {
      this.bySession.delete(session);
      session.unbind();
      session.close(CloseCode.Replaced, 'You joined another world from another tab or device.');
    }
    this.remove(seat);
  }

  dropped(session: Session, leaving: boolean): void {
    const seat = this.bySession.get(session);
    if (!seat) return;
    this.bySession.delete(session);
    seat.session = null;
    // Saved at once, so a crash during the grace period loses nothing.
    this.parts.saver.keep(seat.player);
    void this.parts.saver.flush();
    if (leaving || this.closing || this.parts.graceMs <= 0) return this.remove(seat);
    this.parts.world.clientGone(seat.player.id); // left unhurt and idle while it waits
    seat.graceTimer = setTimeout(() => this.remove(seat), this.parts.graceMs);
  }

  /** Once a second: closes sessions idle too long and sends heartbeats on quiet ones. */
  chores(heartbeatMs: number): void {
    const now = this.parts.now();
    for (const [session] of this.bySession) {
      if (now - session.lastInputAt >= this.parts.idleMs) {
        const minutes = Math.round(this.parts.idleMs / 60_000);
        const away = minutes >= 1 ? `${minutes} minute${minutes === 1 ? '' : 's'}` : 'a while';
        session.close(CloseCode.Idle, `You were away for ${away}, so you left the world.`);
      } else {
        session.heartbeat(heartbeatMs);
      }
    }
  }

  /** Drops the frames of characters whose client is away: what they missed is re-sent on resume. */
  discardUnread(): void {
    for (const seat of this.seats.values()) if (!seat.session) this.parts.world.dropFrame(seat.player.id);
  }

  /** Server shutdown: every session is closed with `reason` and every character leaves (and is kept). */
  shutdown(reason: string): void {
    this.closing = true;
    for (const session of [...this.bySession.keys()]) session.close(CloseCode.Shutdown, reason);
    for (const seat of [...this.seats.values()]) this.remove(seat);
  }

  private async admitNow(session: Session, name: string, key: string, token: string): Promise<void> {
    if (session.isClosed || this.closing) return;
    const seat = this.seats.get(key);
    if (seat) {
      if (!token || !tokenMatches(token, seat.tokenHash)) {
        return session.close(CloseCode.NameOwned, ownedReason(seat.player.name));
      }
      return this.takeOver(seat, session);
    }
    const { world, saver, link } = this.parts;
    let claim = await this.parts.characters.claim(name, token, session.address, world.name);
    // Played in another world of this realm: that world is asked to let go, and the claim tried again.
    if (!claim.ok && claim.code === CloseCode.PlayingElsewhere && claim.holder && link?.has(claim.holder)) {
      // Over the bus (at once), and through the row (works with the bus down: the holder polls it).
      void this.parts.characters.requestRelease(name, world.name);
      await link.letGo(name, claim.holder);
      for (let i = 0; i < LET_GO_TRIES && !claim.ok && claim.code === CloseCode.PlayingElsewhere; i++) {
        if (session.isClosed) return;
        await new Promise((r) => setTimeout(r, LET_GO_WAIT_MS));
        claim = await this.parts.characters.claim(name, token, session.address, world.name);
      }
    }
    if (!claim.ok) return session.close(claim.code, claim.reason);
    // Saved in a place that is now a map of its own: moved there (written, as by a portal) before anything.
    const moved = link?.relocate(claim.character);
    if (moved?.to) {
      if (!(await saver.moveClaimed(moved.character, moved.to))) {
        void saver.release(name);
        const reason = 'The server cannot load your character right now. Please try again in a moment.';
        return session.close(CloseCode.Unavailable, reason);
      }
      // Written and let go: claimed again as it is stored now (it may play here, or be sent on below).
      if (session.isClosed) return;
      claim = await this.parts.characters.claim(name, token, session.address, world.name);
      if (!claim.ok) return session.close(claim.code, claim.reason);
    }
    const character = moved && !moved.to ? moved.character : claim.character;
    const shard = link?.shard ?? characterShard(character);
    const elsewhere = link ? await link.belongs(character, shard) : null;
    // Nothing below waits, so the session cannot close half-way through.
    if (session.isClosed || this.closing) return void saver.release(name);
    if (elsewhere) void saver.release(name);
    if (elsewhere && 'crowded' in elsewhere) return session.close(CloseCode.ServerFull, elsewhere.crowded);
    if (elsewhere) return sendTransfer(session, elsewhere.world, elsewhere.map);
    const joined = world.join(character.name, character);
    if (!joined.ok) {
      void saver.release(name);
      return session.close(joined.code, joined.reason);
    }
    const player = joined.player;
    // The token goes first in the frame that carries the welcome.
    if (claim.newToken) player.outbox.tellFirst([Op.Token, claim.newToken]);
    const added: Seat = { player, tokenHash: claim.tokenHash, session, graceTimer: null, shard };
    this.seats.set(key, added);
    this.bySession.set(session, added);
    session.bind(player.id);
    const what = claim.newToken ? 'a new character' : `level ${player.level}`;
    this.parts.log.info(`${player.name} (#${player.id}, ${what}) joined from ${session.address}`);
    link?.entered(player, shard);
  }

  /** The character's client came back, or the same character joined from another tab or device. */
  private takeOver(seat: Seat, session: Session): void {
    const old = seat.session;
    if (old) {
      this.bySession.delete(old);
      old.unbind();
      old.close(CloseCode.Replaced, 'You joined from another tab or device.');
    }
    if (seat.graceTimer) clearTimeout(seat.graceTimer);
    seat.graceTimer = null;
    seat.session = session;
    this.bySession.set(session, seat);
    session.bind(seat.player.id);
    this.parts.world.resume(seat.player.id);
    const how = old ? `taken over from ${old.address}` : 'resumed';
    this.parts.log.info(`${seat.player.name} (#${seat.player.id}) ${how} by ${session.address}`);
  }

  private remove(seat: Seat): void {
    if (seat.graceTimer) clearTimeout(seat.graceTimer);
    seat.graceTimer = null;
    if (this.seats.get(seat.player.key) !== seat) return;
    this.seats.delete(seat.player.key);
    this.parts.saver.leave(seat.player); // the last copy, and the lease let go
    void this.parts.saver.flush();
    this.parts.world.leave(seat.player.id);
    this.parts.link?.left(seat.player);
    this.parts.log.info(`${seat.player.name} (#${seat.player.id}) left`);
  }
}

/** Tells the client to play on in another world, and closes its socket saying so. */
function sendTransfer(session: Session, world: string, map: string): void {
  session.send([encode([Op.Transfer, world, map])]);
  session.close(CloseCode.Transfer, `On to ${world}.`);
}

/** The shard a stored character last played in (null before the realm stored one). */
function characterShard(character: CharacterRecord): string | null {
  return character.shard ?? null;
}
