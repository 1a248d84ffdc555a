// Typed facts for the player they happened to (Op.Happened): its page plays a sound or an effect from
// them, never guessing from a notice's text or a change in its stats.
import { Op, type Happening } from '../../shared/protocol/ops.ts';
import type { SimContext } from './context.ts';
import type { Player } from './entities.ts';

/** Tells one player that `what` happened to it; `detail` is an item kind, a level or an id. */
export function tellHappened(
  world: Pick<SimContext, 'tell'>,
  player: Player,
  what: Happening,
  detail: string | number,
): void {
  world.tell(player, [Op.Happened, what, detail]);
}
