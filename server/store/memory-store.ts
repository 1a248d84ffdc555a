// A store that keeps characters in memory: for tests, benchmarks and servers started without a data
// directory. The same leases and fences as the SQLite store (store-contract.ts runs both). `failing`
// makes every call reject, to rehearse a broken disk.
import { nameKey } from '../../shared/rules/names.ts';
import { nameSkeleton } from '../../shared/rules/name-skeleton.ts';
import { snapshotCharacter } from '../sim/character.ts';
import type {
  CharacterRecord,
  CharacterSave,
  CharacterUpdate,
  ClaimResult,
  Destination,
  Lease,
  LeaseRenewal,
  Store,
  StoredCharacter,
} from './store.ts';

interface Entry extends StoredCharacter {
  owner: string | null;
  /** The world that asked the owner to let go (requestRelease), or null. */
  wanted: string | null;
  epoch: number;
  expiresAt: number;
  leaseMs: number;
}

export interface MemoryStoreOptions {
  /** Milliseconds since the epoch, for lease expiry (tests move it); Date.now by default. */
  clock?: () => number;
}

export class MemoryStore implements Store {
  readonly where = 'memory';
  /** When set, every call rejects with this error. */
  failing: Error | null = null;
  private readonly characters = new Map<string, Entry>();
  private readonly skeletons = new Set<string>();
  private readonly clock: () => number;

  constructor({ clock = Date.now }: MemoryStoreOptions = {}) {
    this.clock = clock;
  }

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
      const entry = {
        ...{ record: copy(record), tokenHash, owner: null, wanted: null },
        ...{ epoch: 0, expiresAt: 0, leaseMs: 0 },
      };
      this.characters.set(key, entry);
      this.skeletons.add(skeleton);
      return true;
    });
  }

  claim(name: string, owner: string, ttlMs: number): Promise<ClaimResult> {
    return this.run(() => {
      const found = this.characters.get(nameKey(name));
      if (!found) return null;
      const now = this.clock();
      if (found.owner !== null && found.owner !== owner && found.expiresAt > now) {
        return { ok: false, holder: found.owner, expiresAt: found.expiresAt };
      }
      Object.assign(found, { owner, epoch: found.epoch + 1, expiresAt: now + ttlMs, leaseMs: ttlMs });
      found.wanted = null;
      const stored = { record: copy(found.record), tokenHash: found.tokenHash };
      return { ok: true, lease: { owner, epoch: found.epoch }, stored };
    });
  }

  save(updates: readonly CharacterUpdate[], renewals: readonly LeaseRenewal[] = []): Promise<string[]> {
    return this.run(() => {
      const now = this.clock();
      const refused: string[] = [];
      for (const u of updates) {
        const found = this.fenced(u.name, u.lease);
        if (!found) {
          refused.push(u.name);
          continue;
        }
        this.write(found, u);
        if (u.release) this.free(found);
        else found.expiresAt = now + found.leaseMs;
      }
      for (const r of renewals) {
        const found = this.fenced(r.name, r.lease);
        if (found) found.expiresAt = now + found.leaseMs;
        else refused.push(r.name);
      }
      return refused;
    });
  }

  handOff(update: CharacterSave, lease: Lease, next: Destination): Promise<boolean> {
    return this.run(() => {
      const found = this.fenced(update.name, lease);
      if (!found) return false;
      this.write(found, { ...update, x: next.x, y: next.y });
      found.record.map = next.map;
      found.record.shard = next.shard;
      this.free(found);
      return true;
    });
  }

  release(name: string, lease: Lease): Promise<void> {
    return this.run(() => {
      const found = this.fenced(name, lease);
      if (found) this.free(found);
    });
  }

  requestRelease(name: string, by: string): Promise<void> {
    return this.run(() => {
      const found = this.characters.get(nameKey(name));
      if (found && found.owner !== null && found.owner !== by) found.wanted = by;
    });
  }

  releaseWanted(owner: string): Promise<string[]> {
    return this.run(() =>
      [...this.characters.values()]
        .filter((e) => e.owner === owner && e.wanted !== null)
        .map((e) => e.record.name),
    );
  }

  releaseHeldBy(owner: string): Promise<number> {
    return this.run(() => {
      let released = 0;
      for (const entry of this.characters.values()) {
        if (entry.owner !== owner) continue;
        this.free(entry);
        released++;
      }
      return released;
    });
  }

  forgetUnplayed(createdBefore: number, playedUnderMs: number): Promise<number> {
    return this.run(() => {
      let forgotten = 0;
      const now = this.clock();
      for (const [key, entry] of this.characters) {
        const r = entry.record;
        const unplayed = r.lastSeenAt - r.createdAt < playedUnderMs && r.level === 1 && r.xp === 0;
        const live = entry.owner !== null && entry.expiresAt > now;
        if (r.createdAt >= createdBefore || !unplayed || live) continue;
        this.characters.delete(key);
        this.skeletons.delete(nameSkeleton(r.name));
        forgotten++;
      }
      return forgotten;
    });
  }

  close(): void {}

  /** The character, while `lease` is its lease. */
  private fenced(name: string, lease: Lease): Entry | undefined {
    const found = this.characters.get(nameKey(name));
    return found && found.owner === lease.owner && found.epoch === lease.epoch ? found : undefined;
  }

  private write(entry: Entry, save: CharacterSave): void {
    entry.record = { ...entry.record, ...snapshotCharacter(save), lastSeenAt: save.lastSeenAt };
  }

  private free(entry: Entry): void {
    entry.owner = null;
    entry.expiresAt = 0;
  }

  private run<T>(work: () => T): Promise<T> {
    return this.failing ? Promise.reject(this.failing) : Promise.resolve(work());
  }
}

function copy(r: CharacterRecord): CharacterRecord {
  return structuredClone(r);
}
