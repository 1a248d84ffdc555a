// The directory and the bus as the worlds use them: a networked one (Redis) can fail, and a world must
// play on when it does. What keeps play going falls back (population counts this process's worlds,
// entering and leaving are put back by the next refresh); what needs the other worlds (finding a player
// to whisper to, the player list, a message) fails with CrossWorldUnavailable, which callers turn into
// a notice. Nothing here ever rejects unhandled.
import type { Bus, BusMessage } from './bus.ts';
import type { Directory, DirectoryEntry } from './directory.ts';
import type { Log } from '../log.ts';

export class CrossWorldUnavailable extends Error {
  constructor(what: string) {
    super(`${what} is unavailable right now (the realm's directory cannot be reached); try again soon.`);
  }
}

export class SteadyDirectory implements Directory {
  constructor(
    private readonly inner: Directory,
    /** Players per world of this process, for when the shared counts cannot be read. */
    private readonly localCounts: () => Record<string, number>,
    private readonly log: Log,
  ) {}

  enter(entry: DirectoryEntry): Promise<void> {
    return this.inner.enter(entry).catch(() => {}); // the next refresh puts it back
  }

  leave(name: string, world: string): Promise<void> {
    return this.inner.leave(name, world).catch(() => {});
  }

  refresh(world: string, entries: readonly DirectoryEntry[]): Promise<void> {
    return this.inner.refresh(world, entries).catch(() => {});
  }

  find(name: string): Promise<DirectoryEntry | null> {
    return this.inner.find(name).catch(() => Promise.reject(new CrossWorldUnavailable('Whispering')));
  }

  list(limit: number): Promise<{ total: number; players: DirectoryEntry[] }> {
    return this.inner.list(limit).catch(() => Promise.reject(new CrossWorldUnavailable('The player list')));
  }

  population(): Promise<Record<string, number>> {
    return this.inner.population().catch((err: Error) => {
      this.log.warn(`Population counts from this process only: ${err.message}`);
      return this.localCounts();
    });
  }
}

export class SteadyBus implements Bus {
  constructor(private readonly inner: Bus) {}

  publish(world: string, message: BusMessage): Promise<number> {
    return this.inner
      .publish(world, message)
      .catch(() => Promise.reject(new CrossWorldUnavailable('Reaching other worlds')));
  }

  subscribe(world: string, handler: (message: BusMessage) => void): () => void {
    return this.inner.subscribe(world, handler);
  }
}
