// The door policy per client address: how many HTTP connections it may hold before upgrading, how fast
// it may open game sockets and how many it may keep, and how fast it may make new characters. One
// machine reconnecting in a loop, holding half-open requests or minting characters by the thousand is
// refused, while everyone else plays on. Addresses come from server/net/address-limits.ts.
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { clientAddress, ConcurrencyLimit, RateBuckets } from './address-limits.ts';

export interface GuardLimits {
  /** Connections an address may hold that have not become game sockets (page loads, half-open requests). */
  httpPerAddress: number;
  /** Game sockets an address may open per second, after a burst of `socketBurst`. */
  socketsPerSecond: number;
  socketBurst: number;
  /** Game sockets an address may hold at once (a household or a classroom shares one). */
  socketsPerAddress: number;
  /** New characters an address may make per hour, after a burst of `characterBurst`. */
  charactersPerHour: number;
  characterBurst: number;
}

export const DEFAULT_LIMITS: GuardLimits = {
  httpPerAddress: 64,
  socketsPerSecond: 2,
  socketBurst: 20,
  socketsPerAddress: 32,
  charactersPerHour: 20,
  characterBurst: 10,
};

export type UpgradeVerdict = { ok: true; address: string } | { ok: false; reason: string };

export class ConnectionGuard {
  private readonly http: ConcurrencyLimit;
  private readonly sockets: ConcurrencyLimit;
  private readonly socketRate: RateBuckets;
  private readonly characterRate: RateBuckets;

  constructor(
    private readonly trustedProxies: readonly string[],
    /** Addresses no limit applies to: by default the machine's own loopback (bots, checks, tools). */
    private readonly exempt: readonly string[],
    now: () => number,
    private readonly limits: GuardLimits = DEFAULT_LIMITS,
  ) {
    this.http = new ConcurrencyLimit(limits.httpPerAddress);
    this.sockets = new ConcurrencyLimit(limits.socketsPerAddress);
    this.socketRate = new RateBuckets(limits.socketsPerSecond, limits.socketBurst, now);
    this.characterRate = new RateBuckets(limits.charactersPerHour / 3600, limits.characterBurst, now);
  }

  /** A TCP connection to the HTTP server: counted while open; past the limit it is closed at once. */
  connected(socket: Socket): void {
    const peer = clientAddress(socket.remoteAddress, undefined, []);
    // A proxy carries many clients' connections.
    if (this.trustedProxies.includes(peer) || this.exempt.includes(peer)) return;
    if (!this.http.acquire(peer)) return void socket.destroy();
    socket.once('close', () => this.http.release(peer));
  }

  /** Whether an upgrade may become a game socket, and the client's address if so. */
  upgrade(req: IncomingMessage): UpgradeVerdict {
    const address = clientAddress(
      req.socket.remoteAddress,
      req.headers['x-forwarded-for'],
      this.trustedProxies,
    );
    if (this.exempt.includes(address)) return { ok: true, address };
    if (this.sockets.count(address) >= this.limits.socketsPerAddress) {
      return { ok: false, reason: `Too many connections from ${address} at once.` };
    }
    if (!this.socketRate.take(address)) {
      return { ok: false, reason: `Too many new connections from ${address}: wait a few seconds.` };
    }
    return { ok: true, address };
  }

  /**
   * A game socket opened or closed, counted from the gateway's word (so a failed handover leaks no
   * count). A race of upgrades may take an address past its limit: it is counted all the same.
   */
  socketOpened(address: string): void {
    this.sockets.add(address);
  }

  socketClosed(address: string): void {
    this.sockets.release(address);
  }

  /** Whether this address may make one more character now. */
  mayCreateCharacter(address: string): boolean {
    return this.exempt.includes(address) || this.characterRate.take(address);
  }

  /** Forgets addresses at rest (called now and then, so memory does not grow with the addresses seen). */
  sweep(): void {
    this.socketRate.sweep();
    this.characterRate.sweep();
  }
}
