// A character as stored: one JSON document of its saved fields (server/sim/character.ts), stamped with a
// version. A field added to the table needs nothing here: documents without it load with its default.
// A change of meaning (a field renamed, split, or counted differently) bumps DOCUMENT_VERSION and adds
// the upgrade that takes older documents to it, so every store (SQLite today, PostgreSQL next) reads
// old characters the same way.
import { newCharacter, SAVED_FIELDS, snapshotCharacter, type SavedCharacter } from '../sim/character.ts';
import { StoreError } from './store.ts';

export const DOCUMENT_VERSION = 2;

type Document = Record<string, unknown>;

/** UPGRADES[n] takes a version n + 1 document to version n + 2. Never edit one that has shipped. */
const UPGRADES: readonly ((doc: Document) => Document)[] = [
  // 1 -> 2 (the realm): the checkpoint names its map; before, every checkpoint was on the only map,
  // the one the character is on ('').
  (doc) => {
    const checkpoint = doc.checkpoint as Document | undefined;
    return checkpoint ? { ...doc, checkpoint: { ...checkpoint, map: '' } } : doc;
  },
];

export function writeCharacter(c: SavedCharacter): string {
  return JSON.stringify({ v: DOCUMENT_VERSION, ...snapshotCharacter(c) });
}

/** The character in a stored document: upgraded to this version, missing fields at their defaults. */
export function readCharacter(text: string, where: string): SavedCharacter {
  let doc = JSON.parse(text) as Document;
  let version = typeof doc.v === 'number' ? doc.v : 1;
  if (version > DOCUMENT_VERSION) {
    throw new StoreError(
      `${where} holds a character document of version ${version}, newer than this server knows ` +
        `(${DOCUMENT_VERSION}). Run a newer Emberquest.`,
    );
  }
  for (; version < DOCUMENT_VERSION; version++) doc = UPGRADES[version - 1]!(doc);
  const character: Record<string, unknown> = newCharacter();
  for (const key of SAVED_FIELDS) if (key in doc) character[key] = doc[key];
  return character as SavedCharacter;
}
