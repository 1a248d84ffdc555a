import { describe, expect, it } from 'vitest';
import { ChatLines, kindOfNotice } from './chat-log.ts';

describe('the chat log', () => {
  it('40 kills do not push out "Level 2!" nor what someone said', () => {
    const log = new ChatLines();
    log.add('chat', 'Ada', 'Rats ahead!');
    log.add(kindOfNotice('Level 2! You feel stronger.'), '', 'Level 2! You feel stronger.');
    for (let i = 0; i < 40; i++) {
      log.add(kindOfNotice('You defeated a rat.'), '', 'You defeated a rat.');
      log.add(kindOfNotice('You picked up a small potion.'), '', 'You picked up a small potion.');
    }
    const texts = log.shown().map((l) => l.text);
    expect(texts).toContain('Level 2! You feel stronger.');
    expect(texts).toContain('Rats ahead!');
    expect(texts.filter((t) => t === 'You defeated a rat.').length).toBeLessThan(40);
  });

  it('counts a line said again straight after instead of repeating it', () => {
    const log = new ChatLines();
    log.add('game', '', 'You defeated a rat.');
    const again = log.add('game', '', 'You defeated a rat.');
    expect(again.repeated).toBe(true);
    expect(log.shown()).toHaveLength(1);
    expect(log.shown()[0]!.times).toBe(2);
    log.add('chat', 'Ada', 'hi');
    expect(log.add('game', '', 'You defeated a rat.').repeated).toBe(false);
  });

  it('drops the oldest line of the same kind and says which', () => {
    const log = new ChatLines({ chat: 2, whisper: 2, party: 2, npc: 2, game: 2, milestone: 2 });
    const first = log.add('game', '', 'one').line;
    log.add('chat', 'Ada', 'hi');
    log.add('game', '', 'two');
    const { dropped } = log.add('game', '', 'three');
    expect(dropped).toEqual([first]);
    expect(log.shown().map((l) => l.text)).toEqual(['hi', 'two', 'three']);
  });

  it('filters: the chat tab shows people, the game tab shows events', () => {
    const log = new ChatLines();
    log.add('chat', 'Ada', 'hello');
    log.add('npc', 'Maren', 'Welcome.');
    log.add('game', '', 'You defeated a rat.');
    log.add('milestone', '', 'Slain by a wolf, level 6');
    expect(log.shown('chat').map((l) => l.text)).toEqual(['hello', 'Welcome.']);
    expect(log.shown('game').map((l) => l.text)).toEqual(['You defeated a rat.', 'Slain by a wolf, level 6']);
  });

  it('knows milestones from routine notices', () => {
    expect(kindOfNotice('Level 3! You feel stronger.')).toBe('milestone');
    expect(kindOfNotice('Checkpoint reached.')).toBe('milestone');
    expect(kindOfNotice('You defeated a wolf.')).toBe('game');
    expect(kindOfNotice('You picked up a short sword.')).toBe('game');
  });
});
