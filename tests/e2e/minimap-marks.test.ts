// The `?` of an NPC right beside us on the minimap stays readable, on a desktop and a phone, in Chromium:
// it is drawn over our own dot and its halo, not under them. Read from the minimap's own pixels: the
// mark's colour beside us against the same mark drawn far from us. Screenshots in test-results/minimap-mark-*.png.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { NPC_MARK_COLOURS } from '../../client/view/constants.ts';
import { gameState, joinGame } from '../support/browser.ts';
import { serverAndBrowser, shots, type ServerAndBrowser } from '../support/two-browsers.ts';

const SCREENS = [
  { name: 'desktop', viewport: { width: 1280, height: 800 }, touch: false },
  { name: 'phone', viewport: { width: 390, height: 844 }, touch: true },
] as const;

describe("an NPC's quest mark beside us on the minimap", () => {
  let both: ServerAndBrowser;

  beforeAll(async () => {
    both = await serverAndBrowser({ MAP: 'assets/maps/world.tmj' });
  });

  afterAll(() => both?.stop());

  for (const screen of SCREENS) {
    it(`${screen.name}: the ? one tile from us shows as much as one far away`, async () => {
      const context = await both.browser.newContext({
        viewport: screen.viewport,
        deviceScaleFactor: screen.touch ? 2 : 1,
        hasTouch: screen.touch,
        isMobile: screen.touch,
      });
      const page = await context.newPage();
      try {
        await joinGame(page, both.server.url, `Mark${screen.name}`);
        await page.waitForTimeout(1000); // the server's own marks come first; ours replace them
        const s = await gameState(page);
        const me = s.tile!;
        // Far: a few tiles off, inside the minimap's window, clear of our dot and halo.
        const far = await markPixels(page, s.map, { x: me.x + 5, y: me.y + 5 });
        const beside = await markPixels(page, s.map, { x: me.x + 1, y: me.y });
        await page.screenshot({
          path: path.join(shots, `minimap-mark-${screen.name}.png`),
          clip: await page
            .locator('#minimap')
            .boundingBox()
            .then((b) => b!),
        });
        expect(far, 'the far ? is drawn at all').toBeGreaterThanOrEqual(4);
        // Drawn a tile from the far one's pixel grid, its count differs by a pixel or two.
        expect(beside, `the ? beside us shows ${beside} of its ${far} pixels`).toBeGreaterThanOrEqual(
          far * 0.75,
        );
      } finally {
        await context.close();
      }
    }, 120_000);
  }
});

/**
 * Marks an NPC with a quest to take back at `tile` (as the quest code does) and counts the minimap's
 * pixels of the `?`'s own colour around where it is drawn. Only the glyph's inside is that exact colour:
 * its edges blend with what lies under them, and the ground is never so light a green.
 */
async function markPixels(page: Page, map: string, tile: { x: number; y: number }): Promise<number> {
  await page.evaluate(
    ({ map, tile }) => window.__emberquest!.showMarks('handIns', [{ label: 'Wren', map, ...tile }]),
    { map, tile },
  );
  await expect
    .poll(() =>
      page.evaluate(
        () => window.__emberquest!.maps().minimap?.dots.some((d) => d.kind === 'handIn') ?? false,
      ),
    )
    .toBe(true);
  await page.waitForTimeout(300);
  const colour = NPC_MARK_COLOURS['?'];
  return page.evaluate(
    ({ tile, colour }) => {
      const shown = window.__emberquest!.maps().minimap!;
      const canvas = document.querySelector<HTMLCanvasElement>('#minimap canvas')!;
      const unit = canvas.width / shown.window.width;
      const cx = (tile.x + 0.5 - shown.window.x) * unit;
      const cy = (tile.y + 0.5 - shown.window.y) * unit;
      // The glyph is about 2.8 tiles high (map-picture.ts); a box 4 tiles across holds all of it.
      const half = Math.ceil(unit * 2);
      const x0 = Math.max(0, Math.floor(cx - half));
      const y0 = Math.max(0, Math.floor(cy - half));
      const data = canvas.getContext('2d')!.getImageData(x0, y0, half * 2, half * 2).data;
      const want = [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16));
      let count = 0;
      for (let i = 0; i < data.length; i += 4)
        if (want.every((v, c) => Math.abs(data[i + c]! - v) <= 8)) count++;
      return count;
    },
    { tile, colour },
  );
}
