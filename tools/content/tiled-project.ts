// Builds assets/emberquest.tiled-project from the game data: one Tiled custom class per object class the
// game reads, with typed members and defaults, and enums of the mob, NPC, item and music ids, so Tiled
// offers the right class and a drop-down of valid ids instead of a free text field to mistype.
import type { GameData } from '../../shared/content/game-data.ts';
import { OBJECT_CLASSES } from '../../shared/content/placements.ts';
import { colourOf, members } from './object-classes.ts';

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
    color: colourOf(name),
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
