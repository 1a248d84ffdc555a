// `/w Name text` (or `/whisper`): a private line to a player in any world of the realm. The whisperer's
// world finds the player in the directory and sends the line over the bus to its world, which tells it
// and sends it back to be echoed to the whisperer. Same length and rate limits as chat.
import { Op } from '../../shared/protocol/ops.ts';
import { cleanChat, chatRefusal } from '../sim/player-goals.ts';
import type { Player } from '../sim/world.ts';
import type { BusMessage } from './bus.ts';
import type { WorldLink } from './world-link.ts';

const COMMAND = /^\/(?:w|whisper)(?:\s+|$)/i;

/** The name and text of a whisper command, or null when the line is not one. */
export function parseWhisper(raw: string): { to: string; text: string } | null {
  const line = raw.trimStart();
  if (!COMMAND.test(line)) return null;
  const rest = line.replace(COMMAND, '');
  const space = rest.search(/\s/);
  if (space < 0) return { to: rest, text: '' };
  return { to: rest.slice(0, space), text: cleanChat(rest.slice(space)) };
}

export async function whisper(
  link: WorldLink,
  from: Player,
  { to, text }: { to: string; text: string },
): Promise<void> {
  const { world } = link;
  const notice = (line: string): void => world.tell(from, [Op.Notice, line]);
  if (!to || !text) return notice('To whisper, type /w Name and what to say.');
  const refused = chatRefusal(world, from, text);
  if (refused) return notice(refused);
  const found = await link.realm.directory.find(to);
  if (!found) return notice(`No one called ${to.slice(0, 20)} is playing now.`);
  const message: BusMessage = {
    type: 'whisper',
    from: from.name,
    fromWorld: link.info.id,
    to: found.name,
    text,
  };
  await link.realm.bus.publish(found.world, message);
}

/** A whisper for a player here, or the echo of one sent from here. */
export function whisperArrived(link: WorldLink, message: BusMessage): void {
  const { world, roster } = link;
  if (message.type === 'whisper') {
    const target = roster.find(message.to);
    const back: BusMessage = target
      ? { type: 'whispered', from: message.from, to: target.name, text: message.text }
      : { type: 'whispered', from: message.from, to: message.to, text: '' };
    if (target) world.tell(target, [Op.Whisper, message.from, target.name, message.text]);
    link.realm.bus.publish(message.fromWorld, back).catch(() => {}); // the whisperer sees no echo
  } else if (message.type === 'whispered') {
    const sender = roster.find(message.from);
    if (!sender) return;
    if (message.text === '')
      world.tell(sender, [Op.Notice, `${message.to} has just left; your whisper was lost.`]);
    else world.tell(sender, [Op.Whisper, message.from, message.to, message.text]);
  }
}
