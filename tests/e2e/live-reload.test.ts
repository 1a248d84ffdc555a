// Live reload in Chromium: a player stands in a small field when the modder saves the map with a wall of
// rock across the way east. The page redraws the map in place (never disconnected, the same player), the
// wall is drawn, and the server enforces it: a click past the wall walks around its end, never through.
// The server runs in this process on a temp copy of assets/ (never the repository's own) with live
// reload on, and serves the built client from dist/client (run `npx vite build` first).
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startServer, type GameServer } from '../../server/app.ts';
import { readConfig } from '../../server/config.ts';
import { loadContent } from '../../server/load-content.ts';
import type { Log } from '../../server/log.ts';
import { MemoryStore } from '../../server/store/memory-store.ts';
import { loadWorldMap } from '../../server/load-map.ts';
import { copyAssets, objectsOf, ROCK, tinyMap, writeMap } from '../../tools/content/fixture-assets.ts';
import { CHROMIUM, gameState, haveChromium, joinGame, launchBrowser } from '../support/browser.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const shots = path.join(repoRoot, 'test-results');

/** The wall the save adds: a column of rock at x = 6 from the top edge down to y = 6 (rows 7–9 stay open). */
const WALL_X = 6;
const WALL_END = 6;
const inWall = (t: { x: number; y: number }): boolean => t.x === WALL_X && t.y <= WALL_END;
/** Across the wall from the spawn (0–1, 0–1). */
const TARGET = { x: 10, y: 1 };

/** A 12×10 grass field with a spawn in the top-left corner and nothing else (no mob to fight). */
function field() {
  const map = tinyMap();
  const objects = objectsOf(map);
  objects.splice(0, objects.length, ...objects.filter((o) => o.type === 'spawn'));
  return map;
}

function walled() {
  const map = field();
  const detail = map.layers.find((l) => l.name === 'detail')!.data as number[];
  for (let y = 0; y <= WALL_END; y++) detail[y * map.width + WALL_X] = ROCK;
  return map;
}

/** A picture of one tile as the page draws it. */
async function tileShot(page: Page, x: number, y: number): Promise<Buffer> {
  const [centre, next] = await page.evaluate(
    (t) => [window.__emberquest!.tileToClient(t.x, t.y), window.__emberquest!.tileToClient(t.x + 1, t.y)],
    { x, y },
  );
  const half = Math.floor((next!.x - centre!.x) / 2) - 1; // inside the tile
  return page.screenshot({
    clip: { x: centre.x - half, y: centre.y - half, width: 2 * half, height: 2 * half },
  });
}

describe('live reload in Chromium', () => {
  let assets: string;
  let mapFile: string;
  let server: GameServer;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    if (!haveChromium())
      throw new Error(`No Chromium at ${CHROMIUM}: run \`apt-get install chromium\` or set CHROMIUM_PATH.`);
    if (!existsSync(path.join(repoRoot, 'dist/client/index.html')))
      throw new Error('No built client in dist/client: run `npx vite build` first.');
    mkdirSync(shots, { recursive: true });
    assets = copyAssets();
    mapFile = writeMap(assets, field());
    const base = readConfig({ PORT: '0', HOST: '127.0.0.1', SEED: '1' }, repoRoot);
    const config = { ...base, assetsDir: assets, mapFile, liveReload: true };
    const { map, data } = loadContent(mapFile, assets);
    const log: Log = { info: () => {}, warn: () => {}, error: (line) => void errors.push(line) };
    server = await startServer({ config, map, data, log, store: new MemoryStore() });
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1024, height: 700 } })).newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (assets) rmSync(path.dirname(assets), { recursive: true, force: true });
  });

  it('redraws a saved wall in place without a disconnect, and the walk goes around it', async () => {
    // The wall is a wall to the server's own parser: the test would prove nothing on walkable rock.
    writeFileSync(`${mapFile}.check.tmj`, JSON.stringify(walled()));
    const { grid } = loadWorldMap(`${mapFile}.check.tmj`);
    rmSync(`${mapFile}.check.tmj`);
    for (let y = 0; y <= WALL_END; y++) expect(grid.blocked[y * grid.width + WALL_X]).toBe(1);

    const joined = await joinGame(page, `http://127.0.0.1:${server.port}/`, 'Mason');
    expect(joined.map).toBe('maps/tiny.tmj');
    const before = joined.mapVersion;
    expect(before).toMatch(/^[0-9a-f]{12}$/);
    const help = page.locator('#help button');
    if (await help.isVisible()) await help.click();
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(shots, 'live-reload-before.png') });
    const wallShot = await tileShot(page, WALL_X, 3);
    // Count every moment the page is not connected from now on (a drop and rejoin would pass a later look).
    await page.evaluate(() => {
      const w = window as unknown as { __drops: number };
      w.__drops = 0;
      setInterval(() => {
        if (!window.__emberquest!.state().connected) w.__drops++;
      }, 10);
    });

    writeFileSync(mapFile, JSON.stringify(walled(), null, 1));
    await page.waitForFunction((v) => window.__emberquest!.state().mapVersion !== v, before, {
      timeout: 10_000,
    });
    const after = await gameState(page);
    expect(after.connected).toBe(true);
    expect(after.playerId).toBe(joined.playerId);
    expect(after.map).toBe('maps/tiny.tmj');
    expect(errors).toEqual([]);
    await page.waitForTimeout(800); // the fade back in
    await page.screenshot({ path: path.join(shots, 'live-reload-wall.png') });
    // The page draws what the server enforces: the wall's tiles look different now (a rock on the grass).
    expect(Buffer.compare(await tileShot(page, WALL_X, 3), wallShot)).not.toBe(0);

    // Walk across: every tile the player stands on (as the server moves it) stays out of the wall.
    const seen: { x: number; y: number }[] = [];
    const point = await page.evaluate((t) => window.__emberquest!.tileToClient(t.x, t.y), TARGET);
    await page.mouse.click(point.x, point.y);
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      const tile = (await gameState(page)).tile!;
      const last = seen[seen.length - 1];
      if (!last || last.x !== tile.x || last.y !== tile.y) seen.push(tile);
      if (tile.x === TARGET.x && tile.y === TARGET.y) break;
      await page.waitForTimeout(20);
    }
    expect(seen.filter(inWall)).toEqual([]);
    expect(seen[seen.length - 1]).toEqual(TARGET);
    // Round the wall's open end, not over it.
    expect(seen.some((t) => t.x === WALL_X && t.y > WALL_END)).toBe(true);
    await page.screenshot({ path: path.join(shots, 'live-reload-around.png') });
    expect(await page.evaluate(() => (window as unknown as { __drops: number }).__drops)).toBe(0);
    expect((await gameState(page)).playerId).toBe(joined.playerId);
  });
});
