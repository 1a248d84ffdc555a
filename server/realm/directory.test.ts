import { describe, expect, it } from 'vitest';
import { MemoryBus, type BusMessage } from './bus.ts';
import { MemoryDirectory } from './directory.ts';
import { parseWhisper } from './whispers.ts';

describe('MemoryDirectory', () => {
  it('keeps each character in one world, counts each world, and lists by name', async () => {
    const d = new MemoryDirectory();
    await d.enter({ name: 'Bea', world: 'a', level: 2 });
    await d.enter({ name: 'Al', world: 'a', level: 1 });
    await d.enter({ name: 'bea', world: 'b', level: 3 }); // the same character, moved on
    expect(await d.population()).toEqual({ a: 1, b: 1 });
    expect(await d.find('BEA')).toEqual({ name: 'bea', world: 'b', level: 3 });
    await d.leave('Bea', 'a'); // a late leave from the world it left changes nothing
    expect(await d.find('Bea')).not.toBeNull();
    expect(await d.list(1)).toEqual({ total: 2, players: [{ name: 'Al', world: 'a', level: 1 }] });
    await d.leave('Bea', 'b');
    expect(await d.population()).toEqual({ a: 1 });
  });
});

describe('MemoryBus', () => {
  it('delivers a copy to the addressed world only, later, until unsubscribed', async () => {
    const bus = new MemoryBus();
    const got: BusMessage[] = [];
    const stop = bus.subscribe('a', (m) => got.push(m));
    bus.subscribe('b', () => got.push({ type: 'release', name: 'wrong', by: 'b' }));
    const message: BusMessage = { type: 'release', name: 'Bea', by: 'b' };
    void bus.publish('a', message);
    expect(got).toEqual([]); // asynchronous, as a networked bus is
    await new Promise((r) => setTimeout(r, 0));
    expect(got).toEqual([message]);
    expect(got[0]).not.toBe(message);
    stop();
    await bus.publish('a', message);
    await new Promise((r) => setTimeout(r, 0));
    expect(got).toHaveLength(1);
  });
});

describe('parseWhisper', () => {
  it.each([
    ['/w Bea hi there', { to: 'Bea', text: 'hi there' }],
    ['/whisper Bea  hi\tthere ', { to: 'Bea', text: 'hi there' }],
    ['/W Bea', { to: 'Bea', text: '' }],
    ['/w', { to: '', text: '' }],
    ['/wave', null],
    ['hello /w Bea', null],
  ])('%j', (line, parsed) => expect(parseWhisper(line)).toEqual(parsed));
});
