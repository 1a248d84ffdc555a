// One player of the cluster test: a character played by a succession of bots, as a page would play it.
// It joins through nginx, chats every two seconds (each line the server confirms bumps the character's
// saved `chat:any` counter: its progress), whispers, hops shards and portals when the swarm allows, and
// rejoins by itself when its connection ends (a transfer, a killed world, a refused join). At every
// welcome it reads its row from PostgreSQL: the world that welcomed it holds the lease, and nothing it
// said is lost, except after a crash its last two seconds at most.
import type pg from 'pg';
import { CloseCode } from '../../shared/protocol/ops.ts';
import { joinWorld, type RealmBot } from './realm-bots.ts';
import { sleep } from './processes.ts';

/** Longest stretch of confirmed progress a crashed or paused world may lose. */
export const MAX_LOST_MS = 2000;
/** A line said this long ago with no echo was refused (talking too fast), not delayed. */
const UNHEARD_MS = 10_000;

export interface SwarmSettings {
  /** ws://host:port/ of nginx. */
  base: string;
  db: pg.Pool;
  /** The field's shards (worlds of the start map) and the world of the cave. */
  shards: string[];
  cave: string;
  fieldPortal: { x: number; y: number };
  cavePortal: { x: number; y: number };
  /** Whether actors hop (shards, portals) and whisper now: off while faults are injected. */
  hopping: boolean;
  whispering: boolean;
  /** Every actor, to pick whom to whisper to. */
  actors: Actor[];
  /** Benchmarks: actors also walk to a random tile of this box every second or two (off the portals). */
  wander?: { x: number; y: number; w: number; h: number };
}

export interface Loss {
  lines: number;
  /** From the oldest lost line to the last frame the old world sent. */
  windowMs: number;
}

interface Whispered {
  from: string;
  to: string;
  text: string;
  /** The world the line was heard in. */
  world: string;
}

/** A bot's progress counter as stored, with the lease, read from the character's row. */
async function storedProgress(
  db: pg.Pool,
  name: string,
): Promise<{ said: number; owner: string | null; map: string }> {
  const { rows } = await db.query<{ character: string; owner: string | null; map: string }>(
    'SELECT character, owner, map FROM characters WHERE name = $1',
    [name],
  );
  if (!rows[0]) throw new Error(`no row for ${name}`);
  const doc = JSON.parse(rows[0].character) as { counters?: Record<string, number> };
  return { said: doc.counters?.['chat:any'] ?? 0, owner: rows[0].owner, map: rows[0].map };
}

export class Actor {
  token = '';
  current: RealmBot | null = null;
  /** Lines the server confirmed (the character's chat counter as the bot knows it), and when. */
  said = 0;
  private saidAt: number[] = [];
  /** Welcomes, world by world. */
  readonly sessions: { world: string; at: number }[] = [];
  readonly losses: Loss[] = [];
  readonly problems: string[] = [];
  readonly announcements: string[] = [];
  readonly whispers: Whispered[] = [];
  readonly notices: string[] = [];
  readonly hops = { portal: 0, shard: 0 };
  /** Bots given up on while their world was paused: that world must close them once it wakes. */
  readonly abandoned: RealmBot[] = [];
  private lastFrameAt = 0;
  private framesSeen = 0;
  /** The session ended by our own doing (a shard hop, a transfer): nothing may be lost. */
  private clean = true;
  /** We closed the current bot ourselves (a shard hop). */
  private leaving = false;
  private nextChatAt = 0;
  /**
   * When each line said on the current bot was said, until its echo comes back (the world counted it).
   * A hop waits for them, however long a loaded machine takes: a line the world counts but the bot never
   * hears (its socket closed first) would read as progress stored that the bot never made.
   */
  private unheard: number[] = [];
  private nextHopAt = 0;
  private nextWalkAt = 0;
  private stopped = false;
  private running: Promise<void> | null = null;

  constructor(
    readonly name: string,
    public world: string,
    private readonly swarm: SwarmSettings,
  ) {}

  start(): void {
    this.nextHopAt = performance.now() + 2000 + Math.random() * 3000;
    this.running = this.run().catch((err: Error) => void this.problems.push(`crashed: ${err.stack}`));
  }

  /** A hop under way: between two worlds, what is sent to it may be lost (hand-off frames are dropped). */
  private hopping = false;

  /** Welcomed in a world now (and its socket open), and not on its way to another. */
  get playing(): boolean {
    const b = this.current?.bot;
    return !!b && b.welcomed && !b.closed && !this.hopping;
  }

  /** Plays on in `world` from now: the current bot is left as it is (its world is paused). */
  moveTo(world: string): void {
    if (this.current) this.abandoned.push(this.current);
    this.current = null;
    this.world = world;
    this.clean = false;
  }

  /** Stops playing and leaves cleanly (its last state saved and its lease released by its world). */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.running;
    await this.current?.bot.close();
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      const b = this.current?.bot;
      if (!b || !b.welcomed || b.closed) await this.rejoin();
      else await this.play();
      await sleep(80 + Math.random() * 80);
    }
  }

  private async play(): Promise<void> {
    const bot = this.current!.bot;
    const now = performance.now();
    if (bot.framesIn !== this.framesSeen) [this.framesSeen, this.lastFrameAt] = [bot.framesIn, now];
    if (now >= this.nextChatAt) {
      bot.chat(`line ${this.said + 1} of ${this.name}`);
      this.unheard.push(now);
      this.nextChatAt = now + 2000 + Math.random() * 500;
    }
    if (this.swarm.whispering && Math.random() < 0.01) {
      const others = this.swarm.actors.filter((a) => a !== this && a.playing);
      const to = others[Math.floor(Math.random() * others.length)];
      if (to) bot.chat(`/w ${to.name} from ${this.name} in ${this.world}`);
    }
    const box = this.swarm.wander;
    if (box && now >= this.nextWalkAt) {
      bot.walkTo(box.x + Math.floor(Math.random() * box.w), box.y + Math.floor(Math.random() * box.h));
      this.nextWalkAt = now + 1000 + Math.random() * 1000;
    }
    // A line refused by the world (talking too fast: a notice, no echo) is given up on after a while.
    while (this.unheard.length > 0 && now - this.unheard[0]! > UNHEARD_MS) this.unheard.shift();
    // Not while a line is unheard: its echo (the bot's count of it) must arrive before the socket goes.
    if (this.swarm.hopping && now >= this.nextHopAt && this.unheard.length === 0) {
      this.nextHopAt = now + 3000 + Math.random() * 4000;
      this.hopping = true;
      await this.hop().finally(() => (this.hopping = false));
    }
  }

  /** Through the portal of the map it is on, or (on the field, half the time) to the other shard. */
  private async hop(): Promise<void> {
    const bot = this.current!.bot;
    const onField = this.swarm.shards.includes(this.world);
    if (onField && Math.random() < 0.5) {
      this.hops.shard++;
      this.leaving = true;
      this.world = this.swarm.shards.find((s) => s !== this.world)!;
      await bot.close();
      return;
    }
    const portal = onField ? this.swarm.fieldPortal : this.swarm.cavePortal;
    bot.walkTo(portal.x, portal.y);
    try {
      await bot.waitFor(() => bot.transfer !== null, 10_000, 'the transfer');
      this.hops.portal++;
    } catch {
      // A blocked way (a notice says why) or the connection went: play on, or rejoin.
    }
  }

  /** Joins `world` (or where a transfer sends it) until welcomed; then checks its row. */
  private async rejoin(): Promise<void> {
    const ended = this.current;
    const code = ended?.bot.closed?.code;
    if (code === CloseCode.Transfer && ended!.bot.transfer) this.world = ended!.bot.transfer.world;
    // Closed by the world (killed, fenced out, replaced): what it had not saved may be lost.
    else if (ended && !(this.leaving && code === 1000)) this.clean = false;
    this.leaving = false;
    const lastFrameAt = this.lastFrameAt;
    this.current = null;
    for (let attempt = 0; !this.stopped; attempt++) {
      const b = await this.tryJoin();
      if (b === 'transfer') continue;
      if (b) {
        await this.welcomed(b, lastFrameAt);
        return;
      }
      await sleep(Math.min(1000, 150 * (attempt + 1)));
    }
  }

  /** One join: the welcomed bot, 'transfer' when sent elsewhere (world updated), or null to retry. */
  private async tryJoin(): Promise<RealmBot | 'transfer' | null> {
    let b: RealmBot;
    try {
      b = await joinWorld(this.swarm.base, this.world, this.name, this.token);
    } catch {
      return null; // nginx answered 502: the world's process is down
    }
    this.observe(b);
    try {
      await b.bot.waitFor(() => b.bot.welcomed || b.bot.closed !== null, 8000, 'the welcome');
    } catch {
      await b.bot.close(500); // a paused world never answers
      return null;
    }
    if (b.bot.welcomed && !b.bot.closed) return b;
    if (b.bot.closed?.code === CloseCode.Transfer && b.bot.transfer) {
      this.world = b.bot.transfer.world;
      return 'transfer';
    }
    return null;
  }

  private observe(b: RealmBot): void {
    const { bot } = b;
    bot.on((e) => {
      // Only the bot it plays now counts lines: an abandoned one's world may wake and echo a stale line.
      if (e.type === 'chat' && e.id === bot.view.selfId && this.current?.bot === bot) {
        this.said++;
        this.saidAt.push(performance.now());
        this.unheard.shift();
      } else if (e.type === 'announcement') this.announcements.push(e.text);
      else if (e.type === 'whisper' && e.to === this.name) this.whispers.push({ ...e, world: this.world });
      else if (e.type === 'notice') this.notices.push(e.text);
    });
  }

  private async welcomed(b: RealmBot, lastFrameAt: number): Promise<void> {
    if (!this.token) this.token = b.bot.token ?? '';
    if (b.bot.view.world !== this.world)
      this.problems.push(`joined ${this.world} but was welcomed in ${b.bot.view.world}`);
    let row: Awaited<ReturnType<typeof storedProgress>> | null = null;
    for (let i = 0; i < 100 && !row; i++)
      row = await storedProgress(this.swarm.db, this.name).catch(() => sleep(200).then(() => null));
    if (!row) return void this.problems.push('could not read its row after a welcome');
    if (row.owner !== this.world)
      this.problems.push(`welcomed in ${this.world}, but the lease is held by ${row.owner}`);
    if (row.said > this.said) this.problems.push(`stored ${row.said} lines, more than the ${this.said} said`);
    const lost = this.said - row.said;
    if (lost > 0) {
      const windowMs = Math.round(lastFrameAt - this.saidAt[row.said]!);
      this.losses.push({ lines: lost, windowMs });
      if (this.clean) this.problems.push(`lost ${lost} line(s) across a clean move to ${this.world}`);
      else if (windowMs > MAX_LOST_MS)
        this.problems.push(`lost ${lost} line(s) said up to ${windowMs} ms before its world stopped`);
      this.said = row.said;
      this.saidAt.length = row.said;
    }
    this.current = b;
    this.unheard = [];
    this.clean = true;
    this.lastFrameAt = performance.now();
    this.framesSeen = b.bot.framesIn;
    this.sessions.push({ world: this.world, at: performance.now() });
  }
}
