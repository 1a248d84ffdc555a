// A system tested against a fake context (SimContext is all a system sees): a killing blow takes the
// mob out of sight, schedules its return and queues one event, and does nothing else itself.
import { describe, expect, it } from 'vitest';
import { Op } from '../../shared/protocol/ops.ts';
import type { ServerMsg } from '../../shared/protocol/server-messages.ts';
import { TICK_RATE } from '../../shared/rules/movement.ts';
import type { SimContext } from './context.ts';
import type { Entity, Mob, Player } from './entities.ts';
import { EventQueue } from './events.ts';
import { MobTiles } from './mob-tiles.ts';
import { Rng } from './rng.ts';
import { playerStrikes } from './combat.ts';
import { makePlayer } from './players.ts';
import { newCharacter } from './character.ts';
import { makeWalker } from './walking.ts';
import { mobKind } from './test-support.ts';

/** Only what a blow needs; anything else a system touched would throw. */
function fakeWorld() {
  const seen: { about: number; msg: ServerMsg; farewell: boolean }[] = [];
  const world = {
    tickCount: 100,
    rng: new Rng(1),
    data: { items: new Map(), mobs: new Map(), npcs: new Map(), achievements: [] },
    events: new EventQueue(),
    mobTiles: new MobTiles(10, 10),
    vis: {
      broadcast: (about: Entity, msg: ServerMsg) => void seen.push({ about: about.id, msg, farewell: false }),
      remove: (e: Entity, msg?: ServerMsg) => {
        if (msg) seen.push({ about: e.id, msg, farewell: true });
        e.cell = -1;
      },
    },
  } as unknown as SimContext;
  return { world, seen };
}

function mob(hp: number): Mob {
  const kind = mobKind('rat', { hp: 5, armor: 1, respawnSeconds: 3, drops: [{ item: 'axe', chance: 1 }] });
  return {
    ...makeWalker(7, 2, 2, 2),
    ...{ type: 'mob', kind, hp, area: { x: 0, y: 0, width: 5, height: 5 }, home: { x: 2, y: 2 } },
    ...{ hate: new Map(), nextAttackTick: 0, nextRoamTick: 0, returning: false, respawnTick: 0 },
    ...{ chasing: null, lastChaseTick: 0, cell: 0, started: null, areaId: 1, lastHitBy: -1 },
  };
}

describe('a killing blow, against a fake world', () => {
  it('says Died to those who saw the mob, schedules its return and queues mobKilled; no loot, no XP', () => {
    const { world, seen } = fakeWorld();
    const player: Player = makePlayer(
      3,
      'A',
      'a',
      { ...newCharacter(), level: 30 },
      {
        tile: { x: 1, y: 2 },
        checkpoint: { x: 1, y: 2, map: '' },
        moved: false,
      },
    );
    const rat = mob(1);
    playerStrikes(world, player, rat);
    expect(seen).toEqual([
      { about: 7, msg: [Op.Hit, 3, 7, 1, 0], farewell: false },
      { about: 7, msg: [Op.Died, 7, 3], farewell: true },
    ]);
    expect(rat).toMatchObject({ hp: 0, cell: -1, respawnTick: 100 + 3 * TICK_RATE });
    const queued: string[] = [];
    world.events.drain((e) => void queued.push(`${e.type} by ${e.type === 'mobKilled' ? e.killerId : '?'}`));
    expect(queued).toEqual(['mobKilled by 3']);
    expect(player).toMatchObject({ xp: 0, kills: 0 }); // the event handlers' business, not the blow's
  });
});
