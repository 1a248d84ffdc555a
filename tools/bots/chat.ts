// The `chat` behaviour: wander like everyone else and say a short line every few seconds, well within
// the server's rate limit (3 lines in 5 s), so no line is refused.
import type { BotClient } from './bot-client.ts';
import { startWander, type StopBehaviour, type WanderOptions } from './behaviours.ts';

/** One line per 4 s: at most 2 in any 5 s, under the limit of 3 even when timers bunch up. */
export const CHAT_EVERY_MS = 4000;

const LINES = [
  'hello there',
  'anyone seen the rats?',
  'nice sword',
  'lfg goblin camp',
  'brb',
  'the lake is lovely today',
  'which way to the meadow?',
  'gg',
];

export function startChat(bot: BotClient, wander: WanderOptions, everyMs = CHAT_EVERY_MS): StopBehaviour {
  const stopWander = startWander(bot, wander);
  let said = 0;
  let interval: NodeJS.Timeout | null = null;
  const say = (): void => {
    if (bot.closed || !bot.welcomed) return;
    bot.chat(`${LINES[Math.floor(wander.random() * LINES.length)]!} (${++said})`);
  };
  const first = setTimeout(
    () => {
      say();
      interval = setInterval(say, everyMs);
    },
    Math.floor(wander.random() * everyMs),
  );
  return () => {
    stopWander();
    clearTimeout(first);
    if (interval) clearInterval(interval);
  };
}
