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

/** Saved fields besides the name and position. Combat, items and achievements fill them in. */
export interface CharacterState {
  /** Where the character comes back after dying, or when its saved tile is no longer walkable. */
  checkpoint: Tile;
  hp: number;
  maxHp: number;
  level: number;
  xp: number;
  /** Equipped item kind ids (assets/data/items.json). */
  weapon: string;
  armor: string;
  /** Ids of unlocked achievements, and progress counters toward the others. */
  achievements: string[];
  counters: Record<string, number>;
  kills: number;
  deaths: number;
}

/** A character as it comes out of storage: its state and where it stood. */
export interface SavedCharacter extends CharacterState {
  x: number;
  y: number;
}

/** Not placed yet: a new character has no tile until the world picks one in a spawn area. */
export const UNPLACED = -1;

/** A brand-new character: level 1, with the first weapon and armor, at full health. */
export function newCharacter(): SavedCharacter {
  const maxHp = playerMaxHp(1, 1);
  return {
    x: UNPLACED,
    y: UNPLACED,
    checkpoint: { x: UNPLACED, y: UNPLACED },
    hp: maxHp,
    maxHp,
    level: 1,
    xp: 0,
    weapon: 'club',
    armor: 'tunic',
    achievements: [],
    counters: {},
    kills: 0,
    deaths: 0,
  };
}

/**
 * Where a saved character stands on this map: its saved tile, else its checkpoint, else a spawn tile
 * (maps change under saved characters). `moved` says the answer differs from what was saved.
 */
export function placeCharacter(
  map: WorldMap,
  rng: Rng,
  saved: SavedCharacter,
): { tile: Tile; checkpoint: Tile; moved: boolean } {
  const spawn = (): Tile => pickSpawnTile(map, rng);
  const checkpoint = isWalkable(map.grid, saved.checkpoint.x, saved.checkpoint.y)
    ? { ...saved.checkpoint }
    : spawn();
  const keeps = isWalkable(map.grid, saved.x, saved.y);
  const tile = keeps ? { x: saved.x, y: saved.y } : { ...checkpoint };
  const moved = !keeps || checkpoint.x !== saved.checkpoint.x || checkpoint.y !== saved.checkpoint.y;
  return { tile, checkpoint, moved };
}

/** A copy of the saved fields of a character, safe to hand to storage while the world goes on. */
export function snapshotCharacter(c: SavedCharacter): SavedCharacter {
  return {
    x: c.x,
    y: c.y,
    checkpoint: { ...c.checkpoint },
    hp: c.hp,
    maxHp: c.maxHp,
    level: c.level,
    xp: c.xp,
    weapon: c.weapon,
    armor: c.armor,
    achievements: [...c.achievements],
    counters: { ...c.counters },
    kills: c.kills,
    deaths: c.deaths,
  };
}
