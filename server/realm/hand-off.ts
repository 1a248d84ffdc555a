// The portal's hand-off as the store helper's Saver offers it (`saver.handOff`: final save + lease
// release + map change in one statement). Until that Saver is merged, a stand-in: save the character at
// its destination and remember its map in this process.
import type { Player } from '../sim/world.ts';
import type { Saver } from '../saver.ts';

export interface NextPlace {
  map: string;
  shard: string | null;
  x: number;
  y: number;
}

type HandOff = (player: Player, next: NextPlace) => Promise<boolean>;

/** Maps of characters handed off by the stand-in, by name key. */
export const standInMaps = new Map<string, NextPlace>();

export function handOff(saver: Saver, player: Player, next: NextPlace): Promise<boolean> {
  const own = (saver as unknown as { handOff?: HandOff }).handOff;
  if (own) return own.call(saver, player, next);
  const { x, y } = player;
  Object.assign(player, { x: next.x, y: next.y, endX: next.x, endY: next.y, path: [], progress: 0 });
  saver.keep(player);
  Object.assign(player, { x, y });
  standInMaps.set(player.key, next);
  return saver.flush(true);
}
