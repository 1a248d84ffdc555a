// Writes characters to the store: what the world marked dirty, every second; a player's state when its
// connection drops or it leaves; everyone at shutdown. A failing write never stops the game: the copy
// stays queued (a newer one replaces it), the failure is logged once per kind, and the write is retried
// with backoff until it works.
import { nameKey } from '../shared/rules/names.ts';
import { snapshotCharacter } from './sim/character.ts';
import type { Player } from './sim/world.ts';
import type { CharacterUpdate, Store } from './store/store.ts';
import type { Log } from './log.ts';

/** Longest wait between retries of a failing write. */
const MAX_BACKOFF_MS = 30_000;

export interface SaverParts {
  store: Store;
  log: Log;
  /** Milliseconds, for backoff (monotonic is best). */
  now: () => number;
  /** Milliseconds since the epoch, for last-seen times. */
  wallClock?: () => number;
}

export class Saver {
  /** Copies not yet written, by name key: the newest copy of each character. */
  private readonly unsaved = new Map<string, CharacterUpdate>();
  private writing: Promise<boolean> | null = null;
  private backoffMs = 0;
  private retryAt = 0;
  /** Kinds of failure logged since the last successful write, so each is logged once. */
  private readonly failures = new Set<string>();
  private readonly store: Store;
  private readonly log: Log;
  private readonly now: () => number;
  private readonly wallClock: () => number;

  constructor({ store, log, now, wallClock = Date.now }: SaverParts) {
    this.store = store;
    this.log = log;
    this.now = now;
    this.wallClock = wallClock;
  }

  /** Characters waiting to be written. */
  get backlog(): number {
    return this.unsaved.size;
  }

  /** Takes a copy of the player's character to write, and clears its dirty mark. */
  keep(player: Player): void {
    const update: CharacterUpdate = {
      ...snapshotCharacter(player),
      name: player.name,
      lastSeenAt: this.wallClock(),
    };
    this.unsaved.set(player.key, update);
    player.dirty = false;
  }

  /** Takes copies of the players marked dirty. */
  collect(players: Iterable<Player>): void {
    for (const p of players) if (p.dirty) this.keep(p);
  }

  /** The newest copy not yet written, which is newer than what the store has. */
  pending(name: string): CharacterUpdate | undefined {
    const found = this.unsaved.get(nameKey(name));
    return found && structuredClone(found);
  }

  /**
   * Writes everything queued, unless an earlier failure asked to wait (`force` writes anyway).
   * Resolves true when nothing is left to write.
   */
  flush(force = false): Promise<boolean> {
    if (this.writing) return this.writing.then(() => (force ? this.flush(true) : this.unsaved.size === 0));
    if (this.unsaved.size === 0) return Promise.resolve(true);
    if (!force && this.now() < this.retryAt) return Promise.resolve(false);
    this.writing = this.write().finally(() => (this.writing = null));
    return this.writing;
  }

  private async write(): Promise<boolean> {
    const batch = new Map(this.unsaved);
    try {
      await this.store.save([...batch.values()]);
    } catch (err) {
      this.failed(err as Error, batch.size);
      return false;
    }
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
