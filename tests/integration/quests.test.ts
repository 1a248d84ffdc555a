// Quests on a real server: two bots, each its own fresh character, take the first village quest from the
// elder and hand it in to Little Wren, then take the elder's kill quest, kill five rats in the west
// meadow and hand it in: XP paid, the log done, and the character saved with it (a rejoin finds it).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BotClient } from '../../tools/bots/bot-client.ts';
import { loadPlayerContent, middle, type PlayerContent } from '../../tools/bots/playthrough-route.ts';
import { QuestSteps } from '../../tools/bots/quest-steps.ts';
import { repoRoot, startServerProcess, type ServerProcess } from '../../tools/server-process.ts';

describe('quests on a real server', () => {
  let server: ServerProcess;
  let content: PlayerContent;
  let url = '';
  const bots: BotClient[] = [];

  beforeAll(async () => {
    content = loadPlayerContent(repoRoot);
    server = await startServerProcess({}, { timeoutMs: 60_000 });
    url = server.url.replace(/^http/, 'ws').replace(/\/$/, '') + '/ws/emberfall-1';
  }, 70_000);

  afterAll(async () => {
    await Promise.all(bots.map((b) => b.close()));
    await server?.stop();
  });

  async function play(name: string): Promise<{ xp: number; token: string }> {
    const bot = await BotClient.connect({ url, name });
    bots.push(bot);
    await bot.waitForWelcome(15_000);
    const steps = new QuestSteps(bot, content);
    await steps.take('elder', 'find_wren');
    await steps.handIn('child', 'find_wren');
    await steps.take('elder', 'rat_trouble');
    const meadow = content.placements.mobAreas.find((a) => a.name === 'west_meadow')!;
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
      const bot = bots[i]!;
      expect(bot.view.quests.done).toEqual(['find_wren', 'rat_trouble']);
      expect(bot.view.quests.active.size).toBe(0);
      // Both chains done: the smith has the next quest for them.
      expect(bot.view.npcMarks.get('smith')).toBe('!');
      await bot.close();
      const again = await BotClient.connect({ url, name, token: results[i]!.token });
      bots.push(again);
      await again.waitForWelcome(15_000);
      await again.waitFor(() => again.view.quests.done.length === 2, 5000, `${name}'s saved quests`);
      expect(again.view.quests.done).toEqual(['find_wren', 'rat_trouble']);
      expect(again.view.stats?.xp).toBe(results[i]!.xp);
    }
  }, 300_000);
});
