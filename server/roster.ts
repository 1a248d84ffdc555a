// Which session plays which character. A character stays in the world for a grace period after its
// connection is lost (no clean close), so a network blip is invisible to others; the same character
// joining again (with its token) resumes it, and a second tab takes it over from the first. A client that
// closes its socket (the tab closed, the page left or reloaded) takes its character out at once.
import { CloseCode, Op } from '../shared/protocol/ops.ts';
import { checkName, nameKey } from '../shared/rules/names.ts';
import type { Player, World } from './sim/world.ts';
import type { Session, SessionHost } from './net/session.ts';
import { ownedReason, type Characters } from './characters.ts';
import type { Saver } from './saver.ts';
import { tokenMatches } from './store/tokens.ts';
import type { Log } from './log.ts';

interface Seat {
  player: Player;
  tokenHash: Uint8Array;
  /** The session playing the character, or null while it waits for its client to come back. */
  session: Session | null;
  graceTimer: NodeJS.Timeout | null;
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
}

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
    const { world, saver } = this.parts;
    const claim = await this.parts.characters.claim(name, token, session.address, world.name);
    if (!claim.ok) return session.close(claim.code, claim.reason);
    // Nothing below waits, so the session cannot close half-way through.
    if (session.isClosed || this.closing) return void saver.release(name);
    const joined = world.join(claim.character.name, claim.character);
    if (!joined.ok) {
      void saver.release(name);
      return session.close(joined.code, joined.reason);
    }
    const player = joined.player;
    // The token goes first in the frame that carries the welcome.
    if (claim.newToken) player.outbox.tellFirst([Op.Token, claim.newToken]);
    const added: Seat = { player, tokenHash: claim.tokenHash, session, graceTimer: null };
    this.seats.set(key, added);
    this.bySession.set(session, added);
    session.bind(player.id);
    const what = claim.newToken ? 'a new character' : `level ${player.level}`;
    this.parts.log.info(`${player.name} (#${player.id}, ${what}) joined from ${session.address}`);
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
    this.parts.log.info(`${seat.player.name} (#${seat.player.id}) left`);
  }
}
