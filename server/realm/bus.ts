// Messages between worlds: a whisper for a player there, a request to let a character go, the host's
// announcement. Addressed to a world id, JSON-serialisable and delivered asynchronously, so a Redis
// pub/sub version can stand in when worlds run in many processes; this one delivers within the process.
// Delivery is at most once, to whoever listens at that moment; publish says how many did, so a sender
// that must know (an announcement) can tell a world that heard it from one that was not listening.

export type BusMessage =
  /** Tell `to` (who plays in the addressed world) that `from` whispered `text`; the whisperer's world echoes it. */
  | { type: 'whisper'; from: string; fromWorld: string; to: string; text: string }
  /** The whisper reached its player: echo it to the whisperer (in the addressed world). */
  | { type: 'whispered'; from: string; to: string; text: string }
  /** Another world wants to claim `name`: save it, release its lease and send its session away. */
  | { type: 'release'; name: string; by: string }
  /** `from` invites `to` (who plays in the addressed world) into its party, for `seconds`. */
  | { type: 'partyInvite'; from: string; to: string; seconds: number }
  /** The invitation from `from` to `to` is closed (it lapsed). */
  | { type: 'inviteEnded'; from: string; to: string }
  /** Party news for players of the addressed world: lines to tell them, and whether their party changed. */
  | { type: 'partyNews'; items: { to: string; notices: string[]; refresh: boolean }[] }
  /** A party chat line for these members (who play in the addressed world). */
  | { type: 'partyLine'; from: string; to: string[]; text: string }
  /** The host's announcement: every player of the addressed world hears it (announcements.ts). */
  | { type: 'announcement'; text: string };

export interface Bus {
  /**
   * Delivers `message` to the world's subscribers, if it has any; resolves once sent (not handled) with
   * how many subscriptions it reached (0: no process listens for that world right now).
   */
  publish(world: string, message: BusMessage): Promise<number>;
  /** Hands every message for `world` to `handler`; returns the function that stops it. */
  subscribe(world: string, handler: (message: BusMessage) => void): () => void;
}

export class MemoryBus implements Bus {
  private readonly handlers = new Map<string, Set<(message: BusMessage) => void>>();

  publish(world: string, message: BusMessage): Promise<number> {
    // A copy through JSON, as a networked bus would deliver it: nothing shared by reference.
    const copy = JSON.parse(JSON.stringify(message)) as BusMessage;
    const found = this.handlers.get(world);
    if (!found || found.size === 0) return Promise.resolve(0);
    queueMicrotask(() => found.forEach((h) => h(copy)));
    return Promise.resolve(1); // one process: one subscription, however many handlers
  }

  subscribe(world: string, handler: (message: BusMessage) => void): () => void {
    let set = this.handlers.get(world);
    if (!set) this.handlers.set(world, (set = new Set()));
    set.add(handler);
    return () => set.delete(handler);
  }
}
