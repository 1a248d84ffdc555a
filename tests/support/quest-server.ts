// A real server of the default realm for quest tests, and the village's first quests as a fresh
// character takes them (the elder's talk quest handed in to Wren, then the elder's rats taken).
import { BotClient } from '../../tools/bots/bot-client.ts';
import { loadPlayerContent, type PlayerContent } from '../../tools/bots/playthrough-route.ts';
import { QuestSteps } from '../../tools/bots/quest-steps.ts';
import { repoRoot, startServerProcess, type ServerProcess } from '../../tools/server-process.ts';

export interface QuestServer {
  content: PlayerContent;
  /** Every bot joined through `join`, closed by `stop`. */
  bots: BotClient[];
  /** A bot in emberfall-1, welcomed (a token plays that character again). */
  join(name: string, token?: string): Promise<BotClient>;
  stop(): Promise<void>;
}

export async function startQuestServer(): Promise<QuestServer> {
  const content = loadPlayerContent(repoRoot);
  const server: ServerProcess = await startServerProcess({}, { timeoutMs: 60_000 });
  const url = server.url.replace(/^http/, 'ws').replace(/\/$/, '') + '/ws/emberfall-1';
  const bots: BotClient[] = [];
  return {
    content,
    bots,
    async join(name, token) {
      const bot = await BotClient.connect({ url, name, token });
      bots.push(bot);
      await bot.waitForWelcome(15_000);
      return bot;
    },
    async stop() {
      await Promise.all(bots.map((b) => b.close()));
      await server.stop();
    },
  };
}

/** Takes find_wren, hands it in to Wren, and takes rat_trouble: the steps, for what comes next. */
export async function takeVillageQuests(bot: BotClient, content: PlayerContent): Promise<QuestSteps> {
  const steps = new QuestSteps(bot, content);
  await steps.take('elder', 'find_wren');
  await steps.handIn('child', 'find_wren');
  await steps.take('elder', 'rat_trouble');
  return steps;
}
