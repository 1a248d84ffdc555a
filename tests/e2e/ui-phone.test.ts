// The UI on a phone (390×844, touch), in Chromium: the first-play hint speaks of taps, the achievement
// toast, notices, target frame, chat line and minimap keep off the HP bars, the buttons and each other, and Escape or a tap
// outside closes every card. Screenshot in test-results/ui-phone.png.
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

describe('the UI on a phone', () => {
  let server: ServerProcess;
  let browser: Browser;
  let places: Places;
  let page: Page;
  let joinedAt = 0;

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    places = loadPlaces();
    server = await startServerProcess();
    browser = await launchBrowser();
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      hasTouch: true,
      isMobile: true,
    });
    page = await context.newPage();
    await joinGame(page, server.url, 'Thumbs');
    joinedAt = Date.now();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the first-play hint speaks of taps, not WASD', async () => {
    const help = page.locator('#help');
    await expect.poll(() => help.isVisible()).toBe(true);
    const shown = await help.locator('p:visible').allTextContents();
    expect(shown.join(' ')).toMatch(/Tap/);
    expect(shown.join(' ')).not.toMatch(/WASD|click/i);
  });

  it('a help card opened while the first-play hint is up stays open when the hint would have gone', async () => {
    const help = page.locator('#help');
    expect(await help.evaluate((el) => el.classList.contains('corner'))).toBe(true);
    await page.locator('#btn-help').tap();
    await expect.poll(() => help.evaluate((el) => el.classList.contains('corner'))).toBe(false);
    await page.waitForTimeout(Math.max(0, joinedAt + 16_000 - Date.now()));
    expect(await help.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => help.isVisible()).toBe(false);
  }, 40_000);

  it('toast, notice, target frame and chat line never cover the HP bars or the buttons', async () => {
    // Earn "First blood" for real: walk to the rats and tap one until it falls.
    const field = places.nearestMobArea((k) => k.id === 'rat');
    expect(await travel(page, places.map, field, 4)).toBe(true);
    // The chat line stays open meanwhile, so all of them are up at once when the rat falls.
    await page.locator('#btn-chat').tap();
    await expect.poll(() => page.getByTestId('chat-input').isVisible()).toBe(true);
    await expect
      .poll(
        async () => {
          if (await page.locator('#toast').isVisible()) return true;
          const s = await gameState(page);
          if (s.xp > 0) return false; // the kill is in: wait for its toast
          const me = s.tile!;
          const rat = s.entities
            .filter((e) => e.kind === 'rat')
            .sort((a, b) => dist(a.tile, me) - dist(b.tile, me))[0];
          const box = rat && (await page.evaluate((id) => window.__emberquest!.spriteBox(id), rat.id));
          if (box) await page.touchscreen.tap((box.left + box.right) / 2, (box.top + box.bottom) / 2 + 2);
          return false;
        },
        { timeout: 90_000, interval: 300 },
      )
      .toBe(true)
      .catch(async (err: unknown) => {
        await page.screenshot({ path: path.join(shots, 'ui-phone-failed.png') });
        const s = await gameState(page);
        throw new Error(`no toast; xp ${s.xp}, at ${JSON.stringify(s.tile)}: ${String(err)}`);
      });
    await page.evaluate(() => window.__emberquest!.showNotice('You defeated a rat.'));
    const layout = await page.evaluate(() => {
      const box = (sel: string): DOMRect | null => {
        const el = document.querySelector(sel) as HTMLElement | null;
        return el && !el.hidden && el.offsetParent !== null ? el.getBoundingClientRect() : null;
      };
      return {
        hud: window.__emberquest!.hudBoxes(),
        buttons: [...document.querySelectorAll('#toolbar button')].map((b) => b.getBoundingClientRect()),
        covers: {
          toast: box('#toast'),
          notice: box('#notice'),
          chat: box('#chat'),
          target: box('#target-frame'),
          minimap: box('#minimap'),
        },
      };
    });
    expect(layout.hud.length).toBe(3);
    expect(layout.covers.toast).not.toBeNull();
    expect(layout.covers.notice).not.toBeNull();
    expect(layout.covers.chat).not.toBeNull();
    expect(layout.covers.minimap).not.toBeNull();
    for (const [name, cover] of Object.entries(layout.covers)) {
      if (!cover) continue;
      for (const hud of layout.hud)
        expect(overlap(cover, hud), `${name} covers the HUD ${hud.name}`).toBe(false);
      for (const b of layout.buttons) expect(overlap(cover, b), `${name} covers a button`).toBe(false);
      if (name !== 'minimap' && layout.covers.minimap)
        expect(overlap(cover, layout.covers.minimap), `${name} covers the minimap`).toBe(false);
    }
    await page.screenshot({ path: path.join(shots, 'ui-phone.png') });
    await page.getByTestId('chat-input').press('Escape');
  }, 200_000);

  it('Escape and a tap outside close every card', async () => {
    for (const [button, card] of [
      ['#btn-achievements', '#achievements'],
      ['#btn-help', '#help'],
      ['#btn-sound', '#sound-settings'],
    ] as const) {
      await page.locator(button).tap();
      await expect.poll(() => page.locator(card).isVisible(), { timeout: 3000 }).toBe(true);
      await page.keyboard.press('Escape');
      await expect.poll(() => page.locator(card).isVisible(), { timeout: 3000 }).toBe(false);
      await page.locator(button).tap();
      await expect.poll(() => page.locator(card).isVisible(), { timeout: 3000 }).toBe(true);
      // Outside the card: below it if there is room, else above it.
      const r = (await page.locator(card).boundingBox())!;
      await page.touchscreen.tap(195, r.y + r.height + 20 < 760 ? r.y + r.height + 20 : r.y - 20);
      await expect.poll(() => page.locator(card).isVisible(), { timeout: 3000 }).toBe(false);
    }
  });

  it('the chat log fades when nothing has been said for a while, and a new line wakes it', async () => {
    const log = page.locator('#chat-log');
    await expect
      .poll(() => log.evaluate((el) => el.classList.contains('idle')), { timeout: 20_000 })
      .toBe(true);
    await expect
      .poll(async () => Number(await log.evaluate((el) => getComputedStyle(el).opacity)), { timeout: 5000 })
      .toBeLessThan(0.5);
    await page.evaluate(() => window.__emberquest!.showNotice('Checkpoint reached.'));
    expect(await log.evaluate((el) => el.classList.contains('idle'))).toBe(false);
  }, 30_000);
});

function overlap(a: PageBox, b: PageBox): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

function dist(a: { x: number; y: number }, b: { x: number; y: number }): number {
  return Math.abs(a.x - b.x) + Math.abs(a.y - b.y);
}
