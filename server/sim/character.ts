// What a character keeps between sessions, as the world holds it on its Player. The app layer saves it;
// the world only marks a player dirty when something worth saving changed.
import { isWalkable } from '../../shared/rules/grid.ts';
import { playerMaxHp } from '../../shared/rules/combat.ts';
import type { WorldMap } from '../../shared/content/world-map.ts';
import type { Rng } from './rng.ts';
import { pickSpawnTile } from './spawning.ts';

export interface Tile {
  x: number;
  y: number;
}

/** Where a character comes back after dying: a tile, on `map` (a path under `assets/`; '' = this map). */
export interface Checkpoint extends Tile {
  map: string;
}

/** Not placed yet: a new character has no tile until the world picks one in a spawn area. */
export const UNPLACED = -1;

/**
 * The one table of what a character keeps between sessions, with each field's value for a new character.
 * A field added here is copied, stored and loaded with no other edit (server/store keeps the character as
 * one document; one saved before the field existed loads with this default), except the player literal
 * in players.ts, which the compiler points at (written out for the tick's speed; see there). Values are numbers,
 * strings, or flat arrays and records of them (copies go one level deep).
 */
function savedFields() {
  const maxHp = playerMaxHp(1, 1);
  return {
    /** Where the character stood; UNPLACED for a new one. */
    x: UNPLACED,
    y: UNPLACED,
    /**
     * Where the character comes back after dying, or when its saved tile is no longer walkable. Its map
     * is '' while it is the map the character is on; a portal hop writes the map it was on.
     */
    checkpoint: { x: UNPLACED, y: UNPLACED, map: '' } as Checkpoint,
    hp: maxHp,
    maxHp,
    level: 1,
    xp: 0,
    /** Equipped item kind ids (assets/data/items.json). */
    weapon: 'club',
    armor: 'tunic',
    /** Ids of unlocked achievements, and progress counters toward the others. */
    achievements: [] as string[],
    counters: {} as Record<string, number>,
    kills: 0,
    deaths: 0,
    /**
     * The bag (server/sim/bag.ts): BAG_SLOTS slots, each an item kind id ('' empty), and how many of it
     * the slot holds (gear 1; potions and quest items stack up to STACK_MAX).
     */
    bag: emptySlots(BAG_SLOTS) as string[],
    bagCounts: new Array<number>(BAG_SLOTS).fill(0),
    /** The belt: BELT_SLOTS consumable kinds ('' empty), each a shortcut that drinks one from the bag. */
    belt: emptySlots(BELT_SLOTS) as string[],
    /** Quests taken and not yet handed in (assets/data/quests.json id -> progress), and those done. */
    quests: {} as Record<string, number>,
    questsDone: [] as string[],
  };
}

/** Slots in the bag and on the belt. */
export const BAG_SLOTS = 16;
export const BELT_SLOTS = 4;

function emptySlots(n: number): string[] {
  return new Array<string>(n).fill('');
}

/** A character as it comes out of storage: its state and where it stood. */
export type SavedCharacter = ReturnType<typeof savedFields>;
/** The saved fields besides the position (the world keeps that on the walker). */
export type CharacterState = Omit<SavedCharacter, 'x' | 'y'>;
/** The names of the saved fields, in the table's order. */
export const SAVED_FIELDS = Object.keys(savedFields()) as readonly (keyof SavedCharacter)[];

/** A brand-new character: level 1, with the first weapon and armor, at full health. */
export function newCharacter(): SavedCharacter {
  return savedFields();
}

/**
 * Where a saved character stands on this map (`mapPath`, its path under `assets/`): its saved tile, else
 * its checkpoint, else a spawn tile (maps change under saved characters). A checkpoint on another map is
 * kept as it is; one on this map comes back with map ''. `moved` says the answer differs from what was
 * saved.
 */
export function placeCharacter(
  map: WorldMap,
  rng: Rng,
  saved: SavedCharacter,
  mapPath = '',
): { tile: Tile; checkpoint: Checkpoint; moved: boolean } {
  const spawn = (): Checkpoint => ({ ...pickSpawnTile(map, rng), map: '' });
  const saw = saved.checkpoint;
  const elsewhere = saw.map !== '' && saw.map !== mapPath;
  let checkpoint: Checkpoint;
  if (elsewhere) checkpoint = { ...saw };
  else checkpoint = isWalkable(map.grid, saw.x, saw.y) ? { x: saw.x, y: saw.y, map: '' } : spawn();
  const keeps = isWalkable(map.grid, saved.x, saved.y);
  const tile = keeps
    ? { x: saved.x, y: saved.y }
    : elsewhere
      ? spawn()
      : { x: checkpoint.x, y: checkpoint.y };
  const moved = !keeps || checkpoint.x !== saw.x || checkpoint.y !== saw.y || checkpoint.map !== saw.map;
  return { tile, checkpoint, moved };
}

/** A copy of the saved fields of a character (and nothing else), safe to hand to storage while the world goes on. */
export function snapshotCharacter(c: SavedCharacter): SavedCharacter {
  const copy: Record<string, unknown> = {};
  for (const key of SAVED_FIELDS) copy[key] = copyValue(c[key]);
  return copy as SavedCharacter;
}

function copyValue(value: unknown): unknown {
  if (Array.isArray(value)) return [...(value as unknown[])];
  if (value && typeof value === 'object') return { ...value };
  return value;
}
