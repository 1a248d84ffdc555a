// Quests in a running world, with the shipped quests.json: offered on talking, taken beside the giver,
// moved on by the tick's events, handed in for XP and items, and every bad request refused unchanged.
import { describe, expect, it } from 'vitest';
import { Op } from '../../shared/protocol/ops.ts';
import { World } from './world.ts';
import { BAG_SLOTS } from './character.ts';
import { countItem } from './bag.ts';
import { dropItem } from './loot.ts';
import { replay } from './input-log.ts';
import {
  adventureMap,
  mobKind,
  openRows,
  placedClient,
  received,
  tickTimes,
  tickUntil,
  withMobs,
  type Place,
  type TestClient,
} from './test-support.ts';
import { createView } from '../../shared/protocol/view.ts';
import type { SavedCharacter } from './character.ts';

/** Rats as these tests need them: one blow kills, they never fight back, and they drop nothing. */
const rat = mobKind('rat', { hp: 10, weapon: 0, respawnSeconds: 1 });

const PEOPLE: Place[] = [
  { id: 2, type: 'npc', x: 10, y: 5, props: { kind: 'elder' } },
  { id: 3, type: 'npc', x: 20, y: 5, props: { kind: 'child' } },
  { id: 4, type: 'npc', x: 30, y: 5, props: { kind: 'smith' } },
  { id: 5, type: 'area', x: 34, y: 10, w: 3, h: 3, name: 'ember_crater' },
];

function setUp(saved: Partial<SavedCharacter> = {}, places: Place[] = []) {
  const map = adventureMap(openRows(40, 14), [{ id: 1, type: 'spawn', x: 5, y: 5 }, ...PEOPLE, ...places]);
  const world = new World({ name: 'w', map, data: withMobs(rat), seed: 3 });
  const a = placedClient(world, 'A', { x: 9, y: 5, weapon: 'ember_blade', hp: 5000, maxHp: 5000, ...saved });
  return { world, a };
}

const npcOf = (world: World, kind: string) => [...world.npcs.values()].find((n) => n.kind.id === kind)!;
const notices = (c: TestClient): string[] => received(c, Op.Notice).map((m) => m[1]);
const lastLog = (c: TestClient) => received(c, Op.QuestLog).at(-1);
const lastMarks = (c: TestClient) => new Map(received(c, Op.NpcMarkers).at(-1)?.[1] ?? []);

function talkTo(world: World, c: TestClient, kind: string): void {
  const npc = npcOf(world, kind);
  const before = received(c, Op.NpcLine).length;
  world.pursue(c.player.id, 'talk', npc.id);
  tickUntil(world, [c], () => received(c, Op.NpcLine).length > before, 200, `a line from ${kind}`);
  tickTimes(world, [c], 1);
}

function ask(world: World, c: TestClient, action: 'accept' | 'abandon', id: string): void {
  world.quest(c.player.id, action, id);
  tickTimes(world, [c], 1);
}

describe('quests', () => {
  it('the elder offers the first village quest, marks herself with !, and nobody else has one', () => {
    const { world, a } = setUp();
    expect(lastLog(a)).toEqual([Op.QuestLog, [], []]);
    // Only the givers of quests with nothing required: the elder (village) and Old Pell's is after hers.
    expect(lastMarks(a)).toEqual(new Map([['elder', '!']]));
    talkTo(world, a, 'elder');
    expect(received(a, Op.QuestOffer)).toEqual([[Op.QuestOffer, npcOf(world, 'elder').id, 'find_wren']]);
  });

  it('refuses, changing nothing: from afar, a quest that does not exist, one not yet open, one taken twice', () => {
    const { world, a } = setUp({ x: 2, y: 12 });
    ask(world, a, 'accept', 'find_wren');
    ask(world, a, 'accept', 'no_such_quest');
    ask(world, a, 'accept', 'constructor');
    talkTo(world, a, 'elder');
    ask(world, a, 'accept', 'rat_trouble');
    expect(a.player.quests).toEqual({});
    ask(world, a, 'accept', 'find_wren');
    ask(world, a, 'accept', 'find_wren');
    expect(a.player.quests).toEqual({ find_wren: 0 });
    expect(notices(a)).toEqual([
      'Talk to Elder Maren to take "Where is Wren?".',
      'There is no such quest.',
      'There is no such quest.',
      '"Rats in the meadow" needs "Where is Wren?" done first.',
      'Quest taken: Where is Wren?.',
      'You are already on "Where is Wren?".',
    ]);
    expect(lastLog(a)).toEqual([Op.QuestLog, [['find_wren', 0]], []]);
  });

  it('a talk quest: Wren shows ?, and talking to her hands it in for XP and a potion in the bag', () => {
    const { world, a } = setUp();
    talkTo(world, a, 'elder');
    ask(world, a, 'accept', 'find_wren');
    expect(lastMarks(a).get('child')).toBe('?');
    const xp = a.player.xp;
    talkTo(world, a, 'child');
    expect(a.player.quests).toEqual({});
    expect(a.player.questsDone).toEqual(['find_wren']);
    expect(a.player.xp).toBe(xp + 15);
    expect(countItem(a.player, 'small_potion')).toBe(1);
    expect(notices(a)).toContain('Quest complete: Where is Wren?. +15 XP');
    expect(received(a, Op.NpcLine).at(-1)?.[2]).toMatch(/^You found me!/);
    expect(lastLog(a)).toEqual([Op.QuestLog, [], ['find_wren']]);
    // Next in the chains: the elder has the rats, Old Pell his crabs; the smith still nothing.
    expect(lastMarks(a)).toEqual(
      new Map([
        ['elder', '!'],
        ['fisher', '!'],
      ]),
    );
    expect(a.player.dirty).toBe(true);
  });

  it('a kill quest counts credited kills up to its goal, is not handed in early, then pays out', () => {
    const { world, a } = setUp({ questsDone: ['find_wren'] }, [
      { id: 9, type: 'mobArea', x: 6, y: 8, w: 3, h: 3, props: { kind: 'rat', count: 2 } },
    ]);
    talkTo(world, a, 'elder');
    ask(world, a, 'accept', 'rat_trouble');
    const rats = [...world.mobs.values()];
    for (let kills = 1; kills <= 6; kills++) {
      if (kills === 3) {
        talkTo(world, a, 'elder'); // 2/5: nothing to hand in, and nothing new offered
        expect(a.player.questsDone).toEqual(['find_wren']);
        expect(received(a, Op.QuestOffer)).toHaveLength(1);
      }
      tickUntil(world, [a], () => rats.some((m) => m.respawnTick === 0), 400, 'a rat');
      world.pursue(a.player.id, 'attack', rats.find((m) => m.respawnTick === 0)!.id);
      tickUntil(world, [a], () => a.player.kills === kills, 600, `kill ${kills}`);
    }
    expect(a.player.quests).toEqual({ rat_trouble: 5 });
    const steps = notices(a).filter((n) => /^Rats \d/.test(n));
    expect(steps).toEqual(['Rats 1/5', 'Rats 2/5', 'Rats 3/5', 'Rats 4/5', 'Rats 5/5']);
    expect(notices(a)).toContain('Rats in the meadow: done! Go back to Elder Maren.');
    expect(lastMarks(a).get('elder')).toBe('?');
    const xp = a.player.xp;
    talkTo(world, a, 'elder');
    expect(a.player.questsDone).toEqual(['find_wren', 'rat_trouble']);
    expect(a.player.xp).toBe(xp + 40);
    expect(lastMarks(a).get('smith')).toBe('!');
  });

  it('a bring quest counts the bag, goes up on a pickup, and takes the items on hand-in', () => {
    const pelts = Array<string>(BAG_SLOTS).fill('');
    const counts = Array<number>(BAG_SLOTS).fill(0);
    pelts[0] = 'wolf_pelt';
    counts[0] = 2;
    const { world, a } = setUp({
      x: 29,
      y: 6,
      questsDone: ['find_wren', 'rat_trouble', 'slime_samples', 'goblin_menace'],
      quests: { wolf_pelts: 0 }, // taken from the guard, who is not on this map
      bag: pelts,
      bagCounts: counts,
    });
    tickTimes(world, [a], 1);
    expect(a.player.quests).toEqual({ wolf_pelts: 2 });
    talkTo(world, a, 'smith'); // 2/3: kept
    expect(countItem(a.player, 'wolf_pelt')).toBe(2);
    expect(a.player.questsDone).not.toContain('wolf_pelts');
    // A pelt on the ground beside the player, as a wolf's drop would be.
    const pelt = dropItem(world, 'wolf_pelt', a.player.x - 1, a.player.y);
    world.pursue(a.player.id, 'loot', pelt.id);
    tickUntil(world, [a], () => a.player.quests.wolf_pelts === 3, 100, 'the third pelt');
    expect(notices(a)).toContain('Wolf pelts 3/3');
    talkTo(world, a, 'smith');
    expect(a.player.questsDone).toContain('wolf_pelts');
    expect(countItem(a.player, 'wolf_pelt')).toBe(0);
    expect(countItem(a.player, 'chainmail')).toBe(1);
  });

  it('a reward that does not fit in a full bag lies at the player feet, and says so', () => {
    const full = Array<string>(BAG_SLOTS).fill('short_sword');
    const { world, a } = setUp({
      x: 19,
      y: 5,
      quests: { find_wren: 0 },
      bag: full,
      bagCounts: Array<number>(BAG_SLOTS).fill(1),
    });
    talkTo(world, a, 'child');
    expect(a.player.questsDone).toEqual(['find_wren']);
    expect(notices(a)).toContain('Your bag is full: the small potion is at your feet.');
    const items = [...world.items.values()];
    expect(items.map((i) => [i.kind, i.x, i.y])).toEqual([['small_potion', a.player.x, a.player.y]]);
  });

  it('a reach quest: reached after taking it, or at once when the place was reached before', () => {
    const hermitDone = ['find_wren', 'crab_cakes', 'the_hermit', 'smugglers'];
    const hermit: Place = { id: 8, type: 'npc', x: 30, y: 11, props: { kind: 'hermit' } };
    const fresh = setUp({ x: 29, y: 11, questsDone: hermitDone }, [hermit]);
    ask(fresh.world, fresh.a, 'accept', 'crater_rim');
    expect(fresh.a.player.quests).toEqual({ crater_rim: 0 });
    fresh.world.walkTo(fresh.a.player.id, 35, 11);
    tickUntil(fresh.world, [fresh.a], () => fresh.a.player.quests.crater_rim === 1, 100, 'the crater');
    expect(notices(fresh.a)).toContain('The sleeping crater: done! Go back to Hermit Ysolde.');

    const been = setUp({ x: 29, y: 11, questsDone: hermitDone, counters: { 'reach:ember_crater': 1 } }, [
      hermit,
    ]);
    ask(been.world, been.a, 'accept', 'crater_rim');
    expect(been.a.player.quests).toEqual({ crater_rim: 1 });
  });

  it('giving up: one not taken is refused; one taken goes, and can be taken again', () => {
    const { world, a } = setUp();
    ask(world, a, 'abandon', 'find_wren');
    ask(world, a, 'abandon', 'nonsense');
    ask(world, a, 'accept', 'find_wren');
    ask(world, a, 'abandon', 'find_wren');
    expect(a.player.quests).toEqual({});
    ask(world, a, 'accept', 'find_wren');
    expect(a.player.quests).toEqual({ find_wren: 0 });
    expect(notices(a)).toEqual([
      'You have no such quest to give up.',
      'You have no such quest to give up.',
      'Quest taken: Where is Wren?.',
      'Quest given up: Where is Wren?.',
      'Quest taken: Where is Wren?.',
    ]);
  });

  it('a reconnecting client is sent its quest log again', () => {
    const { world, a } = setUp({ quests: { find_wren: 0 } });
    const before = received(a, Op.QuestLog).length;
    world.resume(a.player.id);
    tickTimes(world, [a], 1);
    expect(received(a, Op.QuestLog).length).toBe(before + 1);
    expect(lastLog(a)).toEqual([Op.QuestLog, [['find_wren', 0]], []]);
  });

  it('quest intents are recorded, and a replay takes and hands in the same quests', () => {
    const run = (recordInputs: boolean) => {
      const map = adventureMap(openRows(40, 14), [{ id: 1, type: 'spawn', x: 9, y: 5 }, ...PEOPLE]);
      return new World({ name: 'w', map, data: withMobs(rat), seed: 3, recordInputs });
    };
    const world = run(true);
    const joined = world.join('A');
    if (!joined.ok) throw new Error(joined.reason);
    const a = { player: joined.player, view: createView(), frames: [], problems: [] };
    tickTimes(world, [a], 2);
    talkTo(world, a, 'elder');
    ask(world, a, 'accept', 'find_wren');
    talkTo(world, a, 'child');
    expect(a.player.questsDone).toEqual(['find_wren']);
    const again = run(false);
    replay(again, world.inputLog!.entries, world.tickCount);
    const player = [...again.players.values()][0]!;
    expect(player.questsDone).toEqual(['find_wren']);
    expect(player.xp).toBe(a.player.xp);
  });
});
