import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseGameData, readDataFiles, type DataFiles } from './game-data.ts';
import { ContentError } from './world-map.ts';

function shipped(): DataFiles {
  const read = (name: string): unknown => JSON.parse(readFileSync(`assets/data/${name}.json`, 'utf8'));
  return readDataFiles(read);
}

type RawQuests = Record<string, Record<string, unknown>>;

function problemsOf(edit: (quests: RawQuests) => void): string {
  const files = shipped();
  edit(files.quests as RawQuests);
  try {
    parseGameData(files);
  } catch (err) {
    expect(err).toBeInstanceOf(ContentError);
    return (err as Error).message;
  }
  throw new Error('the data parsed without problems');
}

/** The road a new player walks, zone by zone (tools/bots/playthrough-route.ts follows it too). */
const ROAD_ZONES = ['village', 'forest', 'graveyard', 'caves', 'desert', 'volcano', 'lair'];

describe('quests.json', () => {
  it('loads the shipped quests: a chain in every zone of the road, each leading on to the next', () => {
    const quests = parseGameData(shipped()).quests!;
    const zones = new Set([...quests.values()].map((q) => q.zone));
    for (const zone of ROAD_ZONES) expect(zones, zone).toContain(zone);
    expect(zones).toContain('isle');
    // One chain from the first quest to the Wyrm: following `requires` back from the last reaches the first.
    const chain: string[] = [];
    for (let id: string | undefined = 'wyrm_tale'; id; id = quests.get(id)!.requires[0]) chain.push(id);
    expect(chain.at(-1)).toBe('find_wren');
    const order = chain.reverse().map((id) => quests.get(id)!.zone);
    expect([...new Set(order)]).toEqual(ROAD_ZONES);
    // The first quest needs nothing and is quick: talk to someone in the village.
    expect(quests.get('find_wren')).toMatchObject({ requires: [], goal: 'talk', zone: 'village' });
  });

  it('names the file and quest of every bad reference', () => {
    const message = problemsOf((q) => {
      q.find_wren!.giver = 'mayor';
      q.rat_trouble!.target = 'dragon';
      q.wolf_pelts!.target = 'golden_spoon';
      q.crab_cakes!.items = ['golden_spoon'];
      q.smugglers!.requires = ['no_such_quest'];
      q.crater_rim!.goal = 'dance';
    });
    expect(message).toMatch(/quests\.json "find_wren" giver: NPC "mayor" is not in npcs\.json/);
    expect(message).toMatch(/quests\.json "rat_trouble" target: mob "dragon" is not in mobs\.json/);
    expect(message).toMatch(/quests\.json "wolf_pelts" target: item "golden_spoon" is not in items\.json/);
    expect(message).toMatch(
      /quests\.json "crab_cakes" items\[0\]: item "golden_spoon" is not in items\.json/,
    );
    expect(message).toMatch(/quests\.json "smugglers" requires: quest "no_such_quest" is not in this file/);
    expect(message).toMatch(/quests\.json "crater_rim" goal: must be one of kill, bring, reach, talk/);
  });

  it('refuses a chain that leads back to where it started, and a quest that requires itself', () => {
    const message = problemsOf((q) => {
      q.find_wren!.requires = ['slime_samples'];
      q.crab_cakes!.requires = ['crab_cakes'];
    });
    expect(message).toMatch(
      /a chain leads back to it: .*find_wren -> slime_samples -> rat_trouble -> find_wren/,
    );
    expect(message).toMatch(/"crab_cakes" requires: a quest cannot require itself/);
  });

  it('a talk or reach quest counts to 1; a kill quest to at least 1', () => {
    const message = problemsOf((q) => {
      q.find_wren!.count = 3;
      q.rat_trouble!.count = 0;
    });
    expect(message).toMatch(/"find_wren" count: must be a number from 1 to 1/);
    expect(message).toMatch(/"rat_trouble" count: must be a number from 1 to 1000/);
  });
});
