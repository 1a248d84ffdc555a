// What every Store does, as one test body run against each store (sqlite-store.test.ts,
// memory-store.test.ts): names and tokens, and the leases that keep a character live in one world.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newCharacter } from '../sim/character.ts';
import { hashToken, tokenMatches } from './tokens.ts';
import type { CharacterRecord, CharacterUpdate, ClaimResult, Lease, Store } from './store.ts';

export interface StoreFixture {
  /** A connection to this test's data: a new one per call where the store has connections. */
  connect(): Store;
  /** Closes every connection and removes the data. */
  cleanup(): void | Promise<void>;
}

export function record(name: string, fields: Partial<CharacterRecord> = {}): CharacterRecord {
  return { ...newCharacter(), name, createdAt: 1000, lastSeenAt: 1000, map: '', shard: null, ...fields };
}

/** Every saved field away from its default, on another map and shard. */
export function played(name: string): CharacterRecord {
  return record(name, {
    ...{ x: 12, y: 7, checkpoint: { x: 3, y: 4, map: 'maps/isle.tmj' }, hp: 55, maxHp: 130, level: 5 },
    ...{ xp: 1234, weapon: 'sword2', armor: 'mailarmor', achievements: ['first-steps', 'rat-catcher'] },
    ...{ counters: { rats: 10, 'talked-to-villagers': 2 }, kills: 42, deaths: 3 },
    ...{
      bag: bagOf(['small_potion', '', 'club']),
      bagCounts: countsOf([7, 0, 1]),
      belt: ['', 'small_potion', '', ''],
    },
    ...{ createdAt: 1_700_000_000_000, lastSeenAt: 1_700_000_100_000, map: 'maps/isle.tmj', shard: '2' },
  });
}

/** A bag of BAG_SLOTS slots starting with `first`, the rest empty. */
function bagOf(first: string[]): string[] {
  return [...first, ...new Array<string>(newCharacter().bag.length - first.length).fill('')];
}

function countsOf(first: number[]): number[] {
  return [...first, ...new Array<number>(newCharacter().bagCounts.length - first.length).fill(0)];
}

function update(r: CharacterRecord, lease: Lease): CharacterUpdate {
  const { createdAt: _c, map: _m, shard: _s, ...state } = r;
  return { ...state, lease };
}

const TTL = 30_000;

export function storeContract(
  name: string,
  setup: (clock: () => number) => StoreFixture | Promise<StoreFixture>,
): void {
  describe(`${name}: the Store contract`, () => {
    let time = 1_000_000;
    let fixture: StoreFixture;
    let store: Store;
    const leaseOf = async (s: Store, who: string, owner: string): Promise<Lease> =>
      leaseIn(await s.claim(who, owner, TTL));

    beforeEach(async () => {
      time = 1_000_000;
      fixture = await setup(() => time);
      store = fixture.connect();
    });
    afterEach(() => fixture.cleanup());

    it('keeps every field of a character, its map and shard, found by its name in any case', async () => {
      const full = played('Alice');
      expect(await store.create(full, hashToken('t'))).toBe(true);
      const loaded = await fixture.connect().load('aLiCe');
      expect(loaded?.record).toEqual(full);
      expect(tokenMatches('t', loaded!.tokenHash)).toBe(true);
      expect(await store.load('nobody')).toBeNull();
    });

    it('refuses a name taken in another case or as a lookalike, keeping the first owner', async () => {
      expect(await store.create(record('Honest'), hashToken('first'))).toBe(true);
      for (const other of ['HONEST', 'H\u043enest', '\u0397ON\u0395ST'])
        expect(await store.create(record(other, { level: 9 }), hashToken('squatter'))).toBe(false);
      expect(await store.create(record('Honesty'), hashToken('other'))).toBe(true);
      const loaded = await store.load('honest');
      expect(loaded?.record).toMatchObject({ name: 'Honest', level: 1 });
      expect(tokenMatches('first', loaded!.tokenHash)).toBe(true);
    });

    it('a claim reads the character, bumps the epoch every time, and is refused to another owner until it expires', async () => {
      expect(await store.claim('Nobody', 'w1', TTL)).toBeNull();
      await store.create(played('Bob'), hashToken('t'));
      const claimed = await store.claim('bob', 'w1', TTL);
      expect(claimed).toMatchObject({ ok: true, lease: { owner: 'w1' }, stored: { record: played('Bob') } });
      const first = leaseIn(claimed);
      const again = await leaseOf(store, 'Bob', 'w1'); // the same owner: fine, and a new epoch
      expect(again.epoch).toBe(first.epoch + 1);
      // The same owner's older lease is fenced out by its own newer claim.
      expect(await store.save([update(record('Bob', { xp: 1 }), first)])).toEqual(['Bob']);
      time += TTL - 1;
      const refused = await store.claim('Bob', 'w2', TTL);
      expect(refused).toEqual({ ok: false, holder: 'w1', expiresAt: 1_000_000 + TTL });
      time += 1;
      expect(await leaseOf(store, 'Bob', 'w2')).toEqual({ owner: 'w2', epoch: again.epoch + 1 });
    });

    it('of two owners claiming one character at once, exactly one wins, round after round', async () => {
      await store.create(record('Carol'), hashToken('t'));
      const one = fixture.connect();
      const two = fixture.connect();
      const wins = { w1: 0, w2: 0 };
      let lastEpoch = 0;
      for (let round = 0; round < 50; round++) {
        // Alternate who asks first, so each owner can win.
        const order =
          round % 2
            ? ([
                [one, 'w1'],
                [two, 'w2'],
              ] as const)
            : ([
                [two, 'w2'],
                [one, 'w1'],
              ] as const);
        const results = await Promise.all(order.map(([s, owner]) => s.claim('Carol', owner, TTL)));
        const won = results.filter((r) => r?.ok);
        expect(won, `round ${round}`).toHaveLength(1);
        const winner = leaseIn(won[0]!);
        const loser = results.find((r) => r && !r.ok);
        expect(loser).toEqual({ ok: false, holder: winner.owner, expiresAt: time + TTL });
        expect(winner.epoch).toBe(lastEpoch + 1);
        lastEpoch = winner.epoch;
        wins[winner.owner as 'w1' | 'w2']++;
        await store.release('Carol', winner);
      }
      expect(wins.w1).toBeGreaterThan(0);
      expect(wins.w2).toBeGreaterThan(0);
    });

    it('a stale holder (its lease expired, another owner took it) writes nothing, by save, renewal, hand-off or release', async () => {
      await store.create(record('Dave'), hashToken('t'));
      const stale = await leaseOf(store, 'Dave', 'w1');
      time += TTL;
      const other = fixture.connect();
      const fresh = await leaseOf(other, 'Dave', 'w2');
      await other.save([update(record('Dave', { xp: 50, lastSeenAt: 2000 }), fresh)]);
      const refused = await store.save(
        [update(record('Dave', { xp: 999, level: 9, lastSeenAt: 3000 }), stale)],
        [{ name: 'Dave', lease: stale }],
      );
      expect(refused).toEqual(['Dave', 'Dave']);
      const next = { map: 'maps/isle.tmj', shard: '1', x: 1, y: 1 };
      expect(await store.handOff(update(record('Dave', { xp: 999 }), stale), stale, next)).toBe(false);
      await store.release('Dave', stale);
      expect((await store.load('Dave'))?.record).toMatchObject({
        xp: 50,
        level: 1,
        lastSeenAt: 2000,
        map: '',
      });
      // w2's lease still holds: the stale release did not free it.
      expect(await store.claim('Dave', 'w3', TTL)).toMatchObject({ ok: false, holder: 'w2' });
    });

    it('a written save or a renewal makes the lease last its ttl from then', async () => {
      await store.create(record('Erin'), hashToken('t'));
      await store.create(record('Finn'), hashToken('u'));
      const erin = await leaseOf(store, 'Erin', 'w1');
      const finn = await leaseOf(store, 'Finn', 'w1');
      time += TTL - 100;
      expect(
        await store.save([update(record('Erin', { xp: 1 }), erin)], [{ name: 'Finn', lease: finn }]),
      ).toEqual([]);
      time += 200; // past the first expiry, within the renewed one
      expect(await store.claim('Erin', 'w2', TTL)).toMatchObject({ ok: false, holder: 'w1' });
      expect(await store.claim('Finn', 'w2', TTL)).toMatchObject({ ok: false, holder: 'w1' });
      time += TTL;
      expect(await store.claim('Erin', 'w2', TTL)).toMatchObject({ ok: true });
    });

    it('a hand-off writes every field, the map, shard and tile, and frees the character for the next world at once', async () => {
      await store.create(record('Gwen'), hashToken('t'));
      const lease = await leaseOf(store, 'Gwen', 'emberfall-1');
      const { createdAt: _c, map: _m, shard: _s, ...state } = played('Gwen');
      const next = { map: 'maps/isle.tmj', shard: '2', x: 40, y: 41 };
      expect(await store.handOff(state, lease, next)).toBe(true);
      const there = await fixture.connect().claim('Gwen', 'isle-1', TTL);
      expect(there?.ok && there.stored.record).toEqual({
        ...played('Gwen'),
        ...{ x: 40, y: 41, map: 'maps/isle.tmj', shard: '2', createdAt: 1000 },
      });
      // The world it left can write it no more.
      expect(await store.save([update(record('Gwen', { xp: 1 }), lease)])).toEqual(['Gwen']);
      expect(await store.handOff(state, lease, next)).toBe(false);
    });

    it('a last save that releases, and release itself, free the character for another owner', async () => {
      await store.create(record('Hana'), hashToken('t'));
      await store.create(record('Ivan'), hashToken('u'));
      const hana = await leaseOf(store, 'Hana', 'w1');
      const ivan = await leaseOf(store, 'Ivan', 'w1');
      expect(await store.save([{ ...update(record('Hana', { xp: 7 }), hana), release: true }])).toEqual([]);
      await store.release('Ivan', ivan);
      expect(await store.claim('Hana', 'w2', TTL)).toMatchObject({ ok: true, stored: { record: { xp: 7 } } });
      expect(await store.claim('Ivan', 'w2', TTL)).toMatchObject({ ok: true });
    });

    it('passes a release request through the row to the holder, and a claim clears it', async () => {
      await store.create(record('Nell'), hashToken('t'));
      await store.create(record('Odo'), hashToken('t'));
      await leaseOf(store, 'Nell', 'w1');
      await leaseOf(store, 'Odo', 'w1');
      await store.requestRelease('Nell', 'w1'); // its own holder asking: nothing
      expect(await store.releaseWanted('w1')).toEqual([]);
      await fixture.connect().requestRelease('nell', 'w2');
      expect(await store.releaseWanted('w1')).toEqual(['Nell']);
      expect(await store.releaseWanted('w2')).toEqual([]);
      const lease = await leaseOf(store, 'Nell', 'w1'); // w1 claims again (a takeover here): cleared
      expect(await store.releaseWanted('w1')).toEqual([]);
      await store.requestRelease('Nell', 'w2');
      await store.release('Nell', { owner: 'w1', epoch: lease.epoch + 0 });
      expect(await store.releaseWanted('w1')).toEqual([]); // released: w1 holds it no more
      expect(await store.claim('Nell', 'w2', TTL)).toMatchObject({ ok: true });
      expect(await store.releaseWanted('w2')).toEqual([]);
      await store.requestRelease('Nobody', 'w2'); // no such character: nothing
    });

    it('releaseHeldBy frees the leases of that owner, and of no other (not one whose id it begins)', async () => {
      for (const n of ['Jo', 'Kim', 'Lu']) await store.create(record(n), hashToken(n));
      await leaseOf(store, 'Jo', 'isle');
      await leaseOf(store, 'Kim', 'isle');
      await leaseOf(store, 'Lu', 'isle-2');
      expect(await store.releaseHeldBy('isle')).toBe(2);
      expect(await store.claim('Jo', 'x', TTL)).toMatchObject({ ok: true });
      expect(await store.claim('Kim', 'x', TTL)).toMatchObject({ ok: true });
      expect(await store.claim('Lu', 'x', TTL)).toMatchObject({ ok: false, holder: 'isle-2' });
    });

    it('saves a batch, keeping the name as first chosen; a name not stored is refused', async () => {
      await store.create(record('Mona'), hashToken('t'));
      const lease = await leaseOf(store, 'Mona', 'w1');
      const refused = await store.save([
        update(record('mona', { x: 5, y: 6, xp: 10, lastSeenAt: 2000 }), lease),
        update(record('Ghost'), lease),
      ]);
      expect(refused).toEqual(['Ghost']);
      expect((await store.load('MONA'))?.record).toMatchObject({
        name: 'Mona',
        x: 5,
        y: 6,
        xp: 10,
        createdAt: 1000,
      });
      expect(await store.load('Ghost')).toBeNull();
    });

    it('forgets characters made long ago and never played, unless one is being played right now', async () => {
      const day = 24 * 3600_000;
      const made = (n: string, created: number, seenAfter: number, fields: Partial<CharacterRecord> = {}) =>
        store.create(
          record(n, { createdAt: created, lastSeenAt: created + seenAfter, ...fields }),
          hashToken(n),
        );
      await made('Squat1', 0, 5_000);
      await made('Squat2', 0, 59_000);
      await made('Played', 0, 61_000);
      await made('Lucky', 0, 10_000, { xp: 3 });
      await made('Fresh', 2 * day, 1_000);
      await made('Live', 0, 1_000);
      await leaseOf(store, 'Live', 'w1');
      expect(await store.forgetUnplayed(day, 60_000)).toBe(2);
      for (const n of ['Squat1', 'Squat2']) expect(await store.load(n)).toBeNull();
      for (const n of ['Played', 'Lucky', 'Fresh', 'Live']) expect(await store.load(n)).not.toBeNull();
      expect(await store.create(record('Squat1'), hashToken('new owner'))).toBe(true);
    });
  });
}

function leaseIn(claimed: ClaimResult): Lease {
  if (!claimed?.ok) throw new Error(`the claim failed: ${JSON.stringify(claimed)}`);
  return claimed.lease;
}
