// Live reload on a real server (LIVE_RELOAD=1): a modder saves the map and a connected player is
// welcomed again with the new content version and sees what the new map places; a broken save changes
// nothing for the player.
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type GameServer } from '../../server/app.ts';
import { readConfig } from '../../server/config.ts';
import { loadContent } from '../../server/load-content.ts';
import type { Log } from '../../server/log.ts';
import { MemoryStore } from '../../server/store/memory-store.ts';
import { BotClient } from '../../tools/bots/bot-client.ts';
import { copyAssets, objectsOf, rect, tinyMap, writeMap } from '../../tools/content/fixture-assets.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setUp() {
  const assets = copyAssets();
  cleanups.push(() => rmSync(path.dirname(assets), { recursive: true, force: true }));
  const mapFile = writeMap(assets, tinyMap());
  const base = readConfig({ PORT: '0', HOST: '127.0.0.1', SEED: '1' }, repoRoot);
  const config = { ...base, assetsDir: assets, mapFile, liveReload: true };
  const { map, data } = loadContent(mapFile, assets);
  const errors: string[] = [];
  const log: Log = { info: () => {}, warn: () => {}, error: (l) => void errors.push(l) };
  const server: GameServer = await startServer({ config, map, data, log, store: new MemoryStore() });
  cleanups.push(() => server.close());
  const bot = await BotClient.connect({ url: `ws://127.0.0.1:${server.port}/ws`, name: 'Modder' });
  cleanups.push(() => void bot.close());
  await bot.waitForWelcome(3000);
  return { mapFile, bot, errors };
}

const rats = (bot: BotClient): number =>
  [...bot.view.entities.values()].filter((e) => e.kind === 'rat').length;

describe('live reload on a real server', () => {
  it('welcomes a playing client again with the new version and shows what the saved map places', async () => {
    const { mapFile, bot } = await setUp();
    const first = bot.view.version;
    expect(first).toMatch(/^[0-9a-f]{12}$/);
    await bot.waitFor(() => rats(bot) === 2, 3000, 'the two rats');
    const next = tinyMap();
    objectsOf(next).push(rect(5, 'mobArea', 8, 1, 3, 3, { kind: 'rat', count: 3 }));
    writeFileSync(mapFile, JSON.stringify(next));
    await bot.waitFor(() => bot.view.version !== first && rats(bot) === 5, 5000, 'the new map');
    expect(bot.view.map).toBe('maps/tiny.tmj'); // the path the page fetches the new map from
  });

  it('keeps playing the old map when the saved one is broken, and logs why', async () => {
    const { mapFile, bot, errors } = await setUp();
    const first = bot.view.version;
    await bot.waitFor(() => rats(bot) === 2, 3000, 'the two rats');
    writeFileSync(mapFile, '{"type": "map", "width": 12');
    const deadline = Date.now() + 5000;
    while (errors.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(errors.join('\n')).toMatch(/kept the running content[\s\S]*tiny\.tmj/);
    expect(bot.view.version).toBe(first);
    expect(rats(bot)).toBe(2);
    expect(bot.closed).toBeNull();
  });
});
