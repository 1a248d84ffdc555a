// Who may play a character: the one holding its token, in one world at a time (the one holding its
// lease). Loads and leases characters for joining players and creates new ones, each with a fresh token
// that only its creator's browser ever sees.
import { CloseCode } from '../shared/protocol/ops.ts';
import { newCharacter } from './sim/character.ts';
import type { Saver } from './saver.ts';
import { hashToken, newToken, tokenMatches } from './store/tokens.ts';
import type { CharacterRecord, Lease, Store } from './store/store.ts';
import type { Log } from './log.ts';

export type Claim =
  | {
      ok: true;
      character: CharacterRecord;
      tokenHash: Uint8Array;
      /** The token of a character created just now, for its player; null for an existing one. */
      newToken: string | null;
      /** The character's lease, now held by the saver. */
      lease: Lease;
    }
  /** `holder`: the owner playing it, with code PlayingElsewhere. */
  | { ok: false; code: number; reason: string; holder?: string };

/** A character played for less than this, with nothing gained, counts as never played. */
const UNPLAYED_MS = 60_000;
/** How long a never-played character keeps its name. */
const UNPLAYED_KEPT_MS = 24 * 3600_000;

export function ownedReason(name: string): string {
  return `The name "${name}" belongs to another player. If it is yours, continue from the browser you made it in.`;
}

export class Characters {
  constructor(
    private readonly store: Store,
    private readonly saver: Saver,
    private readonly log: Log,
    /** Whether a client at this address may make one more character now (a rate per address). */
    private readonly mayCreate: (address: string) => boolean = () => true,
    private readonly wallClock: () => number = Date.now,
  ) {}

  /**
   * Frees the names of characters made over a day ago and never played (under a minute, no XP), so
   * names cannot be hoarded by making characters in bulk. Failures are logged; the next sweep retries.
   */
  async forgetUnplayed(): Promise<void> {
    try {
      const forgotten = await this.store.forgetUnplayed(this.wallClock() - UNPLAYED_KEPT_MS, UNPLAYED_MS);
      if (forgotten > 0) this.log.info(`Forgot ${forgotten} characters that were never played`);
    } catch (err) {
      this.log.error(
        `Could not forget unplayed characters in ${this.store.where}: ${(err as Error).message}`,
      );
    }
  }

  /** Asks the world holding `name` to let it go (a flag in its row); failures are logged, not thrown. */
  async requestRelease(name: string, by: string): Promise<void> {
    try {
      await this.store.requestRelease(name, by);
    } catch (err) {
      this.log.warn(`Could not ask for "${name}" in ${this.store.where}: ${(err as Error).message}`);
    }
  }

  /** Characters `owner` holds that another world asked for; none when the store cannot be read now. */
  async releaseWanted(owner: string): Promise<string[]> {
    try {
      return await this.store.releaseWanted(owner);
    } catch {
      return []; // the saver reports the store's trouble; the next round asks again
    }
  }

  /**
   * The character named `name` if `token` is its token and no other owner plays it, or a new one if the
   * name is free; either way leased to `owner` (the saver holds the lease from here).
   */
  async claim(name: string, token: string, address: string, owner: string): Promise<Claim> {
    let stored;
    try {
      stored = await this.store.load(name);
    } catch (err) {
      this.log.error(`Could not load "${name}" from ${this.store.where}: ${(err as Error).message}`);
      return unavailable('load your character');
    }
    if (!stored) {
      if (!this.mayCreate(address)) {
        const reason = 'Too many new characters were made from your address. Try again in an hour.';
        return { ok: false, code: CloseCode.TooManyCharacters, reason };
      }
      return this.create(name, owner);
    }
    if (!token || !tokenMatches(token, stored.tokenHash)) {
      return { ok: false, code: CloseCode.NameOwned, reason: ownedReason(stored.record.name) };
    }
    return this.lease(stored.record.name, owner, null);
  }

  /** Takes the character's lease for `owner` and reads it in the same step. */
  private async lease(name: string, owner: string, token: string | null): Promise<Claim> {
    let claimed;
    try {
      claimed = await this.store.claim(name, owner, this.saver.leaseMs);
    } catch (err) {
      this.log.error(`Could not claim "${name}" in ${this.store.where}: ${(err as Error).message}`);
      return unavailable('load your character');
    }
    // Forgotten between the load and the claim (never played for a day): only a moment's race.
    if (!claimed) return unavailable('load your character');
    if (!claimed.ok) {
      const reason = elsewhereReason(name, claimed.expiresAt - this.wallClock());
      return { ok: false, code: CloseCode.PlayingElsewhere, reason, holder: claimed.holder };
    }
    const { record, tokenHash } = claimed.stored;
    this.saver.hold(name, claimed.lease);
    // A copy still waiting to be written (the disk may be failing) is newer than the stored one.
    const pending = this.saver.pending(name);
    let character = record;
    if (pending) {
      const { lease: _lease, release: _release, ...state } = pending;
      character = { ...record, ...state, name: record.name };
    }
    return { ok: true, character, tokenHash, newToken: token, lease: claimed.lease };
  }

  /**
   * A new character. A client that offers a token for a name the store does not know (a database
   * restored from an old backup) gets a new character and a new token too.
   */
  private async create(name: string, owner: string): Promise<Claim> {
    const token = newToken();
    const tokenHash = hashToken(token);
    const now = this.wallClock();
    // On the realm's start map (''), in no shard yet.
    const character: CharacterRecord = {
      ...newCharacter(),
      name,
      createdAt: now,
      lastSeenAt: now,
      map: '',
      shard: null,
    };
    let created: boolean;
    try {
      created = await this.store.create(character, tokenHash);
    } catch (err) {
      this.log.error(`Could not create "${name}" in ${this.store.where}: ${(err as Error).message}`);
      return unavailable('create new characters');
    }
    // A stored name looks like this one, or someone else created the same name since the load.
    if (!created) return { ok: false, code: CloseCode.NameOwned, reason: takenReason(name) };
    return this.lease(name, owner, token);
  }
}

function takenReason(name: string): string {
  return `The name "${name}" is taken, or looks like a name that is: please choose another.`;
}

/** Under 123 bytes with any allowed name, as a WebSocket close reason must be. */
function elsewhereReason(name: string, leftMs: number): string {
  const seconds = Math.max(1, Math.ceil(leftMs / 1000));
  return `"${name}" is playing in another world. Leave it there (or wait ${seconds} s).`;
}

function unavailable(what: string): Claim {
  return {
    ok: false,
    code: CloseCode.Unavailable,
    reason: `The server cannot ${what} right now. Please try again in a moment.`,
  };
}
