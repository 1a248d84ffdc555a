// The party registry on Redis (REDIS_URL), for a realm whose worlds run in many processes: the same rules
// as the in-process registry (parties.ts, run on a copy loaded from Redis), its state one JSON value,
// changed under a short lock so two processes never interleave a change. Soft state like the directory:
// losing it loses the parties, never a character. Times are wall-clock milliseconds (Date.now), the one
// clock every process shares.
import { randomUUID } from 'node:crypto';
import type { RedisClientType } from 'redis';
import {
  MemoryParties,
  type Invitation,
  type MemberStatus,
  type PartyBook,
  type PartyChange,
  type PartyOutcome,
  type Parties,
  type PartyView,
} from './parties.ts';
import { CrossWorldUnavailable } from './steady.ts';

const BOOK = 'emberquest:parties';
const LOCK = 'emberquest:parties:lock';
/** A lock outlives a process that died holding it by this much. */
const LOCK_MS = 2000;
/** Tries to take the lock, this far apart, before the change fails (the caller says "try again"). */
const LOCK_TRIES = 100;
const LOCK_WAIT_MS = 10;

export class RedisParties implements Parties {
  readonly realmWide = true;

  constructor(
    private readonly redis: RedisClientType,
    private readonly now: () => number = Date.now,
  ) {}

  invite(from: MemberStatus, to: string): ReturnType<Parties['invite']> {
    return this.change((book) => book.invite(from, to));
  }

  answer(to: MemberStatus, from: string, accept: boolean): Promise<PartyOutcome> {
    return this.change((book) => book.answer(to, from, accept));
  }

  leave(name: string): Promise<PartyOutcome> {
    return this.change((book) => book.leave(name));
  }

  kick(by: string, name: string): Promise<PartyOutcome> {
    return this.change((book) => book.kick(by, name));
  }

  async partyOf(name: string): Promise<PartyView | null> {
    return (await this.load().catch(unavailable)).partyOf(name);
  }

  report(status: MemberStatus): Promise<void> {
    return this.change((book) => book.report(status));
  }

  offline(name: string, world: string): Promise<void> {
    return this.change((book) => book.offline(name, world));
  }

  sweep(): Promise<{ lapsed: Invitation[]; changes: PartyChange[] }> {
    return this.change((book) => book.sweep());
  }

  private async load(): Promise<MemoryParties> {
    const raw = await this.redis.get(BOOK);
    return new MemoryParties(this.now, raw ? (JSON.parse(raw) as PartyBook) : undefined);
  }

  /** Runs `rule` on the stored registry under the lock and stores what it left. */
  private async change<T>(rule: (book: MemoryParties) => Promise<T>): Promise<T> {
    const token = randomUUID();
    await this.lock(token).catch(unavailable);
    try {
      const book = await this.load().catch(unavailable);
      const out = await rule(book);
      await this.redis.set(BOOK, JSON.stringify(book.book())).catch(unavailable);
      return out;
    } finally {
      // Only our own lock is let go (one that expired and was taken by another process stays).
      await this.redis
        .eval(`if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end`, {
          keys: [LOCK],
          arguments: [token],
        })
        .catch(() => {});
    }
  }

  private async lock(token: string): Promise<void> {
    for (let i = 0; i < LOCK_TRIES; i++) {
      if ((await this.redis.set(LOCK, token, { NX: true, PX: LOCK_MS })) === 'OK') return;
      await new Promise((r) => setTimeout(r, LOCK_WAIT_MS));
    }
    throw new CrossWorldUnavailable('Parties');
  }
}

/** Redis is down (or the lock stayed taken): the party features say so, as whispers do. */
function unavailable(err: Error): never {
  if (err instanceof CrossWorldUnavailable) throw err;
  throw new CrossWorldUnavailable('Parties');
}
