// The adventure in real browsers: a player walks to the rats, kills one, and sees the kill in the log and
// its XP rise; two players see each other's chat. Screenshots of a fight and of the HUD are saved.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { loadWorldMap } from '../../server/load-map.ts';
import { loadGameData } from '../../server/load-data.ts';
import { DEFAULT_MAP } from '../../server/config.ts';
import { parsePlacements } from '../../shared/content/placements.ts';
import type { WorldMap } from '../../shared/content/world-map.ts';
import { repoRoot, startServerProcess, type ServerProcess } from '../../tools/server-process.ts';
import { gameState, joinGame, launchBrowser, walkNear } from '../support/browser.ts';

const shots = path.join(repoRoot, 'test-results');

describe('the adventure in Chromium', () => {
  let server: ServerProcess;
  let browser: Browser;
  let map: WorldMap;
  let ratField = { x: 0, y: 0 };
  const pages: Page[] = [];

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    map = loadWorldMap(path.join(repoRoot, DEFAULT_MAP));
    const data = loadGameData(path.join(repoRoot, 'assets'));
    const rats = parsePlacements(map, data, DEFAULT_MAP).mobAreas.filter((a) => a.kind === 'rat');
    // The rat field nearest the spawn.
    const spawn = map.spawns[0]!.area;
    rats.sort((a, b) => dist(a.area, spawn) - dist(b.area, spawn));
    ratField = {
      x: rats[0]!.area.x + (rats[0]!.area.width >> 1),
      y: rats[0]!.area.y + (rats[0]!.area.height >> 1),
    };
    server = await startServerProcess();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function newPlayer(name: string, world?: string): Promise<Page> {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
    pages.push(page);
    await joinGame(page, server.url, name, world);
    return page;
  }

  it('a player kills a rat: the log says so and XP rises', async () => {
    const page = await newPlayer('Ratter');
    const start = await gameState(page);
    expect(start).toMatchObject({ hp: 80, maxHp: 80, level: 1, xp: 0, weapon: 'club', armor: 'tunic' });
    // Walk to the rat field nearest the spawn, then keep clicking the nearest rat.
    await walkNear(page, map.grid, ratField, 4, 60_000);
    let shot = false;
    for (let i = 0; i < 60; i++) {
      const s = await gameState(page);
      if (s.xp > 0) break;
      const rats = s.entities.filter((e) => e.kind === 'rat');
      const me = s.tile!;
      rats.sort((a, b) => dist(a.tile, me) - dist(b.tile, me));
      const rat = rats[0];
      if (!rat) {
        await page.waitForTimeout(500);
        continue;
      }
      if (dist(rat.tile, me) > 8) await walkNear(page, map.grid, rat.tile, 3, 10_000);
      const point = await page.evaluate((t) => window.__emberquest!.tileToClient(t.x, t.y), rat.tile);
      await page.mouse.click(point.x, point.y);
      await page.waitForTimeout(800);
      if (!shot && (await gameState(page)).entities.some((e) => e.kind === 'rat' && (e.hp ?? 25) < 25)) {
        await page.screenshot({ path: path.join(shots, 'e2e-fight.png') });
        shot = true;
      }
    }
    const after = await gameState(page);
    expect(after.xp).toBeGreaterThan(0);
    await expect
      .poll(() => page.locator('#chat-log').textContent(), { timeout: 5000 })
      .toContain('You defeated a rat');
    await page.screenshot({ path: path.join(shots, 'e2e-hud.png') });
  }, 150_000);

  it('two players see each other chat', async () => {
    // The default realm has two shards of the overworld: the two friends pick the same one.
    const alice = await newPlayer('Talker', 'emberfall-1');
    const bob = await newPlayer('Listener', 'emberfall-1');
    await bob.waitForFunction(
      (id) => window.__emberquest!.state().entities.some((e) => e.id === id),
      (await gameState(alice)).playerId,
    );
    await alice.keyboard.press('Enter');
    await alice.getByTestId('chat-input').fill('Hello from the square!');
    await alice.keyboard.press('Enter');
    await expect
      .poll(() => bob.locator('#chat-log').textContent(), { timeout: 5000 })
      .toContain('Talker: Hello from the square!');
    await expect
      .poll(() => alice.locator('#chat-log').textContent(), { timeout: 5000 })
      .toContain('Talker: Hello from the square!');
    // Text stays text: markup typed in chat is shown, not run.
    await bob.keyboard.press('Enter');
    await bob.getByTestId('chat-input').fill('<b>bold?</b>');
    await bob.keyboard.press('Enter');
    await expect
      .poll(() => alice.locator('#chat-log').textContent(), { timeout: 5000 })
      .toContain('<b>bold?</b>');
    expect(await alice.locator('#chat-log b:text("bold?")').count()).toBe(0);
    await bob.screenshot({ path: path.join(shots, 'e2e-chat.png') });
  }, 90_000); // two pages joining at once in software WebGL take 10–30 s
});

function dist(a: { x: number; y: number }, b: { x: number; y: number }): number {
  return Math.abs(a.x - b.x) + Math.abs(a.y - b.y);
}
