// Persistence behind one interface: characters by name, owned by whoever holds their token.
// Promise-shaped, so a networked database can stand in for the embedded SQLite one.
import type { SavedCharacter } from '../sim/character.ts';

/** What a save writes: the character's state, found by its name, and when it was last seen. */
export interface CharacterUpdate extends SavedCharacter {
  /** The name as first chosen (its case is kept); unique by `nameKey`. */
  name: string;
  /** Milliseconds since the epoch. */
  lastSeenAt: number;
}

/** A character as stored. */
export interface CharacterRecord extends CharacterUpdate {
  createdAt: number;
}

export interface StoredCharacter {
  record: CharacterRecord;
  /** SHA-256 of the secret token; the token itself is never stored. */
  tokenHash: Uint8Array;
}

export interface Store {
  /** Where the data lives, for log lines. */
  readonly where: string;
  /** The character with this name in any case, or null. */
  load(name: string): Promise<StoredCharacter | null>;
  /**
   * Adds a character; resolves false (and changes nothing) when the name is already taken, in any case
   * or as a lookalike (the same `nameSkeleton`).
   */
  create(record: CharacterRecord, tokenHash: Uint8Array): Promise<boolean>;
  /** Writes these characters' state, all or none. Names that are not stored are skipped. */
  save(updates: readonly CharacterUpdate[]): Promise<void>;
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
