// A headless player for tests and benchmarks: speaks the real protocol over `ws` and keeps the same view
// of the world a browser client keeps (shared/protocol/view.ts), so swarms can be built on it.
import WebSocket from 'ws';
import { encode, Op, PROTOCOL_VERSION } from '../../shared/protocol/index.ts';
import {
  applyFrame,
  createView,
  tileAt,
  type ApplyOptions,
  type SeenEntity,
  type ViewEvent,
  type WorldView,
} from '../../shared/protocol/view.ts';

export interface BotOptions {
  /** The WebSocket endpoint, e.g. ws://127.0.0.1:8000/ws. */
  url: string;
  name: string;
  /** Defaults to the current PROTOCOL_VERSION; tests send others on purpose. */
  version?: number;
  token?: string;
  /** Milliseconds, for walk timing; defaults to performance.now. */
  now?: () => number;
  /** Extra upgrade headers, e.g. X-Forwarded-For to play a client behind a proxy. */
  headers?: Record<string, string>;
  /** The local address to connect from (any of 127.0.0.0/8 on Linux), so each bot is its own household. */
  localAddress?: string;
}

export interface Closed {
  code: number;
  reason: string;
}

/** How often waitFor re-checks between frames. */
const POLL_MS = 20;

/** What a bot's listeners hear: the view's events but 'walk' (a bot reads walks from its view), and the close. */
export type BotEvent = ViewEvent | { type: 'close'; code: number; reason: string };

/** Walks are most of what a frame says, and no bot listens for them: thousands of bots skip the events. */
const APPLY: ApplyOptions = { walkEvents: false };

export class BotClient {
  readonly view: WorldView = createView();
  /** Frames and bytes received from the server, and sent to it. */
  framesIn = 0;
  bytesIn = 0;
  framesOut = 0;
  bytesOut = 0;
  /** Reads from the TCP socket: fewer than frames when the server writes several frames at once. */
  readsIn = 0;
  /** What the bot did in the game: blows it landed, mobs it killed, its deaths, chat lines it heard. */
  readonly tally = { hits: 0, kills: 0, deaths: 0, chatHeard: 0 };
  /** Frames the view could not make sense of (a server bug): should stay empty. */
  readonly problems: string[] = [];
  closed: Closed | null = null;
  /** The token the server gave the bot's new character, to play it again later. */
  token: string | null = null;
  /** Where the server sent the bot (`Op.Transfer`): join that world to play on (see `follow`). */
  transfer: { world: string; map: string } | null = null;
  /** Replaced, never changed, when one is added or removed: emitting needs no copy to be safe from that. */
  private listeners: readonly ((event: BotEvent) => void)[] = [];
  /** Pending waitFor checks, run after every frame and on close. */
  private readonly waiters = new Set<() => void>();
  private readonly now: () => number;

  private constructor(
    private readonly socket: WebSocket,
    private readonly options: BotOptions,
  ) {
    this.now = options.now ?? (() => performance.now());
    socket.binaryType = 'nodebuffer';
    // ws's own TCP socket (not public): each chunk it reads is one read of what the server wrote.
    (socket as unknown as { _socket?: NodeJS.EventEmitter })._socket?.on('data', () => this.readsIn++);
    socket.on('message', (data: Buffer, isBinary: boolean) => this.receive(data, isBinary));
    socket.on('close', (code: number, reason: Buffer) => {
      this.closed = { code, reason: reason.toString() };
      this.emit({ type: 'close', ...this.closed });
      this.settle();
    });
    socket.on('error', () => {}); // a 'close' always follows, and carries what the caller needs
  }

  /** Opens the connection and says hello; resolves once the socket is open (not yet welcomed). */
  static connect(options: BotOptions): Promise<BotClient> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(options.url, {
        perMessageDeflate: false,
        headers: options.headers,
        localAddress: options.localAddress,
      });
      const fail = (err: Error): void =>
        reject(new Error(`${options.name} could not connect to ${options.url}: ${err.message}`));
      socket.once('error', fail);
      socket.once('open', () => {
        socket.off('error', fail);
        const bot = new BotClient(socket, options);
        bot.send(encode([Op.Hello, options.version ?? PROTOCOL_VERSION, options.name, options.token ?? '']));
        resolve(bot);
      });
    });
  }

  /** The bot's own entity, once welcomed. */
  get self(): SeenEntity | undefined {
    return this.view.entities.get(this.view.selfId);
  }

  get welcomed(): boolean {
    return this.view.selfId >= 0;
  }

  /** Where an entity is now, by the walk timing the server announced. */
  tileOf(entity: SeenEntity): { x: number; y: number } {
    return tileAt(entity, this.now(), this.view.tickMs * this.view.stepTicks);
  }

  walkTo(x: number, y: number): void {
    this.send(encode([Op.WalkTo, x, y]));
  }

  attack(id: number): void {
    this.send(encode([Op.Attack, id]));
  }

  loot(id: number): void {
    this.send(encode([Op.Loot, id]));
  }

  talk(id: number): void {
    this.send(encode([Op.Talk, id]));
  }

  /** Takes the quest an NPC beside the bot offered (quests.json id). */
  acceptQuest(id: string): void {
    this.send(encode([Op.AcceptQuest, id]));
  }

  abandonQuest(id: string): void {
    this.send(encode([Op.AbandonQuest, id]));
  }

  open(id: number): void {
    this.send(encode([Op.Open, id]));
  }

  respawn(): void {
    this.send(encode([Op.Respawn]));
  }

  chat(text: string): void {
    this.send(encode([Op.Chat, text]));
  }

  who(): void {
    this.send(encode([Op.Who]));
  }

  /** Drinks or puts on what bag slot `slot` holds (the view's `bag` shows the slots, from `Op.Bag`). */
  useSlot(slot: number): void {
    this.send(encode([Op.UseSlot, slot]));
  }

  /** Drinks one of the potion on belt slot `slot`. */
  useBelt(slot: number): void {
    this.send(encode([Op.UseBelt, slot]));
  }

  /** Drops one of what bag slot `slot` holds at the bot's feet. */
  dropSlot(slot: number): void {
    this.send(encode([Op.DropSlot, slot]));
  }

  /** Puts the potion of bag slot `slot` on belt slot `belt` (-1 clears it). */
  setBelt(belt: number, slot: number): void {
    this.send(encode([Op.SetBelt, belt, slot]));
  }

  /**
   * After a Transfer and its close: the same character joins the world it was sent to (`/ws/<world>` on
   * the same server), with `token`. Resolves with the new bot once it is connected (not yet welcomed).
   */
  async follow(token: string): Promise<BotClient> {
    await this.waitForClose();
    if (!this.transfer) throw new Error(`${this.describe()} closed (${this.closed?.code}) with no transfer`);
    const url = new URL(`/ws/${this.transfer.world}`, this.options.url).href;
    return BotClient.connect({ ...this.options, url, token });
  }

  /** Sends raw bytes or text as they are: for tests of what the server does with bad input. */
  send(data: Uint8Array | string): void {
    if (this.socket.readyState !== WebSocket.OPEN) return;
    this.framesOut++;
    this.bytesOut += typeof data === 'string' ? Buffer.byteLength(data) : data.length;
    this.socket.send(data, { binary: typeof data !== 'string' });
  }

  /** Calls `listener` with every view event and the close; returns the function that stops it. */
  on(listener: (event: BotEvent) => void): () => void {
    if (!this.listeners.includes(listener)) this.listeners = [...this.listeners, listener];
    return () => void (this.listeners = this.listeners.filter((l) => l !== listener));
  }

  /**
   * Resolves once `predicate` holds, checking now, after every frame and every POLL_MS (for conditions
   * on walk timing, which change with no frame). Rejects after `timeoutMs`, or when the connection
   * closes first, naming `what` it was waiting for.
   */
  waitFor(predicate: () => boolean, timeoutMs: number, what = 'a condition'): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = (): void => {
        if (predicate()) return finish();
        if (this.closed) {
          finish(
            new Error(
              `${this.describe()} closed (${this.closed.code} ${this.closed.reason}) while waiting for ${what}`,
            ),
          );
        }
      };
      const timer = setTimeout(
        () => finish(new Error(`${this.describe()} waited ${timeoutMs} ms for ${what}`)),
        timeoutMs,
      );
      const poll = setInterval(check, POLL_MS);
      const finish = (err?: Error): void => {
        clearTimeout(timer);
        clearInterval(poll);
        this.waiters.delete(check);
        if (err) reject(err);
        else resolve();
      };
      this.waiters.add(check);
      check();
    });
  }

  waitForWelcome(timeoutMs = 5000): Promise<void> {
    return this.waitFor(() => this.welcomed, timeoutMs, 'the welcome');
  }

  /** Resolves with the close code and reason once the connection is closed. */
  async waitForClose(timeoutMs = 5000): Promise<Closed> {
    await this.waitFor(() => this.closed !== null, timeoutMs, 'the connection to close');
    return this.closed!;
  }

  /** Cuts the connection with no close frame, as a lost network does; resolves once it is closed. */
  drop(): Promise<Closed> {
    this.socket.terminate();
    return this.waitForClose(2000);
  }

  /** Closes the connection (normally) and resolves once it is closed; never hangs. */
  async close(timeoutMs = 2000): Promise<Closed> {
    if (this.socket.readyState === WebSocket.CLOSED) return this.closed ?? { code: 1006, reason: '' };
    this.socket.close(1000, 'bye');
    try {
      return await this.waitForClose(timeoutMs);
    } catch {
      this.socket.terminate();
      return this.waitForClose(timeoutMs);
    }
  }

  private receive(data: Buffer, isBinary: boolean): void {
    this.framesIn++;
    this.bytesIn += data.length;
    if (isBinary) this.apply(data);
    else this.problems.push('text frame from the server');
    this.settle();
  }

  private apply(frame: Uint8Array): void {
    let events: ViewEvent[];
    try {
      events = applyFrame(this.view, frame, this.now(), APPLY);
    } catch (err) {
      return void this.problems.push(`undecodable frame: ${(err as Error).message}`);
    }
    for (const e of events) {
      if (e.type === 'problem') this.problems.push(e.text);
      else if (e.type === 'token') this.token = e.token;
      else if (e.type === 'transfer') this.transfer = { world: e.world, map: e.map };
      else this.count(e);
      this.emit(e);
    }
  }

  private count(e: ViewEvent): void {
    const self = this.view.selfId;
    if (e.type === 'hit' && e.attacker === self) {
      this.tally.hits++;
      if (e.hpLeft === 0) this.tally.kills++;
    } else if (e.type === 'died' && e.id === self) this.tally.deaths++;
    else if (e.type === 'chat' && e.id !== self) this.tally.chatHeard++;
  }

  private settle(): void {
    if (this.waiters.size > 0) for (const check of [...this.waiters]) check();
  }

  private emit(event: BotEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  private describe(): string {
    return this.self ? `bot ${this.self.name} (#${this.self.id})` : 'bot';
  }
}
