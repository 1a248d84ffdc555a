// The realm: which worlds run, each playing one map (assets/realm.json). Several worlds of one map are
// shards; a world may belong to a shard ("1", "2"), so a portal out of shard 2's overworld leads into
// shard 2's mine when there is one, and into the one shared mine when there is not.
import { ContentError } from './world-map.ts';

export interface RealmWorld {
  /** In URLs (`/ws/<id>`) and in the database: lower-case letters, digits and dashes. */
  id: string;
  /** What the world picker shows. */
  title: string;
  /** The map it plays: a path under `assets/`, like `maps/world.tmj`. */
  map: string;
  /** The shard it belongs to, or null for a world every shard shares (an interior, say). */
  shard: string | null;
  maxPlayers: number;
}

export interface Realm {
  /** The map new characters start on; the world picker offers its worlds. */
  start: string;
  worlds: RealmWorld[];
}

/** Every map the realm plays, each once, in the order the worlds name them. */
export function realmMaps(realm: Realm): string[] {
  return [...new Set(realm.worlds.map((w) => w.map))];
}

const WORLD_KEYS = new Set(['id', 'title', 'map', 'shard', 'maxPlayers']);
const ID = /^[a-z0-9][a-z0-9-]{0,31}$/;
/** A map path under assets/: no `..`, no leading slash, ending in .tmj. */
export const MAP_PATH = /^(?!\/)(?!.*\.\.)[\w./-]+\.tmj$/;

/**
 * Reads realm.json (already parsed JSON). Throws a ContentError naming every bad entry, like
 * `worlds[2] ("mines"): map "maps/mine.tmj" ...`; `defaultMaxPlayers` fills a world that sets none.
 */
export function parseRealm(json: unknown, file: string, defaultMaxPlayers: number): Realm {
  const problems: string[] = [];
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw new ContentError(file, ['must be a JSON object with "worlds" (a list) and "start" (a map path)']);
  const top = json as Record<string, unknown>;
  for (const key of Object.keys(top))
    if (key !== 'worlds' && key !== 'start')
      problems.push(`has an unknown key "${key}" (known: start, worlds)`);
  const list = top.worlds;
  if (!Array.isArray(list) || list.length === 0)
    throw new ContentError(file, [...problems, '"worlds" must be a list of at least one world']);
  const worlds: RealmWorld[] = [];
  const seen = new Set<string>();
  list.forEach((entry: unknown, i) => {
    const raw = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
    const where = `worlds[${i}]${typeof raw.id === 'string' ? ` ("${raw.id}")` : ''}`;
    const problem = (what: string): void => void problems.push(`${where} ${what}`);
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry))
      return problem(
        'must be an object like {"id": "emberfall-1", "title": "Emberfall", "map": "maps/world.tmj"}',
      );
    for (const key of Object.keys(raw))
      if (!WORLD_KEYS.has(key)) problem(`has an unknown key "${key}" (known: ${[...WORLD_KEYS].join(', ')})`);
    const { id, title, map, shard, maxPlayers } = raw;
    if (typeof id !== 'string' || !ID.test(id))
      problem('needs an "id" of lower-case letters, digits and dashes (up to 32), like "emberfall-1"');
    else if (seen.has(id)) problem(`has the id "${id}" of an earlier world: ids must be unique`);
    if (typeof title !== 'string' || title.trim() === '' || title.length > 40)
      problem('needs a "title" of 1 to 40 characters: the name the world picker shows');
    if (typeof map !== 'string' || !MAP_PATH.test(map))
      problem(
        `needs a "map": the path of a .tmj file under assets/, like "maps/world.tmj" (has ${show(map)})`,
      );
    if (shard !== undefined && (typeof shard !== 'string' || !ID.test(shard)))
      problem(`has shard ${show(shard)}: a shard is a short name like "1" or "north" (or leave it out)`);
    const max = maxPlayers ?? defaultMaxPlayers;
    if (!Number.isInteger(max) || (max as number) < 1 || (max as number) > 5000)
      problem(`has maxPlayers ${show(maxPlayers)}: a whole number from 1 to 5000`);
    if (typeof id === 'string') seen.add(id);
    worlds.push({
      id: String(id),
      title: String(title),
      map: String(map),
      shard: typeof shard === 'string' ? shard : null,
      maxPlayers: max as number,
    });
  });
  const start = top.start ?? worlds[0]?.map;
  if (typeof start !== 'string' || !worlds.some((w) => w.map === start))
    problems.push(
      `"start" (${show(top.start)}) must be the map of at least one world: new characters begin there`,
    );
  if (problems.length > 0) throw new ContentError(file, problems);
  return { start: start as string, worlds };
}

function show(value: unknown): string {
  return value === undefined ? 'none' : JSON.stringify(value);
}

/**
 * The world a character going to `map` plays in: a world of that map in the character's shard, else one
 * that every shard shares, else any; of those, the least full that has room (null: all are full).
 */
export function worldFor(
  realm: Realm,
  map: string,
  shard: string | null,
  players: (worldId: string) => number,
): RealmWorld | null {
  const ofMap = realm.worlds.filter((w) => w.map === map && players(w.id) < w.maxPlayers);
  const mine = ofMap.filter((w) => shard !== null && w.shard === shard);
  const shared = ofMap.filter((w) => w.shard === null);
  const pool = mine.length > 0 ? mine : shared.length > 0 ? shared : ofMap;
  let best: RealmWorld | null = null;
  for (const w of pool)
    if (!best || players(w.id) / w.maxPlayers < players(best.id) / best.maxPlayers) best = w;
  return best;
}
