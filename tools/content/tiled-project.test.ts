// The committed Tiled project (and the object types file for Tiled 1.8) is what the data makes now, and it
// describes every class the game reads.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OBJECT_CLASSES } from '../../shared/content/placements.ts';
import { loadGameData } from '../../server/load-data.ts';
import { OBJECT_TYPES, objectTypesText } from './object-types.ts';
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

describe(`${OBJECT_TYPES} (Tiled 1.8)`, () => {
  it('is current: run npm run tiled-project after changing assets/data', () => {
    expect(readFileSync(OBJECT_TYPES, 'utf8')).toBe(objectTypesText(data));
  });

  it("has the project file's classes, each with the same members and defaults", () => {
    const xml = objectTypesText(data);
    const types = [
      ...xml.matchAll(/<objecttype name="(\w+)" color="#[0-9a-f]{6}"(?:\/>|>([\s\S]*?)<\/objecttype>)/g),
    ];
    expect(types.map((t) => t[1])).toEqual([...OBJECT_CLASSES]);
    const classes = (tiledProject(data) as { propertyTypes: PropertyType[] }).propertyTypes;
    for (const [, name, body] of types) {
      const props = [...(body ?? '').matchAll(/<property name="(\w+)" type="(\w+)" default="([^"]*)"\/>/g)];
      const expected = classes.find((c) => c.name === name)!.members!;
      expect(
        props.map(([, n, t, v]) => [n, t, v]),
        name,
      ).toEqual(expected.map((m) => [m.name, m.type, String(m.value)]));
    }
    expect(xml).toContain('<property name="kind" type="string" default="rat"/>');
  });
});
