// A party finishing a quest together on a real server (issue 16): Ada and Bram each take the elder's rat
// quest, form a party, and only Ada fights. Bram keeps near her and never lands a blow, yet every rat
// she kills counts for his quest too (the kill is credited to members near it), so both hand it in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BotClient } from '../../tools/bots/bot-client.ts';
import { middle } from '../../tools/bots/playthrough-route.ts';
import type { QuestSteps } from '../../tools/bots/quest-steps.ts';
import { sleep } from '../support/processes.ts';
import { startQuestServer, takeVillageQuests, type QuestServer } from '../support/quest-server.ts';

describe('a party finishing a quest together', () => {
  let realm: QuestServer;

  beforeAll(async () => {
    realm = await startQuestServer();
  }, 70_000);

  afterAll(async () => {
    await realm?.stop();
  });

  async function joined(name: string): Promise<{ bot: BotClient; steps: QuestSteps }> {
    const bot = await realm.join(name);
    return { bot, steps: await takeVillageQuests(bot, realm.content) };
  }

  it('two party members both finish a kill quest from the kills of one of them', async () => {
    const [ada, bram] = await Promise.all([joined('Ada'), joined('Bram')]);
    let invited = false;
    let bramKills = 0;
    bram.bot.on((e) => {
      if (e.type === 'partyInvite' && e.from === 'Ada') invited = true;
      if (e.type === 'died' && e.killer?.id === bram.bot.view.selfId) bramKills++;
    });
    ada.bot.chat('/invite Bram');
    await bram.bot.waitFor(() => invited, 5000, "Ada's invitation");
    bram.bot.chat('/accept');
    for (const m of [ada, bram])
      await m.bot.waitFor(() => m.bot.view.party.length === 2, 5000, 'the party of two');

    const meadow = realm.content.placements.mobAreas.find((a) => a.name === 'west_meadow')!;
    let hunting = true;
    // Bram walks along with Ada, a few tiles off, and attacks nothing.
    const follow = (async () => {
      while (hunting) {
        const her = ada.bot.self;
        if (her) await bram.steps.walkNear(ada.bot.tileOf(her), 3, 30_000).catch(() => {});
        await sleep(300);
      }
    })();
    try {
      await ada.steps.hunt('rat_trouble', 'rat', 5, middle(meadow.area));
      await bram.bot.waitFor(
        () => (bram.bot.view.quests.active.get('rat_trouble') ?? 0) >= 5,
        10_000,
        "Bram's rats, credited from Ada's kills",
      );
    } finally {
      hunting = false;
      await follow;
    }
    expect(bramKills).toBe(0);
    for (const m of [ada, bram]) {
      const before = m.bot.view.stats!.xp;
      await m.steps.handIn('elder', 'rat_trouble');
      await m.bot.waitFor(() => m.bot.view.quests.done.includes('rat_trouble'), 5000, 'the hand-in');
      expect(m.bot.view.stats!.xp).toBeGreaterThan(before);
      expect(m.bot.problems).toEqual([]);
    }
  }, 300_000);
});
