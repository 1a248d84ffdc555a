// An interior in Chromium, on a real server with the default realm: a new player walks from the village
// spawn to the nearest house with a door one can enter, steps onto its painted door (a portal) and is in
// that house's own map (its world, drawn, the camera on the room), then out by the room's door back onto
// the street below the painted door, in the shard it came from. Screenshots: test-results/interiors-*.png.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { loadWorldMap } from '../../server/load-map.ts';
import { arrivalTile } from '../../shared/content/realm-checks.ts';
import type { WorldMap } from '../../shared/content/world-map.ts';
import { repoRoot, startServerProcess, type ServerProcess } from '../../tools/server-process.ts';
import { gameState, joinGame, launchBrowser } from '../support/browser.ts';
import { travel } from '../support/travel.ts';

const shots = path.join(repoRoot, 'test-results');
const mapOf = (p: string): WorldMap => loadWorldMap(path.join(repoRoot, 'assets', p));
const tileOf = (m: WorldMap, name: string) => arrivalTile(m.objects.find((o) => o.name === name)!.area);

describe('a village house, a map of its own, in Chromium', () => {
  let server: ServerProcess;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    server = await startServerProcess({}, { timeoutMs: 60_000 });
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** Clicks the portal's tile until the page plays `map` (a click may be lost while a walk is under way). */
  async function stepOnto(portal: { x: number; y: number }, map: string): Promise<void> {
    const deadline = Date.now() + 40_000;
    while (Date.now() < deadline) {
      const s = await gameState(page);
      if (s.connected && s.map === map) return;
      if (s.connected) {
        const point = await page.evaluate((t) => window.__emberquest!.tileToClient(t.x, t.y), portal);
        await page.mouse.click(point.x, point.y);
      }
      await page.waitForTimeout(1200);
    }
    throw new Error(`never got to ${map}: ${JSON.stringify(await gameState(page))}`);
  }

  it('walks through a painted house door into the house’s own map and back out to the street', async () => {
    const world = mapOf('maps/world.tmj');
    const spawn = world.spawns[0]!.area;
    const houses = world.objects.filter((o) => o.kind === 'portal' && /_door$/.test(o.name));
    const dist = (a: { x: number; y: number }) => Math.abs(a.x - spawn.x) + Math.abs(a.y - spawn.y);
    const door = houses.sort((a, b) => dist(a.area) - dist(b.area))[0]!;
    const houseMap = String(door.properties.map);
    const house = mapOf(houseMap);
    const inside = tileOf(house, String(door.properties.to));
    const exit = house.objects.find((o) => o.kind === 'portal')!;
    const street = tileOf(world, String(exit.properties.to));

    const joined = await joinGame(page, server.url, 'Visitor', 'emberfall-2');
    expect([joined.world, joined.map]).toEqual(['emberfall-2', 'maps/world.tmj']);
    await page.keyboard.press('Escape'); // the first-play hint card
    expect(await travel(page, world, street, 1, 90_000)).toBe(true);
    await stepOnto(door.area, houseMap);
    let s = await gameState(page);
    expect(s.map).toBe(houseMap);
    expect(s.world).toBe(houseMap.replace(/^maps\/(.*)\.tmj$/, '$1'));
    expect(s.tile).toEqual(inside);
    // The room is the whole map: the camera's area is all of it.
    const camera = await page.evaluate(() => window.__emberquest!.camera().area);
    expect(camera).toEqual({ x: 0, y: 0, width: house.width, height: house.height });
    await page.waitForTimeout(500); // the fade back in
    await page.screenshot({ path: path.join(shots, `interiors-${door.name}.png`) });

    await stepOnto(exit.area, 'maps/world.tmj');
    s = await gameState(page);
    expect([s.world, s.map]).toEqual(['emberfall-2', 'maps/world.tmj']);
    expect(s.tile).toEqual(street);
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(shots, 'interiors-street.png') });
  }, 240_000);
});
