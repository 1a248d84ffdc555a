// The consequences of what happened this tick, one handler per event kind (events.ts), run in the
// World's handleEvents phase: a kill drops loot and pays XP, and every event counts toward achievements.
import { Op } from '../../shared/protocol/ops.ts';
import type { Mob } from './entities.ts';
import type { SimEvent, SimEventOf, SimEventType } from './events.ts';
import { dropLoot } from './loot.ts';
import { count, gainXp } from './progress.ts';
import { shareKill } from './party-share.ts';
import type { SimContext } from './context.ts';
import { questArea, questItems, questKill, questTalk } from './quests.ts';

type Handlers = { [T in SimEventType]: (world: SimContext, event: SimEventOf<T>) => void };

const handlers: Handlers = {
  mobKilled(world, { mob, killerId }) {
    dropLoot(world, mob);
    const killer = world.players.get(killerId);
    if (!killer) return;
    killer.kills++;
    killer.dirty = true;
    count(world, killer, 'kills', mob.kind.id);
    // The killer's party members nearby share the kill (its XP split, and the credit quests count).
    for (const { player, xp } of shareKill(world.players.values(), killer, mob)) {
      const line =
        player === killer ? `You defeated ${mobName(mob)}.` : `Your party defeated ${mobName(mob)}.`;
      world.tell(player, [Op.Notice, line]);
      gainXp(world, player, xp);
      world.events.push({ type: 'killCredited', player, mob });
    }
  },
  // Quests count kills here (a party shares them), not at mobKilled.
  killCredited(world, { player, mob }) {
    questKill(world, player, mob.kind.id);
  },
  // Nothing follows a player's death yet beyond the death itself (deaths.ts); parties will listen here.
  playerDied() {},
  // "Back on your feet": counted when the player gets up again. A checkpoint on another map (it came
  // through a portal and has reached none here): the realm takes it there, as through a portal.
  playerRespawned(world, { player }) {
    count(world, player, 'deaths', 'any');
    const { map, x, y } = player.checkpoint;
    if (map === '' || map === world.mapPath) return;
    const portal = { objectId: 0, name: 'checkpoint', area: { x, y, width: 1, height: 1 }, map, to: '' };
    world.departures.push({ player, portal, tile: { x, y } });
  },
  itemPickedUp(world, { player, kind, equipped }) {
    if (equipped) {
      count(world, player, 'equip', kind.id);
      // "First new weapon" and "first armor" count any upgrade, whichever item it was.
      count(world, player, 'equip', kind.type);
    }
    count(world, player, 'loot', kind.id);
    if (kind.type === 'quest') questItems(world, player, kind.id);
  },
  // Gear put on from the bag counts like gear put on at pickup (it is not a loot).
  itemEquipped(world, { player, kind }) {
    count(world, player, 'equip', kind.id);
    count(world, player, 'equip', kind.type);
  },
  chestOpened() {},
  areaEntered(world, { player, name }) {
    count(world, player, 'reach', name);
    questArea(world, player, name);
  },
  // Talking counts at the first line; hearing an NPC out, once the player has heard its last one.
  npcTalked(world, { player, npc, heardOut }) {
    if (!player.counters[`talk:${npc.kind.id}`]) count(world, player, 'talk', npc.kind.id);
    if (heardOut && !player.counters[`hear:${npc.kind.id}`]) count(world, player, 'hear', npc.kind.id);
    questTalk(world, player, npc);
  },
  chatSaid(world, { player }) {
    count(world, player, 'chat', 'any');
  },
  // The sim cannot move a player to another world: the realm takes it from here, after the tick.
  portalEntered(world, { player, portal }) {
    world.departures.push({ player, portal });
  },
};

export function handleEvent(world: SimContext, event: SimEvent): void {
  (handlers[event.type] as (world: SimContext, event: SimEvent) => void)(world, event);
}

function mobName(mob: Mob): string {
  const name = mob.kind.name;
  if (mob.kind.boss) return `the ${name}`;
  return `${/^[aeiou]/i.test(name) ? 'an' : 'a'} ${name.toLowerCase()}`;
}
