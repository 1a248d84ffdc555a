// The committed Tiled project is what the data makes now, and it describes every class the game reads.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OBJECT_CLASSES } from '../../shared/content/placements.ts';
import { loadGameData } from '../../server/load-data.ts';
import { TILED_PROJECT, tiledProject, tiledProjectText } from './tiled-project.ts';

const data = loadGameData('assets');

interface PropertyType {
  name: string;
  type: string;
  values?: string[];
  members?: { name: string; type: string; propertyType?: string; value: unknown }[];
}

describe(TILED_PROJECT, () => {
  it('is current: run npm run tiled-project after changing assets/data', () => {
    expect(readFileSync(TILED_PROJECT, 'utf8')).toBe(tiledProjectText(data));
  });

  const types = (tiledProject(data) as { propertyTypes: PropertyType[] }).propertyTypes;
  const byName = (name: string): PropertyType => types.find((t) => t.name === name)!;

  it('has a class for every object class, each member typed with a default', () => {
    expect(types.filter((t) => t.type === 'class').map((t) => t.name)).toEqual([...OBJECT_CLASSES]);
    expect(byName('mobArea').members).toEqual([
      { name: 'kind', type: 'string', propertyType: 'MobId', value: 'rat' },
      { name: 'count', type: 'int', value: 1 },
    ]);
    expect(byName('chest').members).toContainEqual({ name: 'respawnSeconds', type: 'int', value: 300 });
  });

  it('lists every mob, NPC, item and music id as an enum', () => {
    expect(byName('MobId').values).toEqual([...data.mobs.keys()]);
    expect(byName('NpcId').values).toEqual([...data.npcs.keys()]);
    expect(byName('ItemIds').values).toEqual([...data.items.keys()]);
    expect(byName('MusicId').values).toEqual([...data.music!.keys()]);
  });
});
