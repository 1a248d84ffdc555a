// What the client model holds per entity and what it tells the scenes; apart from game-client.ts so
// views and tests can name these types without the connection logic.
import type { SeenEntity, ViewEvent } from '../shared/protocol/view.ts';
import type { Motion } from './view/motion.ts';

/**
 * One entity as the client holds it: the shared view's entity (the server's word on kind, name, HP,
 * gear, level and walk) plus what only drawing needs. `seen` is the view's own object, kept up to date
 * by `applyFrame`; nothing of it is copied here, so no number can drift from the server's.
 */
export interface EntityModel {
  readonly seen: SeenEntity;
  /** Where it is drawn, walking tile to tile at the server's pace. */
  readonly motion: Motion;
  /** Client clock (ms) at which a dropped item vanishes; 0 for never. */
  readonly expiresAt: number;
  /** Client clock (ms) of the entity's latest swing, to play its attack. */
  swungAt: number;
}

export interface ClientEvents {
  /** The server accepted us: we are in the world (`map`: the map it runs, '' from an old server). */
  /** `version` names the map and data the world plays: it changes when live reload swapped them. */
  joined(self: EntityModel, world: string, map: string, version: string): void;
  /**
   * A portal (or a join to the wrong map) moves us to `world`, which runs `map`: draw that map, then call
   * `arrive()`. The old connection's close that follows is no loss and is not reported.
   */
  transferring(world: string, map: string): void;
  /** The connection ended for good; `wasPlaying` says whether we had joined. */
  closed(message: string, code: number, wasPlaying: boolean): void;
  /** The connection was lost while playing; the next attempt starts in `delayMs`. */
  reconnecting(message: string, delayMs: number): void;
  /** The server made us a new character: `token` plays it again later. */
  token(name: string, token: string): void;
  notice(text: string): void;
  /** Our character was moved far in one go (a door). */
  teleported(): void;
  /** Fights, deaths, chat, NPC lines, achievements, stats, looks and happenings: for effects and the HUD. */
  happened(event: ViewEvent): void;
}
