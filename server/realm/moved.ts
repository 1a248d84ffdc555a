// Places that moved to a map of their own. Until the realm had interiors of their own, the mines, the
// wyrm's lair and the village houses were carved into a strip east of x = 150 of maps/world.tmj; the map
// generator now writes each as its own map (tools/map/interiors.ts, house-interiors.ts), its tiles those
// of the strip less an origin. A character saved there (its tile, its checkpoint, or both) is taken to
// the same spot of the new map when it joins, instead of being dropped at a spawn far away.
import type { CharacterRecord, Destination } from '../store/store.ts';

export interface MovedPlace {
  /** The map the place was on, and its area there. */
  from: string;
  area: { x: number; y: number; width: number; height: number };
  /** The map it is now, and where that map's tile (0, 0) lay on `from`. */
  to: string;
  origin: { x: number; y: number };
}

const WORLD = 'maps/world.tmj';
const strip = (y: number, height: number) => ({ x: 150, y, width: 48, height });

/** The old interiors strip, band by band (tools/map/interiors.test.ts checks these against the maps). */
export const MOVED_PLACES: readonly MovedPlace[] = [
  { from: WORLD, area: strip(0, 70), to: 'maps/lair.tmj', origin: { x: 164, y: 2 } },
  { from: WORLD, area: strip(70, 25), to: 'maps/inn.tmj', origin: { x: 173, y: 75 } },
  { from: WORLD, area: strip(95, 30), to: 'maps/smithy.tmj', origin: { x: 175, y: 101 } },
  { from: WORLD, area: strip(125, 140), to: 'maps/mines.tmj', origin: { x: 164, y: 136 } },
  { from: WORLD, area: strip(265, 55), to: 'maps/elder-house.tmj', origin: { x: 175, y: 271 } },
];

export interface Relocated {
  /** The character as it is now: on its new map, its checkpoint naming the map it is on. */
  character: CharacterRecord;
  /** Where it must be written (a move to another map), or null when only its checkpoint moved. */
  to: Destination | null;
}

const within = (a: MovedPlace['area'], x: number, y: number): boolean =>
  x >= a.x && y >= a.y && x < a.x + a.width && y < a.y + a.height;

function find(places: readonly MovedPlace[], map: string, x: number, y: number): MovedPlace | undefined {
  return places.find((p) => p.from === map && within(p.area, x, y));
}

/**
 * The character moved out of any place that became a map of its own, or null when nothing of it was in
 * one. `start` is the map of a character stored before the realm kept maps (its map '').
 */
export function relocate(
  record: CharacterRecord,
  start: string,
  places: readonly MovedPlace[] = MOVED_PLACES,
): Relocated | null {
  const map = record.map || start;
  const cp = record.checkpoint;
  const cpMap = cp.map || map;
  const here = find(places, map, record.x, record.y);
  const back = find(places, cpMap, cp.x, cp.y);
  if (!here && !back) return null;
  const checkpoint = back
    ? { map: back.to, x: cp.x - back.origin.x, y: cp.y - back.origin.y }
    : { ...cp, map: cpMap };
  if (!here) return { character: { ...record, checkpoint }, to: null };
  const x = record.x - here.origin.x;
  const y = record.y - here.origin.y;
  // The shard is kept: a map every shard shares remembers which overworld the character came from.
  const character = { ...record, map: here.to, x, y, checkpoint };
  return { character, to: { map: here.to, shard: record.shard, x, y } };
}
