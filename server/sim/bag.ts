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

/** Why `slot` is not a slot of the bag, or null. */
function noSlot(player: Carrier, slot: number): string | null {
  return slot < player.bag.length ? null : `Your bag has no slot ${slot + 1}: it has ${player.bag.length}.`;
}

/**
 * Moves what `from` holds to `to`: into an empty slot it moves, onto a stack of its kind it tops that
 * stack up (what does not fit stays), onto anything else the two swap. Returns why not, or null.
 */
export function moveSlot(
  player: Carrier,
  kinds: ReadonlyMap<string, ItemKind>,
  from: number,
  to: number,
): string | null {
  const bad = noSlot(player, from) ?? noSlot(player, to);
  if (bad) return bad;
  const kind = player.bag[from]!;
  if (!kind) return `Bag slot ${from + 1} is empty.`;
  if (from === to) return null;
  const { bag, bagCounts: counts } = player;
  const stacking = bag[to] === kind && kinds.get(kind) !== undefined && stacks(kinds.get(kind)!);
  if (stacking) {
    const put = Math.min(counts[from]!, STACK_MAX - counts[to]!);
    if (put === 0) return `That stack is full (${STACK_MAX}).`;
    counts[to]! += put;
    counts[from]! -= put;
    if (counts[from] === 0) bag[from] = '';
  } else {
    [bag[from], bag[to]] = [bag[to]!, bag[from]!];
    [counts[from], counts[to]] = [counts[to]!, counts[from]!];
  }
  changed(player);
  return null;
}

/** Half of a stack (rounded down) goes to the first empty slot. Returns why not, or null. */
export function splitSlot(player: Carrier, slot: number): string | null {
  const bad = noSlot(player, slot);
  if (bad) return bad;
  if (!player.bag[slot]) return `Bag slot ${slot + 1} is empty.`;
  const count = player.bagCounts[slot]!;
  if (count < 2) return 'Only one: nothing to split.';
  const free = player.bag.indexOf('');
  if (free < 0) return 'Your bag is full: no slot to split into.';
  const half = Math.floor(count / 2);
  player.bag[free] = player.bag[slot]!;
  player.bagCounts[free] = half;
  player.bagCounts[slot] = count - half;
  changed(player);
  return null;
}

/** Where a kind goes in a sorted bag: weapons, armor, potions, quest items. */
const SORT_GROUPS: readonly ItemKind['type'][] = ['weapon', 'armor', 'consumable', 'quest'];

/**
 * Sorts the bag: by group, within a group the strongest first (gear by level, potions by what they heal),
 * then by name; stacks of one kind merged; the empty slots last. Kinds the data no longer knows go at
 * the end.
 */
export function sortBag(player: Carrier, kinds: ReadonlyMap<string, ItemKind>): void {
  const totals = new Map<string, number>();
  for (let i = 0; i < player.bag.length; i++) {
    const id = player.bag[i]!;
    if (id) totals.set(id, (totals.get(id) ?? 0) + player.bagCounts[i]!);
  }
  const rank = (id: string): [number, number, string] => {
    const kind = kinds.get(id);
    if (!kind) return [SORT_GROUPS.length + 1, 0, id];
    const group = SORT_GROUPS.indexOf(kind.type);
    const strength = kind.type === 'consumable' ? kind.heal + kind.invulnerableSeconds * 100 : kind.level;
    return [group, -strength, kind.name];
  };
  const order = [...totals.keys()].sort((a, b) => {
    const [ga, sa, na] = rank(a);
    const [gb, sb, nb] = rank(b);
    return ga - gb || sa - sb || na.localeCompare(nb);
  });
  const bag: string[] = [];
  const counts: number[] = [];
  for (const id of order) {
    const kind = kinds.get(id);
    const per = kind && stacks(kind) ? STACK_MAX : 1;
    for (let left = totals.get(id)!; left > 0; left -= per) {
      bag.push(id);
      counts.push(Math.min(per, left));
    }
  }
  // Merging never needs more slots than the bag had.
  for (let i = 0; i < player.bag.length; i++) {
    player.bag[i] = bag[i] ?? '';
    player.bagCounts[i] = counts[i] ?? 0;
  }
  changed(player);
}
