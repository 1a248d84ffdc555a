// Persistence behind one interface: characters by name, owned by whoever holds their token, live in at
// most one world at a time (whoever holds their lease). Promise-shaped, so a networked database can stand
// in for the embedded SQLite one.
import type { SavedCharacter } from '../sim/character.ts';

/**
 * The right to write a character: held by one owner (a world of one process), numbered by an epoch that
 * every claim bumps, so a holder that lost the lease (it expired and another owner claimed it) can no
 * longer write, even if it comes back from a long pause.
 */
export interface Lease {
  owner: string;
  epoch: number;
}

/** What a save writes: the character's state, found by its name, and when it was last seen. */
export interface CharacterSave extends SavedCharacter {
  /** The name as first chosen (its case is kept); unique by `nameKey`. */
  name: string;
  /** Milliseconds since the epoch. */
  lastSeenAt: number;
}

/** A fenced save: written only while `lease` is the character's lease. */
export interface CharacterUpdate extends CharacterSave {
  lease: Lease;
  /** The character's last save in this world (it left): the lease is released in the same write. */
  release?: boolean;
}

/** Keeps a lease alive without writing the character (a player whose state did not change). */
export interface LeaseRenewal {
  name: string;
  lease: Lease;
}

/** Where a character goes through a portal: the map (path under assets/), shard and tile it arrives on. */
export interface Destination {
  map: string;
  shard: string | null;
  x: number;
  y: number;
}

/** A character as stored. */
export interface CharacterRecord extends CharacterSave {
  createdAt: number;
  /** The map its x, y are on (path under assets/); '' for one stored before the realm: the start map. */
  map: string;
  /** The shard it last played in, or null (none yet, or a map shared by every shard). */
  shard: string | null;
}

export interface StoredCharacter {
  record: CharacterRecord;
  /** SHA-256 of the secret token; the token itself is never stored. */
  tokenHash: Uint8Array;
}

export type ClaimResult =
  | { ok: true; lease: Lease; stored: StoredCharacter }
  /** Another owner's lease has not expired: `holder` plays the character until `expiresAt` at least. */
  | { ok: false; holder: string; expiresAt: number }
  /** No such character. */
  | null;

export interface Store {
  /** Where the data lives, for log lines. */
  readonly where: string;
  /** The character with this name in any case, or null. */
  load(name: string): Promise<StoredCharacter | null>;
  /**
   * Adds a character, with no lease; resolves false (and changes nothing) when the name is already taken,
   * in any case or as a lookalike (the same `nameSkeleton`).
   */
  create(record: CharacterRecord, tokenHash: Uint8Array): Promise<boolean>;
  /**
   * Takes the character's lease for `owner` until `ttlMs` from now, with a new epoch, and reads it in the
   * same step. Refused while another owner's lease has not expired; the same owner claims again freely
   * (which fences out its own older lease).
   */
  claim(name: string, owner: string, ttlMs: number): Promise<ClaimResult>;
  /**
   * Writes these characters' state and renews these leases, all or none. A row whose lease is not the
   * one given (another owner claimed it, it was released, the character is gone) is not touched. A
   * written row's lease lasts its ttl from now again. Resolves with the names refused.
   */
  save(updates: readonly CharacterUpdate[], renewals?: readonly LeaseRenewal[]): Promise<string[]>;
  /**
   * A portal: the final save, moved to `next` (map, shard, tile), and the lease released, in one write.
   * Resolves false, changing nothing, when `lease` is no longer the character's lease.
   */
  handOff(update: CharacterSave, lease: Lease, next: Destination): Promise<boolean>;
  /** Gives the lease up (when it is still this one), so another owner may claim at once. */
  release(name: string, lease: Lease): Promise<void>;
  /**
   * Asks whoever holds the character's lease to let it go (`by` wants to claim it): a flag in the row, so
   * the request gets through with the realm's bus down. Nothing happens when `by` holds it or nobody does.
   */
  requestRelease(name: string, by: string): Promise<void>;
  /** Characters `owner` holds whose release another world asked for (a claim clears the request). */
  releaseWanted(owner: string): Promise<string[]>;
  /**
   * Gives up every lease `owner` holds (a world starting again frees what its crashed run held);
   * resolves with how many. Exact: world `isle` does not free `isle-2`'s.
   */
  releaseHeldBy(owner: string): Promise<number>;
  /**
   * Forgets characters made before `createdBefore` (ms since the epoch) that were never played: seen for
   * less than `playedUnderMs` after they were made, still level 1 with no XP. Their names come free
   * again. Resolves with how many were forgotten.
   */
  forgetUnplayed(createdBefore: number, playedUnderMs: number): Promise<number>;
  close(): void;
}

/** Storage that cannot be used at all (unreadable file, newer schema): the server must not start. */
export class StoreError extends Error {}
