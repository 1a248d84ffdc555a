// The server decides; a client only asks. A real server on 127.0.0.1 (port 0) and bots sending raw
// intents prove that nothing lands from afar, floods do not add blows, walls hold, and no message sets
// HP, XP, gear or position, while pointless intents never cost a player the session.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode, encode, Op } from '../../shared/protocol/index.ts';
import { Packr } from 'msgpackr';
import { isWalkable } from '../../shared/rules/grid.ts';
import type { Stats } from '../../shared/protocol/view.ts';
import { startServer, type GameServer } from '../../server/app.ts';
import { readConfig } from '../../server/config.ts';
import { consoleLog } from '../../server/log.ts';
import { PLAYER_ATTACK_TICKS } from '../../server/sim/player-goals.ts';
import { dropItem } from '../../server/sim/loot.ts';
import { adjacent, distance } from '../../server/sim/mob-ai.ts';
import type { Player } from '../../server/sim/entities.ts';
import { adventureMap, mobKind, withMobs } from '../../server/sim/test-support.ts';
import { BotClient } from '../../tools/bots/bot-client.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * 60×24: everyone spawns on (5, 10); a training dummy 10 tiles east, a chest 7 north, the elder 7 south;
 * a wall down x = 25 with a gap at y = 20, and a walled-in room around (42, 7).
 */
function authorityMap() {
  const rows = Array.from({ length: 24 }, (_, y) =>
    Array.from({ length: 60 }, (_, x) => {
      if (x === 25 && y !== 20) return '#';
      if (Math.max(Math.abs(x - 42), Math.abs(y - 7)) === 2) return '#';
      return '.';
    }).join(''),
  );
  return adventureMap(rows, [
    { id: 1, type: 'spawn', x: 5, y: 10 },
    { id: 2, type: 'mob', x: 15, y: 10, props: { kind: 'dummy' } },
    { id: 3, type: 'chest', x: 5, y: 3, props: { items: 'small_potion', respawnSeconds: 600 } },
    { id: 4, type: 'npc', x: 5, y: 17, props: { kind: 'elder' } },
  ]);
}

/** Takes blows for ever and barely answers them. */
const dummy = mobKind('dummy', { hp: 100000, weapon: 0, aggroRadius: 0, leash: 30 });

let server: GameServer;
let bots: BotClient[] = [];

beforeAll(async () => {
  const config = readConfig({ PORT: '0', HOST: '127.0.0.1', SEED: '11' }, repoRoot);
  server = await startServer({ config, map: authorityMap(), data: withMobs(dummy), log: consoleLog(true) });
});

afterEach(async () => {
  await Promise.all(bots.map((b) => b.close()));
  bots = [];
});

afterAll(async () => {
  await Promise.all(bots.map((b) => b.close()));
  await server?.close();
});

async function player(name: string, token?: string): Promise<BotClient> {
  const b = await BotClient.connect({ url: `ws://127.0.0.1:${server.port}/ws`, name, token });
  bots.push(b);
  await b.waitForWelcome(3000);
  await b.waitFor(() => b.view.stats !== null, 2000, 'the first stats');
  return b;
}

/** The server's own record of the bot's character. */
const truth = (b: BotClient): Player => server.world.players.get(b.view.selfId)!;
/** The id of the map's one mob, chest or NPC. */
function idOf(type: 'mob' | 'chest' | 'npc'): number {
  const list =
    type === 'mob' ? server.world.mobs : type === 'chest' ? server.world.chests : server.world.npcs;
  return [...list.keys()][0]!;
}
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const raw = (value: unknown): Uint8Array => new Packr({ useRecords: false }).pack(value);

/** Resolves after `ms` of no input from this bot, so the server's per-second message window starts afresh. */
const quiet = (ms = 1100): Promise<void> => sleep(ms);

describe('acting from afar', () => {
  it('an attack on a mob 10 tiles away lands no Hit until the attacker stands beside it', async () => {
    const a = await player('Striker');
    const mobId = idOf('mob');
    const mob = server.world.mobs.get(mobId)!;
    expect(distance(truth(a), mob)).toBe(10);
    const blows: boolean[] = [];
    a.on((e) => {
      if (e.type === 'hit' && e.attacker === a.view.selfId) blows.push(adjacent(truth(a), mob));
    });
    const sent = performance.now();
    a.send(encode([Op.Attack, mobId]));
    await a.waitFor(() => blows.length >= 2, 5000, 'two blows');
    expect(blows.every(Boolean)).toBe(true);
    // Nine steps at 150 ms come first.
    expect(performance.now() - sent).toBeGreaterThan(9 * 150);
  });

  it('60 Attack messages in one tick land no more blows than the cooldown allows', async () => {
    const a = await player('Flooder');
    const mobId = idOf('mob');
    const ticks: number[] = [];
    a.on((e) => {
      if (e.type === 'hit' && e.attacker === a.view.selfId) ticks.push(server.world.tickCount);
    });
    a.send(encode([Op.Attack, mobId]));
    await a.waitFor(() => ticks.length >= 1, 5000, 'the first blow');
    await quiet();
    const from = server.world.tickCount;
    const before = ticks.length;
    for (let i = 0; i < 60; i++) a.send(encode([Op.Attack, mobId]));
    await sleep(2000);
    const elapsed = server.world.tickCount - from;
    const landed = ticks.length - before;
    expect(landed).toBeGreaterThan(0);
    // One swing per cooldown, plus one whose frame may have been on its way when counting began.
    expect(landed).toBeLessThanOrEqual(Math.floor(elapsed / PLAYER_ATTACK_TICKS) + 2);
    expect(a.closed).toBeNull();
  });

  it('looting an item across the map does nothing until the player stands on it', async () => {
    const a = await player('Looter');
    const far = dropItem(server.world, 'ember_blade', 58, 2, 0); // beyond reach: never fetched
    const near = dropItem(server.world, 'short_sword', 18, 16, 0);
    a.send(encode([Op.Loot, far.id]));
    await sleep(1000);
    expect(truth(a)).toMatchObject({ x: 5, y: 10, weapon: 'club' });
    expect(server.world.items.has(far.id)).toBe(true);

    const equippedAt: { x: number; y: number }[] = [];
    a.on((e) => {
      if (e.type === 'stats' && e.stats.weapon !== 'club') equippedAt.push({ x: truth(a).x, y: truth(a).y });
    });
    a.send(encode([Op.Loot, near.id]));
    await a.waitFor(() => equippedAt.length > 0, 5000, 'the sword');
    expect(equippedAt[0]).toEqual({ x: 18, y: 16 });
    expect(a.view.stats?.weapon).toBe('short_sword');
    expect(server.world.items.has(far.id)).toBe(true);
  });

  it('Open and Talk from afar do nothing until the player is beside the chest or the NPC', async () => {
    const a = await player('Visitor');
    const chest = server.world.chests.get(idOf('chest'))!;
    const npc = server.world.npcs.get(idOf('npc'))!;
    const opened: number[] = [];
    const heard: number[] = [];
    a.on((e) => {
      if (e.type === 'despawn' && e.entity.id === chest.id) opened.push(distance(truth(a), chest));
      if (e.type === 'npcLine') heard.push(distance(truth(a), npc));
    });
    a.send(encode([Op.Open, chest.id]));
    await a.waitFor(() => opened.length > 0, 5000, 'the chest to open');
    a.send(encode([Op.Talk, npc.id]));
    await a.waitFor(() => heard.length > 0, 5000, 'the elder to speak');
    expect(opened).toEqual([1]);
    expect(heard).toEqual([1]);
  });

  it('walking into walls and walled-in rooms never puts the player on a blocked tile', async () => {
    const a = await player('Walker');
    const grid = server.world.map.grid;
    const offWalls: string[] = [];
    const watch = setInterval(() => {
      const p = truth(a);
      if (!isWalkable(grid, p.x, p.y)) offWalls.push(`${p.x},${p.y}`);
      for (const t of p.path) if (!isWalkable(grid, t.x, t.y)) offWalls.push(`path ${t.x},${t.y}`);
    }, 5);
    try {
      for (const [x, y] of [
        [25, 10],
        [42, 7],
        [42, 5],
        [25, 0],
      ] as const) {
        a.walkTo(x, y);
        await sleep(700);
      }
      await a.waitFor(() => truth(a).path.length === 0, 8000, 'the walk to end');
    } finally {
      clearInterval(watch);
    }
    expect(offWalls).toEqual([]);
    expect(isWalkable(grid, a.self!.endX, a.self!.endY)).toBe(true);
  });
});

describe('no message sets HP, XP, gear or position', () => {
  it.each([
    [
      'Stats sent by the client',
      'Forger1',
      raw([Op.Stats, 9999, 9999, 30, 999999, 'ember_blade', 'ember_plate', 0]),
    ],
    ['Looks sent by the client', 'Forger2', encode([Op.Looks, 1, 'ember_blade', 'ember_plate', 30])],
    [
      'a Welcome somewhere else',
      'Forger3',
      encode([Op.Welcome, 1, 'X', 50, 5, 'w', 'maps/world.tmj', 50, 3, '']),
    ],
    ['a walk with extra fields', 'Forger4', raw([Op.WalkTo, 50, 5, 9999])],
    ['a Respawn with a position', 'Forger5', raw([Op.Respawn, 50, 5])],
    ['a Hit on itself, healing', 'Forger6', raw([Op.Hit, 1, 1, -500, 9999])],
  ])('%s: refused, and the character is as it was', async (_what, name, frame) => {
    const a = await player(name);
    const before: Stats = { ...a.view.stats! };
    const at = { x: truth(a).x, y: truth(a).y };
    a.send(frame);
    expect((await a.waitForClose(3000)).code).toBe(CloseCode.BadMessage);
    const again = await player(name, a.token!);
    expect(again.view.stats).toEqual(before);
    expect({ x: again.self!.endX, y: again.self!.endY }).toEqual(at);
  });

  it('Respawn while alive changes nothing', async () => {
    const a = await player('Alive');
    a.walkTo(8, 10);
    await a.waitFor(() => truth(a).x === 8 && truth(a).path.length === 0, 3000, 'the walk');
    const stats = { ...a.view.stats! };
    a.send(encode([Op.Respawn]));
    await sleep(500);
    expect(truth(a)).toMatchObject({ x: 8, y: 10, dead: false });
    expect(a.view.stats).toEqual(stats);
    expect(a.self).toMatchObject({ endX: 8, endY: 10 });
    expect(a.closed).toBeNull();
  });
});

describe('pointless intents', () => {
  it('never close the session, and change nothing', async () => {
    const a = await player('Pointless');
    const itemsBefore = server.world.items.size;
    const self = a.view.selfId;
    const stats = { ...a.view.stats! };
    for (const msg of [
      [Op.Attack, idOf('npc')],
      [Op.Attack, idOf('chest')],
      [Op.Attack, self],
      [Op.Attack, 987654],
      [Op.Loot, idOf('mob')],
      [Op.Talk, idOf('chest')],
      [Op.Open, idOf('npc')],
      [Op.Loot, 0],
      [Op.WalkTo, 65535, 65535],
      [Op.Chat, ''],
      [Op.Chat, '\u0000\u0001'],
      [Op.Respawn],
      // The bag: slots that do not exist, or hold nothing.
      [Op.UseSlot, 255],
      [Op.UseSlot, 0],
      [Op.UseBelt, 2],
      [Op.UseBelt, 9],
      [Op.DropSlot, 3],
      [Op.SetBelt, 0, 5],
      [Op.SetBelt, 7, -1],
    ] as const)
      a.send(encode(msg as never));
    await sleep(800);
    expect(a.closed).toBeNull();
    expect(a.view.bag?.slots.every((slot) => slot.item === '')).toBe(true);
    expect(server.world.items.size).toBe(itemsBefore);
    expect(truth(a)).toMatchObject({ x: 5, y: 10, goal: null, hp: stats.hp });
    expect(a.view.stats).toEqual(stats);
    // Still playing.
    a.walkTo(7, 12);
    await a.waitFor(() => a.self?.endX === 7 && a.self?.endY === 12, 3000, 'the walk');
    expect(a.problems).toEqual([]);
  });
});
