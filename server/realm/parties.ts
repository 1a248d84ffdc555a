// Parties: who plays together, across every world of the realm. Realm-wide soft state behind one small
// async interface (like the directory): this in-process version serves a realm in one process; a
// networked one (Redis hashes with the same rules in scripts) can stand in when worlds run in many.
// Parties are not kept across a server restart: a party is a session's company, not a character's.
// The rules live here: size, leader, invitations and their expiry, the grace a member gets offline.
import { nameKey } from '../../shared/rules/names.ts';

/** Members in one party, the leader included. */
export const PARTY_MAX = 5;
/** An invitation not answered in this long lapses. */
export const INVITE_MS = 60_000;
/** A member who left the game (or is between worlds) stays in the party this long before it is dropped. */
export const PARTY_GRACE_MS = 60_000;

/** Where a member plays and how it is, as its world last reported (once a second while it plays). */
export interface MemberStatus {
  name: string;
  world: string;
  map: string;
  level: number;
  hp: number;
  maxHp: number;
  x: number;
  y: number;
}

export interface PartyMemberView extends MemberStatus {
  /** False while it is between worlds or gone (within the grace period). */
  online: boolean;
}

export interface PartyView {
  id: string;
  leader: string;
  /** In the order they joined: the leader goes to the first when the leader leaves. */
  members: PartyMemberView[];
}

/** A change that went through: the party after it (null: gone), and what to tell whom. */
export interface PartyChange {
  ok: true;
  party: PartyView | null;
  /** Everyone whose party (or lack of one) changed: their frames are sent again now. */
  affected: string[];
  /** A line for the members (and those who just left it). */
  news: { to: string[]; text: string }[];
}

export type PartyOutcome = PartyChange | { ok: false; refusal: string };

export interface Invitation {
  from: string;
  to: string;
}

export interface Parties {
  /** Whether it holds the parties of every world of the realm, or only of this process's worlds. */
  readonly realmWide: boolean;
  /** `from` (as it plays now) asks `to` (a name the caller found online) to join; refused or sent. */
  invite(from: MemberStatus, to: string): Promise<{ ok: true; to: string } | { ok: false; refusal: string }>;
  /** `to` (as it plays now) answers the invitation from `from`. */
  answer(to: MemberStatus, from: string, accept: boolean): Promise<PartyOutcome>;
  leave(name: string): Promise<PartyOutcome>;
  /** The leader `by` sends `name` away. */
  kick(by: string, name: string): Promise<PartyOutcome>;
  partyOf(name: string): Promise<PartyView | null>;
  /** A member's latest state (ignored for someone in no party). */
  report(status: MemberStatus): Promise<void>;
  /** The character left `world` (nothing changes if it already plays elsewhere): its grace begins. */
  offline(name: string, world: string): Promise<void>;
  /** Invitations that lapsed and members dropped after their grace, since the last sweep. */
  sweep(): Promise<{ lapsed: Invitation[]; changes: PartyChange[] }>;
}

export interface Party {
  id: string;
  leader: string;
  /** Name keys, in the order they joined. */
  members: string[];
}

export interface Pending {
  from: MemberStatus;
  to: string;
  expires: number;
}

export interface Member {
  status: MemberStatus;
  /** 0 while online; else when it went. */
  offlineSince: number;
}

/** Everything a registry holds, as plain JSON (a networked registry stores it: redis-parties.ts). */
export interface PartyBook {
  parties: Party[];
  members: [string, Member][];
  invitations: [string, [string, Pending][]][];
  nextId: number;
}

export class MemoryParties implements Parties {
  /** False: it serves the worlds of this process only (RedisParties is realm-wide). */
  readonly realmWide: boolean = false;
  private readonly parties = new Map<string, Party>();
  private readonly partyOfKey = new Map<string, string>();
  private readonly members = new Map<string, Member>();
  /** Invitee key → inviter key → the invitation. */
  private readonly invitations = new Map<string, Map<string, Pending>>();
  private nextId = 1;

  constructor(
    private readonly now: () => number,
    book?: PartyBook,
  ) {
    if (!book) return;
    for (const party of book.parties) {
      this.parties.set(party.id, party);
      for (const key of party.members) this.partyOfKey.set(key, party.id);
    }
    for (const [key, member] of book.members) this.members.set(key, member);
    for (const [to, mine] of book.invitations) this.invitations.set(to, new Map(mine));
    this.nextId = book.nextId;
  }

  /** What it holds now, to store and load again (`new MemoryParties(now, book)`). */
  book(): PartyBook {
    return {
      parties: [...this.parties.values()],
      members: [...this.members],
      invitations: [...this.invitations].map(([to, mine]) => [to, [...mine]]),
      nextId: this.nextId,
    };
  }

  invite(from: MemberStatus, to: string): Promise<{ ok: true; to: string } | { ok: false; refusal: string }> {
    const [fromKey, toKey] = [nameKey(from.name), nameKey(to)];
    const party = this.partyFor(fromKey);
    const refusal =
      fromKey === toKey
        ? 'You cannot invite yourself.'
        : this.partyOfKey.has(toKey)
          ? `${to} is already in a party.`
          : party && party.leader !== fromKey
            ? `Only ${this.nameOf(party.leader)}, who leads your party, can invite.`
            : (party?.members.length ?? 1) + this.invitedBy(fromKey, toKey) >= PARTY_MAX
              ? `Your party is full (at most ${PARTY_MAX}, invitations waiting included).`
              : null;
    if (refusal) return Promise.resolve({ ok: false, refusal });
    let mine = this.invitations.get(toKey);
    if (!mine) this.invitations.set(toKey, (mine = new Map()));
    mine.set(fromKey, { from: { ...from }, to, expires: this.now() + INVITE_MS });
    return Promise.resolve({ ok: true, to });
  }

  answer(to: MemberStatus, from: string, accept: boolean): Promise<PartyOutcome> {
    const [toKey, fromKey] = [nameKey(to.name), nameKey(from)];
    const pending = this.invitations.get(toKey)?.get(fromKey);
    if (!pending || pending.expires <= this.now())
      return refused(`There is no invitation from ${from.slice(0, 20)} to answer (it may have lapsed).`);
    this.invitations.get(toKey)!.delete(fromKey);
    const inviter = pending.from.name;
    if (!accept) return changed(null, [], [{ to: [inviter], text: `${to.name} declined your invitation.` }]);
    if (this.partyOfKey.has(toKey)) return refused('You are in a party already: leave it first.');
    let party = this.partyFor(fromKey);
    if (party && party.members.length >= PARTY_MAX) return refused(`${inviter}'s party is full.`);
    if (!party) {
      party = { id: `party-${this.nextId++}`, leader: fromKey, members: [fromKey] };
      this.parties.set(party.id, party);
      this.partyOfKey.set(fromKey, party.id);
      this.members.set(fromKey, { status: { ...pending.from }, offlineSince: 0 });
    }
    party.members.push(toKey);
    this.partyOfKey.set(toKey, party.id);
    this.members.set(toKey, { status: { ...to }, offlineSince: 0 });
    this.invitations.delete(toKey); // one party at a time: the others' invitations are moot
    const names = party.members.map((k) => this.nameOf(k));
    return changed(this.view(party), names, [{ to: names, text: `${to.name} joined the party.` }]);
  }

  leave(name: string): Promise<PartyOutcome> {
    const key = nameKey(name);
    if (!this.partyOfKey.has(key)) return refused('You are not in a party.');
    return Promise.resolve(this.remove(key, `${this.nameOf(key)} left the party.`, 'You left the party.'));
  }

  kick(by: string, name: string): Promise<PartyOutcome> {
    const [byKey, key] = [nameKey(by), nameKey(name)];
    const party = this.partyFor(byKey);
    if (!party) return refused('You are not in a party.');
    if (party.leader !== byKey) return refused(`Only ${this.nameOf(party.leader)}, who leads, can do that.`);
    if (byKey === key) return refused('To leave your own party, type /leave.');
    if (!party.members.includes(key)) return refused(`${name.slice(0, 20)} is not in your party.`);
    const shown = this.nameOf(key);
    return Promise.resolve(
      this.remove(key, `${shown} was removed from the party.`, `${by} removed you from the party.`),
    );
  }

  partyOf(name: string): Promise<PartyView | null> {
    const party = this.partyFor(nameKey(name));
    return Promise.resolve(party ? this.view(party) : null);
  }

  report(status: MemberStatus): Promise<void> {
    const member = this.members.get(nameKey(status.name));
    if (member) {
      member.status = { ...status };
      member.offlineSince = 0;
    }
    return Promise.resolve();
  }

  offline(name: string, world: string): Promise<void> {
    const member = this.members.get(nameKey(name));
    if (member && member.status.world === world && member.offlineSince === 0)
      member.offlineSince = this.now();
    return Promise.resolve();
  }

  sweep(): Promise<{ lapsed: Invitation[]; changes: PartyChange[] }> {
    const now = this.now();
    const lapsed: Invitation[] = [];
    for (const [toKey, mine] of this.invitations) {
      for (const [fromKey, p] of mine) {
        if (p.expires > now) continue;
        mine.delete(fromKey);
        lapsed.push({ from: p.from.name, to: p.to });
      }
      if (mine.size === 0) this.invitations.delete(toKey);
    }
    const changes: PartyChange[] = [];
    for (const [key, member] of [...this.members]) {
      if (member.offlineSince === 0 || now - member.offlineSince < PARTY_GRACE_MS) continue;
      const name = member.status.name;
      changes.push(this.remove(key, `${name} has been away too long and left the party.`, ''));
    }
    return Promise.resolve({ lapsed, changes });
  }

  /** Takes `key` out of its party: a new leader if it led, the party gone if one member is left. */
  private remove(key: string, news: string, toLeaver: string): PartyChange {
    const party = this.partyFor(key)!;
    const leaver = this.nameOf(key);
    party.members = party.members.filter((k) => k !== key);
    this.partyOfKey.delete(key);
    this.members.delete(key);
    const told = toLeaver ? [{ to: [leaver], text: toLeaver }] : [];
    const rest = party.members.map((k) => this.nameOf(k));
    if (party.members.length <= 1) {
      for (const k of party.members) {
        this.partyOfKey.delete(k);
        this.members.delete(k);
      }
      this.parties.delete(party.id);
      return changedNow(
        null,
        [leaver, ...rest],
        [...told, { to: rest, text: `${news} The party is disbanded.` }],
      );
    }
    let text = news;
    if (party.leader === key) {
      party.leader = party.members[0]!;
      text += ` ${this.nameOf(party.leader)} leads now.`;
    }
    return changedNow(this.view(party), [leaver, ...rest], [...told, { to: rest, text }]);
  }

  private partyFor(key: string): Party | undefined {
    const id = this.partyOfKey.get(key);
    return id === undefined ? undefined : this.parties.get(id);
  }

  /** Invitations `fromKey` has out that are still open, besides one to `exceptKey` (asked again). */
  private invitedBy(fromKey: string, exceptKey: string): number {
    const now = this.now();
    let n = 0;
    for (const [toKey, mine] of this.invitations) {
      const p = toKey === exceptKey ? undefined : mine.get(fromKey);
      if (p && p.expires > now) n++;
    }
    return n;
  }

  private nameOf(key: string): string {
    return this.members.get(key)?.status.name ?? key;
  }

  private view(party: Party): PartyView {
    return {
      id: party.id,
      leader: this.nameOf(party.leader),
      members: party.members.map((k) => {
        const m = this.members.get(k)!;
        return { ...m.status, online: m.offlineSince === 0 };
      }),
    };
  }
}

function refused(refusal: string): Promise<PartyOutcome> {
  return Promise.resolve({ ok: false, refusal });
}

function changedNow(party: PartyView | null, affected: string[], news: PartyChange['news']): PartyChange {
  return { ok: true, party, affected, news: news.filter((n) => n.to.length > 0) };
}

function changed(
  party: PartyView | null,
  affected: string[],
  news: PartyChange['news'],
): Promise<PartyOutcome> {
  return Promise.resolve(changedNow(party, affected, news));
}
