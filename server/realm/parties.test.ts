// The party rules: invitations (and what is refused), accepting and declining, leaving, the leader's
// powers and succession, the size limit, lapsed invitations and the grace a member gets when it goes.
import { describe, expect, it } from 'vitest';
import { INVITE_MS, MemoryParties, PARTY_GRACE_MS, PARTY_MAX, type MemberStatus } from './parties.ts';

function at(name: string, world = 'w1'): MemberStatus {
  return { name, world, map: 'maps/world.tmj', level: 1, hp: 10, maxHp: 10, x: 1, y: 2 };
}

function setup(): { parties: MemoryParties; clock: { t: number } } {
  const clock = { t: 1000 };
  return { parties: new MemoryParties(() => clock.t), clock };
}

async function pair(parties: MemoryParties, leader: string, member: string): Promise<void> {
  expect(await parties.invite(at(leader), member)).toEqual({ ok: true, to: member });
  expect((await parties.answer(at(member), leader, true)).ok).toBe(true);
}

const names = async (parties: MemoryParties, who: string): Promise<string[] | undefined> =>
  (await parties.partyOf(who))?.members.map((m) => m.name);

describe('parties', () => {
  it('an accepted invitation makes a party led by the inviter; both see it, in the order they joined', async () => {
    const { parties } = setup();
    await parties.invite(at('Ada'), 'Bo');
    const joined = await parties.answer(at('Bo', 'w2'), 'ada', true); // names in any case
    expect(joined).toMatchObject({ ok: true, affected: ['Ada', 'Bo'] });
    expect(joined.ok && joined.news).toEqual([{ to: ['Ada', 'Bo'], text: 'Bo joined the party.' }]);
    const party = await parties.partyOf('bo');
    expect(party).toMatchObject({ leader: 'Ada' });
    expect(party!.members.map((m) => [m.name, m.world, m.online])).toEqual([
      ['Ada', 'w1', true],
      ['Bo', 'w2', true],
    ]);
    expect(await parties.partyOf('Cy')).toBeNull();
  });

  it('refuses bad invitations with a reason and changes nothing', async () => {
    const { parties } = setup();
    await pair(parties, 'Ada', 'Bo');
    const refusal = async (from: string, to: string) => {
      const r = await parties.invite(at(from), to);
      return r.ok ? 'sent' : r.refusal;
    };
    expect(await refusal('Cy', 'Cy')).toBe('You cannot invite yourself.');
    expect(await refusal('Cy', 'Bo')).toBe('Bo is already in a party.');
    expect(await refusal('Bo', 'Cy')).toBe('Only Ada, who leads your party, can invite.');
    expect(await names(parties, 'Ada')).toEqual(['Ada', 'Bo']);
    expect(await parties.partyOf('Cy')).toBeNull();
    // Nothing was sent to Cy by any of those: there is nothing to accept.
    const none = await parties.answer(at('Cy'), 'Bo', true);
    expect(none).toEqual({
      ok: false,
      refusal: 'There is no invitation from Bo to answer (it may have lapsed).',
    });
  });

  it('holds at most PARTY_MAX, counting invitations still open', async () => {
    const { parties } = setup();
    const others = ['B1', 'B2', 'B3', 'B4', 'B5'];
    for (const n of others.slice(0, PARTY_MAX - 1))
      expect((await parties.invite(at('Ada'), n)).ok).toBe(true);
    expect(await parties.invite(at('Ada'), 'B5')).toMatchObject({ ok: false });
    // Asking one of them again is no new seat.
    expect((await parties.invite(at('Ada'), 'B1')).ok).toBe(true);
    for (const n of others.slice(0, PARTY_MAX - 1)) await parties.answer(at(n), 'Ada', true);
    expect(await names(parties, 'Ada')).toHaveLength(PARTY_MAX);
    expect(await parties.invite(at('Ada'), 'B5')).toMatchObject({
      ok: false,
      refusal: `Your party is full (at most ${PARTY_MAX}, invitations waiting included).`,
    });
  });

  it('a full party refuses a late accept; someone in a party cannot accept another', async () => {
    const { parties } = setup();
    await parties.invite(at('Ada'), 'Bo');
    await parties.invite(at('Cy'), 'Bo');
    await parties.answer(at('Bo'), 'Ada', true);
    // Bo's other invitation went when Bo joined Ada's party.
    expect(await parties.answer(at('Bo'), 'Cy', true)).toMatchObject({ ok: false });
    await parties.invite(at('Dee'), 'Eve');
    await pair(parties, 'Fay', 'Dee'); // Dee joins Fay's party; Eve's invitation from Dee stands
    for (const n of ['G1', 'G2', 'G3']) await pair(parties, 'Fay', n);
    expect(await parties.answer(at('Eve'), 'Dee', true)).toEqual({
      ok: false,
      refusal: "Dee's party is full.",
    });
    expect(await parties.partyOf('Eve')).toBeNull();
  });

  it('a declined invitation tells the inviter and forms nothing', async () => {
    const { parties } = setup();
    await parties.invite(at('Ada'), 'Bo');
    const declined = await parties.answer(at('Bo'), 'Ada', false);
    expect(declined).toEqual({
      ok: true,
      party: null,
      affected: [],
      news: [{ to: ['Ada'], text: 'Bo declined your invitation.' }],
    });
    expect(await parties.partyOf('Ada')).toBeNull();
    expect(await parties.answer(at('Bo'), 'Ada', true)).toMatchObject({ ok: false }); // answered already
  });

  it('an invitation lapses after INVITE_MS: the sweep reports it once and it can no longer be accepted', async () => {
    const { parties, clock } = setup();
    await parties.invite(at('Ada'), 'Bo');
    clock.t += INVITE_MS - 1;
    expect((await parties.sweep()).lapsed).toEqual([]);
    clock.t += 1;
    expect((await parties.sweep()).lapsed).toEqual([{ from: 'Ada', to: 'Bo' }]);
    expect((await parties.sweep()).lapsed).toEqual([]);
    expect(await parties.answer(at('Bo'), 'Ada', true)).toMatchObject({ ok: false });
  });

  it('leaving: the next member leads when the leader goes; the last one left disbands the party', async () => {
    const { parties } = setup();
    await pair(parties, 'Ada', 'Bo');
    await pair(parties, 'Ada', 'Cy');
    const left = await parties.leave('Ada');
    expect(left).toMatchObject({ ok: true, party: { leader: 'Bo' }, affected: ['Ada', 'Bo', 'Cy'] });
    expect(left.ok && left.news).toEqual([
      { to: ['Ada'], text: 'You left the party.' },
      { to: ['Bo', 'Cy'], text: 'Ada left the party. Bo leads now.' },
    ]);
    expect(await parties.partyOf('Ada')).toBeNull();
    const last = await parties.leave('Cy');
    expect(last).toMatchObject({ ok: true, party: null });
    expect(last.ok && last.news[1]).toEqual({
      to: ['Bo'],
      text: 'Cy left the party. The party is disbanded.',
    });
    expect(await parties.partyOf('Bo')).toBeNull();
    expect(await parties.leave('Bo')).toEqual({ ok: false, refusal: 'You are not in a party.' });
  });

  it('only the leader kicks, and not itself; the kicked one is told', async () => {
    const { parties } = setup();
    await pair(parties, 'Ada', 'Bo');
    await pair(parties, 'Ada', 'Cy');
    expect(await parties.kick('Bo', 'Cy')).toMatchObject({
      ok: false,
      refusal: 'Only Ada, who leads, can do that.',
    });
    expect(await parties.kick('Ada', 'Ada')).toMatchObject({ ok: false });
    expect(await parties.kick('Ada', 'Zed')).toMatchObject({
      ok: false,
      refusal: 'Zed is not in your party.',
    });
    expect(await names(parties, 'Ada')).toEqual(['Ada', 'Bo', 'Cy']);
    const kicked = await parties.kick('Ada', 'cy');
    expect(kicked.ok && kicked.news[0]).toEqual({ to: ['Cy'], text: 'Ada removed you from the party.' });
    expect(await names(parties, 'Ada')).toEqual(['Ada', 'Bo']);
  });

  it('a member who goes stays for PARTY_GRACE_MS (shown offline), back in time keeps its place', async () => {
    const { parties, clock } = setup();
    await pair(parties, 'Ada', 'Bo');
    await pair(parties, 'Ada', 'Cy');
    await parties.offline('Bo', 'w2'); // a late leave from a world Bo is not in: nothing
    expect((await parties.partyOf('Bo'))!.members[1]!.online).toBe(true);
    await parties.offline('Bo', 'w1');
    expect((await parties.partyOf('Bo'))!.members[1]!.online).toBe(false);
    clock.t += PARTY_GRACE_MS / 2;
    await parties.report({ ...at('Bo', 'w2'), hp: 7, x: 9 }); // arrived in another world
    expect((await parties.partyOf('Ada'))!.members[1]).toMatchObject({
      online: true,
      world: 'w2',
      hp: 7,
      x: 9,
    });
    await parties.offline('Cy', 'w1');
    clock.t += PARTY_GRACE_MS;
    const { changes } = await parties.sweep();
    expect(changes.map((c) => c.news.at(-1)!.text)).toEqual([
      'Cy has been away too long and left the party.',
    ]);
    expect(await names(parties, 'Ada')).toEqual(['Ada', 'Bo']);
  });

  it('reports about someone in no party are ignored', async () => {
    const { parties } = setup();
    await parties.report(at('Ada'));
    await parties.offline('Ada', 'w1');
    expect(await parties.partyOf('Ada')).toBeNull();
    expect((await parties.sweep()).changes).toEqual([]);
  });
});
