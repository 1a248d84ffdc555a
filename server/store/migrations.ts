// The database schema, as numbered steps. A database records the last step it has (PRAGMA user_version);
// start-up applies the missing ones in order. Never edit a step that has shipped: add the next one.
import type Database from 'better-sqlite3';
import { nameSkeleton } from '../../shared/rules/name-skeleton.ts';

/** SQL, or a function for a step SQL alone cannot do (it runs in the step's transaction). */
export type Migration = string | ((db: Database.Database) => void);

export const MIGRATIONS: readonly Migration[] = [
  // 1: characters, keyed by the case-folded name (shared/rules/names.ts nameKey).
  `CREATE TABLE characters (
     name_key TEXT PRIMARY KEY,
     name TEXT NOT NULL,
     token_hash BLOB NOT NULL,
     x INTEGER NOT NULL,
     y INTEGER NOT NULL,
     checkpoint_x INTEGER NOT NULL,
     checkpoint_y INTEGER NOT NULL,
     hp INTEGER NOT NULL,
     max_hp INTEGER NOT NULL,
     level INTEGER NOT NULL,
     xp INTEGER NOT NULL,
     weapon TEXT NOT NULL,
     armor TEXT NOT NULL,
     achievements TEXT NOT NULL, -- JSON array of achievement ids
     counters TEXT NOT NULL,     -- JSON object: counter id -> number
     kills INTEGER NOT NULL,
     deaths INTEGER NOT NULL,
     created_at INTEGER NOT NULL,
     last_seen_at INTEGER NOT NULL
   ) STRICT`,
  // 2: the name's lookalike skeleton (shared/rules/name-skeleton.ts), so a new character cannot take a
  // name that looks like a stored one. Characters that already share one keep their names.
  (db) => {
    db.exec('ALTER TABLE characters ADD COLUMN name_skeleton TEXT');
    const rows = db.prepare('SELECT name_key, name FROM characters').all() as {
      name_key: string;
      name: string;
    }[];
    const set = db.prepare('UPDATE characters SET name_skeleton = ? WHERE name_key = ?');
    for (const row of rows) set.run(nameSkeleton(row.name), row.name_key);
    db.exec('CREATE INDEX characters_by_skeleton ON characters (name_skeleton)');
  },
  // 3: the character's saved fields as one versioned JSON document (store/character-document.ts), so a
  // new field needs no column and no step here. What identifies and owns a character stays in columns.
  `CREATE TABLE characters_v3 (
     name_key TEXT PRIMARY KEY,
     name TEXT NOT NULL,
     token_hash BLOB NOT NULL,
     name_skeleton TEXT,
     character TEXT NOT NULL, -- JSON: {"v": document version, ...saved fields}
     created_at INTEGER NOT NULL,
     last_seen_at INTEGER NOT NULL
   ) STRICT;
   INSERT INTO characters_v3
     SELECT name_key, name, token_hash, name_skeleton,
       json_object('v', 1, 'x', x, 'y', y, 'checkpoint', json_object('x', checkpoint_x, 'y', checkpoint_y),
         'hp', hp, 'maxHp', max_hp, 'level', level, 'xp', xp, 'weapon', weapon, 'armor', armor,
         'achievements', json(achievements), 'counters', json(counters), 'kills', kills, 'deaths', deaths),
       created_at, last_seen_at
     FROM characters;
   DROP TABLE characters;
   ALTER TABLE characters_v3 RENAME TO characters;
   CREATE INDEX characters_by_skeleton ON characters (name_skeleton);`,
  // 4 (the realm): the lease that keeps a character live in one world at a time (store.ts Lease):
  // its owner (NULL: free), the epoch every claim bumps, when it expires and the ttl a save renews it
  // by; and the map and shard the character is on, in columns so a portal changes them in the same
  // UPDATE as the final save. Existing characters are on '' (the realm's start map), in no shard.
  `ALTER TABLE characters ADD COLUMN owner TEXT;
   ALTER TABLE characters ADD COLUMN epoch INTEGER NOT NULL DEFAULT 0;
   ALTER TABLE characters ADD COLUMN expires_at INTEGER NOT NULL DEFAULT 0;
   ALTER TABLE characters ADD COLUMN lease_ms INTEGER NOT NULL DEFAULT 0;
   ALTER TABLE characters ADD COLUMN map TEXT NOT NULL DEFAULT '';
   ALTER TABLE characters ADD COLUMN shard TEXT;`,
  // 5 (scale-out): a world that wants a character another world holds asks through the row too, so the
  // request gets through with the realm's bus (Redis) down; the holder finds it by its owner.
  `ALTER TABLE characters ADD COLUMN release_wanted TEXT;
   CREATE INDEX characters_by_owner ON characters (owner) WHERE owner IS NOT NULL;`,
];
