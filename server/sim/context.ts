// What the systems (combat, deaths, loot, mob life, player goals, progress, event handlers) may see and
// do: a narrow view of the world that World implements. Systems name only this, never World, so none
// imports the registry that runs them, and a system can be tested with a fake. Type-only by design.
import type { GameData } from '../../shared/content/game-data.ts';
import type { Placements, PortalPlacement } from '../../shared/content/placements.ts';
import type { WorldMap } from '../../shared/content/world-map.ts';
import type { ServerMsg } from '../../shared/protocol/server-messages.ts';
import type { Chest, Entity, GroundItem, Mob, Npc, Player } from './entities.ts';
import type { EventQueue } from './events.ts';
import type { MobTiles } from './mob-tiles.ts';
import type { Rng } from './rng.ts';
import type { Visibility } from './visibility.ts';

export interface Departure {
  player: Player;
  /** The portal stepped on; after a respawn towards a checkpoint on another map, one made for it. */
  portal: PortalPlacement;
  /** Where to arrive instead of the portal's `to` object (the checkpoint's tile). */
  tile?: { x: number; y: number };
}

/** Who sees what, as systems use it: messages go in as tuples, and the visibility layer encodes them. */
export type Sight = Pick<Visibility, 'place' | 'remove' | 'moved' | 'broadcast' | 'watchers' | 'cellAt'>;

export interface SimContext {
  readonly tickCount: number;
  readonly rng: Rng;
  readonly data: GameData;
  readonly map: WorldMap;
  readonly placements: Placements;
  readonly players: ReadonlyMap<number, Player>;
  readonly mobs: Map<number, Mob>;
  readonly items: Map<number, GroundItem>;
  readonly npcs: Map<number, Npc>;
  readonly chests: Map<number, Chest>;
  readonly vis: Sight;
  readonly mobTiles: MobTiles;
  /** What happened this tick, handled in the tick's event phase (events.ts). */
  readonly events: EventQueue;
  /** Players who stepped onto a portal this tick, for the realm to move (emptied by it). */
  readonly departures: Departure[];
  /** The map's path under `assets/`, as checkpoints name it. */
  readonly mapPath: string;
  newId(): number;
  releaseId(id: number): void;
  /** Any entity by id: the target of an intent. */
  entity(id: number): Entity | undefined;
  /** Starts a walk; false when a player has searched too much lately (see World.walk). */
  walk(w: Player | Mob, x: number, y: number, beside?: boolean): boolean;
  /** A message for one player alone (its own client), encoded by its outbox. */
  tell(p: Player, msg: ServerMsg): void;
}
