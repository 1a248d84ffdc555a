// Which world each playing character is in, and how many play in each world: the realm's shared soft
// state. Async and plain-data, so a Redis version can stand in when worlds run in many processes; this
// one lives in the process that runs every world.
import { nameKey } from '../../shared/rules/names.ts';

export interface DirectoryEntry {
  name: string;
  world: string;
  level: number;
}

export interface Directory {
  /** The character plays in `world` now (again: its level changed). */
  enter(entry: DirectoryEntry): Promise<void>;
  /** The character left `world` (nothing changes when it already plays elsewhere). */
  leave(name: string, world: string): Promise<void>;
  /** Where the character plays, or null. */
  find(name: string): Promise<DirectoryEntry | null>;
  /** Up to `limit` players, by name, and how many play in all. */
  list(limit: number): Promise<{ total: number; players: DirectoryEntry[] }>;
  /** Players per world id. */
  population(): Promise<Record<string, number>>;
  /**
   * Every player `world` has now, replacing what the directory held for it (a few times a minute): it
   * keeps a networked directory's entries alive and puts them back after the directory lost them.
   */
  refresh(world: string, entries: readonly DirectoryEntry[]): Promise<void>;
}

export class MemoryDirectory implements Directory {
  private readonly entries = new Map<string, DirectoryEntry>();
  private readonly counts = new Map<string, number>();

  enter(entry: DirectoryEntry): Promise<void> {
    const key = nameKey(entry.name);
    const before = this.entries.get(key);
    if (before) this.bump(before.world, -1);
    this.entries.set(key, { ...entry });
    this.bump(entry.world, 1);
    return Promise.resolve();
  }

  leave(name: string, world: string): Promise<void> {
    const key = nameKey(name);
    const before = this.entries.get(key);
    if (before?.world === world) {
      this.entries.delete(key);
      this.bump(world, -1);
    }
    return Promise.resolve();
  }

  find(name: string): Promise<DirectoryEntry | null> {
    const found = this.entries.get(nameKey(name));
    return Promise.resolve(found ? { ...found } : null);
  }

  list(limit: number): Promise<{ total: number; players: DirectoryEntry[] }> {
    const players = [...this.entries.values()]
      .sort((a, b) => a.name.localeCompare(b.name))
      .slice(0, limit)
      .map((e) => ({ ...e }));
    return Promise.resolve({ total: this.entries.size, players });
  }

  population(): Promise<Record<string, number>> {
    return Promise.resolve(Object.fromEntries(this.counts));
  }

  async refresh(world: string, entries: readonly DirectoryEntry[]): Promise<void> {
    for (const e of [...this.entries.values()]) if (e.world === world) await this.leave(e.name, world);
    for (const e of entries) await this.enter(e);
  }

  private bump(world: string, by: number): void {
    const n = (this.counts.get(world) ?? 0) + by;
    if (n > 0) this.counts.set(world, n);
    else this.counts.delete(world);
  }
}
