// The bag and belt on a real server process with a real SQLite file: a bot opens the meadow chest at full
// HP, keeps its potion (in the bag and on the belt) and wears its sword (the club goes into the bag), finds
// all of it again after the server restarts, drinks the potion from the belt once a rat has hurt it, and
// after another restart still has the rest (the club, and the belt's shortcut waiting for a refill).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BotClient } from '../../tools/bots/bot-client.ts';
import { startServerProcess, type ServerProcess } from '../../tools/server-process.ts';
import { seedCharacter } from '../support/realm-bots.ts';
import { playMap, reachableNear } from '../support/tiles.ts';
import type { SeenEntity } from '../../shared/protocol/view.ts';

/** The meadow chest (small potion and short sword) stands among the village's rats. */
const MEADOW_CHEST = { x: 43, y: 259 };

let dataDir: string;
const running: ServerProcess[] = [];
const bots: BotClient[] = [];

beforeEach(() => {
  dataDir = path.join(mkdtempSync(path.join(tmpdir(), 'emberquest-bag-')), 'data');
});

afterEach(async () => {
  await Promise.all(bots.splice(0).map((b) => b.close()));
  await Promise.all(running.splice(0).map((s) => s.stop()));
  rmSync(path.dirname(dataDir), { recursive: true, force: true });
});

async function play(token: string): Promise<{ server: ServerProcess; bot: BotClient }> {
  const server = await startServerProcess({ DATA_DIR: dataDir });
  running.push(server);
  const bot = await BotClient.connect({
    url: `${server.url.replace(/^http/, 'ws')}ws`,
    name: 'Potter',
    token,
  });
  bots.push(bot);
  await bot.waitForWelcome(5000);
  await bot.waitFor(() => bot.view.bag !== null, 3000, 'the bag');
  return { server, bot };
}

async function stop(server: ServerProcess, bot: BotClient): Promise<void> {
  await bot.close();
  expect(await server.stop()).toBe(0);
}

function nearest(bot: BotClient, test: (e: SeenEntity) => boolean): SeenEntity | undefined {
  const me = bot.tileOf(bot.self!);
  return [...bot.view.entities.values()]
    .filter(test)
    .sort((a, b) => dist(bot.tileOf(a), me) - dist(bot.tileOf(b), me))[0];
}

describe('the bag and belt on a real server', () => {
  it('keeps a potion picked up at full HP, drinks it from the belt when hurt, and keeps the rest', async () => {
    const start = reachableNear(playMap(), { x: MEADOW_CHEST.x, y: MEADOW_CHEST.y + 2 });
    const token = await seedCharacter(dataDir, 'Potter', { x: start.x, y: start.y });

    let { server, bot } = await play(token);
    const chest = nearest(bot, (e) => e.type === 'chest');
    expect(chest, 'the meadow chest in sight').toBeDefined();
    bot.open(chest!.id);
    await bot.waitFor(() => !!nearest(bot, (e) => e.kind === 'small_potion'), 15_000, 'the chest to spill');
    const full = bot.view.stats!.maxHp;
    expect(bot.view.stats!.hp).toBe(full);
    bot.loot(nearest(bot, (e) => e.kind === 'small_potion')!.id);
    await bot.waitFor(() => bot.view.bag!.belt[0]!.count === 1, 15_000, 'the potion in the bag');
    expect(bot.view.stats!.hp).toBe(full);
    expect(bot.view.bag!.slots[0]).toEqual({ item: 'small_potion', count: 1 });
    bot.loot(nearest(bot, (e) => e.kind === 'short_sword')!.id);
    await bot.waitFor(() => bot.view.stats!.weapon === 'short_sword', 15_000, 'the sword worn');
    expect(bot.view.bag!.slots.slice(0, 2)).toEqual([
      { item: 'small_potion', count: 1 },
      { item: 'club', count: 1 },
    ]);

    // Saved on leaving, loaded from the file by a new server process.
    await stop(server, bot);
    ({ server, bot } = await play(token));
    expect(bot.view.bag!.slots.slice(0, 3)).toEqual([
      { item: 'small_potion', count: 1 },
      { item: 'club', count: 1 },
      { item: '', count: 0 },
    ]);
    expect(bot.view.bag!.belt[0]).toEqual({ item: 'small_potion', count: 1 });
    expect(bot.view.stats!.weapon).toBe('short_sword');

    // At full HP the server refuses the drink; a rat's blow later, it is drunk.
    const notices: string[] = [];
    bot.on((e) => void (e.type === 'notice' && notices.push(e.text)));
    bot.useBelt(0);
    await bot.waitFor(() => notices.some((n) => /full health/.test(n)), 3000, 'the refusal at full HP');
    expect(bot.view.bag!.belt[0]!.count).toBe(1);
    const deadline = Date.now() + 60_000;
    while (bot.view.stats!.hp >= bot.view.stats!.maxHp && Date.now() < deadline) {
      const rat = nearest(bot, (e) => e.type === 'mob' && e.kind === 'rat');
      if (rat) bot.attack(rat.id);
      await bot.waitFor(() => bot.view.stats!.hp < bot.view.stats!.maxHp, 1500).catch(() => {});
    }
    const hurt = bot.view.stats!.hp;
    expect(hurt).toBeLessThan(bot.view.stats!.maxHp);
    bot.walkTo(bot.tileOf(bot.self!).x, bot.tileOf(bot.self!).y); // stop fighting
    bot.useBelt(0);
    await bot.waitFor(() => bot.view.bag!.belt[0]!.count === 0, 3000, 'the potion drunk');
    expect(notices).toContain('You drink the small potion: +40 HP.');
    expect(bot.view.bag!.slots[0]).toEqual({ item: '', count: 0 });

    await stop(server, bot);
    ({ server, bot } = await play(token));
    expect(bot.view.bag!.slots.filter((s) => s.item)).toEqual([{ item: 'club', count: 1 }]);
    expect(bot.view.bag!.belt[0]).toEqual({ item: 'small_potion', count: 0 });
    expect(bot.problems).toEqual([]);
  }, 120_000);
});

function dist(a: { x: number; y: number }, b: { x: number; y: number }): number {
  return Math.abs(a.x - b.x) + Math.abs(a.y - b.y);
}
