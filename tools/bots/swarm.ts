// Many bots against one server: connects them in batches, runs a behaviour, counts what they receive,
// and tells a close the swarm asked for apart from an unexpected disconnect.
import { Rng } from '../../server/sim/rng.ts';
import type { TileRect } from '../../shared/content/world-map.ts';
import { BotClient } from './bot-client.ts';
import { startBehaviour, type BehaviourName, type StopBehaviour, type WanderOptions } from './behaviours.ts';

export interface SwarmOptions {
  /** The WebSocket endpoint, e.g. ws://127.0.0.1:8000/ws. */
  url: string;
  count: number;
  /** What the bots do; with several, bot i does behaviours[i % n] (a mixed crowd). */
  behaviour: BehaviourName | readonly BehaviourName[];
  wander: Omit<WanderOptions, 'random'>;
  /** Where each bot keeps to, round robin (bot i gets areas[i % n]); `wander.area` for all when absent. */
  areas?: readonly TileRect[];
  seed?: number;
  /** Bots are named PREFIX1, PREFIX2, …; "Bot" unless given. */
  namePrefix?: string;
  /** Bots connecting at once; the server takes a join per bot, so a ramp keeps its ticks short. */
  batch?: number;
  welcomeTimeoutMs?: number;
  /** Where bot i (from 0) connects from; the system's choice when absent. */
  localAddress?: (i: number) => string;
}

export interface Disconnect {
  name: string;
  code: number;
  reason: string;
}

/** One bot's traffic counters, for rates over a window. */
export interface Traffic {
  framesIn: number;
  bytesIn: number;
  framesOut: number;
  bytesOut: number;
  readsIn: number;
}

export class Swarm {
  readonly bots: BotClient[] = [];
  /** Bots that could not connect or were not welcomed, with why. */
  readonly failures: string[] = [];
  /** Closes the swarm did not ask for. */
  readonly disconnects: Disconnect[] = [];
  private readonly stops: StopBehaviour[] = [];
  private closing = false;
  private readonly rng: Rng;

  constructor(private readonly options: SwarmOptions) {
    this.rng = new Rng(options.seed ?? 1);
  }

  /** Connects every bot, `batch` at a time, and waits for each welcome. */
  async connect(): Promise<void> {
    const { count, batch = 50, namePrefix = 'Bot' } = this.options;
    for (let first = 0; first < count && !this.closing; first += batch) {
      const names = Array.from(
        { length: Math.min(batch, count - first) },
        (_, i) => `${namePrefix}${first + i + 1}`,
      );
      await Promise.all(names.map((name, i) => this.connectOne(name, first + i)));
    }
  }

  /** Starts every welcomed bot's behaviour. */
  start(): void {
    const random = (): number => this.rng.next();
    const { areas, wander, behaviour } = this.options;
    const behaviours = typeof behaviour === 'string' ? [behaviour] : behaviour;
    this.bots.forEach((bot, i) => {
      const area = areas?.length ? areas[i % areas.length]! : wander.area;
      // Object.assign, not `{ ...wander, area, random }`: V8 gives each object spread and then extended a
      // hidden class of its own, and 2,000 of them made every read of these options slow.
      const options = Object.assign({ ...wander }, { area, random });
      this.stops.push(startBehaviour(behaviours[i % behaviours.length]!, bot, options));
    });
  }

  traffic(): Traffic[] {
    return this.bots.map(({ framesIn, bytesIn, framesOut, bytesOut, readsIn }) => ({
      framesIn,
      bytesIn,
      framesOut,
      bytesOut,
      readsIn,
    }));
  }

  /** What the bots did in the game, summed over every bot. */
  tally(): BotClient['tally'] {
    const sum = { hits: 0, kills: 0, deaths: 0, chatHeard: 0 };
    for (const { tally } of this.bots)
      for (const k of Object.keys(sum) as (keyof typeof sum)[]) sum[k] += tally[k];
    return sum;
  }

  /** Frames no bot's view could make sense of (server bugs), counted over all bots. */
  problems(): string[] {
    return this.bots.flatMap((b) => b.problems);
  }

  /** Stops the behaviours and closes every bot; never hangs. */
  async close(): Promise<void> {
    this.closing = true;
    for (const stop of this.stops.splice(0)) stop();
    await Promise.all(this.bots.map((b) => b.close(3000)));
  }

  private async connectOne(name: string, index: number): Promise<void> {
    let bot: BotClient;
    try {
      const localAddress = this.options.localAddress?.(index);
      bot = await BotClient.connect({ url: this.options.url, name, localAddress });
    } catch (err) {
      this.failures.push((err as Error).message);
      return;
    }
    const stopWatching = bot.on((e) => {
      if (e.type === 'close' && !this.closing)
        this.disconnects.push({ name, code: e.code, reason: e.reason });
    });
    try {
      await bot.waitForWelcome(this.options.welcomeTimeoutMs ?? 20_000);
      this.bots.push(bot);
    } catch (err) {
      this.failures.push((err as Error).message);
      stopWatching(); // a bot we give up on is closed by us, not dropped
      await bot.close();
    }
  }
}
