// The HUD and the world's words keep clear of each other, on a desktop (1280×800) and a phone (390×844,
// touch), in Chromium: the zone banner named on joining moves clear of the bag card opened under it; an
// NPC standing at the top right of the view keeps its name, and the line it says, clear of the online
// count and the minimap; and in the camera's top row its name and bubble stay whole on the page.
// Screenshots in test-results/hud-clear-*.png.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { repoRoot, type ServerProcess } from '../../tools/server-process.ts';
import { serverAndBrowser, type ServerAndBrowser } from '../support/two-browsers.ts';
import type { PageBox } from '../../client/test-api.ts';
import { joinGame } from '../support/browser.ts';
import { loadPlaces, type Places } from '../support/places.ts';
import { inTopRow, nameUnderOnline, overlap, standWithNpc } from '../support/npc-on-screen.ts';

const shots = path.join(repoRoot, 'test-results');

const SCREENS = [
  { name: 'desktop', viewport: { width: 1280, height: 800 }, touch: false },
  { name: 'phone', viewport: { width: 390, height: 844 }, touch: true },
] as const;

describe('the HUD keeps clear of names and banners', () => {
  let both: ServerAndBrowser;
  let server: ServerProcess;
  let browser: Browser;
  let places: Places;

  beforeAll(async () => {
    places = loadPlaces();
    both = await serverAndBrowser({ MAP: 'assets/maps/world.tmj' });
    ({ server, browser } = both);
  });

  afterAll(() => both?.stop());

  for (const screen of SCREENS) {
    it(`${screen.name}: the zone banner keeps off the bag, an NPC's name and line off the online count and the minimap, and whole in the top row`, async () => {
      const context = await browser.newContext({
        viewport: screen.viewport,
        deviceScaleFactor: screen.touch ? 2 : 1,
        hasTouch: screen.touch,
        isMobile: screen.touch,
      });
      const page = await context.newPage();
      const press = (selector: string) =>
        screen.touch ? page.locator(selector).tap() : page.locator(selector).click();
      try {
        await joinGame(page, server.url, `Clear${screen.name}`);
        // Joining names the village in the banner.
        await expect.poll(() => bannerOn(page), { timeout: 5000 }).toBe(true);
        // A card opened under the banner: the banner moves off it. (The banner stays up 2.8 s, so it is
        // named again here rather than racing the one of the join.)
        await page.evaluate(() => window.__emberquest!.showZoneBanner('Emberfall Village'));
        await press('#btn-bag');
        await expect.poll(() => page.locator('#bag').isVisible()).toBe(true);
        await page.waitForTimeout(200);
        const opened = await layout(page);
        await page.screenshot({ path: path.join(shots, `hud-clear-banner-${screen.name}.png`) });
        // The banner named while the card is open is placed clear of it from the start.
        await page.evaluate(() => window.__emberquest!.showZoneBanner('Emberfall Village'));
        await page.waitForTimeout(100);
        const named = await layout(page);
        // The card closed: the banner goes back where it was (its place with nothing open).
        await page.keyboard.press('Escape');
        await expect.poll(() => page.locator('#bag').isVisible()).toBe(false);
        await page.waitForTimeout(100);
        const closed = await layout(page);
        await page.evaluate(() => window.__emberquest!.showZoneBanner('Emberfall Village'));
        await page.waitForTimeout(100);
        const home = await layout(page);
        for (const [when, l] of Object.entries({ opened, named })) {
          expect(l.on, `${when}: the banner still names the zone`).toBe(true);
          expect(l.visible, `${when}: the banner is shown`).toBe(true);
          expect(overlap(l.banner, l.bag), `${when}: the zone banner covers the bag`).toBe(false);
        }
        for (const l of [opened, named, closed])
          for (const hud of l.hud) expect(overlap(l.banner, hud), 'the banner covers the HUD').toBe(false);
        expect(closed.banner.top).toBeCloseTo(home.banner.top, 0);

        const smith = await standWithNpc(page, places, 'smith', nameUnderOnline);
        const seen = await page.evaluate(() => ({
          labels: window.__emberquest!.labels(),
          hud: window.__emberquest!.hudBoxes(),
          minimap: document.getElementById('minimap')!.getBoundingClientRect().toJSON() as DOMRect,
        }));
        await page.screenshot({ path: path.join(shots, `hud-clear-npc-${screen.name}.png`) });
        const hud = [...seen.hud, { name: 'minimap', ...seen.minimap }];
        const npcs = seen.labels.filter((l) => l.type === 'npc' && l.alpha > 0);
        // The smith's name is still shown (beside the HUD or below it), not lost under it.
        expect(npcs.map((l) => l.id)).toContain(smith);
        for (const label of seen.labels.filter((l) => l.alpha > 0))
          for (const box of hud)
            expect(overlap(label, box), `the ${label.type} name ${label.id} is under the ${box.name}`).toBe(
              false,
            );
        for (const n of npcs) {
          expect(n.left).toBeGreaterThanOrEqual(-0.5);
          expect(n.right).toBeLessThanOrEqual(screen.viewport.width + 0.5);
        }
        // The smith speaks there: his bubble, over his name and so under the count or past the page's top,
        // goes where the whole of it can be read.
        await bubbleReadable(page, smith, screen.viewport, `hud-clear-bubble-${screen.name}.png`);

        // The smith in the camera's top row: his name comes down onto the page, and his line hangs
        // under him rather than over the edge.
        await standWithNpc(page, places, 'smith', inTopRow(screen.viewport.width / 2));
        await page.waitForTimeout(300);
        const edge = await page.evaluate(() => window.__emberquest!.labels());
        await page.screenshot({ path: path.join(shots, `hud-clear-top-row-${screen.name}.png`) });
        expect(edge.find((l) => l.id === smith)?.alpha, "the smith's name is shown").toBeGreaterThan(0);
        for (const l of edge.filter((l) => l.alpha > 0))
          expect
            .soft(insidePage(l, screen.viewport), `the ${l.type} name ${l.id} is cut by the page's edge`)
            .toBe(true);
        await bubbleReadable(page, smith, screen.viewport, `hud-clear-bubble-top-${screen.name}.png`);
      } finally {
        await context.close();
      }
    }, 200_000);
  }
});

/** Where the banner, the bag and the HUD's parts are on the page, and whether the banner is up. */
async function layout(page: Page) {
  return page.evaluate(() => {
    const box = (sel: string) => document.querySelector(sel)!.getBoundingClientRect().toJSON() as DOMRect;
    const banner = document.getElementById('zone-banner')!;
    return {
      banner: box('#zone-banner'),
      on: banner.classList.contains('on'),
      visible: getComputedStyle(banner).visibility !== 'hidden',
      bag: box('#bag'),
      hud: [box('#btn-online'), box('#minimap'), box('#toolbar')],
    };
  });
}

function bannerOn(page: Page): Promise<boolean> {
  return page.evaluate(() => document.getElementById('zone-banner')!.classList.contains('on'));
}

/** A line the length of the smith's longer ones, wrapped over a few rows. */
const LINE = 'Bring me iron and I will make you a blade worth carrying into the caves.';

/**
 * Has the NPC `id` say LINE and checks its bubble: all of it on the page, and clear of the HUD's parts
 * (the canvas bars and gear, and the DOM parts a bubble keeps clear of).
 */
async function bubbleReadable(
  page: Page,
  id: number,
  viewport: { width: number; height: number },
  shot: string,
): Promise<void> {
  await page.evaluate(({ id, line }) => window.__emberquest!.showLine(id, line), { id, line: LINE });
  await page.waitForTimeout(300);
  const seen = await page.evaluate(() => {
    const dom = [
      '#btn-online',
      '#minimap',
      '#target-frame',
      '#toolbar',
      '#belt',
      '#chat-log',
      '#chat',
      '#bag',
    ];
    const parts = dom.flatMap((sel) => {
      const el = document.querySelector<HTMLElement>(sel);
      if (!el || el.hidden || el.offsetParent === null) return [];
      return [{ name: sel, ...(el.getBoundingClientRect().toJSON() as DOMRect) }];
    });
    return { bubbles: window.__emberquest!.bubbles(), hud: [...window.__emberquest!.hudBoxes(), ...parts] };
  });
  await page.screenshot({ path: path.join(shots, shot) });
  const bubble = seen.bubbles.find((b) => b.id === id);
  expect(bubble, 'the bubble is up').toBeDefined();
  if (!bubble) return;
  expect
    .soft(insidePage(bubble, viewport), `the bubble ${JSON.stringify(bubble)} leaves the page`)
    .toBe(true);
  for (const box of seen.hud)
    expect
      .soft(overlap(bubble, box), `the bubble ${JSON.stringify(bubble)} is under the ${box.name}`)
      .toBe(false);
}

function insidePage(box: PageBox, viewport: { width: number; height: number }): boolean {
  return (
    box.left >= -0.5 &&
    box.top >= -0.5 &&
    box.right <= viewport.width + 0.5 &&
    box.bottom <= viewport.height + 0.5
  );
}
