// The realm in Chromium, on a real server playing a small realm of our own (realm-maps.ts: a meadow in two
// shards and a hall they share, linked by portals): the title screen's picker lists the meadow's worlds,
// the player picks one, walks through the portal into the hall and back (each time the other map is
// drawn in place: no page reload, no error nor "Reconnecting…"), sees the counts of this world and the
// realm, whispers with a player of another world through the player list, and after a reload lands on
// the map they were on. Screenshots go to test-results/ (realm-*.png).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { repoRoot, startServerProcess, type ServerProcess } from '../../tools/server-process.ts';
import { gameState, launchBrowser } from '../support/browser.ts';
import { BotClient } from '../../tools/bots/bot-client.ts';
import { writeRealmMaps, type RealmMaps } from './realm-maps.ts';

const shots = path.join(repoRoot, 'test-results');

describe('the realm in Chromium', () => {
  let maps: RealmMaps;
  let server: ServerProcess;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    maps = writeRealmMaps();
    server = await startServerProcess({ REALM: maps.realmFile, GRACE_SECONDS: '5' });
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    maps?.remove();
  });

  /** Notes every time the disconnect overlay or the reconnecting notice is shown on this page. */
  async function watchForErrors(): Promise<void> {
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { __errorsShown: string[] }).__errorsShown = seen;
      for (const id of ['disconnected', 'reconnecting']) {
        const el = document.getElementById(id)!;
        new MutationObserver(() => {
          if (!el.hidden) seen.push(id);
        }).observe(el, { attributes: true, attributeFilter: ['hidden'] });
      }
    });
  }

  const errorsShown = (): Promise<string[]> =>
    page.evaluate(() => (window as unknown as { __errorsShown: string[] }).__errorsShown);

  /**
   * Walks onto a portal (clicking it until the walk gets there) and waits for the other map's world.
   * Resolves with the time from standing on the portal to playing in the new map, measured in the page.
   */
  async function throughPortal(portal: { x: number; y: number }, map: string): Promise<number> {
    const hop = page.evaluate(
      ({ portal, map }) =>
        new Promise<number>((resolve, reject) => {
          let onPortalAt = 0;
          const end = performance.now() + 30_000;
          const check = (): void => {
            const s = window.__emberquest!.state();
            const now = performance.now();
            if (!onPortalAt && s.tile?.x === portal.x && s.tile.y === portal.y) onPortalAt = now;
            if (onPortalAt && s.connected && s.map === map) return resolve(now - onPortalAt);
            if (now > end)
              return reject(new Error(`still on ${s.map} (${s.world}) at ${JSON.stringify(s.tile)}`));
            requestAnimationFrame(check);
          };
          check();
        }),
      { portal, map },
    );
    let arrived = false;
    void hop.then(() => (arrived = true)).catch(() => (arrived = true));
    while (!arrived) {
      const s = await gameState(page);
      const moving = await page.evaluate(() => window.__emberquest!.camera().drawn);
      if (s.connected && s.map !== map && moving) {
        const point = await page.evaluate((t) => window.__emberquest!.tileToClient(t.x, t.y), portal);
        await page.mouse.click(point.x, point.y);
      }
      await page.waitForTimeout(1500);
    }
    return hop;
  }

  it('picks a world, walks to the hall and back, and lands on the right map after a reload', async () => {
    await page.goto(server.url);
    const picker = page.getByTestId('world-picker');
    await picker.waitFor({ state: 'visible', timeout: 30_000 });
    // Only the start map's worlds are offered; with all empty, the first is chosen.
    await expect
      .poll(() =>
        picker.locator('[data-world]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.world)),
      )
      .toEqual(['meadow-1', 'meadow-2']);
    expect(await picker.locator('[aria-checked="true"]').getAttribute('data-world')).toBe('meadow-1');
    // Arrow keys move the choice (and wrap); a click picks too.
    const checked = (): Promise<string | null> =>
      picker.locator('[aria-checked="true"]').getAttribute('data-world');
    await picker.locator('[data-world="meadow-1"]').focus();
    await page.keyboard.press('ArrowDown');
    expect(await checked()).toBe('meadow-2');
    await page.keyboard.press('ArrowDown');
    expect(await checked()).toBe('meadow-1');
    await picker.locator('[data-world="meadow-2"]').click();
    expect(await checked()).toBe('meadow-2');
    await page.screenshot({ path: path.join(shots, 'realm-title.png') });
    await page.getByTestId('name-input').fill('Wanderer');
    await page.getByTestId('play-button').click();
    await page.waitForFunction(() => window.__emberquest?.state().connected === true, null, {
      timeout: 30_000,
    });
    await watchForErrors();
    await page.keyboard.press('Escape'); // the first-play hint card, in the corner where the portal is
    let s = await gameState(page);
    expect(s.world).toBe('meadow-2');
    expect(s.map).toBe(maps.meadow);
    await page.screenshot({ path: path.join(shots, 'realm-meadow.png') });

    const intoHall = await throughPortal(maps.meadowPortal, maps.hall);
    s = await gameState(page);
    expect(s.world).toBe('hall');
    expect(s.tile).toEqual(maps.hallArrival);
    // The hall is drawn: its world's camera area is the hall map's size, and no error was shown.
    const camera = await page.evaluate(() => window.__emberquest!.camera().area);
    expect(camera).toEqual({ x: 0, y: 0, width: 24, height: 16 });
    await page.waitForTimeout(400); // the fade back in
    await page.screenshot({ path: path.join(shots, 'realm-hall.png') });
    expect(await errorsShown()).toEqual([]);

    // Someone in a meadow world: the HUD counts this world and the realm, the player list shows both
    // (with their worlds), a whisper from the meadow arrives, and one sent back from the list's name.
    const ada = await BotClient.connect({ url: `${server.wsUrl}/meadow-1`, name: 'Ada' });
    try {
      await ada.waitForWelcome(10_000);
      const online = page.getByTestId('online-button');
      await expect.poll(() => online.textContent(), { timeout: 10_000 }).toContain('1 here · 2 online');
      await online.click();
      const list = page.getByTestId('player-list');
      await list.waitFor({ state: 'visible', timeout: 5000 });
      await list.locator('[data-player="Ada"]').waitFor({ timeout: 5000 });
      expect(await list.locator('[data-player="Wanderer"]').textContent()).toContain('The Hall');
      expect(await list.locator('[data-player="Ada"]').textContent()).toContain('Meadow I');
      ada.chat('/w Wanderer over here, in the meadow');
      const from = page.locator('.chat-line.whisper', { hasText: 'over here, in the meadow' });
      await from.waitFor({ timeout: 5000 });
      expect(await from.textContent()).toContain('From Ada');
      const heard: string[] = [];
      ada.on((e) => {
        if (e.type === 'whisper') heard.push(`${e.from}>${e.to}: ${e.text}`);
      });
      await list.locator('[data-player="Ada"] button').click();
      const chat = page.getByTestId('chat-input');
      expect(await chat.inputValue()).toBe('/w Ada ');
      await chat.pressSequentially('on my way');
      await chat.press('Enter');
      await page.locator('.chat-line.whisper', { hasText: 'To Ada' }).waitFor({ timeout: 5000 });
      await ada.waitFor(() => heard.length > 0, 5000, 'the whisper back');
      expect(heard).toEqual(['Wanderer>Ada: on my way']);
      await page.screenshot({ path: path.join(shots, 'realm-whispers.png') });
    } finally {
      await ada.close();
    }

    const backOut = await throughPortal(maps.hallPortal, maps.meadow);
    s = await gameState(page);
    expect(s.world).toMatch(/^meadow-/);
    expect(s.tile).toEqual(maps.meadowArrival);
    expect(await errorsShown()).toEqual([]);
    await page.waitForTimeout(400);
    await page.screenshot({ path: path.join(shots, 'realm-meadow-again.png') });
    console.log(
      `portal hops in the browser, standing on the portal to playing in the other map (fade included): ` +
        `into the hall ${Math.round(intoHall)} ms, out ${Math.round(backOut)} ms`,
    );
    expect(intoHall).toBeLessThan(5000);
    expect(backOut).toBeLessThan(5000);

    // Into the hall once more, then reload: Continue joins the picked meadow world, the server moves the
    // character to the hall, and the hall is drawn.
    await throughPortal(maps.meadowPortal, maps.hall);
    await page.reload();
    // The picker remembers the choice made on Play.
    await picker.locator('[aria-checked="true"]').waitFor({ timeout: 30_000 });
    expect(await checked()).toBe('meadow-2');
    await page.getByTestId('continue-button').click({ timeout: 30_000 });
    await page.waitForFunction(
      (hall) => {
        const st = window.__emberquest?.state();
        return st?.connected === true && st.map === hall;
      },
      maps.hall,
      { timeout: 30_000 },
    );
    s = await gameState(page);
    expect(s.world).toBe('hall');
    await page.waitForTimeout(400);
    await page.screenshot({ path: path.join(shots, 'realm-reloaded.png') });
  }, 180_000);
});

describe('a server of one world (no realm file) in Chromium', () => {
  let server: ServerProcess;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServerProcess({ MAP: 'assets/maps/village.tmj' });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('offers its one world, and the game joins it', async () => {
    const page = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
    await page.goto(server.url);
    const picker = page.getByTestId('world-picker');
    await picker.waitFor({ state: 'visible', timeout: 30_000 });
    const worlds = await picker.locator('[data-world]').count();
    expect(worlds).toBe(1);
    await page.getByTestId('name-input').fill('Loner');
    await page.getByTestId('play-button').click();
    await page.waitForFunction(() => window.__emberquest?.state().connected === true, null, {
      timeout: 30_000,
    });
    const s = await gameState(page);
    expect(s.map).toBe('maps/village.tmj');
    expect(s.world).toBe(await picker.locator('[data-world]').getAttribute('data-world'));
  }, 90_000);
});
