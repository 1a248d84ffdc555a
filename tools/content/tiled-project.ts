// Builds assets/emberquest.tiled-project from the game data: one Tiled custom class per object class the
// game reads, with typed members and defaults, and enums of the mob, NPC, item and music ids, so Tiled
// offers the right class and a drop-down of valid ids instead of a free text field to mistype.
import type { GameData } from '../../shared/content/game-data.ts';
import { OBJECT_CLASSES } from '../../shared/content/placements.ts';

type ObjectClass = (typeof OBJECT_CLASSES)[number];

interface Member {
  name: string;
  type: 'string' | 'int' | 'bool';
  /** The enum the value comes from. */
  propertyType?: string;
  value: string | number | boolean;
}

/** Every class's members (the compiler makes a new class in OBJECT_CLASSES add its row here). */
function members(data: GameData): Record<ObjectClass, Member[]> {
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
};

export function tiledProject(data: GameData): object {
  let id = 0;
  const enumOf = (name: string, values: Iterable<string>, flags = false) => ({
    id: ++id,
    name,
    type: 'enum',
    storageType: 'string',
    values: [...values],
    valuesAsFlags: flags,
  });
  const enums = [
    enumOf('MobId', data.mobs.keys()),
    enumOf('NpcId', data.npcs.keys()),
    // Flags store as "a,b": exactly the comma-separated list a chest's `items` holds.
    enumOf('ItemIds', data.items.keys(), true),
    enumOf('MusicId', data.music?.keys() ?? []),
  ];
  const all = members(data);
  const classes = OBJECT_CLASSES.map((name) => ({
    id: ++id,
    name,
    type: 'class',
    useAs: ['object'],
    color: COLOURS[name] ?? '#ffa0a0a4',
    drawFill: true,
    members: all[name],
  }));
  return {
    automappingRulesFile: '',
    commands: [],
    extensionsPath: 'extensions',
    folders: ['maps'],
    objectTypesFile: '',
    propertyTypes: [...enums, ...classes],
  };
}

export const TILED_PROJECT = 'assets/emberquest.tiled-project';

export function tiledProjectText(data: GameData): string {
  return JSON.stringify(tiledProject(data), null, 4) + '\n';
}
