// The maps in Chromium, on the real realm: joining names the village in a banner, walking east into the
// coast names it once, the minimap follows the player (and draws quest and party marks put in
// ui/map-marks.ts), M opens the world map with the zones seen and M, Esc or a click closes it (a chat
// line takes the letter instead), the ferry to the isle switches both maps, and a reload remembers what
// was explored. Screenshots in test-results/maps-*.png.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { repoRoot, startServerProcess, type ServerProcess } from '../../tools/server-process.ts';
import { gameState, joinGame, launchBrowser } from '../support/browser.ts';
import { loadPlaces, type Places } from '../support/places.ts';
import { travel } from '../support/travel.ts';
import type { PageBox } from '../../client/test-api.ts';

const shots = path.join(repoRoot, 'test-results');
/** Old Pell's pier (tools/map/world-places.ts PIER) and the ferry at its end. */
const PIER = { x: 140, y: 286, len: 9 };

describe('the minimap, the world map and zone names', () => {
  let server: ServerProcess;
  let browser: Browser;
  let places: Places;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    places = loadPlaces();
    server = await startServerProcess();
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
    // Every banner the page shows, in order.
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __banners: string[] }).__banners = seen;
      new MutationObserver(() => {
        const el = document.getElementById('zone-banner');
        if (el?.classList.contains('on')) {
          const text = el.textContent ?? '';
          if (seen[seen.length - 1] !== text || !el.dataset.counted) seen.push(text);
          el.dataset.counted = '1';
        } else if (el) delete el.dataset.counted;
      }).observe(document, { subtree: true, attributes: true, attributeFilter: ['class'] });
    });
    await joinGame(page, server.url, 'Wayfarer', 'emberfall-1');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const banners = (): Promise<string[]> =>
    page.evaluate(() => [...(window as unknown as { __banners: string[] }).__banners]);
  const maps = () => page.evaluate(() => window.__emberquest!.maps());

  it('names the village on joining, in a banner that fades', async () => {
    await expect.poll(banners).toEqual(['Emberfall Village']);
    expect((await gameState(page)).zone).toBe('Emberfall Village');
    await page.screenshot({ path: path.join(shots, 'maps-banner.png') });
    await expect
      .poll(() => page.locator('#zone-banner').evaluate((el) => Number(getComputedStyle(el).opacity)), {
        timeout: 8000,
      })
      .toBe(0);
  });

  it('the minimap shows the explored map around the player, and keeps off the HUD', async () => {
    const m = page.getByTestId('minimap');
    expect(await m.isVisible()).toBe(true);
    const shown = (await maps()).minimap!;
    const me = (await gameState(page)).tile!;
    const self = shown.dots.find((d) => d.kind === 'self')!;
    expect(Math.round(self.x)).toBe(me.x);
    expect(Math.round(self.y)).toBe(me.y);
    expect((await maps()).explored).toBeGreaterThan(50);
    // Not one pixel of fog where the player stands: the middle of the minimap is the map's colours.
    const mid = await m.evaluate((el) => {
      const c = el.querySelector('canvas')!;
      return [...c.getContext('2d')!.getImageData(c.width / 4, c.height / 2, 1, 1).data];
    });
    expect(mid.slice(0, 3)).not.toEqual([0x2a, 0x1d, 0x30]);
    const layout = await page.evaluate(() => {
      const box = (sel: string) => document.querySelector(sel)!.getBoundingClientRect();
      return {
        minimap: box('#minimap'),
        hud: window.__emberquest!.hudBoxes(),
        buttons: [...document.querySelectorAll('#toolbar button')].map((b) => b.getBoundingClientRect()),
        log: box('#chat-log'),
      };
    });
    for (const b of [...layout.hud, ...layout.buttons, layout.log])
      expect(overlap(layout.minimap, b), `minimap over ${JSON.stringify(b)}`).toBe(false);
    // A long notice's column keeps clear of it too.
    await page.evaluate(() =>
      window.__emberquest!.showNotice('You found something rather long to say about this very place.'),
    );
    const notice = await page.locator('#messages').boundingBox();
    expect(overlap(layout.minimap, box(notice!))).toBe(false);
  });

  it('walking east into the coast names it once; the player dot moves with the player', async () => {
    const before = (await maps()).minimap!.window;
    expect(await travel(page, places.map, { x: PIER.x - 3, y: PIER.y }, 1, 150_000)).toBe(true);
    const s = await gameState(page);
    expect(s.zone).toBe('Saltwind Coast');
    const seen = await banners();
    expect(seen.filter((b) => b === 'Saltwind Coast')).toHaveLength(1);
    expect(seen.filter((b) => b === 'Emberfall Village')).toHaveLength(1);
    const after = (await maps()).minimap!;
    expect(after.window.x).toBeGreaterThan(before.x + 20);
    const self = after.dots.find((d) => d.kind === 'self')!;
    expect(Math.abs(self.x - s.tile!.x)).toBeLessThan(1);
  }, 200_000);

  it('draws quest targets and party members from the map marks, only those of this map', async () => {
    const me = (await gameState(page)).tile!;
    await page.evaluate(
      ([x, y]) => {
        const api = window.__emberquest!;
        api.showMarks('quests', [
          { label: 'Crab claws', map: 'maps/world.tmj', x: x! - 6, y: y! - 4 },
          { label: 'Far away', map: 'maps/isle.tmj', x: 5, y: 5 },
        ]);
        api.showMarks('party', [{ label: 'Ada', map: 'maps/world.tmj', x: x! + 4, y: y! + 3 }]);
      },
      [me.x, me.y],
    );
    await expect
      .poll(async () => (await maps()).minimap!.dots.map((d) => `${d.kind}:${d.label}`).sort())
      .toEqual(['party:Ada', 'quest:Crab claws', 'self:Wayfarer']);
    await page.getByTestId('minimap').screenshot({ path: path.join(shots, 'maps-minimap.png') });
  });

  it('M opens the world map with the zones seen; M, Escape and a click close it; chat keeps the letter', async () => {
    const card = page.getByTestId('world-map');
    await page.keyboard.press('m');
    await expect.poll(() => card.isVisible()).toBe(true);
    const open = (await maps()).worldMap;
    expect(open.zones).toEqual(expect.arrayContaining(['Emberfall Village', 'Saltwind Coast']));
    // Zones never visited stay unnamed: the map is learnt by walking.
    expect(open.zones).not.toContain("The Wyrm's Lair");
    // The marks put on the map before are named beside their dots.
    await expect.poll(() => card.locator('.world-map-mark').allTextContents()).toEqual(['Crab claws', 'Ada']);
    await page.screenshot({ path: path.join(shots, 'maps-world.png') });
    await page.keyboard.press('M');
    await expect.poll(() => card.isVisible()).toBe(false);
    await page.getByTestId('minimap').click();
    await expect.poll(() => card.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => card.isVisible()).toBe(false);
    await page.keyboard.press('m');
    await expect.poll(() => card.isVisible()).toBe(true);
    await card.click({ position: { x: 20, y: 20 } });
    await expect.poll(() => card.isVisible()).toBe(false);

    await page.keyboard.press('Enter');
    const chat = page.getByTestId('chat-input');
    await expect.poll(() => chat.isVisible()).toBe(true);
    await chat.pressSequentially('my map');
    expect(await chat.inputValue()).toBe('my map');
    expect(await card.isVisible()).toBe(false);
    await chat.press('Escape');
  });

  it('the ferry to the isle switches the minimap and names the isle; a reload remembers the way', async () => {
    const ferry = { x: PIER.x + PIER.len - 2, y: PIER.y };
    expect(await travel(page, places.map, ferry, 0, 60_000)).toBe(true);
    await expect.poll(async () => (await gameState(page)).map, { timeout: 20_000 }).toBe('maps/isle.tmj');
    await expect.poll(async () => (await gameState(page)).zone, { timeout: 10_000 }).toBe('Ember Isle');
    await expect.poll(banners).toContain('Ember Isle');
    const isle = (await maps()).minimap!;
    const me = (await gameState(page)).tile!;
    expect(isle.dots.map((d) => d.kind)).toEqual(['self']); // the world's marks stay on the world
    const self = isle.dots[0]!;
    expect(Math.abs(self.x - me.x)).toBeLessThan(1);
    // The isle is 64 by 48: the minimap's window lies inside it, not where the pier was.
    expect(isle.window.x).toBeLessThan(64);
    const explored = (await maps()).explored;
    expect(explored).toBeGreaterThan(20);
    await page.screenshot({ path: path.join(shots, 'maps-isle.png') });

    await page.waitForTimeout(3500); // the exploration's save follows the last step by 3 s
    await page.reload();
    await page.getByTestId('continue-button').click();
    await page.waitForFunction(() => window.__emberquest?.state().connected === true, null, {
      timeout: 20_000,
    });
    await expect
      .poll(async () => (await maps()).explored, { timeout: 10_000 })
      .toBeGreaterThanOrEqual(explored);
  }, 120_000);

  it('on a phone the minimap sits clear of the HUD, and a tap opens a world map that fits the screen', async () => {
    const phone = await (
      await browser.newContext({
        viewport: { width: 390, height: 844 },
        deviceScaleFactor: 2,
        hasTouch: true,
        isMobile: true,
      })
    ).newPage();
    await joinGame(phone, server.url, 'Pocket', 'emberfall-1');
    const layout = await phone.evaluate(() => ({
      minimap: document.getElementById('minimap')!.getBoundingClientRect().toJSON() as DOMRect,
      hud: window.__emberquest!.hudBoxes(),
      buttons: [...document.querySelectorAll('#toolbar button')].map(
        (b) => b.getBoundingClientRect().toJSON() as DOMRect,
      ),
    }));
    for (const b of [...layout.hud, ...layout.buttons]) expect(overlap(layout.minimap, b)).toBe(false);
    await phone.getByTestId('minimap').tap();
    const card = phone.getByTestId('world-map');
    await expect.poll(() => card.isVisible()).toBe(true);
    const inner = (await card.locator('.world-map-card').boundingBox())!;
    expect(inner.x).toBeGreaterThanOrEqual(0);
    expect(inner.y).toBeGreaterThanOrEqual(0);
    expect(inner.x + inner.width).toBeLessThanOrEqual(390);
    expect(inner.y + inner.height).toBeLessThanOrEqual(844);
    expect(await card.locator('.world-map-hint').textContent()).toBe('Tap to close');
    await phone.screenshot({ path: path.join(shots, 'maps-phone-world.png') });
    await phone.touchscreen.tap(195, 420);
    await expect.poll(() => card.isVisible()).toBe(false);
    await phone.close();
  });
});

function box(b: { x: number; y: number; width: number; height: number }): PageBox {
  return { left: b.x, top: b.y, right: b.x + b.width, bottom: b.y + b.height };
}

function overlap(a: PageBox, b: PageBox): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}
