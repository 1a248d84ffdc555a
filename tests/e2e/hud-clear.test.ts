// The HUD and the world's words keep clear of each other, on a desktop (1280×800) and a phone (390×844,
// touch), in Chromium: the zone banner named on joining moves clear of the bag card opened under it, and
// an NPC standing at the top right of the view keeps its name clear of the online count and the minimap.
// Screenshots in test-results/hud-clear-*.png.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { repoRoot, type ServerProcess } from '../../tools/server-process.ts';
import { serverAndBrowser, type ServerAndBrowser } from '../support/two-browsers.ts';
import { isWalkable } from '../../shared/rules/grid.ts';
import type { PageBox } from '../../client/test-api.ts';
import { gameState, joinGame, walkNear } from '../support/browser.ts';
import { loadPlaces, type Places } from '../support/places.ts';
import { travel } from '../support/travel.ts';

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
    it(`${screen.name}: the zone banner keeps off the bag, and an NPC's name off the online count and the minimap`, async () => {
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

        const smith = await standWithNameUnderOnline(page, places, 'smith');
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
      } finally {
        await context.close();
      }
    }, 200_000);
  }
});

/**
 * Walks to where the NPC of `kind` is drawn with its name, left where it is, over the online count:
 * its sprite under the count, its name's row on the count's row; returns the NPC's id. Measures and
 * corrects, as the camera may stop at an area's edge.
 */
async function standWithNameUnderOnline(page: Page, places: Places, kind: string): Promise<number> {
  const npcTile = places.npc(kind);
  expect(await travel(page, places.map, npcTile, 3)).toBe(true);
  for (let attempt = 0; attempt < 4; attempt++) {
    await page.waitForTimeout(800); // the camera settles
    const s = await gameState(page);
    const npc = s.entities.find((e) => e.type === 'npc' && e.kind === kind);
    const look = await page.evaluate(
      ({ id, tile }) => {
        const api = window.__emberquest!;
        const a = api.tileToClient(tile.x, tile.y);
        const b = api.tileToClient(tile.x + 1, tile.y);
        return {
          at: a,
          tilePx: b.x - a.x,
          sprite: id === null ? null : api.spriteBox(id),
          label: api.labels().find((l) => l.id === id) ?? null,
          online: document.getElementById('btn-online')!.getBoundingClientRect().toJSON() as DOMRect,
        };
      },
      { id: npc?.id ?? null, tile: npcTile },
    );
    const { online, label, sprite, tilePx } = look;
    // Where the name is drawn when nothing moves it aside: centred over the sprite, sitting on its head.
    if (!label || !sprite) throw new Error(`the ${kind} or its name is not drawn`);
    const width = label.right - label.left;
    const height = label.bottom - label.top;
    const centre = (sprite.left + sprite.right) / 2;
    const natural = {
      left: centre - width / 2,
      right: centre + width / 2,
      top: sprite.top - height,
      bottom: sprite.top,
    };
    if (overlap(natural, online)) return npc!.id;
    // Shift the standing tile so the NPC moves on screen to the count (the player walks the other way).
    const labelMid = sprite.top - height / 2 - look.at.y;
    const want = { x: (online.left + online.right) / 2, y: (online.top + online.bottom) / 2 - labelMid };
    const me = s.tile!;
    const goal = {
      x: me.x + Math.round((look.at.x - want.x) / tilePx),
      y: me.y + Math.round((look.at.y - want.y) / tilePx),
    };
    const grid = places.map.grid;
    const spot = [0, -1, 1, -2, 2, -3, 3]
      .map((dx) => ({ x: goal.x + dx, y: goal.y }))
      .find((t) => isWalkable(grid, t.x, t.y));
    if (!spot) throw new Error(`nowhere to stand on row ${goal.y} near ${goal.x}`);
    await walkNear(page, grid, spot, 0, 60_000);
  }
  throw new Error(`could not stand with the ${kind}'s name under the online count`);
}

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

function overlap(a: PageBox, b: PageBox): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}
