// Writes characters to the store: what the world marked dirty, every second; a player's state when its
// connection drops or it leaves; everyone at shutdown. Each write is fenced on the player's lease (held
// here from the claim to the last save), so a world that lost a character to another never overwrites
// it: a refused save is reported through `onFencedOut` once and never retried. A failing write never
// stops the game: the copy stays queued (a newer one replaces it), the failure is logged once per kind,
// and the write is retried with backoff until it works.
import { nameKey } from '../shared/rules/names.ts';
import { snapshotCharacter } from './sim/character.ts';
import type { Player } from './sim/world.ts';
import type {
  CharacterSave,
  CharacterUpdate,
  Destination,
  Lease,
  LeaseRenewal,
  Store,
} from './store/store.ts';
import type { Log } from './log.ts';

/**
 * Longest wait between retries of a failing write. Short, because it is also how long queued progress
 * waits once the store works again (PostgreSQL back after an outage): a failed try costs one refused
 * connection, and the failure is logged once, so trying every few seconds costs next to nothing.
 */
const MAX_BACKOFF_MS = 5000;
/**
 * How long a lease lasts without a write: a world that stops (killed, paused, cut off from the database)
 * frees its characters for other worlds this long after its last write.
 */
export const LEASE_MS = 30_000;

export interface SaverParts {
  store: Store;
  log: Log;
  /** Milliseconds, for backoff and lease renewal (monotonic is best). */
  now: () => number;
  /** Milliseconds since the epoch, for last-seen times. */
  wallClock?: () => number;
  /** How long a claimed lease lasts (Characters claims with it); LEASE_MS by default. */
  leaseMs?: number;
  /** The map this saver's world runs (path under assets/): a checkpoint here, carried through a portal, names it. */
  map?: string;
  /** A save was refused: another world holds the character now. This world must let the player go. */
  onFencedOut?: (name: string) => void;
}

interface Held {
  name: string;
  lease: Lease;
  /** When the store last renewed it (`now`), to renew it before a third of its time is gone. */
  renewedAt: number;
}

export class Saver {
  readonly leaseMs: number;
  /** Leases held, by name key, from the claim until the character leaves or is handed off. */
  private readonly leases = new Map<string, Held>();
  /** Copies not yet written, by name key: the newest copy of each character. */
  private readonly unsaved = new Map<string, CharacterUpdate>();
  /** Leases of players with nothing new to write, due for renewal in the next write. */
  private readonly renewals = new Map<string, LeaseRenewal>();
  private writing: Promise<boolean> | null = null;
  private backoffMs = 0;
  private retryAt = 0;
  /** Kinds of failure logged since the last successful write, so each is logged once. */
  private readonly failures = new Set<string>();
  private readonly store: Store;
  private readonly log: Log;
  private readonly now: () => number;
  private readonly wallClock: () => number;
  private readonly map: string;
  private readonly onFencedOut: (name: string) => void;

  constructor(parts: SaverParts) {
    this.store = parts.store;
    this.log = parts.log;
    this.now = parts.now;
    this.wallClock = parts.wallClock ?? Date.now;
    this.leaseMs = parts.leaseMs ?? LEASE_MS;
    this.map = parts.map ?? '';
    this.onFencedOut = parts.onFencedOut ?? (() => {});
  }

  /** Characters waiting to be written. */
  get backlog(): number {
    return this.unsaved.size;
  }

  /**
   * Keeps the lease a claim took. A copy still queued from the same owner's earlier lease (the
   * character left and came back before it was written) is written under this one.
   */
  hold(name: string, lease: Lease): void {
    const key = nameKey(name);
    this.leases.set(key, { name, lease, renewedAt: this.now() });
    const queued = this.unsaved.get(key);
    if (queued) this.unsaved.set(key, { ...queued, lease, release: false });
  }

  /** The lease held for this character, if any. */
  lease(name: string): Lease | undefined {
    return this.leases.get(nameKey(name))?.lease;
  }

  /**
   * Takes a copy of the player's character to write, and clears its dirty mark. A player whose lease is
   * not held here (never claimed, fenced out, handed off) is not written.
   */
  keep(player: Player): void {
    player.dirty = false;
    const held = this.leases.get(player.key);
    if (!held) return;
    // Object.assign, not a spread with more fields after it: V8 gives each object built that way a hidden
    // class of its own, and this runs for every player every second.
    const update: CharacterUpdate = Object.assign(snapshotCharacter(player), {
      name: player.name,
      lastSeenAt: this.wallClock(),
      lease: held.lease,
    });
    this.unsaved.set(player.key, update);
    this.renewals.delete(player.key);
  }

  /** The player left this world: its last copy is written and the lease released in the same write. */
  leave(player: Player): void {
    this.keep(player);
    const queued = this.unsaved.get(player.key);
    if (queued) queued.release = true;
    this.leases.delete(player.key);
    this.renewals.delete(player.key);
  }

  /**
   * A claim that was not played (the session closed, the world was full): its lease is given back, by
   * the next write when a copy of the character is still queued.
   */
  async release(name: string): Promise<void> {
    const key = nameKey(name);
    const held = this.leases.get(key);
    if (!held) return;
    this.leases.delete(key);
    this.renewals.delete(key);
    const queued = this.unsaved.get(key);
    if (queued) {
      this.unsaved.set(key, { ...queued, release: true });
      return;
    }
    try {
      await this.store.release(name, held.lease);
    } catch (err) {
      // It expires on its own.
      this.log.warn(`Could not release ${name} in ${this.store.where}: ${(err as Error).message}`);
    }
  }

  /** Takes copies of the players marked dirty; the others' leases are renewed when due. */
  collect(players: Iterable<Player>): void {
    const due = this.now() - this.leaseMs / 3;
    for (const p of players) {
      if (p.dirty) this.keep(p);
      else {
        const held = this.leases.get(p.key);
        if (held && held.renewedAt <= due && !this.unsaved.has(p.key)) {
          this.renewals.set(p.key, { name: held.name, lease: held.lease });
        }
      }
    }
  }

  /** The newest copy not yet written, which is newer than what the store has. */
  pending(name: string): CharacterUpdate | undefined {
    const found = this.unsaved.get(nameKey(name));
    return found && structuredClone(found);
  }

  /**
   * A portal: once any write under way is done, the player's state, moved to `next`, is written and its
   * lease released in one store write, and this saver writes it no more. Resolves false when that did
   * not happen: fenced out (onFencedOut is called, as for any refused save) or the store failed (logged;
   * the lease stays held and the player's state queued, so it may play on here).
   */
  async handOff(player: Player, next: Destination): Promise<boolean> {
    const key = player.key;
    // The lease as the portal was taken. If the character left and was claimed again while a write was
    // under way (a reload), the lease held now is the new session's: this stale player must not use it.
    const taken = this.leases.get(key);
    while (this.writing) await this.writing;
    const held = this.leases.get(key);
    if (!held || held !== taken) return false;
    const update = Object.assign(snapshotCharacter(player), {
      name: player.name,
      lastSeenAt: this.wallClock(),
    });
    if (update.checkpoint.map === '') update.checkpoint.map = this.map;
    // Out of the saver before the write, so no other write of this player can land after it.
    this.leases.delete(key);
    this.unsaved.delete(key);
    this.renewals.delete(key);
    player.dirty = false;
    let handed: boolean;
    try {
      handed = await this.store.handOff(update, held.lease, next);
    } catch (err) {
      this.failed(err as Error, 1);
      this.leases.set(key, held);
      this.keep(player);
      return false;
    }
    if (!handed) this.fencedOut(player.name);
    return handed;
  }

  /**
   * A claimed character that has not joined moves to another map first (a place that became a map of its
   * own: server/realm/moved.ts): `character` is written there and its lease released in one store write,
   * as through a portal. False when that did not happen: fenced out, or the store failed (logged; the
   * lease stays held, for the caller to release).
   */
  async moveClaimed(character: CharacterSave, next: Destination): Promise<boolean> {
    const key = nameKey(character.name);
    while (this.writing) await this.writing;
    const held = this.leases.get(key);
    if (!held) return false;
    // The claim already took in any copy still queued (Characters.claim), so `character` is the newest.
    this.leases.delete(key);
    this.unsaved.delete(key);
    this.renewals.delete(key);
    try {
      const update = Object.assign(snapshotCharacter(character), {
        name: character.name,
        lastSeenAt: this.wallClock(),
      });
      const moved = await this.store.handOff(update, held.lease, next);
      if (!moved) this.fencedOut(character.name);
      return moved;
    } catch (err) {
      this.failed(err as Error, 1);
      this.leases.set(key, held);
      return false;
    }
  }

  /**
   * Writes everything queued, unless an earlier failure asked to wait (`force` writes anyway).
   * Resolves true when nothing is left to write.
   */
  flush(force = false): Promise<boolean> {
    if (this.writing) return this.writing.then(() => (force ? this.flush(true) : this.unsaved.size === 0));
    if (this.unsaved.size === 0 && this.renewals.size === 0) return Promise.resolve(true);
    if (!force && this.now() < this.retryAt) return Promise.resolve(false);
    this.writing = this.write().finally(() => (this.writing = null));
    return this.writing;
  }

  private async write(): Promise<boolean> {
    const batch = new Map(this.unsaved);
    const renewals = new Map(this.renewals);
    this.renewals.clear(); // the next collect asks again if these fail
    const started = this.now();
    let refused: string[];
    try {
      refused = await this.store.save([...batch.values()], [...renewals.values()]);
    } catch (err) {
      this.failed(err as Error, batch.size);
      return false;
    }
    const refusedKeys = new Set(refused.map(nameKey));
    for (const [key, update] of batch) {
      if (update.release && refusedKeys.has(key)) {
        this.log.warn(
          `${update.name} left, but is played in another world now: its last copy was not written.`,
        );
      }
      this.written(key, update.lease, refusedKeys.has(key), started);
    }
    for (const [key, renewal] of renewals) this.written(key, renewal.lease, refusedKeys.has(key), started);
    // Only what was written leaves the queue: a newer copy taken meanwhile waits for the next write.
    for (const [key, update] of batch) if (this.unsaved.get(key) === update) this.unsaved.delete(key);
    if (this.failures.size) {
      this.log.info(`Saving works again: wrote ${batch.size} character(s) to ${this.store.where}.`);
      this.failures.clear();
    }
    this.backoffMs = 0;
    this.retryAt = 0;
    return this.unsaved.size === 0;
  }

  /** After a write under `lease`: renewed, or (refused while this lease is still held) fenced out. */
  private written(key: string, lease: Lease, refused: boolean, at: number): void {
    const held = this.leases.get(key);
    // A lease let go meanwhile (left, handed off) or replaced by a newer claim is not this write's to judge.
    if (!held || held.lease !== lease) return;
    if (!refused) held.renewedAt = at;
    else this.fencedOut(held.name);
  }

  private fencedOut(name: string): void {
    const key = nameKey(name);
    this.leases.delete(key);
    this.unsaved.delete(key);
    this.renewals.delete(key);
    this.log.warn(`${name} is played in another world now: this world's copy was not written.`);
    this.onFencedOut(name);
  }

  private failed(err: Error, count: number): void {
    this.backoffMs = Math.min(MAX_BACKOFF_MS, Math.max(1000, this.backoffMs * 2));
    this.retryAt = this.now() + this.backoffMs;
    const kind = (err as NodeJS.ErrnoException).code ?? err.name;
    if (this.failures.has(kind)) return;
    this.failures.add(kind);
    this.log.error(
      `Could not save ${count} character(s) to ${this.store.where}: ${err.message} (${kind}). ` +
        'Players keep playing; saving is retried until it works.',
    );
  }
}
