import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseGameData, readDataFiles } from '../../shared/content/game-data.ts';
import type { MapObject } from '../../shared/content/world-map.ts';
import { activeRows, goalLine, npcMarkPlaces, questTargets, rewardLine } from './quest-log.ts';

const data = parseGameData(
  readDataFiles((name) => JSON.parse(readFileSync(`assets/data/${name}.json`, 'utf8')) as unknown),
);
const quests = data.quests!;
const npcName = (kind: string): string => data.npcs.get(kind)?.name ?? kind;

const object = (id: number, kind: string, x: number, y: number, properties = {}, name = ''): MapObject => ({
  id,
  kind,
  name,
  area: { x, y, width: 4, height: 2 },
  properties,
});

describe('the quest log as the page shows it', () => {
  it('a line per goal: counts, whom to speak to, and where to go back once done', () => {
    expect(goalLine(quests.get('rat_trouble')!, 3, npcName)).toBe('Rats 3/5');
    expect(goalLine(quests.get('rat_trouble')!, 5, npcName)).toBe('Done: back to Elder Maren');
    expect(goalLine(quests.get('find_wren')!, 0, npcName)).toBe('Speak to Little Wren');
    expect(goalLine(quests.get('crater_rim')!, 0, npcName)).toBe('Reach the crater rim');
    expect(goalLine(quests.get('wolf_pelts')!, 1, npcName)).toBe('Wolf pelts 1/3');
  });

  it('rows in the order the server sent, unknown ids left out, with what a quest pays', () => {
    const log = {
      active: new Map([
        ['rat_trouble', 5],
        ['gone_quest', 1],
        ['find_wren', 0],
      ]),
      done: [],
    };
    expect(activeRows(quests, log, npcName).map((r) => [r.id, r.line, r.done])).toEqual([
      ['rat_trouble', 'Done: back to Elder Maren', true],
      ['find_wren', 'Speak to Little Wren', false],
    ]);
    expect(rewardLine(quests.get('slime_samples')!, (id) => data.items.get(id)!.name)).toBe(
      '50 XP, Leather armor',
    );
  });

  it('marks the target on the map drawn: the mobs, the NPC, the droppers of an item, the turn-in once done', () => {
    const objects = [
      object(1, 'mobArea', 10, 20, { kind: 'rat' }),
      object(2, 'npc', 30, 40, { kind: 'child' }),
      object(3, 'npc', 50, 60, { kind: 'elder' }),
      object(4, 'mobArea', 70, 80, { kind: 'wolf' }),
    ];
    const log = {
      active: new Map([
        ['rat_trouble', 2],
        ['find_wren', 0],
        ['wolf_pelts', 0],
        ['crab_cakes', 6],
      ]),
      done: [],
    };
    const marks = questTargets(quests, log, objects, 'maps/world.tmj', (item) =>
      item === 'wolf_pelt' ? ['wolf'] : [],
    );
    expect(marks).toEqual([
      { label: 'Rats in the meadow', map: 'maps/world.tmj', x: 12, y: 21 },
      { label: 'Where is Wren?', map: 'maps/world.tmj', x: 32, y: 41 },
      { label: 'Pelts for the smith', map: 'maps/world.tmj', x: 72, y: 81 },
      // Crab cakes is finished and Old Pell is not on this map: no mark.
    ]);
    log.active.set('rat_trouble', 5);
    expect(questTargets(quests, log, objects, 'maps/world.tmj')[0]).toMatchObject({ x: 52, y: 61 });
  });
});

describe('the NPC marks on the maps', () => {
  const objects = [
    object(1, 'npc', 10, 20, { kind: 'elder' }),
    object(2, 'npc', 30, 40, { kind: 'child' }),
    object(3, 'npc', 50, 60, { kind: 'smith' }),
    object(4, 'mobArea', 70, 80, { kind: 'elder' }),
  ];

  it('puts each marked NPC of the map drawn at its place, ! as an offer and ? as a hand-in', () => {
    const marks = new Map([
      ['elder', '!' as const],
      ['child', '?' as const],
      ['fisher', '!' as const],
    ]);
    expect(npcMarkPlaces(marks, objects, 'maps/world.tmj', npcName)).toEqual({
      // The fisher is not on this map, the smith has no mark, and a mob area named like an NPC is no NPC.
      offers: [{ label: 'Elder Maren', map: 'maps/world.tmj', x: 12, y: 21 }],
      handIns: [{ label: 'Little Wren', map: 'maps/world.tmj', x: 32, y: 41 }],
    });
    expect(npcMarkPlaces(new Map(), objects, 'maps/world.tmj', npcName)).toEqual({ offers: [], handIns: [] });
  });

  it("a finished quest points at the NPC it goes back to: the same tile as that NPC's ?", () => {
    const log = { active: new Map([['find_wren', 1]]), done: [] };
    const [target] = questTargets(quests, log, objects, 'maps/world.tmj');
    const turnIn = quests.get('find_wren')!.turnIn;
    const { handIns } = npcMarkPlaces(new Map([[turnIn, '?' as const]]), objects, 'maps/world.tmj', npcName);
    expect(handIns.map(({ x, y }) => ({ x, y }))).toEqual([{ x: target!.x, y: target!.y }]);
  });
});
