// The realm's worlds as the title screen offers them: `GET /worlds` read and checked, the worlds of the
// start map, and which one the picker selects first. Pure but for the small localStorage helpers.

export type WorldState = 'up' | 'full' | 'down';

export interface WorldEntry {
  id: string;
  title: string;
  /** Its map, a path under assets/. */
  map: string;
  players: number;
  maxPlayers: number;
  state: WorldState;
}

export interface WorldList {
  total: number;
  /** The realm's start map (where new characters begin); '' when the server does not say. */
  start: string;
  worlds: WorldEntry[];
}

const STATES: ReadonlySet<string> = new Set(['up', 'full', 'down']);
/** Where the world the player last chose is kept. */
const LAST_WORLD_KEY = 'emberquest.world';

/**
 * Reads a `GET /worlds` body. A malformed body throws an error naming the entry and what is wrong (the
 * caller then plays without a picker, on plain `/ws`).
 */
export function parseWorldList(body: unknown): WorldList {
  if (!body || typeof body !== 'object') throw new Error('GET /worlds: expected a JSON object');
  const { total, start, worlds } = body as Record<string, unknown>;
  if (!Array.isArray(worlds)) throw new Error('GET /worlds: "worlds" must be an array');
  const list = worlds.map((w: unknown, i): WorldEntry => {
    const e = (w ?? {}) as Record<string, unknown>;
    const where = `GET /worlds: worlds[${i}]`;
    if (typeof e.id !== 'string' || !e.id) throw new Error(`${where}: "id" must be a non-empty string`);
    if (typeof e.map !== 'string') throw new Error(`${where} (${e.id}): "map" must be a string`);
    const players = Number(e.players);
    const maxPlayers = Number(e.maxPlayers);
    if (!Number.isFinite(players) || !Number.isFinite(maxPlayers))
      throw new Error(`${where} (${e.id}): "players" and "maxPlayers" must be numbers`);
    const state = typeof e.state === 'string' && STATES.has(e.state) ? (e.state as WorldState) : 'up';
    const title = typeof e.title === 'string' && e.title ? e.title : e.id;
    return { id: e.id, title, map: e.map, players, maxPlayers, state };
  });
  return {
    total: Number.isFinite(Number(total)) ? Number(total) : list.reduce((n, w) => n + w.players, 0),
    start: typeof start === 'string' ? start : '',
    worlds: list,
  };
}

/** The worlds a new session may pick: those of the start map (every world when the start is unknown). */
export function startWorlds(list: WorldList): WorldEntry[] {
  const start = list.start || list.worlds[0]?.map || '';
  return list.worlds.filter((w) => !start || w.map === start);
}

/** A world that takes a new player now. */
export function pickable(world: WorldEntry): boolean {
  return world.state === 'up' && world.players < world.maxPlayers;
}

/** The share of its room a world has filled, 0..1. */
export function fullness(world: WorldEntry): number {
  return world.maxPlayers > 0 ? Math.min(1, world.players / world.maxPlayers) : 1;
}

/** Past this share of its room a world is busy: the picker sends newcomers to a quieter one. */
export const BUSY_SHARE = 0.75;

/**
 * The world selected first: the last one chosen if it can still be picked; else the fullest world that
 * is not yet busy, so a newcomer meets the people already playing instead of an empty shard (with two
 * empty-ish shards, "least full" put the second player of the evening alone in the other one); when
 * every open world is busy, the least full. Ties go to the first listed, so every browser agrees.
 * '' when none can be picked (plain `/ws` lets the server decide or say why not).
 */
export function defaultWorld(worlds: readonly WorldEntry[], last: string | null): string {
  const open = worlds.filter(pickable);
  if (last && open.some((w) => w.id === last)) return last;
  const calm = open.filter((w) => fullness(w) < BUSY_SHARE);
  let best: WorldEntry | null = null;
  if (calm.length > 0) {
    for (const w of calm) if (!best || fullness(w) > fullness(best)) best = w;
  } else {
    for (const w of open) if (!best || fullness(w) < fullness(best)) best = w;
  }
  return best?.id ?? '';
}

export function loadLastWorld(): string | null {
  try {
    return localStorage.getItem(LAST_WORLD_KEY);
  } catch {
    return null;
  }
}

export function saveLastWorld(id: string): void {
  try {
    localStorage.setItem(LAST_WORLD_KEY, id);
  } catch {
    // Storage refused (private mode): the picker's default rule chooses next time.
  }
}
