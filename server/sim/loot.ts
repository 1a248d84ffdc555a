// Things to pick up: drops from kills, chests (static ones come back; guarded ones appear when their
// mobs are all dead), and what picking an item up does (better gear is equipped, potions are drunk).
import { Happening, Op } from '../../shared/protocol/ops.ts';
import { isWalkable } from '../../shared/rules/grid.ts';
import { playerMaxHp } from '../../shared/rules/combat.ts';
import { TICK_RATE } from '../../shared/rules/movement.ts';
import type { TileRect } from '../../shared/content/world-map.ts';
import type { Chest, GroundItem, Mob, Player } from './entities.ts';
import type { SimContext } from './context.ts';
import { tellHappened } from './happenings.ts';
import { addItem } from './bag.ts';

/** Drops stay this long, and blink for the last part of it (the client's business). */
export const DROP_TICKS = 60 * TICK_RATE;

export function placeNpcsAndChests(world: SimContext): void {
  for (const n of world.placements.npcs) {
    const npc = {
      type: 'npc' as const,
      id: world.newId(),
      kind: world.data.npcs.get(n.kind)!,
      x: n.x,
      y: n.y,
      cell: -1,
    };
    world.npcs.set(npc.id, npc);
    world.vis.place(npc);
  }
  for (const placement of world.placements.chests) {
    const chest: Chest = {
      type: 'chest',
      id: world.newId(),
      placement,
      x: placement.x,
      y: placement.y,
      cell: -1,
      present: false,
      opened: false,
      respawnTick: 0,
    };
    world.chests.set(chest.id, chest);
    if (!placement.guardedBy) showChest(world, chest);
  }
}

export function dropItem(
  world: SimContext,
  kind: string,
  x: number,
  y: number,
  ttl = DROP_TICKS,
): GroundItem {
  const item: GroundItem = {
    type: 'item',
    id: world.newId(),
    kind,
    x,
    y,
    cell: -1,
    expiresTick: ttl ? world.tickCount + ttl : 0,
  };
  world.items.set(item.id, item);
  world.vis.place(item);
  return item;
}

/** A kill drops at most one item, picked by one roll over the mob's drop table. */
export function dropLoot(world: SimContext, mob: Mob): void {
  let roll = world.rng.next();
  for (const drop of mob.kind.drops) {
    if (roll < drop.chance) return void dropItem(world, drop.item, mob.x, mob.y);
    roll -= drop.chance;
  }
}

export function expireItems(world: SimContext): void {
  for (const item of world.items.values()) {
    if (item.expiresTick && world.tickCount >= item.expiresTick) removeItem(world, item);
  }
}

function removeItem(world: SimContext, item: GroundItem): void {
  world.items.delete(item.id);
  world.vis.remove(item);
  world.releaseId(item.id);
}

/** The player stands on the item: take it if it is of any use, say why not otherwise. */
export function pickUp(world: SimContext, player: Player, item: GroundItem): void {
  const kind = world.data.items.get(item.kind);
  if (!kind) return removeItem(world, item);
  const say = (text: string): void => void world.tell(player, [Op.Notice, text]);
  if (kind.type === 'quest') {
    // Kept for a quest ("bring N"): into the bag, or left lying when the bag is full.
    if (!addItem(player, kind)) return say(`Your bag is full: you leave the ${kind.name.toLowerCase()}.`);
    say(`You pick up the ${kind.name.toLowerCase()}.`);
    tellHappened(world, player, Happening.PickedUp, kind.id);
    world.events.push({ type: 'itemPickedUp', player, kind, equipped: false });
    return removeItem(world, item);
  }
  if (kind.type === 'weapon' || kind.type === 'armor') {
    const current = world.data.items.get(kind.type === 'weapon' ? player.weapon : player.armor);
    if (current && current.level >= kind.level) {
      const than = current.level === kind.level ? 'one as good as' : 'better than';
      return say(`You already have ${than} the ${kind.name.toLowerCase()}.`);
    }
    if (kind.type === 'weapon') player.weapon = kind.id;
    else {
      player.armor = kind.id;
      const before = player.maxHp;
      player.maxHp = playerMaxHp(kind.level, player.level);
      player.hp = Math.min(player.maxHp, player.hp + (player.maxHp - before));
    }
    say(`You equip the ${kind.name.toLowerCase()}.`);
    tellHappened(world, player, Happening.Equipped, kind.id);
    world.vis.broadcast(player, [Op.Looks, player.id, player.weapon, player.armor, player.level]);
  } else {
    tellHappened(world, player, Happening.Drank, kind.id); // every consumable is drunk at once
    if (kind.heal) {
      player.hp = Math.min(player.maxHp, player.hp + kind.heal);
      say(`You drink the ${kind.name.toLowerCase()}: +${kind.heal} HP.`);
    }
    if (kind.invulnerableSeconds) {
      player.invulnerableUntil = world.tickCount + Math.round(kind.invulnerableSeconds * TICK_RATE);
      say(`Nothing can hurt you for ${kind.invulnerableSeconds} seconds!`);
    }
  }
  player.statsChanged = true;
  player.dirty = true;
  const equipped = kind.type === 'weapon' || kind.type === 'armor';
  world.events.push({ type: 'itemPickedUp', player, kind, equipped });
  removeItem(world, item);
}

/** The player is beside the chest: it opens and spills its items onto the free tiles around it. */
export function openChest(world: SimContext, player: Player, chest: Chest): void {
  if (!chest.present) return;
  chest.present = false;
  chest.opened = true;
  world.vis.remove(chest);
  const spots = [
    [0, 1],
    [1, 0],
    [-1, 0],
    [0, -1],
    [1, 1],
    [-1, 1],
    [1, -1],
    [-1, -1],
  ] as const;
  const free = spots
    .map(([dx, dy]) => ({ x: chest.x + dx, y: chest.y + dy }))
    .filter((t) => isWalkable(world.map.grid, t.x, t.y));
  chest.placement.items.forEach((kind, i) => {
    const spot = free[i % Math.max(1, free.length)] ?? { x: player.x, y: player.y };
    dropItem(world, kind, spot.x, spot.y);
  });
  world.tell(player, [Op.Notice, 'The chest creaks open.']);
  tellHappened(world, player, Happening.ChestOpened, chest.id);
  if (!chest.placement.guardedBy)
    chest.respawnTick = world.tickCount + Math.round(chest.placement.respawnSeconds * TICK_RATE);
  world.events.push({ type: 'chestOpened', player, chest });
}

export function updateChests(world: SimContext): void {
  for (const chest of world.chests.values()) {
    const guard = chest.placement.guardedBy;
    if (!guard) {
      if (!chest.present && world.tickCount >= chest.respawnTick) showChest(world, chest);
      continue;
    }
    // A guarded chest shows once every mob of the areas it overlaps is dead, and is gone again (ready
    // for the next clearing) as soon as one of them is back.
    if (!guardsDown(world, guard)) {
      chest.opened = false;
      if (chest.present) {
        chest.present = false;
        world.vis.remove(chest);
      }
    } else if (!chest.present && !chest.opened) {
      showChest(world, chest);
    }
  }
}

function guardsDown(world: SimContext, area: TileRect): boolean {
  let guards = 0;
  for (const mob of world.mobs.values()) {
    if (!overlaps(mob.area, area)) continue;
    guards++;
    if (mob.respawnTick === 0) return false;
  }
  return guards > 0;
}

function overlaps(a: TileRect, b: TileRect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function showChest(world: SimContext, chest: Chest): void {
  chest.present = true;
  world.vis.place(chest);
}
