// Two players on a real server, one to speak and one to listen: how tests show the world goes on for
// everyone else while something hostile happens.
import { BotClient } from '../../tools/bots/bot-client.ts';

export interface Chatters {
  talker: BotClient;
  listener: BotClient;
  /** Every chat line the listener has heard, in order. */
  heard: string[];
}

/** Joins Talker and Listener (both welcomed); `keep` gets them, so the caller closes them. */
export async function joinChatters(url: string, keep: BotClient[]): Promise<Chatters> {
  const talker = await BotClient.connect({ url, name: 'Talker' });
  const listener = await BotClient.connect({ url, name: 'Listener' });
  keep.push(talker, listener);
  await Promise.all([talker.waitForWelcome(5000), listener.waitForWelcome(5000)]);
  const heard: string[] = [];
  listener.on((e) => void (e.type === 'chat' && heard.push(e.text)));
  return { talker, listener, heard };
}
