import { describe, expect, it } from 'vitest';
import { World, type Player } from './sim/world.ts';
import { openMap } from './sim/test-support.ts';
import { Saver } from './saver.ts';
import { MemoryStore } from './store/memory-store.ts';
import { hashToken } from './store/tokens.ts';
import { newCharacter } from './sim/character.ts';
import type { Log } from './log.ts';

function setup() {
  const store = new MemoryStore();
  const lines: string[] = [];
  const log: Log = {
    info: (l) => lines.push(`info ${l}`),
    warn: (l) => lines.push(`warn ${l}`),
    error: (l) => lines.push(`error ${l}`),
  };
  let time = 0;
  const saver = new Saver({ store, log, now: () => time, wallClock: () => 5000 + time });
  const world = new World({ name: 'w', map: openMap(10, 10, 1, 1), seed: 1 });
  const join = async (name: string): Promise<Player> => {
    await store.create({ ...newCharacter(), name, createdAt: 1, lastSeenAt: 1 }, hashToken(name));
    const joined = world.join(name);
    if (!joined.ok) throw new Error(joined.reason);
    return joined.player;
  };
  return { store, lines, saver, world, join, advance: (ms: number) => (time += ms) };
}

describe('Saver', () => {
  it('writes only dirty players, with the time they were seen, and clears the mark', async () => {
    const { store, saver, world, join } = setup();
    const alice = await join('Alice');
    const bob = await join('Bob');
    bob.dirty = false;
    alice.xp = 77;
    saver.collect(world.players.values());
    expect(alice.dirty).toBe(false);
    expect(saver.backlog).toBe(1);
    expect(await saver.flush()).toBe(true);
    expect((await store.load('alice'))?.record).toMatchObject({ xp: 77, lastSeenAt: 5000 });
    expect((await store.load('bob'))?.record.lastSeenAt).toBe(1);
  });

  it('a failing store: one log line per kind of failure, the game goes on, retries back off, then it works', async () => {
    const { store, lines, saver, world, join, advance } = setup();
    const alice = await join('Alice');
    store.failing = Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    alice.xp = 1;
    saver.collect(world.players.values());
    expect(await saver.flush()).toBe(false);
    // Before the backoff is over nothing is tried; after it, the write fails again, quietly.
    expect(await saver.flush()).toBe(false);
    advance(1000);
    expect(await saver.flush()).toBe(false);
    advance(1500);
    expect(await saver.flush()).toBe(false); // backoff doubled to 2 s
    advance(600);
    expect(await saver.flush()).toBe(false);
    const errors = lines.filter((l) => l.startsWith('error'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /Could not save 1 character\(s\) to memory: database or disk is full \(SQLITE_FULL\)/,
    );
    // A new kind of failure is logged too.
    store.failing = Object.assign(new Error('readonly'), { code: 'SQLITE_READONLY' });
    advance(5000);
    await saver.flush();
    expect(lines.filter((l) => l.startsWith('error'))).toHaveLength(2);
    // Newer state replaces the queued copy; what is written in the end is the newest.
    alice.xp = 2;
    alice.dirty = true;
    saver.collect(world.players.values());
    expect(saver.pending('ALICE')?.xp).toBe(2);
    store.failing = null;
    advance(30_000);
    expect(await saver.flush()).toBe(true);
    expect((await store.load('alice'))?.record.xp).toBe(2);
    expect(lines.at(-1)).toMatch(/^info Saving works again: wrote 1 character/);
    expect(saver.pending('alice')).toBeUndefined();
  });

  it('a copy taken while a write is under way is kept for the next write', async () => {
    const { store, saver, world, join } = setup();
    const alice = await join('Alice');
    alice.xp = 1;
    saver.keep(alice);
    const first = saver.flush();
    alice.xp = 2;
    saver.keep(alice);
    expect(await first).toBe(false);
    expect(saver.backlog).toBe(1);
    expect(await saver.flush(true)).toBe(true);
    expect((await store.load('alice'))?.record.xp).toBe(2);
    expect(world.population).toBe(1);
  });
});
