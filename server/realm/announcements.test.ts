import { describe, expect, it } from 'vitest';
import { announce, announcementText, ANNOUNCEMENT_MAX } from './announcements.ts';
import { MemoryBus, type Bus, type BusMessage } from './bus.ts';
import { CrossWorldUnavailable, SteadyBus } from './steady.ts';

describe('announcement text', () => {
  it('is cleaned of control characters and folded spaces', () => {
    expect(announcementText('  Restart\u0007 at\n\n20:00  ')).toEqual({ text: 'Restart at 20:00' });
  });

  it('refuses what is not one short line of text', () => {
    expect(announcementText(42)).toHaveProperty('refused');
    expect(announcementText(' \n ')).toEqual({ refused: 'The announcement is empty.' });
    expect(announcementText('x'.repeat(ANNOUNCEMENT_MAX))).toEqual({ text: 'x'.repeat(ANNOUNCEMENT_MAX) });
    expect(announcementText('x'.repeat(ANNOUNCEMENT_MAX + 1))).toHaveProperty('refused');
  });
});

describe('announce', () => {
  it('goes to every world of the realm over the bus', async () => {
    const bus = new MemoryBus();
    const heard: [string, BusMessage][] = [];
    for (const id of ['a', 'b', 'c']) bus.subscribe(id, (m) => heard.push([id, m]));
    expect(await announce(bus, ['a', 'b', 'c'], 'hello')).toEqual({ reached: ['a', 'b', 'c'], missed: [] });
    await Promise.resolve();
    expect(heard).toEqual(['a', 'b', 'c'].map((id) => [id, { type: 'announcement', text: 'hello' }]));
  });

  it('names the worlds nobody listened for (a process down, or not yet subscribed again)', async () => {
    const bus = new MemoryBus();
    const heard: string[] = [];
    bus.subscribe('b', () => heard.push('b'));
    expect(await announce(bus, ['a', 'b', 'c'], 'hello')).toEqual({ reached: ['b'], missed: ['a', 'c'] });
    await Promise.resolve();
    expect(heard).toEqual(['b']);
  });

  it('says it is unavailable when the bus cannot be reached', async () => {
    const down: Bus = {
      publish: () => Promise.reject(new Error('ECONNREFUSED')),
      subscribe: () => () => {},
    };
    await expect(announce(new SteadyBus(down), ['a'], 'hello')).rejects.toBeInstanceOf(CrossWorldUnavailable);
  });
});
