// Parties on a real server (127.0.0.1, port 0) with bot players: an invitation typed in chat and accepted
// with the op, both members told their party; kills near each other shared (XP split, a notice for the
// member), a member far off sharing nothing; party chat heard by members only; bad requests refused with
// a reason and changing nothing; leaving disbands a party of two.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encode, Op } from '../../shared/protocol/index.ts';
import type { PartyMember } from '../../shared/protocol/view.ts';
import { startServer, type GameServer } from '../../server/app.ts';
import { readConfig } from '../../server/config.ts';
import { consoleLog } from '../../server/log.ts';
import { adventureMap, mobKind, openRows, withMobs } from '../../server/sim/test-support.ts';
import { BotClient } from '../../tools/bots/bot-client.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** One blow kills it; 20 XP alone. */
const prey = mobKind('prey', { hp: 1, xp: 20, weapon: 1, respawnSeconds: 600 });

/** 44×16 open ground: everyone spawns on (5, 8); two prey 5 tiles east. */
function partyMap() {
  return adventureMap(openRows(44, 16), [
    { id: 1, type: 'spawn', x: 5, y: 8 },
    { id: 2, type: 'mob', x: 10, y: 7, props: { kind: 'prey' } },
    { id: 3, type: 'mob', x: 10, y: 9, props: { kind: 'prey' } },
  ]);
}

interface Member {
  bot: BotClient;
  notices: string[];
  lines: { from: string; text: string }[];
  invites: string[];
  party: PartyMember[] | null;
}

let server: GameServer;
const bots: BotClient[] = [];

beforeAll(async () => {
  const config = readConfig({ PORT: '0', HOST: '127.0.0.1', SEED: '5' }, repoRoot);
  server = await startServer({ config, map: partyMap(), data: withMobs(prey), log: consoleLog(true) });
});

afterAll(async () => {
  await Promise.all(bots.map((b) => b.close()));
  await server?.close();
});

async function player(name: string, token = ''): Promise<Member> {
  const bot = await BotClient.connect({ url: `ws://127.0.0.1:${server.port}/ws`, name, token });
  bots.push(bot);
  const m: Member = { bot, notices: [], lines: [], invites: [], party: null };
  bot.on((e) => {
    if (e.type === 'notice') m.notices.push(e.text);
    else if (e.type === 'partyLine') m.lines.push({ from: e.from, text: e.text });
    else if (e.type === 'partyInvite') m.invites.push(e.from);
    else if (e.type === 'party') m.party = e.members;
  });
  await bot.waitForWelcome(3000);
  await bot.waitFor(() => bot.view.stats !== null, 2000, 'the first stats');
  return m;
}

const xp = (m: Member): number => m.bot.view.stats!.xp;
const names = (m: Member): string[] => (m.party ?? []).map((p) => p.name);
const noticed = (m: Member, text: string, what = text) =>
  m.bot.waitFor(
    () => m.notices.includes(text),
    3000,
    `${m.bot.view.entities.get(m.bot.view.selfId)?.name} told "${what}"`,
  );
const mobs = (m: Member): number[] =>
  [...m.bot.view.entities.values()].filter((e) => e.type === 'mob').map((e) => e.id);

describe('a party of two bots', () => {
  let ada: Member, bram: Member, cole: Member;

  it('forms by /invite and an accepting AnswerInvite; both are sent the party, nobody else', async () => {
    [ada, bram, cole] = [await player('Ada'), await player('Bram'), await player('Cole')];
    ada.bot.chat('/invite bram');
    await bram.bot.waitFor(() => bram.invites.includes('Ada'), 3000, 'the invitation');
    // Ada's notice and Bram's invitation leave in the same tick, but each socket's write may wait a tick.
    await noticed(ada, 'You invited Bram to your party.');
    bram.bot.send(encode([Op.AnswerInvite, 'Ada', 1]));
    await ada.bot.waitFor(() => names(ada).length === 2, 3000, "Ada's party of two");
    await bram.bot.waitFor(() => names(bram).length === 2, 3000, "Bram's party of two");
    expect(names(ada)).toEqual(['Ada', 'Bram']);
    expect(ada.party![1]).toMatchObject({
      name: 'Bram',
      world: server.world.name,
      online: true,
      maxHp: bram.bot.view.stats!.maxHp,
    });
    expect(bram.notices).toContain('Bram joined the party.');
    expect(cole.party).toBeNull();
    // Chat commands are not said aloud.
    expect(server.world.players.size).toBe(3);
  });

  it('refuses what cannot be, with a reason, and the party stays as it was', async () => {
    ada.bot.chat('/invite Ada');
    await noticed(ada, 'You cannot invite yourself.');
    cole.bot.chat('/invite Nobody');
    await noticed(cole, 'No one called Nobody is playing now.');
    cole.bot.chat('/invite Ada');
    await noticed(cole, 'Ada is already in a party.');
    cole.bot.send(encode([Op.AnswerInvite, 'Ada', 1]));
    await noticed(cole, 'There is no invitation from Ada to answer (it may have lapsed).');
    bram.bot.chat('/invite Cole');
    await noticed(bram, 'Only Ada, who leads your party, can invite.');
    cole.bot.send(encode([Op.Kick, 'Bram']));
    await noticed(cole, 'You are not in a party.');
    expect(cole.invites).toEqual([]);
    expect(names(ada)).toEqual(['Ada', 'Bram']);
    expect(cole.party).toBeNull();
  });

  it('a kill beside a member is shared: 12 XP each of 20, a notice for the member, none for an outsider', async () => {
    const [a0, b0, c0] = [xp(ada), xp(bram), xp(cole)];
    const target = mobs(ada)[0]!;
    ada.bot.attack(target);
    await noticed(bram, 'Your party defeated a prey.');
    await ada.bot.waitFor(() => xp(ada) === a0 + 12, 3000, "Ada's share");
    await bram.bot.waitFor(() => xp(bram) === b0 + 12, 3000, "Bram's share");
    expect(ada.notices).toContain('You defeated a prey.');
    expect(xp(cole)).toBe(c0);
  });

  it('a member far from the kill shares none of it: the killer gets all', async () => {
    bram.bot.walkTo(26, 8);
    await bram.bot.waitFor(
      () => {
        const me = bram.bot.self;
        return me !== undefined && bram.bot.tileOf(me).x === 26;
      },
      8000,
      'Bram far east',
    );
    const [a0, b0] = [xp(ada), xp(bram)];
    const target = mobs(ada)[0]!;
    ada.bot.attack(target);
    await ada.bot.waitFor(() => xp(ada) === a0 + 20, 4000, 'all 20 XP to Ada');
    await new Promise((r) => setTimeout(r, 300));
    expect(xp(bram)).toBe(b0);
    // Bram is still a member, and the party frame follows him there (once a second).
    await ada.bot.waitFor(() => ada.party?.[1]?.x === 26, 3000, "Bram's place in Ada's party");
  });

  it('party chat reaches every member (its speaker too) and no one else', async () => {
    ada.bot.chat('/p meet at the well');
    await bram.bot.waitFor(() => bram.lines.length > 0, 3000, 'the party line');
    expect(bram.lines).toEqual([{ from: 'Ada', text: 'meet at the well' }]);
    await ada.bot.waitFor(() => ada.lines.length > 0, 3000, 'the echo');
    await new Promise((r) => setTimeout(r, 300));
    expect(cole.lines).toEqual([]);
    cole.bot.chat('/p anyone?');
    await noticed(cole, 'You are not in a party: /invite Name to make one.');
  });

  it('a member whose connection drops shows as away and, back in time, is in the party again', async () => {
    const token = bram.bot.token!;
    await bram.bot.drop();
    await ada.bot.waitFor(() => ada.party?.[1]?.online === false, 3000, 'Bram away in Ada’s party');
    expect(names(ada)).toEqual(['Ada', 'Bram']);
    bram = await player('Bram', token); // resumes the character waiting out its grace period
    await ada.bot.waitFor(() => ada.party?.[1]?.online === true, 3000, 'Bram back in Ada’s party');
    // Its new page is sent the party afresh: what was sent while it was away went nowhere.
    await bram.bot.waitFor(() => names(bram).length === 2, 3000, 'Bram told his party again');
  });

  it('leaving: the other is told, and both are sent no party (two make a party, one does not)', async () => {
    bram.bot.send(encode([Op.LeaveParty]));
    await noticed(ada, 'Bram left the party. The party is disbanded.');
    await ada.bot.waitFor(() => ada.party?.length === 0, 3000, 'Ada in no party');
    await bram.bot.waitFor(() => bram.party?.length === 0, 3000, 'Bram in no party');
    expect(bram.notices).toContain('You left the party.');
    expect([...server.world.players.values()].map((p) => p.party)).toEqual(['', '', '']);
  });

  it('a declined invitation tells the inviter; the declined player is in no party', async () => {
    ada.bot.chat('/invite Cole');
    await cole.bot.waitFor(() => cole.invites.includes('Ada'), 3000, 'the invitation');
    cole.bot.chat('/decline');
    await noticed(ada, 'Cole declined your invitation.');
    expect(cole.party).toBeNull();
  });
});
