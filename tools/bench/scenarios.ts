// The benchmark scenarios: which map, where the bots may go, and what they do.
import type { TileRect, WorldMap } from '../../shared/content/world-map.ts';
import type { BehaviourName } from '../bots/behaviours.ts';

export const VILLAGE_MAP = 'assets/maps/village.tmj';
/** Generated at run time (tools/bench/bench-map.ts): the village is far too small for 2,000 players. */
export const BENCH_MAP = 'assets/maps/bench/village-2x4.tmj';

export interface Scenario {
  name: string;
  what: string;
  /** With several, bot i does behaviour[i % n]. */
  behaviour: BehaviourName | readonly BehaviourName[];
  map: string;
  /** The box the bots wander in, or null for the whole map. */
  area(map: WorldMap): TileRect | null;
  /** Boxes the bots are shared out over, round robin, instead of one `area`. */
  areas?(map: WorldMap): TileRect[];
}

const CROWD_SIZE = 24;

/** A 24×24 box centred on the map's first spawn area: where the crowd wanders. */
export function crowdArea(map: WorldMap): TileRect {
  const spawn = map.spawns[0]!.area;
  const cx = spawn.x + Math.floor(spawn.width / 2);
  const cy = spawn.y + Math.floor(spawn.height / 2);
  const x = Math.max(0, Math.min(map.width - CROWD_SIZE, cx - CROWD_SIZE / 2));
  const y = Math.max(0, Math.min(map.height - CROWD_SIZE, cy - CROWD_SIZE / 2));
  return { x, y, width: Math.min(CROWD_SIZE, map.width), height: Math.min(CROWD_SIZE, map.height) };
}

export const SCENARIOS: Record<string, Scenario> = {
  crowd: {
    name: 'crowd',
    what: 'every bot wanders in one 24×24 box of the start village',
    behaviour: 'wander',
    map: VILLAGE_MAP,
    area: crowdArea,
  },
  spread: {
    name: 'spread',
    what: 'bots spawn all over a large map; half wander, half hunt the mobs in view',
    behaviour: ['wander', 'fight'],
    map: BENCH_MAP,
    area: () => null,
  },
  combat: {
    name: 'combat',
    what: 'bots shared out over the mob areas of the village, each fighting the nearest mob in view',
    behaviour: 'fight',
    map: VILLAGE_MAP,
    area: () => null,
    areas: mobAreas,
  },
  chat: {
    name: 'chat',
    what: 'crowd, and every bot says a line every 4 s',
    behaviour: 'chat',
    map: VILLAGE_MAP,
    area: crowdArea,
  },
  attack: {
    name: 'attack',
    // A crowd that stays together, so every phase of the run sees the same traffic (bots spread over the
    // map hear less and less as they drift apart, which would read as harm done by the later attacks).
    what: 'the players of the attack bench (tools/bench/attack-run.ts): the crowd, one in four chatting',
    behaviour: ['wander', 'wander', 'wander', 'chat'],
    map: VILLAGE_MAP,
    area: crowdArea,
  },
  hop: {
    name: 'hop',
    what: 'bots hop through portals between two maps (tools/bench/hop-run.ts): field shards and a shared cave',
    behaviour: 'idle',
    map: VILLAGE_MAP,
    area: () => null,
  },
  idle: {
    name: 'idle',
    what: 'bots stand still in the village: the cost of connections alone',
    behaviour: 'idle',
    map: VILLAGE_MAP,
    area: () => null,
  },
};

/** The map's mob areas (where `combat` bots hunt); fails loudly on a map without any. */
export function mobAreas(map: WorldMap): TileRect[] {
  const areas = map.objects.filter((o) => o.kind === 'mobArea').map((o) => o.area);
  if (!areas.length) throw new Error('the map has no mob areas to fight in');
  return areas;
}
