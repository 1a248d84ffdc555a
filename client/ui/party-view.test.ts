import { describe, expect, it } from 'vitest';
import type { PartyMember } from '../../shared/protocol/view.ts';
import { partyMarks, partyRows } from './party-view.ts';
import { ChatLines, shownBy } from './chat-log.ts';

const member = (name: string, over: Partial<PartyMember> = {}): PartyMember => ({
  name,
  world: 'field-1',
  map: 'maps/world.tmj',
  level: 2,
  hp: 30,
  maxHp: 40,
  x: 5,
  y: 6,
  online: true,
  ...over,
});

const titles = (id: string) => ({ cave: 'The Cave' })[id] ?? id;

describe('the party frame', () => {
  it('shows every member but us, the leader marked, HP as a share, and where the others play', () => {
    const members = [
      member('Ada'),
      member('Bram', { world: 'cave', hp: 10 }),
      member('Cole', { online: false }),
      member('Dee', { hp: 99, maxHp: 40 }),
    ];
    const rows = partyRows(members, 'ada', { name: 'BRAM', world: 'field-1' }, titles);
    expect(rows.map((r) => [r.name, r.leader, r.where, r.hpShare])).toEqual([
      ['Ada', true, '', 0.75],
      ['Cole', false, 'away', 0.75],
      ['Dee', false, '', 1],
    ]);
    expect(rows[0]!.hpText).toBe('30 / 40');
    const fromAda = partyRows(members, 'Ada', { name: 'Ada', world: 'field-1' }, titles);
    expect(fromAda[0]).toMatchObject({ name: 'Bram', where: 'in The Cave', hpShare: 0.25 });
  });

  it('puts on the minimap the other members playing now, on their own maps', () => {
    const members = [
      member('Ada'),
      member('Bram', { map: 'maps/cave.tmj', x: 1 }),
      member('Cole', { online: false }),
    ];
    expect(partyMarks(members, 'ada')).toEqual([{ label: 'Bram', map: 'maps/cave.tmj', x: 1, y: 6 }]);
    expect(partyMarks([], 'ada')).toEqual([]);
  });
});

describe('party chat in the log', () => {
  it('shows on the Chat tab and is kept apart from a flood of kills', () => {
    expect(shownBy('chat', 'party')).toBe(true);
    expect(shownBy('game', 'party')).toBe(false);
    const log = new ChatLines();
    log.add('party', '[Party] Ada', 'to the well');
    for (let i = 0; i < 50; i++) log.add('game', '', `You defeated rat ${i}.`);
    expect(log.shown('chat').map((l) => l.text)).toEqual(['to the well']);
  });
});
