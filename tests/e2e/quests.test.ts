// Quests in Chromium: the elder shows !, on the minimap too, talking to her offers the first village
// quest, the player takes it, finds Little Wren (marked ?, on the minimap too), hands it in for XP and a
// potion, and after a reload finds it done. Screenshots of the marker, the minimap, the offer, the quest
// panel and the panel after the hand-in are saved.
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

describe('quests in Chromium', () => {
  let server: ServerProcess;
  let browser: Browser;
  let page: Page;
  let map: WorldMap;
  const npcTile = new Map<string, { x: number; y: number }>();

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    map = loadWorldMap(path.join(repoRoot, DEFAULT_MAP));
    const data = loadGameData(path.join(repoRoot, 'assets'));
    for (const n of parsePlacements(map, data, DEFAULT_MAP).npcs) npcTile.set(n.kind, { x: n.x, y: n.y });
    server = await startServerProcess();
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** Walks up to the NPC of `kind` and clicks it; returns its entity id. */
  async function talkTo(kind: string): Promise<number> {
    await walkNear(page, map.grid, npcTile.get(kind)!, 3, 60_000);
    const npc = (await gameState(page)).entities.find((e) => e.kind === kind)!;
    expect(npc, `${kind} in view`).toBeDefined();
    const point = await page.evaluate((t) => window.__emberquest!.tileToClient(t.x, t.y), npc.tile);
    await page.mouse.click(point.x, point.y);
    return npc.id;
  }

  const markOver = (id: number): Promise<string | undefined> =>
    page.evaluate((npc) => window.__emberquest!.questMarks().find((m) => m.id === npc)?.mark, id);

  /** The minimap's dots of one kind (in its window now): label and tile. */
  const minimapMarks = (kind: string): Promise<{ label: string; x: number; y: number }[]> =>
    page.evaluate(
      (k) =>
        (window.__emberquest!.maps().minimap?.dots ?? [])
          .filter((d) => d.kind === k)
          .map((d) => ({ label: d.label, x: d.x, y: d.y })),
      kind,
    );

  it('takes the first village quest from the elder, hands it in to Wren, and keeps it done after a reload', async () => {
    await joinGame(page, server.url, 'Questor', 'emberfall-1');
    expect((await gameState(page)).quests).toEqual([]);
    await walkNear(page, map.grid, npcTile.get('elder')!, 4, 60_000);
    const elder = (await gameState(page)).entities.find((e) => e.kind === 'elder')!;
    await expect.poll(() => markOver(elder.id), { timeout: 5000 }).toBe('!');
    await page.screenshot({ path: path.join(shots, 'e2e-quest-marker.png') });
    // The minimap shows her ! too, on her tile.
    const elderTile = npcTile.get('elder')!;
    await expect
      .poll(() => minimapMarks('offer'), { timeout: 5000 })
      .toContainEqual({ label: 'Elder Maren', x: elderTile.x, y: elderTile.y });
    await page.locator('#minimap').screenshot({ path: path.join(shots, 'e2e-quest-minimap.png') });

    await talkTo('elder');
    const offer = page.getByTestId('quest-offer');
    await offer.waitFor({ state: 'visible', timeout: 10_000 });
    expect(await offer.textContent()).toContain('Where is Wren?');
    expect(await offer.textContent()).toContain('Reward: 15 XP, small potion');
    await page.screenshot({ path: path.join(shots, 'e2e-quest-offer.png') });
    await page.getByTestId('quest-accept').click();
    await expect
      .poll(async () => (await gameState(page)).quests, { timeout: 5000 })
      .toEqual([{ id: 'find_wren', progress: 0, goal: 1, done: false }]);
    expect(await offer.isVisible()).toBe(false);
    // Taken: the elder's ! leaves the minimap and Wren's ? comes, over the quest's target on her tile.
    const wrenTile = npcTile.get('child')!;
    await expect
      .poll(() => minimapMarks('handIn'), { timeout: 5000 })
      .toEqual([{ label: 'Little Wren', x: wrenTile.x, y: wrenTile.y }]);
    expect(await minimapMarks('offer')).toEqual([]);
    expect(await minimapMarks('quest')).toContainEqual({ label: 'Where is Wren?', ...wrenTile });
    await page.locator('#minimap').screenshot({ path: path.join(shots, 'e2e-quest-minimap-taken.png') });

    await page.keyboard.press('q');
    const panel = page.getByTestId('quest-panel');
    await panel.waitFor({ state: 'visible', timeout: 5000 });
    expect(await panel.textContent()).toContain('Speak to Little Wren');
    await page.screenshot({ path: path.join(shots, 'e2e-quest-panel.png') });
    await page.keyboard.press('q');
    expect(await panel.isVisible()).toBe(false);

    const xp = (await gameState(page)).xp;
    const wren = await talkTo('child');
    await expect.poll(() => markOver(wren), { timeout: 2000 }).toBe('?');
    await expect
      .poll(async () => (await gameState(page)).quests, { timeout: 20_000 })
      .toEqual([{ id: 'find_wren', progress: 1, goal: 1, done: true }]);
    expect((await gameState(page)).xp).toBe(xp + 15);
    await expect
      .poll(() => page.locator('#chat-log').textContent(), { timeout: 5000 })
      .toContain('Quest complete: Where is Wren?');
    // The elder has the next quest of the chain: her ! is back, and Wren's ? is gone.
    await expect.poll(() => markOver(wren), { timeout: 5000 }).toBeUndefined();
    await page.getByTestId('quests-button').click();
    await panel.waitFor({ state: 'visible', timeout: 5000 });
    expect(await panel.textContent()).toContain('Done (1)');
    await page.screenshot({ path: path.join(shots, 'e2e-quest-done.png') });

    await page.reload();
    const resume = page.getByTestId('continue-button');
    await resume.waitFor({ state: 'visible', timeout: 20_000 });
    await resume.click();
    await page.waitForFunction(() => window.__emberquest?.state().connected === true, null, {
      timeout: 20_000,
    });
    await expect
      .poll(async () => (await gameState(page)).quests, { timeout: 5000 })
      .toEqual([{ id: 'find_wren', progress: 1, goal: 1, done: true }]);
  }, 240_000);
});
