// What a player carries: the bag's slots and the belt's shortcuts, and the three things every other rule
// needs from them (loot, quests, trading one day): put items in, take them out, count them. The rules of
// what a pickup does, equipping and dropping live with those intents; these only keep the slots right.
import type { ItemKind } from '../../shared/content/game-data.ts';
import type { Player } from './entities.ts';

/** The most of one kind a slot holds, for kinds that stack (everything but gear). */
export const STACK_MAX = 10;

type Carrier = Pick<Player, 'bag' | 'bagCounts' | 'belt' | 'bagChanged' | 'dirty'>;

export function stacks(kind: ItemKind): boolean {
  return kind.type !== 'weapon' && kind.type !== 'armor';
}

/** How many of `count` would fit, without changing anything. */
export function roomFor(player: Carrier, kind: ItemKind, count = 1): number {
  let room = 0;
  for (let i = 0; i < player.bag.length && room < count; i++) {
    if (player.bag[i] === '') room += stacks(kind) ? STACK_MAX : 1;
    else if (player.bag[i] === kind.id && stacks(kind)) room += STACK_MAX - player.bagCounts[i]!;
  }
  return Math.min(room, count);
}

/**
 * Puts `count` of `kind` in the bag: onto its stacks first, then into empty slots. All or nothing:
 * false (and nothing changed) when they do not all fit.
 */
export function addItem(player: Carrier, kind: ItemKind, count = 1): boolean {
  if (count < 1 || roomFor(player, kind, count) < count) return false;
  let left = count;
  if (stacks(kind)) {
    for (let i = 0; i < player.bag.length && left > 0; i++) {
      if (player.bag[i] !== kind.id) continue;
      const put = Math.min(left, STACK_MAX - player.bagCounts[i]!);
      player.bagCounts[i]! += put;
      left -= put;
    }
  }
  for (let i = 0; i < player.bag.length && left > 0; i++) {
    if (player.bag[i] !== '') continue;
    const put = stacks(kind) ? Math.min(left, STACK_MAX) : 1;
    player.bag[i] = kind.id;
    player.bagCounts[i] = put;
    left -= put;
  }
  changed(player);
  return true;
}

/** How many of the kind `kindId` the bag holds. */
export function countItem(player: Pick<Player, 'bag' | 'bagCounts'>, kindId: string): number {
  let n = 0;
  for (let i = 0; i < player.bag.length; i++) if (player.bag[i] === kindId) n += player.bagCounts[i]!;
  return n;
}

/**
 * Takes `count` of `kindId` out of the bag, from the last stacks first so the first slots stay put.
 * All or nothing: false (and nothing changed) when the bag holds fewer. A belt shortcut to a kind no
 * longer carried stays (it shows empty) so a refill lands on it again.
 */
export function removeItem(player: Carrier, kindId: string, count = 1): boolean {
  if (count < 1 || countItem(player, kindId) < count) return false;
  let left = count;
  for (let i = player.bag.length - 1; i >= 0 && left > 0; i--) {
    if (player.bag[i] !== kindId) continue;
    const take = Math.min(left, player.bagCounts[i]!);
    player.bagCounts[i]! -= take;
    left -= take;
    if (player.bagCounts[i] === 0) player.bag[i] = '';
  }
  changed(player);
  return true;
}

/** Empties one slot, returning what it held (null for an empty slot or one out of range). */
export function takeSlot(player: Carrier, slot: number): { kind: string; count: number } | null {
  const kind = player.bag[slot];
  if (!kind) return null;
  const count = player.bagCounts[slot]!;
  player.bag[slot] = '';
  player.bagCounts[slot] = 0;
  changed(player);
  return { kind, count };
}

function changed(player: Carrier): void {
  player.bagChanged = true;
  player.dirty = true;
}
