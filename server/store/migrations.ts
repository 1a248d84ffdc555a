// The database schema, as numbered steps. A database records the last step it has (PRAGMA user_version);
// start-up applies the missing ones in order. Never edit a step that has shipped: add the next one.

export const MIGRATIONS: readonly string[] = [
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
];
