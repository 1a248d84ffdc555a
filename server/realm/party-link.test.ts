// The party commands typed in chat, as the world reads them (the rest is in the integration tests).
import { describe, expect, it } from 'vitest';
import { parsePartyCommand } from './party-link.ts';

describe('party commands', () => {
  it('reads /invite, /kick, /leave, /accept, /decline and /p (or /party), in any case', () => {
    expect(parsePartyCommand('/invite Ada')).toEqual({ type: 'invite', name: 'Ada' });
    expect(parsePartyCommand('  /INVITE   Ada  extra')).toEqual({ type: 'invite', name: 'Ada' });
    expect(parsePartyCommand('/invite')).toEqual({ type: 'invite', name: '' });
    expect(parsePartyCommand('/kick Bo')).toEqual({ type: 'kick', name: 'Bo' });
    expect(parsePartyCommand('/leave')).toEqual({ type: 'leave' });
    expect(parsePartyCommand('/accept')).toEqual({ type: 'answer', from: '', accept: true });
    expect(parsePartyCommand('/decline Ada')).toEqual({ type: 'answer', from: 'Ada', accept: false });
    expect(parsePartyCommand('/p  to the   well ')).toEqual({ type: 'say', text: 'to the well' });
    expect(parsePartyCommand('/party hi')).toEqual({ type: 'say', text: 'hi' });
    expect(parsePartyCommand('/p')).toEqual({ type: 'say', text: '' });
  });

  it('leaves every other line alone: chat, whispers, look-alike words', () => {
    for (const line of ['hello', '/w Ada hi', '/players', '/pizza', '/leaves now', 'p hi', '/invited'])
      expect(parsePartyCommand(line)).toBeNull();
  });
});
