import { describe, expect, it } from 'vitest';
import { World, type Player } from './sim/world.ts';
import { LEASE_MS, Saver } from './saver.ts';
import { openMap } from './sim/test-support.ts';
import { MemoryStore } from './store/memory-store.ts';
import { hashToken } from './store/tokens.ts';
import { newCharacter } from './sim/character.ts';
import type { Log } from './log.ts';

function setup() {
  let time = 0;
  const store = new MemoryStore({ clock: () => 5000 + time });
  const lines: string[] = [];
  const log: Log = {
    info: (l) => lines.push(`info ${l}`),
    warn: (l) => lines.push(`warn ${l}`),
    error: (l) => lines.push(`error ${l}`),
  };
  const fencedOut: string[] = [];
  const saver = new Saver({
    store,
    log,
    now: () => time,
    wallClock: () => 5000 + time,
    map: 'maps/world.tmj',
    onFencedOut: (name) => fencedOut.push(name),
  });
  const world = new World({ name: 'w', map: openMap(10, 10, 1, 1), seed: 1 });
  /** Makes the character, claims it for world "w" as Characters does, and joins it. */
  const join = async (name: string): Promise<Player> => {
    const made = { ...newCharacter(), name, createdAt: 1, lastSeenAt: 1, map: '', shard: null };
    await store.create(made, hashToken(name));
    const claimed = await store.claim(name, 'w', saver.leaseMs);
    if (!claimed?.ok) throw new Error(`${name} could not be claimed`);
    saver.hold(name, claimed.lease);
    const joined = world.join(name);
    if (!joined.ok) throw new Error(joined.reason);
    return joined.player;
  };
  const advance = (ms: number) => (time += ms);
  return { store, lines, fencedOut, saver, world, join, advance };
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

  it('after a long outage, retries every few seconds, so the queued copy lands soon after the store is back', async () => {
    const { store, saver, world, join, advance } = setup();
    const alice = await join('Alice');
    store.failing = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    alice.xp = 5;
    saver.collect(world.players.values());
    // 100 s down, tried whenever the saver's chores would try (every second).
    for (let t = 0; t < 100; t++) {
      await saver.flush();
      advance(1000);
    }
    store.failing = null;
    advance(5000); // within seconds of its return, not the half minute a doubling backoff reaches
    expect(await saver.flush()).toBe(true);
    expect((await store.load('alice'))?.record.xp).toBe(5);
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

  it('a save refused (another world took the character) calls onFencedOut once and is never retried', async () => {
    const { store, lines, fencedOut, saver, world, join, advance } = setup();
    const alice = await join('Alice');
    const bob = await join('Bob');
    advance(LEASE_MS); // this world stalled past the lease
    const other = await store.claim('Alice', 'elsewhere', LEASE_MS);
    expect(other?.ok).toBe(true);
    alice.xp = 99;
    bob.xp = 5;
    saver.collect(world.players.values());
    expect(await saver.flush()).toBe(true); // nothing left to write: the refused copy is dropped
    expect(fencedOut).toEqual(['Alice']);
    expect(lines).toContain("warn Alice is played in another world now: this world's copy was not written.");
    expect((await store.load('alice'))?.record.xp).toBe(0);
    expect((await store.load('bob'))?.record.xp).toBe(5); // the rest of the batch is written
    // Alice stays in this world until the caller removes her; nothing of hers is written again.
    for (let i = 0; i < 5; i++) {
      alice.xp++;
      alice.dirty = true;
      saver.collect(world.players.values());
      advance(LEASE_MS);
      expect(await saver.flush(true)).toBe(true);
    }
    expect(fencedOut).toEqual(['Alice']);
    expect(saver.lease('Alice')).toBeUndefined();
    expect((await store.load('alice'))?.record.xp).toBe(0);
    expect(await saver.handOff(alice, { map: 'maps/isle.tmj', shard: null, x: 1, y: 1 })).toBe(false);
  });

  it('players with nothing new keep their leases: a cheap renewal, batched, every third of the lease', async () => {
    const { store, saver, world, join, advance } = setup();
    const players = [await join('Alice'), await join('Bob')];
    for (const p of players) p.dirty = false;
    let saves = 0;
    const save = store.save.bind(store);
    store.save = (updates, renewals) => (saves++, save(updates, renewals));
    for (let second = 0; second < 3 * LEASE_MS; second += 1000) {
      advance(1000);
      saver.collect(world.players.values());
      await saver.flush();
    }
    expect(saves).toBe(9); // 90 s, a renewal of both every 10 s
    const taken = await store.claim('Alice', 'elsewhere', LEASE_MS);
    expect(taken).toMatchObject({ ok: false, holder: 'w' });
    // A player the world no longer holds is not renewed: its lease runs out.
    world.leave(players[1]!.id);
    world.tick();
    advance(LEASE_MS);
    saver.collect(world.players.values());
    await saver.flush();
    expect(await store.claim('Bob', 'elsewhere', LEASE_MS)).toMatchObject({ ok: true });
    expect(await store.claim('Alice', 'elsewhere', LEASE_MS)).toMatchObject({ ok: false });
  });

  it('a player that leaves is written once more and its lease let go in the same write', async () => {
    const { store, saver, join } = setup();
    const alice = await join('Alice');
    alice.xp = 12;
    saver.leave(alice);
    expect(saver.lease('Alice')).toBeUndefined();
    expect(await saver.flush()).toBe(true);
    const next = await store.claim('Alice', 'elsewhere', LEASE_MS);
    expect(next).toMatchObject({ ok: true, stored: { record: { xp: 12 } } });
  });

  it('leaving and coming back before the last copy is written: the copy goes under the new lease', async () => {
    const { store, saver, join } = setup();
    const alice = await join('Alice');
    alice.xp = 12;
    store.failing = new Error('disk busy');
    saver.leave(alice);
    expect(await saver.flush()).toBe(false);
    store.failing = null;
    const again = await store.claim('Alice', 'w', LEASE_MS); // the same world claims her again
    saver.hold('Alice', again!.ok ? again!.lease : { owner: '', epoch: 0 });
    expect(await saver.flush(true)).toBe(true);
    expect((await store.load('Alice'))?.record.xp).toBe(12);
    expect(await store.claim('Alice', 'elsewhere', LEASE_MS)).toMatchObject({ ok: false, holder: 'w' });
  });

  it('a hand-off that waited for a write while the character was claimed again does nothing', async () => {
    const { store, saver, world, join } = setup();
    const old = await join('Alice');
    old.xp = 5;
    saver.collect(world.players.values());
    const writing = saver.flush(); // a write under way when the portal asks
    const handing = saver.handOff(old, { map: 'maps/isle.tmj', shard: null, x: 1, y: 1 });
    // Meanwhile the tab reloaded: the same world claims her again, for the new session.
    const again = await store.claim('Alice', 'w', LEASE_MS);
    saver.hold('Alice', again!.ok ? again!.lease : { owner: '', epoch: 0 });
    await writing;
    expect(await handing).toBe(false);
    // The new session keeps its lease and stays on this map; no other world can take her.
    expect(saver.lease('Alice')).toEqual(again!.ok ? again!.lease : null);
    expect((await store.load('Alice'))?.record.map).toBe('');
    expect(await store.claim('Alice', 'elsewhere', LEASE_MS)).toMatchObject({ ok: false, holder: 'w' });
  });

  it('a hand-off writes the player moved to the next map, its checkpoint naming this map, and lets it go', async () => {
    const { store, saver, world, join } = setup();
    const alice = await join('Alice');
    Object.assign(alice, { xp: 321, level: 4, weapon: 'axe', achievements: ['first-steps'], kills: 7 });
    alice.checkpoint = { x: 2, y: 3, map: '' };
    alice.xp = 321;
    const next = { map: 'maps/isle.tmj', shard: '2', x: 8, y: 9 };
    expect(await saver.handOff(alice, next)).toBe(true);
    expect(saver.lease('Alice')).toBeUndefined();
    const there = await store.claim('Alice', 'isle-1', LEASE_MS);
    expect(there).toMatchObject({
      ok: true,
      stored: {
        record: {
          ...{ xp: 321, level: 4, weapon: 'axe', achievements: ['first-steps'], kills: 7, x: 8, y: 9 },
          ...{ checkpoint: { x: 2, y: 3, map: 'maps/world.tmj' }, map: 'maps/isle.tmj', shard: '2' },
        },
      },
    });
    // Still in this world until the caller removes it: it is not written from here again.
    alice.xp = 1;
    saver.collect(world.players.values());
    saver.leave(alice);
    expect(await saver.flush()).toBe(true);
    expect((await store.load('Alice'))?.record.xp).toBe(321);
  });

  it('a claimed character moved before it joins (server/realm/moved.ts) is written on its new map and let go', async () => {
    const { store, saver, fencedOut } = setup();
    const made = { ...newCharacter(), name: 'Old', createdAt: 1, lastSeenAt: 1, map: '', shard: '1', xp: 55 };
    await store.create(made, hashToken('Old'));
    const claimed = await store.claim('Old', 'w', saver.leaseMs);
    if (!claimed?.ok) throw new Error('not claimed');
    saver.hold('Old', claimed.lease);
    const moved = { ...claimed.stored.record, checkpoint: { x: 17, y: 109, map: 'maps/mines.tmj' } };
    const next = { map: 'maps/mines.tmj', shard: '1', x: 17, y: 111 };
    expect(await saver.moveClaimed(moved, next)).toBe(true);
    expect(saver.lease('Old')).toBeUndefined();
    expect(await store.claim('Old', 'mines', LEASE_MS)).toMatchObject({
      ok: true,
      stored: {
        record: { xp: 55, x: 17, y: 111, map: 'maps/mines.tmj', shard: '1', checkpoint: moved.checkpoint },
      },
    });
    // No lease held any more (or a stale one): nothing is written.
    expect(await saver.moveClaimed(moved, { ...next, x: 1 })).toBe(false);
    expect((await store.load('Old'))?.record.x).toBe(17);
    expect(fencedOut).toEqual([]);
  });

  it('a claim given back while an older copy is still queued: the copy is written and the lease let go', async () => {
    const { store, saver, join } = setup();
    const alice = await join('Alice');
    alice.xp = 3;
    store.failing = new Error('disk busy');
    saver.leave(alice);
    await saver.flush();
    store.failing = null;
    const again = await store.claim('Alice', 'w', LEASE_MS);
    saver.hold('Alice', again!.ok ? again!.lease : { owner: '', epoch: 0 });
    await saver.release('Alice'); // the session closed before it played
    expect(saver.lease('Alice')).toBeUndefined();
    expect(await saver.flush(true)).toBe(true);
    expect(await store.claim('Alice', 'elsewhere', LEASE_MS)).toMatchObject({
      ok: true,
      stored: { record: { xp: 3 } },
    });
  });
});
