// The interiors on a real server with the default realm (assets/realm.json): a bot walks from the mountain
// valley through the mine mouth into the mines world and back up the stairs into its own shard, every field
// carried both ways; and characters saved in the old interiors strip of world.tmj (before the interiors
// were maps of their own) land on the same spot of the new map, as the store then says too.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWorldMap } from '../../server/load-map.ts';
import { CloseCode } from '../../shared/protocol/ops.ts';
import { arrivalTile } from '../../shared/content/realm-checks.ts';
import { playerMaxHp, xpForLevel } from '../../shared/rules/combat.ts';
import { repoRoot, startServerProcess, type ServerProcess } from '../../tools/server-process.ts';
import type { BotClient } from '../../tools/bots/bot-client.ts';
import { follow, joinWorld, seedCharacter, storedCharacter, type RealmBot } from '../support/realm-bots.ts';

const WORLD = 'maps/world.tmj';
const MINES = 'maps/mines.tmj';
const mapOf = (p: string) => loadWorldMap(path.join(repoRoot, 'assets', p));
const world = mapOf(WORLD);
const mines = mapOf(MINES);
const object = (m: typeof world, name: string) => {
  const found = m.objects.find((o) => o.name === name);
  if (!found) throw new Error(`no object "${name}"`);
  return found;
};
const tileOf = (m: typeof world, name: string) => arrivalTile(object(m, name).area);

let server: ServerProcess;
let dataDir: string;
const bots: BotClient[] = [];
const tokens = new Map<string, string>();

const LEVEL = 5;
const XP = xpForLevel(LEVEL) + 11;
const MAX_HP = playerMaxHp(2, LEVEL); // leather is a level-2 armor
const seeded = {
  level: LEVEL,
  xp: XP,
  weapon: 'mace',
  armor: 'leather',
  hp: MAX_HP,
  maxHp: MAX_HP,
  achievements: ['first_blood', 'rat_catcher'],
  kills: 42,
  deaths: 3,
};

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'emberquest-interiors-data-'));
  // Delver stands in the mountain valley, where the mine's stairs put players coming back up.
  const valley = tileOf(world, 'mine_valley');
  const camp = object(world, 'valley_camp').area;
  const checkpoint = { x: camp.x + 1, y: camp.y + 1, map: '' };
  tokens.set(
    'Delver',
    await seedCharacter(dataDir, 'Delver', { ...seeded, ...valley, checkpoint, map: WORLD, shard: '2' }),
  );
  // Saved before the interiors had maps: in the old strip's mines (the old mine_entry, 181, 247) with
  // the old mine_landing checkpoint; in the old inn (181, 83); on the overworld, its checkpoint the old
  // lair_landing (181, 50).
  tokens.set(
    'Oldminer',
    await seedCharacter(dataDir, 'Oldminer', {
      ...seeded,
      map: WORLD,
      shard: '1',
      x: 181,
      y: 247,
      checkpoint: { x: 181, y: 245, map: '' },
    }),
  );
  tokens.set('Oldguest', await seedCharacter(dataDir, 'Oldguest', { map: '', x: 181, y: 83 }));
  tokens.set(
    'Oldhero',
    await seedCharacter(dataDir, 'Oldhero', {
      map: WORLD,
      shard: '1',
      ...valley,
      checkpoint: { x: 181, y: 50, map: '' },
    }),
  );
  // In the old lair, and its client asks for the lair's world itself (as after a transfer).
  tokens.set('Oldwyrmling', await seedCharacter(dataDir, 'Oldwyrmling', { map: WORLD, x: 181, y: 54 }));
  server = await startServerProcess({ DATA_DIR: dataDir }, { timeoutMs: 60_000 });
}, 90_000);

afterAll(async () => {
  await Promise.all(bots.map((b) => b.close()));
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function joined(worldId: string, name: string): Promise<RealmBot> {
  const b = await joinWorld(server.wsUrl, worldId, name, tokens.get(name) ?? '');
  bots.push(b.bot);
  await b.bot.waitForWelcome(10_000);
  return b;
}

/** Walks onto a portal's tile and follows the Transfer; resolves once welcomed in the next world. */
async function through(from: RealmBot, name: string, portal: string, m: typeof world): Promise<RealmBot> {
  const { x, y } = object(m, portal).area;
  from.bot.walkTo(x, y);
  await from.bot.waitFor(() => from.bot.transfer !== null, 15_000, `the transfer at ${portal}`);
  expect(await from.bot.waitForClose()).toMatchObject({ code: CloseCode.Transfer });
  const next = await follow(from, tokens.get(name)!);
  bots.push(next.bot);
  await next.bot.waitFor(() => next.bot.view.stats !== null, 5000, 'stats');
  return next;
}

function expectCarried(b: RealmBot): void {
  expect(b.bot.view.stats).toMatchObject({ level: LEVEL, xp: XP, weapon: 'mace', armor: 'leather' });
  expect(b.bot.view.stats!.hp).toBe(MAX_HP);
  expect(b.heard.achievements).toEqual(seeded.achievements);
}

describe('the mines, a map of their own', () => {
  it('a bot walks through the mine mouth into the mines world and back up into its own shard, every field carried', async () => {
    const valley = await joined('emberfall-2', 'Delver');
    await valley.bot.waitFor(() => valley.bot.view.stats !== null, 5000, 'stats');
    expectCarried(valley);
    const inside = await through(valley, 'Delver', 'mine_mouth', world);
    expect(valley.bot.transfer).toEqual({ world: 'mines', map: MINES });
    expect([inside.bot.view.world, inside.bot.view.map]).toEqual(['mines', MINES]);
    expect(inside.bot.tileOf(inside.bot.self!)).toEqual(tileOf(mines, 'mine_entry'));
    expectCarried(inside);
    // Up the south stairs: back into emberfall-2 (the shard it came from), in the valley.
    const back = await through(inside, 'Delver', 'mine_stairs_south', mines);
    expect([back.bot.view.world, back.bot.view.map]).toEqual(['emberfall-2', WORLD]);
    expect(back.bot.tileOf(back.bot.self!)).toEqual(tileOf(world, 'mine_valley'));
    expectCarried(back);
    await back.bot.close();
  }, 60_000);
});

describe('characters saved in the old interiors strip', () => {
  it('one saved in the old mines joins the overworld and is sent on to the same spot of the mines', async () => {
    const first = await joinWorld(server.wsUrl, 'emberfall-1', 'Oldminer', tokens.get('Oldminer'));
    bots.push(first.bot);
    expect(await first.bot.waitForClose()).toMatchObject({ code: CloseCode.Transfer });
    expect(first.bot.transfer).toEqual({ world: 'mines', map: MINES });
    const there = await follow(first, tokens.get('Oldminer')!);
    bots.push(there.bot);
    expect(there.bot.tileOf(there.bot.self!)).toEqual({ x: 181 - 164, y: 247 - 136 });
    expect(there.bot.tileOf(there.bot.self!)).toEqual(tileOf(mines, 'mine_entry'));
    await there.bot.waitFor(() => there.bot.view.stats !== null, 5000, 'stats');
    expectCarried(there);
    await there.bot.close();
  });

  it('one saved in the old inn (map "", before the realm) lands in the inn', async () => {
    const first = await joinWorld(server.wsUrl, '', 'Oldguest', tokens.get('Oldguest'));
    bots.push(first.bot);
    expect(await first.bot.waitForClose()).toMatchObject({ code: CloseCode.Transfer });
    expect(first.bot.transfer).toEqual({ world: 'inn', map: 'maps/inn.tmj' });
    const there = await follow(first, tokens.get('Oldguest')!);
    bots.push(there.bot);
    expect(there.bot.tileOf(there.bot.self!)).toEqual({ x: 8, y: 8 });
    await there.bot.close();
  });

  it('one saved in the old lair that joins the lair world itself plays there, and its walk is saved', async () => {
    const b = await joined('lair', 'Oldwyrmling');
    expect([b.bot.view.world, b.bot.view.map]).toEqual(['lair', 'maps/lair.tmj']);
    expect(b.bot.tileOf(b.bot.self!)).toEqual({ x: 181 - 164, y: 54 - 2 });
    const entry = tileOf(mapOf('maps/lair.tmj'), 'lair_entry');
    b.bot.walkTo(entry.x, entry.y);
    await b.bot.waitFor(
      () => b.bot.tileOf(b.bot.self!).y === entry.y && b.bot.tileOf(b.bot.self!).x === entry.x,
      10_000,
      'the walk',
    );
    await b.bot.close();
  });

  it('one on the overworld whose checkpoint was the old lair landing plays on where it stands', async () => {
    const b = await joined('emberfall-1', 'Oldhero');
    expect(b.bot.tileOf(b.bot.self!)).toEqual(tileOf(world, 'mine_valley'));
    await b.bot.close();
  });

  it('after the server stops, the store has each on its new map, its checkpoint moved too', async () => {
    await Promise.all(bots.map((b) => b.close()));
    expect(await server.stop()).toBe(0);
    const delver = await storedCharacter(dataDir, 'Delver');
    expect(delver).toMatchObject({ ...seeded, ...tileOf(world, 'mine_valley'), map: WORLD, shard: '2' });
    const miner = await storedCharacter(dataDir, 'Oldminer');
    expect(miner).toMatchObject({ ...seeded, map: MINES, x: 17, y: 111, shard: '1' });
    expect(miner!.checkpoint).toMatchObject({ x: 17, y: 109 });
    expect(['', MINES]).toContain(miner!.checkpoint.map);
    expect(await storedCharacter(dataDir, 'Oldguest')).toMatchObject({ map: 'maps/inn.tmj', x: 8, y: 8 });
    // Its lease was held again after the move: the walk in the lair was written.
    const wyrmling = await storedCharacter(dataDir, 'Oldwyrmling');
    expect(wyrmling).toMatchObject({ map: 'maps/lair.tmj', ...tileOf(mapOf('maps/lair.tmj'), 'lair_entry') });
    const hero = await storedCharacter(dataDir, 'Oldhero');
    expect(hero).toMatchObject({ map: WORLD, checkpoint: { map: 'maps/lair.tmj', x: 17, y: 48 } });
  }, 30_000);
});
