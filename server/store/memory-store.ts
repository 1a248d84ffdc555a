// A store that keeps characters in memory: for tests, benchmarks and servers started without a data
// directory. `failing` makes every call reject, to rehearse a broken disk.
import { nameKey } from '../../shared/rules/names.ts';
import { nameSkeleton } from '../../shared/rules/name-skeleton.ts';
import type { CharacterRecord, CharacterUpdate, Store, StoredCharacter } from './store.ts';

export class MemoryStore implements Store {
  readonly where = 'memory';
  /** When set, every call rejects with this error. */
  failing: Error | null = null;
  private readonly characters = new Map<string, StoredCharacter>();
  private readonly skeletons = new Set<string>();

  load(name: string): Promise<StoredCharacter | null> {
    return this.run(() => {
      const found = this.characters.get(nameKey(name));
      return found ? { record: copy(found.record), tokenHash: found.tokenHash } : null;
    });
  }

  create(record: CharacterRecord, tokenHash: Uint8Array): Promise<boolean> {
    return this.run(() => {
      const key = nameKey(record.name);
      const skeleton = nameSkeleton(record.name);
      if (this.characters.has(key) || this.skeletons.has(skeleton)) return false;
      this.characters.set(key, { record: copy(record), tokenHash });
      this.skeletons.add(skeleton);
      return true;
    });
  }

  save(updates: readonly CharacterUpdate[]): Promise<void> {
    return this.run(() => {
      for (const u of updates) {
        const found = this.characters.get(nameKey(u.name));
        if (found)
          found.record = {
            ...structuredClone(u),
            name: found.record.name,
            createdAt: found.record.createdAt,
          };
      }
    });
  }

  forgetUnplayed(createdBefore: number, playedUnderMs: number): Promise<number> {
    return this.run(() => {
      let forgotten = 0;
      for (const [key, { record: r }] of this.characters) {
        const unplayed = r.lastSeenAt - r.createdAt < playedUnderMs && r.level === 1 && r.xp === 0;
        if (r.createdAt >= createdBefore || !unplayed) continue;
        this.characters.delete(key);
        this.skeletons.delete(nameSkeleton(r.name));
        forgotten++;
      }
      return forgotten;
    });
  }

  close(): void {}

  private run<T>(work: () => T): Promise<T> {
    return this.failing ? Promise.reject(this.failing) : Promise.resolve(work());
  }
}

function copy(r: CharacterRecord): CharacterRecord {
  return structuredClone(r);
}
