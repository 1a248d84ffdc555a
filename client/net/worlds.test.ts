import { describe, expect, it } from 'vitest';
import { defaultWorld, parseWorldList, pickable, startWorlds, type WorldEntry } from './worlds.ts';

const world = (
  id: string,
  players: number,
  maxPlayers = 100,
  more: Partial<WorldEntry> = {},
): WorldEntry => ({
  id,
  title: id,
  map: 'maps/world.tmj',
  players,
  maxPlayers,
  state: players >= maxPlayers ? 'full' : 'up',
  ...more,
});

describe('defaultWorld', () => {
  it('picks the last choice when it can still be picked', () => {
    expect(defaultWorld([world('a', 10), world('b', 50)], 'b')).toBe('b');
  });

  it('passes over a last choice that is now full, down or gone', () => {
    const worlds = [world('a', 100), world('b', 40), world('c', 10, 100, { state: 'down' }), world('d', 30)];
    expect(defaultWorld(worlds, 'a')).toBe('b');
    expect(defaultWorld(worlds, 'c')).toBe('b');
    expect(defaultWorld(worlds, 'gone')).toBe('b');
  });

  it('sends a newcomer where people already play, not to an empty shard', () => {
    expect(defaultWorld([world('a', 0), world('b', 1)], null)).toBe('b');
    expect(defaultWorld([world('a', 3), world('b', 0)], null)).toBe('a');
  });

  it('spills over to the least full once the fuller worlds are busy', () => {
    expect(defaultWorld([world('a', 80), world('b', 60)], null)).toBe('b');
    expect(defaultWorld([world('a', 90), world('b', 80)], null)).toBe('b');
  });

  it('weighs by share of room, not head count, and breaks ties by list order', () => {
    expect(defaultWorld([world('big', 50, 200), world('small', 20, 40)], null)).toBe('small');
    expect(defaultWorld([world('big', 100, 200), world('small', 30, 40)], null)).toBe('big');
    expect(defaultWorld([world('a', 5), world('b', 5)], null)).toBe('a');
    expect(defaultWorld([world('b', 5), world('a', 5)], null)).toBe('b');
  });

  it('has nothing to pick when every world is full (plain /ws lets the server say why)', () => {
    expect(defaultWorld([world('a', 100), world('b', 3, 3)], 'a')).toBe('');
    expect(defaultWorld([], null)).toBe('');
  });
});

describe('parseWorldList', () => {
  it("reads the server list, offering only the start map's worlds", () => {
    const list = parseWorldList({
      total: 7,
      start: 'maps/world.tmj',
      worlds: [
        {
          id: 'emberfall-1',
          title: 'Emberfall I',
          map: 'maps/world.tmj',
          players: 5,
          maxPlayers: 200,
          state: 'up',
        },
        { id: 'isle', title: 'The Isle', map: 'maps/isle.tmj', players: 2, maxPlayers: 50, state: 'up' },
        {
          id: 'emberfall-2',
          title: 'Emberfall II',
          map: 'maps/world.tmj',
          players: 9,
          maxPlayers: 9,
          state: 'full',
        },
      ],
    });
    expect(list.total).toBe(7);
    expect(startWorlds(list).map((w) => w.id)).toEqual(['emberfall-1', 'emberfall-2']);
    expect(startWorlds(list).map(pickable)).toEqual([true, false]);
  });

  it("without a start map, offers the first world's map", () => {
    const list = parseWorldList({
      worlds: [
        { id: 'a', map: 'maps/x.tmj', players: 0, maxPlayers: 1 },
        { id: 'b', map: 'maps/y.tmj', players: 0, maxPlayers: 1 },
      ],
    });
    expect(list.total).toBe(0);
    expect(startWorlds(list).map((w) => w.id)).toEqual(['a']);
    expect(list.worlds[0]!.title).toBe('a');
    expect(list.worlds[0]!.state).toBe('up');
  });

  it('names the entry and field that are wrong', () => {
    expect(() => parseWorldList({ worlds: {} })).toThrow('GET /worlds: "worlds" must be an array');
    expect(() => parseWorldList({ worlds: [{ map: 'm' }] })).toThrow(
      'worlds[0]: "id" must be a non-empty string',
    );
    expect(() => parseWorldList({ worlds: [{ id: 'a', map: 'm', players: 'many', maxPlayers: 2 }] })).toThrow(
      'worlds[0] (a): "players" and "maxPlayers" must be numbers',
    );
    expect(() => parseWorldList('<html>')).toThrow('expected a JSON object');
  });
});
