// The members of every object class the game reads, with their types and defaults, and the colour Tiled
// draws each class in: one table for both Tiled formats, the project file's classes (Tiled 1.9+,
// tiled-project.ts) and the object types file (Tiled 1.8, object-types.ts).
import type { GameData } from '../../shared/content/game-data.ts';
import type { OBJECT_CLASSES } from '../../shared/content/placements.ts';

export type ObjectClass = (typeof OBJECT_CLASSES)[number];

export interface Member {
  name: string;
  type: 'string' | 'int' | 'bool';
  /** The enum the value comes from. */
  propertyType?: string;
  value: string | number | boolean;
}

/** Every class's members (the compiler makes a new class in OBJECT_CLASSES add its row here). */
export function members(data: GameData): Record<ObjectClass, Member[]> {
  const first = (ids: Iterable<string>): string => [...ids][0] ?? '';
  const mobKind: Member = {
    name: 'kind',
    type: 'string',
    propertyType: 'MobId',
    value: first(data.mobs.keys()),
  };
  const items: Member = { name: 'items', type: 'string', propertyType: 'ItemIds', value: '' };
  return {
    spawn: [],
    checkpoint: [],
    mobArea: [mobKind, { name: 'count', type: 'int', value: 1 }],
    mob: [mobKind],
    npc: [{ name: 'kind', type: 'string', propertyType: 'NpcId', value: first(data.npcs.keys()) }],
    chest: [items, { name: 'respawnSeconds', type: 'int', value: 300 }],
    chestArea: [items],
    area: [],
    door: [{ name: 'to', type: 'string', value: '' }],
    destination: [],
    portal: [
      { name: 'map', type: 'string', value: '' },
      { name: 'to', type: 'string', value: '' },
    ],
    music: [
      { name: 'track', type: 'string', propertyType: 'MusicId', value: first(data.music?.keys() ?? []) },
    ],
    bounds: [],
    zone: [{ name: 'title', type: 'string', value: '' }],
  };
}

/** Colours Tiled draws each class in: areas that matter in a fight warm, the rest cool. */
const COLOURS: Partial<Record<ObjectClass, string>> = {
  spawn: '#ff3cb44b',
  checkpoint: '#ff46f0f0',
  mobArea: '#ffe6194b',
  mob: '#ffe6194b',
  npc: '#ffffe119',
  chest: '#fff58231',
  chestArea: '#fff58231',
  door: '#ff911eb4',
  destination: '#ff911eb4',
  portal: '#ffdcbeff',
  music: '#ff4363d8',
  zone: '#fff0c05a',
};

/** The colour Tiled draws a class in, as #AARRGGBB (grey for the classes not listed). */
export function colourOf(name: ObjectClass): string {
  return COLOURS[name] ?? '#ffa0a0a4';
}
