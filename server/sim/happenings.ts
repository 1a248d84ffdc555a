// Typed facts for the player they happened to (Op.Happened): its page plays a sound or an effect from
// them, never guessing from a notice's text or a change in its stats.
import { Op, type Happening } from '../../shared/protocol/ops.ts';
import { encode } from '../../shared/protocol/codec.ts';
import type { Outbox } from './outbox.ts';

/** Tells one player that `what` happened to it; `detail` is an item kind, a level or an id. */
export function tellHappened(player: { outbox: Outbox }, what: Happening, detail: string | number): void {
  player.outbox.events.push(encode([Op.Happened, what, detail]));
}
