import { describe, expect, it } from 'vitest';
import { listOrder, listSummary, onlineText, whisperPrefix } from './player-list.ts';
import { ChatLines, shownBy, whisperLine } from './chat-log.ts';

describe('the online count', () => {
  it("says this world's count beside the realm's, or one number when they are the same", () => {
    expect(onlineText(3, 12)).toBe('3 here · 12 online');
    expect(onlineText(4, 4)).toBe('4 online');
  });
});

describe('whispers', () => {
  it('start from a name in the list as the chat command the server reads', () => {
    expect(whisperPrefix('Ada')).toBe('/w Ada ');
  });

  it('are logged as to or from, by our own name in any case', () => {
    const mine = (name: string) => name.toLowerCase() === 'ada';
    expect(whisperLine({ from: 'ADA', to: 'Bob', text: 'hi' }, mine)).toEqual({
      speaker: 'To Bob',
      text: 'hi',
    });
    expect(whisperLine({ from: 'Bob', to: 'Ada', text: 'yo' }, mine)).toEqual({
      speaker: 'From Bob',
      text: 'yo',
    });
  });

  it('show on the Chat tab, and a flood of kills does not push them out', () => {
    expect(shownBy('chat', 'whisper')).toBe(true);
    expect(shownBy('game', 'whisper')).toBe(false);
    const log = new ChatLines();
    log.add('whisper', 'From Bob', 'meet at the well');
    for (let i = 0; i < 50; i++) log.add('game', '', `You defeated rat ${i}.`);
    expect(log.shown('chat').map((l) => l.text)).toEqual(['meet at the well']);
  });
});

describe('the player list', () => {
  it("lists this world's players first, then the others by world, each by name", () => {
    const { here, elsewhere } = listOrder(
      [
        ['Zed', 'field-1', 3],
        ['Ann', 'cave', 2],
        ['Bob', 'field-1', 1],
        ['Cy', 'field-2', 5],
        ['Al', 'field-2', 4],
      ],
      'field-1',
    );
    expect(here.map((p) => p[0])).toEqual(['Bob', 'Zed']);
    expect(elsewhere.map((p) => p[0])).toEqual(['Ann', 'Al', 'Cy']);
  });

  it("says this world's count and the realm's total", () => {
    expect(listSummary(2, 5, 5)).toBe('2 in this world · 5 in the realm');
    expect(listSummary(2, 300, 200)).toBe('2 in this world · 300 in the realm (first 200 shown)');
  });
});
