// One world's side of parties (the rules are parties.ts): the party commands typed in chat (`/invite Name`,
// `/p text`, `/leave`, `/kick Name`, `/accept`, `/decline`) and the same intents from the party ops; the
// news, invitations and party lines that reach its players over the bus from any world; once a second,
// its members' state reported to the party registry and every member sent its party when it changed
// (HP, a step, a world), which is what the party frame and the minimap draw. It also tells the sim which
// party each player is in (`player.party`), so kills are shared (server/sim/party-share.ts).
import { Op } from '../../shared/protocol/ops.ts';
import type { PartyMsg } from '../../shared/protocol/server-messages.ts';
import { chatRefusal, cleanChat } from '../sim/player-goals.ts';
import type { Player } from '../sim/world.ts';
import type { PartyIntent } from '../net/session.ts';
import type { BusMessage } from './bus.ts';
import {
  INVITE_MS,
  type Invitation,
  type MemberStatus,
  type PartyChange,
  type PartyOutcome,
} from './parties.ts';
import type { WorldLink } from './world-link.ts';

export type PartyCommand = PartyIntent | { type: 'say'; text: string };

const COMMAND = /^\/(invite|p|party|leave|kick|accept|decline)(?:\s+([\s\S]*))?$/i;

/** A party command typed in chat, or null when the line is none. */
export function parsePartyCommand(raw: string): PartyCommand | null {
  const m = COMMAND.exec(raw.trim());
  if (!m) return null;
  const word = m[1]!.toLowerCase();
  const rest = (m[2] ?? '').trim();
  const name = rest.split(/\s+/)[0] ?? '';
  switch (word) {
    case 'invite':
      return { type: 'invite', name };
    case 'kick':
      return { type: 'kick', name };
    case 'leave':
      return { type: 'leave' };
    case 'accept':
    case 'decline':
      return { type: 'answer', from: name, accept: word === 'accept' };
    default:
      return { type: 'say', text: cleanChat(rest) };
  }
}

/** Every this many rounds the players in no party are looked up too (news of a change may have been lost). */
const FULL_ROUND = 5;

export class PartyLink {
  /** The Party message each player here was last sent (as JSON), so only changes go out. */
  private readonly sent = new Map<string, string>();
  /** Who invited each player here (newest last), for `/accept` with no name. */
  private readonly offers = new Map<string, string[]>();
  private round = 0;

  constructor(private readonly link: WorldLink) {}

  private get parties(): WorldLink['realm']['parties'] {
    return this.link.realm.parties;
  }

  /** A chat line that is a party command: true when it was one (it is not said aloud). */
  command(player: Player, text: string): boolean {
    const parsed = parsePartyCommand(text);
    if (!parsed) return false;
    const run = parsed.type === 'say' ? this.say(player, parsed.text) : this.act(player, parsed);
    run.catch((err: Error) => this.notice(player, err.message));
    return true;
  }

  intent(player: Player, intent: PartyIntent): void {
    this.act(player, intent).catch((err: Error) => this.notice(player, err.message));
  }

  entered(player: Player): void {
    // Nothing here may reject unhandled (it would end the process): with Redis down the party waits.
    this.parties
      .report(this.status(player))
      .then(() => this.refresh(player))
      .catch(() => {});
  }

  left(player: Player): void {
    this.sent.delete(player.key);
    this.offers.delete(player.key);
    player.party = '';
    void this.parties.offline(player.name, this.link.info.id).catch(() => {});
  }

  /** Once a second: members report where they are and how they are, and hear of their party's changes. */
  async chores(): Promise<void> {
    const all = ++this.round % FULL_ROUND === 0;
    const players = [...this.link.world.players.values()].filter(
      (p) => all || p.party !== '' || this.sent.has(p.key),
    );
    // One whose connection was lost (waiting for its client) shows as away, and its party grace runs.
    for (const p of players) {
      if (p.party === '') continue;
      if (p.away) await this.parties.offline(p.name, this.link.info.id);
      else await this.parties.report(this.status(p));
    }
    for (const p of players) {
      // Its client is away: what it is sent now is dropped, so it is sent its party afresh once back.
      if (p.away) this.sent.delete(p.key);
      else await this.refresh(p);
    }
  }

  heard(message: BusMessage): void {
    const roster = this.link.roster;
    switch (message.type) {
      case 'partyInvite': {
        const target = roster.find(message.to);
        if (!target) return;
        const offers = this.offers.get(target.key) ?? [];
        this.offers.set(target.key, [...offers.filter((n) => n !== message.from), message.from]);
        this.link.world.tell(target, [Op.PartyInvite, message.from, message.seconds]);
        return;
      }
      case 'inviteEnded': {
        const target = roster.find(message.to);
        if (!target) return;
        this.dropOffer(target, message.from);
        this.link.world.tell(target, [Op.InviteEnded, message.from]);
        return;
      }
      case 'partyNews':
        for (const item of message.items) {
          const target = roster.find(item.to);
          if (!target) continue;
          for (const text of item.notices) this.notice(target, text);
          if (item.refresh) this.refresh(target).catch(() => {});
        }
        return;
      case 'partyLine':
        for (const to of message.to) {
          const target = roster.find(to);
          if (target) this.link.world.tell(target, [Op.PartyLine, message.from, message.text]);
        }
        return;
      default:
        return;
    }
  }

  /** Tells a change to everyone it concerns, in whatever world they play: its news, and their new party. */
  async announce(change: PartyChange): Promise<void> {
    const items = new Map<string, { to: string; notices: string[]; refresh: boolean }>();
    const item = (to: string) => {
      let found = items.get(to);
      if (!found) items.set(to, (found = { to, notices: [], refresh: false }));
      return found;
    };
    for (const news of change.news) for (const to of news.to) item(to).notices.push(news.text);
    for (const name of change.affected) item(name).refresh = true;
    const byWorld = await this.worldsOf([...items.keys()]);
    await Promise.all(
      [...byWorld].map(([world, names]) =>
        this.link.realm.bus.publish(world, { type: 'partyNews', items: names.map((n) => items.get(n)!) }),
      ),
    );
  }

  /** An invitation lapsed: the inviter hears so, and the invitee's prompt closes. */
  async lapsed({ from, to }: Invitation): Promise<void> {
    const worlds = await this.worldsOf([from, to]);
    for (const [world, names] of worlds) {
      if (names.includes(to)) await this.link.realm.bus.publish(world, { type: 'inviteEnded', from, to });
      if (names.includes(from)) {
        const items = [{ to: from, notices: [`${to} did not answer your invitation.`], refresh: false }];
        await this.link.realm.bus.publish(world, { type: 'partyNews', items });
      }
    }
  }

  private async act(player: Player, intent: PartyIntent): Promise<void> {
    switch (intent.type) {
      case 'invite':
        return this.invite(player, intent.name);
      case 'answer':
        return this.answer(player, intent.from, intent.accept);
      case 'leave':
        return this.settle(player, await this.parties.leave(player.name));
      case 'kick':
        if (!intent.name) return this.notice(player, 'To send someone out of your party, type /kick Name.');
        return this.settle(player, await this.parties.kick(player.name, intent.name));
    }
  }

  private async invite(player: Player, name: string): Promise<void> {
    if (!name) return this.notice(player, 'To invite someone to your party, type /invite Name.');
    // Each invitation puts a prompt on someone else's screen: as rate-limited as chat lines.
    const tooFast = chatRefusal(this.link.world, player, '');
    if (tooFast) return this.notice(player, tooFast);
    const found = await this.link.realm.directory.find(name);
    if (!found) return this.notice(player, `No one called ${name.slice(0, 20)} is playing now.`);
    // The registry is this process's (parties.ts): a world run by another process cannot see it yet.
    if (!this.parties.realmWide && !this.link.realm.runs.has(found.world))
      return this.notice(
        player,
        `${found.name} plays on another server of the realm; parties reach only this one's worlds for now.`,
      );
    const sent = await this.parties.invite(this.status(player), found.name);
    if (!sent.ok) return this.notice(player, sent.refusal);
    const seconds = INVITE_MS / 1000;
    await this.link.realm.bus.publish(found.world, {
      type: 'partyInvite',
      from: player.name,
      to: found.name,
      seconds,
    });
    this.notice(player, `You invited ${found.name} to your party.`);
  }

  private async answer(player: Player, from: string, accept: boolean): Promise<void> {
    const name = from || this.offers.get(player.key)?.at(-1) || '';
    if (!name) return this.notice(player, 'There is no invitation to answer.');
    this.dropOffer(player, name);
    if (accept && !(await this.link.realm.directory.find(name)))
      return this.notice(player, `${name.slice(0, 20)} is no longer playing.`);
    const outcome = await this.parties.answer(this.status(player), name, accept);
    if (!this.link.world.players.has(player.id)) return;
    this.link.world.tell(player, [Op.InviteEnded, name]);
    return this.settle(player, outcome);
  }

  /** `/p text`: a line for every member, in any world (the speaker's own copy is its echo). */
  private async say(player: Player, text: string): Promise<void> {
    if (!text) return this.notice(player, 'To talk to your party, type /p and what to say.');
    const refused = chatRefusal(this.link.world, player, text);
    if (refused) return this.notice(player, refused);
    const party = await this.parties.partyOf(player.name);
    if (!party) return this.notice(player, 'You are not in a party: /invite Name to make one.');
    const worlds = await this.worldsOf(party.members.map((m) => m.name));
    await Promise.all(
      [...worlds].map(([world, to]) =>
        this.link.realm.bus.publish(world, { type: 'partyLine', from: player.name, to, text }),
      ),
    );
  }

  private async settle(player: Player, outcome: PartyOutcome): Promise<void> {
    if (!outcome.ok) return this.notice(player, outcome.refusal);
    await this.announce(outcome);
  }

  /** Sends the player its party (or that it has none) if that changed since it was last sent. */
  private async refresh(player: Player): Promise<void> {
    const party = await this.parties.partyOf(player.name);
    if (this.link.world.players.get(player.id) !== player) return; // it left meanwhile
    player.party = party?.id ?? '';
    const msg: PartyMsg = party
      ? [
          Op.Party,
          party.leader,
          party.members.map((m) => [
            m.name,
            m.world,
            m.map,
            m.level,
            m.hp,
            m.maxHp,
            m.x,
            m.y,
            m.online ? 1 : 0,
          ]),
        ]
      : [Op.Party, '', []];
    const key = JSON.stringify(msg);
    const before = this.sent.get(player.key);
    if (before === key || (!party && before === undefined)) return;
    if (party) this.sent.set(player.key, key);
    else this.sent.delete(player.key);
    this.link.world.tell(player, msg);
  }

  /** The names that play now, grouped by the world they play in (those not playing are left out). */
  private async worldsOf(names: readonly string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    for (const name of new Set(names)) {
      const found = await this.link.realm.directory.find(name);
      if (!found) continue;
      out.set(found.world, [...(out.get(found.world) ?? []), name]);
    }
    return out;
  }

  private status(p: Player): MemberStatus {
    const { id, map } = this.link.info;
    return { name: p.name, world: id, map, level: p.level, hp: p.hp, maxHp: p.maxHp, x: p.x, y: p.y };
  }

  private dropOffer(player: Player, from: string): void {
    const offers = this.offers.get(player.key);
    if (offers)
      this.offers.set(
        player.key,
        offers.filter((n) => n.toLowerCase() !== from.toLowerCase()),
      );
  }

  private notice(player: Player, text: string): void {
    if (this.link.world.players.get(player.id) === player) this.link.world.tell(player, [Op.Notice, text]);
  }
}
