// What a player does with the things it carries: what a pickup becomes (worn, drunk or kept), and the bag
// intents (use a slot, drink from the belt, drop, set the belt). The server owns every slot: each intent
// names a slot, is checked against the bag as it is now, and a refusal says why and changes nothing.
import { Happening, Op } from '../../shared/protocol/ops.ts';
import { playerMaxHp } from '../../shared/rules/combat.ts';
import { TICK_RATE } from '../../shared/rules/movement.ts';
import type { ItemKind } from '../../shared/content/game-data.ts';
import type { BagIntent, GroundItem, Player } from './entities.ts';
import type { SimContext } from './context.ts';
import { tellHappened } from './happenings.ts';
import { addItem, moveSlot, removeItem, sortBag, splitSlot, stacks } from './bag.ts';
import { dropItem, removeGroundItem } from './loot.ts';

/** Bag intents kept per tick; more in one tick are a flood, not a player (the rest are dropped). */
export const BAG_INTENTS_PER_TICK = 4;
/** Ticks between two potions drunk from the bag or belt (half a second), so a held key drinks one. */
export const DRINK_TICKS = TICK_RATE / 2;

/** What became of a picked-up item; null when it stays on the ground (the player was told why). */
export type Taken = 'equipped' | 'drank' | 'kept' | null;

/** The player stands on the item: take it (wear, drink or keep it), or leave it there and say why. */
export function pickUp(world: SimContext, player: Player, item: GroundItem): void {
  const kind = world.data.items.get(item.kind);
  if (!kind) return removeGroundItem(world, item);
  const taken = takeItem(world, player, kind);
  if (!taken) return;
  world.events.push({ type: 'itemPickedUp', player, kind, equipped: taken === 'equipped' });
  removeGroundItem(world, item);
}

/**
 * A pickup: better gear is put on (the old piece goes into the bag); a healing potion picked up while
 * hurt is drunk at once (as in BrowserQuest: mid-fight, that is what the player wanted); everything else
 * goes into the bag, a new potion kind onto a free belt slot too. A full bag leaves the item on the ground.
 */
export function takeItem(world: SimContext, player: Player, kind: ItemKind): Taken {
  const say = (text: string): void => void world.tell(player, [Op.Notice, text]);
  if (!stacks(kind)) {
    const worn = world.data.items.get(kind.type === 'weapon' ? player.weapon : player.armor);
    if (!worn || kind.level > worn.level) {
      const old = wear(world, player, kind);
      if (old && !addItem(player, old)) {
        dropItem(world, old.id, player.x, player.y);
        say(`You equip the ${lower(kind)}. Your bag is full: your ${lower(old)} is left on the ground.`);
      } else say(`You equip the ${lower(kind)}${old ? `; your ${lower(old)} goes into your bag` : ''}.`);
      return 'equipped';
    }
  } else if (kind.heal > 0 && !kind.invulnerableSeconds && player.hp < player.maxHp) {
    drink(world, player, kind);
    return 'drank';
  }
  if (!addItem(player, kind)) {
    say(`Your bag is full: the ${lower(kind)} stays on the ground.`);
    return null;
  }
  const belt = kind.type === 'consumable' ? beltFor(player, kind.id) : -1;
  say(`You put the ${lower(kind)} in your bag${belt >= 0 ? ` (belt ${belt + 1})` : ''}.`);
  tellHappened(world, player, Happening.PickedUp, kind.id);
  return 'kept';
}

/** The belt slot holding `kindId`, or the first free one, which gets it now; -1 when the belt is full. */
function beltFor(player: Player, kindId: string): number {
  const holding = player.belt.indexOf(kindId);
  if (holding >= 0) return holding;
  const free = player.belt.indexOf('');
  if (free >= 0) {
    player.belt[free] = kindId;
    player.bagChanged = true;
  }
  return free;
}

/** Every bag intent the player asked for since the last tick, in order. */
export function applyBagIntents(world: SimContext, player: Player): void {
  for (const intent of player.bagIntents) {
    const refused = bagIntent(world, player, intent);
    if (refused) world.tell(player, [Op.Notice, refused]);
  }
  player.bagIntents.length = 0;
}

/** Applies one intent; returns why it was refused (nothing changed then), or null. */
function bagIntent(world: SimContext, player: Player, intent: BagIntent): string | null {
  if (player.dead) return 'You cannot use items while dead.';
  switch (intent.type) {
    case 'use':
      return useSlot(world, player, intent.slot);
    case 'belt':
      return useBelt(world, player, intent.slot);
    case 'drop':
      return dropSlot(world, player, intent.slot);
    case 'setBelt':
      return setBelt(world, player, intent.belt, intent.slot);
    case 'move':
      return moveSlot(player, world.data.items, intent.from, intent.to);
    case 'split':
      return splitSlot(player, intent.slot);
    case 'sort':
      sortBag(player, world.data.items);
      return null;
  }
}

/** Why `slot` names no item in the bag, or null when it holds one. */
function emptySlot(player: Player, slot: number): string | null {
  if (slot >= player.bag.length) return `Your bag has no slot ${slot + 1}: it has ${player.bag.length}.`;
  if (!player.bag[slot]) return `Bag slot ${slot + 1} is empty.`;
  return null;
}

function useSlot(world: SimContext, player: Player, slot: number): string | null {
  const empty = emptySlot(player, slot);
  if (empty) return empty;
  const kind = world.data.items.get(player.bag[slot]!);
  if (!kind) return 'That item is no longer of any use. You can drop it.';
  if (!stacks(kind)) {
    // The worn piece takes the slot the new one leaves: a swap always fits.
    player.bag[slot] = '';
    player.bagCounts[slot] = 0;
    const old = wear(world, player, kind);
    if (old) {
      player.bag[slot] = old.id;
      player.bagCounts[slot] = 1;
    }
    player.bagChanged = true;
    world.tell(player, [Op.Notice, `You equip the ${lower(kind)}.`]);
    world.events.push({ type: 'itemEquipped', player, kind });
    return null;
  }
  return drinkFromBag(world, player, kind);
}

function useBelt(world: SimContext, player: Player, belt: number): string | null {
  if (belt >= player.belt.length) return `Your belt has no slot ${belt + 1}: it has ${player.belt.length}.`;
  const kindId = player.belt[belt]!;
  if (!kindId) return `Belt slot ${belt + 1} is empty.`;
  const kind = world.data.items.get(kindId);
  if (!kind) return 'That item is no longer of any use.';
  return drinkFromBag(world, player, kind);
}

/** Drinks one `kind` out of the bag (its last stack first), unless the player has none or no need. */
function drinkFromBag(world: SimContext, player: Player, kind: ItemKind): string | null {
  if (kind.type === 'quest') return `The ${lower(kind)} is for a quest: someone is waiting for it.`;
  if (kind.type !== 'consumable') return `The ${lower(kind)} is not something to drink.`;
  if (!player.bag.includes(kind.id)) return `You have no ${plural(kind)} left.`;
  if (!kind.invulnerableSeconds && player.hp >= player.maxHp)
    return `You are at full health: the ${lower(kind)} keeps for later.`;
  if (world.tickCount < player.nextDrinkTick) return 'One potion at a time.';
  removeItem(player, kind.id);
  drink(world, player, kind);
  player.nextDrinkTick = world.tickCount + DRINK_TICKS;
  return null;
}

function dropSlot(world: SimContext, player: Player, slot: number): string | null {
  const empty = emptySlot(player, slot);
  if (empty) return empty;
  if (player.cell < 0) return 'You cannot drop anything here.';
  const kindId = player.bag[slot]!;
  player.bagCounts[slot]!--;
  if (player.bagCounts[slot]! <= 0) {
    player.bag[slot] = '';
    player.bagCounts[slot] = 0;
  }
  player.bagChanged = true;
  player.dirty = true;
  dropItem(world, kindId, player.x, player.y);
  const kind = world.data.items.get(kindId);
  world.tell(player, [Op.Notice, `You drop the ${kind ? lower(kind) : kindId}.`]);
  return null;
}

function setBelt(world: SimContext, player: Player, belt: number, slot: number): string | null {
  if (belt >= player.belt.length) return `Your belt has no slot ${belt + 1}: it has ${player.belt.length}.`;
  if (slot < 0) {
    if (!player.belt[belt]) return `Belt slot ${belt + 1} is empty already.`;
    player.belt[belt] = '';
  } else {
    const empty = emptySlot(player, slot);
    if (empty) return empty;
    const kind = world.data.items.get(player.bag[slot]!);
    if (!kind || kind.type !== 'consumable') return 'Only potions go on the belt.';
    if (player.belt[belt] === kind.id) return `The ${lower(kind)} is on belt slot ${belt + 1} already.`;
    // One belt slot per kind: moving it leaves its old slot free.
    const before = player.belt.indexOf(kind.id);
    if (before >= 0) player.belt[before] = '';
    player.belt[belt] = kind.id;
  }
  player.bagChanged = true;
  player.dirty = true;
  return null;
}

/** Puts on a weapon or armor; returns the piece it replaces (undefined for none known). */
function wear(world: SimContext, player: Player, kind: ItemKind): ItemKind | undefined {
  const weapon = kind.type === 'weapon';
  const old = world.data.items.get(weapon ? player.weapon : player.armor);
  if (weapon) player.weapon = kind.id;
  else {
    player.armor = kind.id;
    // HP moves with maxHp by the difference, so changing armor neither heals nor kills.
    const before = player.maxHp;
    player.maxHp = playerMaxHp(kind.level, player.level);
    player.hp = Math.max(1, Math.min(player.maxHp, player.hp + (player.maxHp - before)));
  }
  player.statsChanged = true;
  player.dirty = true;
  tellHappened(world, player, Happening.Equipped, kind.id);
  if (player.cell >= 0)
    world.vis.broadcast(player, [Op.Looks, player.id, player.weapon, player.armor, player.level]);
  return old;
}

/** A potion's effect: HP (never past maxHp) and a time nothing can hurt the player. */
function drink(world: SimContext, player: Player, kind: ItemKind): void {
  tellHappened(world, player, Happening.Drank, kind.id);
  const say = (text: string): void => void world.tell(player, [Op.Notice, text]);
  if (kind.heal) {
    player.hp = Math.min(player.maxHp, player.hp + kind.heal);
    say(`You drink the ${lower(kind)}: +${kind.heal} HP.`);
  }
  if (kind.invulnerableSeconds) {
    player.invulnerableUntil = world.tickCount + Math.round(kind.invulnerableSeconds * TICK_RATE);
    say(`Nothing can hurt you for ${kind.invulnerableSeconds} seconds!`);
  }
  player.statsChanged = true;
  player.dirty = true;
}

/** The player's bag and belt, to each player whose bag changed this tick (and on entering the world). */
export function sendBags(world: SimContext): void {
  for (const p of world.players.values()) {
    if (!p.bagChanged) continue;
    p.bagChanged = false;
    world.tell(p, [Op.Bag, [...p.bag], [...p.bagCounts], [...p.belt]]);
  }
}

function lower(kind: ItemKind): string {
  return kind.name.toLowerCase();
}

function plural(kind: ItemKind): string {
  return `${lower(kind)}s`;
}
