// What happened in the world this tick, as plain records. Systems push them where the thing happens and
// go on; one tick phase (World.handleEvents) hands each to its handlers (event-handlers.ts), so every
// consequence of a kill, a pickup or a step into a named place has one home, and new rules (quests,
// parties) hang off the same events instead of reaching into the systems that raise them.
import type { ItemKind } from '../../shared/content/game-data.ts';
import type { PortalPlacement } from '../../shared/content/placements.ts';
import type { Chest, Mob, Npc, Player } from './entities.ts';

export type SimEvent =
  /** A mob's HP reached 0; `killerId` landed the last blow (a player id, or -1). */
  | { type: 'mobKilled'; mob: Mob; killerId: number }
  /**
   * A player earns the kill of `mob` (quests count these): the killer, and, with parties, the members
   * near it. Raised by the mobKilled handler; the killer's own kill count and XP stay there.
   */
  | { type: 'killCredited'; player: Player; mob: Mob }
  | { type: 'playerDied'; player: Player; killer: Mob }
  /** The player got up at its checkpoint after dying. */
  | { type: 'playerRespawned'; player: Player }
  /** The player took an item: `equipped` when it was gear it now wears, otherwise it was used up. */
  | { type: 'itemPickedUp'; player: Player; kind: ItemKind; equipped: boolean }
  | { type: 'chestOpened'; player: Player; chest: Chest }
  /** The player stands in a named area it had not reached before. */
  | { type: 'areaEntered'; player: Player; name: string }
  /** The player was told an NPC's line; `heardOut` when it was the last one. */
  | { type: 'npcTalked'; player: Player; npc: Npc; heardOut: boolean }
  | { type: 'chatSaid'; player: Player; text: string }
  /** The player stepped onto a portal: the realm moves it to the portal's map (World.departures). */
  | { type: 'portalEntered'; player: Player; portal: PortalPlacement };

export type SimEventType = SimEvent['type'];
export type SimEventOf<T extends SimEventType> = Extract<SimEvent, { type: T }>;

/** Events in the order they were raised; handlers may raise more, which are handled in the same drain. */
export class EventQueue {
  private readonly queue: SimEvent[] = [];

  push(event: SimEvent): void {
    this.queue.push(event);
  }

  get size(): number {
    return this.queue.length;
  }

  /** Hands every queued event to `handle`, in order, including events raised while draining. */
  drain(handle: (event: SimEvent) => void): void {
    for (let i = 0; i < this.queue.length; i++) handle(this.queue[i]!);
    this.queue.length = 0;
  }
}
