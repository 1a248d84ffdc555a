// Quests on a real server: two bots, each its own fresh character, take the first village quest from the
// elder and hand it in to Little Wren, then take the elder's kill quest, kill five rats in the west
// meadow and hand it in: XP paid, the log done, and the character saved with it (a rejoin finds it).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { middle } from '../../tools/bots/playthrough-route.ts';
import { startQuestServer, takeVillageQuests, type QuestServer } from '../support/quest-server.ts';

describe('quests on a real server', () => {
  let realm: QuestServer;

  beforeAll(async () => {
    realm = await startQuestServer();
  }, 70_000);

  afterAll(async () => {
    await realm?.stop();
  });

  async function play(name: string): Promise<{ xp: number; token: string }> {
    const bot = await realm.join(name);
    const steps = await takeVillageQuests(bot, realm.content);
    const meadow = realm.content.placements.mobAreas.find((a) => a.name === 'west_meadow')!;
    await steps.hunt('rat_trouble', 'rat', 5, middle(meadow.area));
    const before = bot.view.stats!.xp;
    await steps.handIn('elder', 'rat_trouble');
    await bot.waitFor(() => bot.view.stats!.xp >= before + 40, 5000, 'the XP of the rats');
    expect(bot.problems).toEqual([]);
    return { xp: bot.view.stats!.xp, token: bot.token! };
  }

  it('two bots each take and finish a kill quest, and their characters keep it', async () => {
    const results = await Promise.all([play('Quester'), play('Hunter')]);
    for (const [i, name] of ['Quester', 'Hunter'].entries()) {
      const bot = realm.bots[i]!;
      expect(bot.view.quests.done).toEqual(['find_wren', 'rat_trouble']);
      expect(bot.view.quests.active.size).toBe(0);
      // Both chains done: the smith has the next quest for them.
      expect(bot.view.npcMarks.get('smith')).toBe('!');
      await bot.close();
      const again = await realm.join(name, results[i]!.token);
      await again.waitFor(() => again.view.quests.done.length === 2, 5000, `${name}'s saved quests`);
      expect(again.view.quests.done).toEqual(['find_wren', 'rat_trouble']);
      expect(again.view.stats?.xp).toBe(results[i]!.xp);
    }
  }, 300_000);
});
