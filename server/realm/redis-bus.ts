// The realm's bus on Redis pub/sub (REDIS_URL): one channel per world. Delivery is at most once, as
// the in-process bus's is; anything that must not be lost (a character's state, its lease) goes through
// the database instead. node-redis subscribes again by itself after a reconnect.
import type { RedisClientType } from 'redis';
import type { Bus, BusMessage } from './bus.ts';
import type { Log } from '../log.ts';

const channel = (world: string): string => `emberquest:bus:${world}`;

export class RedisBus implements Bus {
  private readonly handlers = new Map<string, Set<(message: BusMessage) => void>>();

  constructor(
    private readonly publisher: RedisClientType,
    /** A connection of its own: one in subscriber mode can do nothing else. */
    private readonly subscriber: RedisClientType,
    private readonly log: Log,
  ) {}

  /** PUBLISH's own answer: the subscribers (connections) that got it, 0 while a world's has not resubscribed. */
  publish(world: string, message: BusMessage): Promise<number> {
    return this.publisher.publish(channel(world), JSON.stringify(message));
  }

  subscribe(world: string, handler: (message: BusMessage) => void): () => void {
    let set = this.handlers.get(world);
    if (!set) {
      const handlers = new Set<(message: BusMessage) => void>();
      this.handlers.set(world, (set = handlers));
      this.subscriber
        .subscribe(channel(world), (raw) => {
          let message: BusMessage;
          try {
            message = JSON.parse(raw) as BusMessage;
          } catch {
            return this.log.warn(`Ignored a message on ${channel(world)} that is not JSON`);
          }
          for (const h of handlers) h(message);
        })
        .catch((err: Error) => this.log.warn(`Could not subscribe to ${channel(world)}: ${err.message}`));
    }
    set.add(handler);
    return () => set.delete(handler);
  }
}
