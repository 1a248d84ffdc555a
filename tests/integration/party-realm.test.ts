// A party across the worlds of one realm (one server process, three worlds): an invitation from one shard
// to the other, party chat both ways, the party frame's news of where each member plays, a member who
// goes through a portal staying in the party and showing up in the new world, and leaving from there.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/protocol/ops.ts';
import type { PartyMember } from '../../shared/protocol/view.ts';
import type { ServerProcess } from '../../tools/server-process.ts';
import type { BotClient } from '../../tools/bots/bot-client.ts';
import { follow, joinWorld, type RealmBot } from '../support/realm-bots.ts';
import type { RealmFixture } from '../support/realm-fixture.ts';
import { startRealmServer, type RealmServer } from '../support/realm-server.ts';

let realm: RealmServer;
let fixture: RealmFixture;
let server: ServerProcess;
let bots: BotClient[];

beforeAll(async () => {
  realm = await startRealmServer();
  ({ fixture, server, bots } = realm);
}, 30_000);

afterAll(() => realm?.stop());

interface Member extends RealmBot {
  lines: { from: string; text: string }[];
  invites: string[];
  party: PartyMember[] | null;
}

function member(b: RealmBot): Member {
  bots.push(b.bot);
  const m: Member = { ...b, lines: [], invites: [], party: null };
  b.bot.on((e) => {
    if (e.type === 'partyLine') m.lines.push({ from: e.from, text: e.text });
    else if (e.type === 'partyInvite') m.invites.push(e.from);
    else if (e.type === 'party') m.party = e.members;
  });
  return m;
}

async function joined(world: string, name: string): Promise<Member> {
  const b = await joinWorld(server.wsUrl, world, name);
  await b.bot.waitForWelcome(5000);
  return member(b);
}

const where = (m: Member, name: string): PartyMember | undefined => m.party?.find((p) => p.name === name);

describe('a party across worlds', () => {
  let ann: Member, bob: Member;

  it('forms between two shards: each sees the other in its world', async () => {
    ann = await joined('field-1', 'Ann');
    bob = await joined('field-2', 'Bob');
    ann.bot.chat('/invite Bob');
    await bob.bot.waitFor(() => bob.invites.includes('Ann'), 3000, 'the invitation in field-2');
    bob.bot.chat('/accept');
    await ann.bot.waitFor(() => where(ann, 'Bob') !== undefined, 3000, 'Bob in Ann’s party');
    await bob.bot.waitFor(() => where(bob, 'Ann') !== undefined, 3000, 'Ann in Bob’s party');
    expect(where(ann, 'Bob')).toMatchObject({ world: 'field-2', map: fixture.field, online: true });
    expect(where(bob, 'Ann')).toMatchObject({ world: 'field-1', map: fixture.field, online: true });
    expect(ann.heard.notices).toContain('Bob joined the party.');
  });

  it('party chat crosses worlds both ways', async () => {
    ann.bot.chat('/p hello from the first field');
    await bob.bot.waitFor(() => bob.lines.length === 1, 3000, 'the line in field-2');
    expect(bob.lines).toEqual([{ from: 'Ann', text: 'hello from the first field' }]);
    bob.bot.chat('/party and hello back');
    await ann.bot.waitFor(() => ann.lines.some((l) => l.from === 'Bob'), 3000, 'the answer in field-1');
    expect(ann.lines).toEqual([
      { from: 'Ann', text: 'hello from the first field' },
      { from: 'Bob', text: 'and hello back' },
    ]);
  });

  it('a member who takes a portal stays in the party; both are told where it plays now', async () => {
    const token = bob.bot.token!;
    bob.bot.walkTo(fixture.fieldPortal.x, fixture.fieldPortal.y);
    await bob.bot.waitFor(() => bob.bot.transfer !== null, 8000, 'the transfer');
    expect(await bob.bot.waitForClose()).toMatchObject({ code: CloseCode.Transfer });
    bob = member(await follow(bob, token));
    expect(bob.bot.view.world).toBe('cave');
    // Its party came in the new world's first frames (the view keeps it).
    const inCave = () => bob.bot.view.party.find((p) => p.name === 'Bob')?.world === 'cave';
    await bob.bot.waitFor(inCave, 4000, 'Bob’s own party in the cave');
    await ann.bot.waitFor(() => where(ann, 'Bob')?.world === 'cave', 4000, 'Ann told Bob is in the cave');
    expect(where(ann, 'Bob')).toMatchObject({ map: fixture.cave, online: true });
    bob.bot.chat('/p in the cave now');
    await ann.bot.waitFor(
      () => ann.lines.some((l) => l.text === 'in the cave now'),
      3000,
      'a line from the cave',
    );
  });

  it('leaving from another world disbands a party of two, and both hear it', async () => {
    bob.bot.chat('/leave');
    await ann.bot.waitFor(() => ann.party?.length === 0, 3000, 'Ann in no party');
    await bob.bot.waitFor(() => bob.party?.length === 0, 3000, 'Bob in no party');
    expect(ann.heard.notices).toContain('Bob left the party. The party is disbanded.');
  });
});
