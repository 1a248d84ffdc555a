// Rearranging the bag in Chromium against the real server: a character with a jumbled bag drags one slot
// onto another (a move), presses Sort (gear first, best first, stacks merged), splits a stack, and on a
// phone moves a slot with Move and a tap; a reload finds the bag as it was left. Screenshots:
// test-results/bag-sorted-desktop.png, bag-move-phone.png.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { BAG_SLOTS } from '../../server/sim/character.ts';
import { repoRoot, startServerProcess, type ServerProcess } from '../../tools/server-process.ts';
import { continueAs, gameState, launchBrowser } from '../support/browser.ts';
import { seedCharacter } from '../support/realm-bots.ts';

const shots = path.join(repoRoot, 'test-results');
const filled = (items: [string, number][]): { bag: string[]; bagCounts: number[] } => ({
  bag: [...items.map(([id]) => id), ...new Array<string>(BAG_SLOTS - items.length).fill('')],
  bagCounts: [...items.map(([, n]) => n), ...new Array<number>(BAG_SLOTS - items.length).fill(0)],
});
const items = async (page: Page): Promise<string[]> =>
  (await gameState(page)).bag.map((s) => (s.item ? `${s.item}×${s.count}` : '-'));

describe('rearranging the bag in a browser', () => {
  let dataDir: string;
  let server: ServerProcess;
  let browser: Browser;
  let token: string;

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    dataDir = mkdtempSync(path.join(tmpdir(), 'emberquest-bag-arrange-'));
    const jumble = filled([
      ['small_potion', 3],
      ['club', 1],
      ['', 0],
      ['small_potion', 4],
      ['long_sword', 1],
      ['leather', 1],
    ]);
    token = await seedCharacter(dataDir, 'Tidy', jumble);
    server = await startServerProcess({ DATA_DIR: dataDir, MAP: 'assets/maps/world.tmj' });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const continueTidy = (options: Parameters<Browser['newContext']>[0]): Promise<Page> =>
    continueAs(browser, server.url, { name: 'Tidy', token }, options);

  it('drags a slot onto another, sorts, and splits a stack', async () => {
    const page = await continueTidy({ viewport: { width: 1280, height: 720 } });
    await page.keyboard.press('b');
    await expect.poll(() => page.getByTestId('bag').isVisible()).toBe(true);
    // The club dragged into the empty slot 3.
    await page.getByTestId('bag-slot-1').dragTo(page.getByTestId('bag-slot-2'));
    await expect
      .poll(() => items(page).then((b) => b.slice(0, 3)))
      .toEqual(['small_potion×3', '-', 'club×1']);
    // Three potions dragged onto the four: one stack of seven.
    await page.getByTestId('bag-slot-0').dragTo(page.getByTestId('bag-slot-3'));
    await expect
      .poll(() => items(page).then((b) => b.slice(0, 4)))
      .toEqual(['-', '-', 'club×1', 'small_potion×7']);

    await page.getByTestId('bag-sort').click();
    await expect
      .poll(() => items(page).then((b) => b.slice(0, 5)))
      .toEqual(['long_sword×1', 'club×1', 'leather×1', 'small_potion×7', '-']);
    await page.screenshot({ path: path.join(shots, 'bag-sorted-desktop.png') });

    await page.getByTestId('bag-slot-3').click();
    await page.getByTestId('bag-split').click();
    await expect
      .poll(() => items(page).then((b) => b.slice(0, 5)))
      .toEqual(['long_sword×1', 'club×1', 'leather×1', 'small_potion×4', 'small_potion×3']);
    await page.close();
  }, 90_000);

  it('on a phone, Move and a tap put a slot elsewhere; a reload finds the bag as it was left', async () => {
    const phone = await continueTidy({
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      isMobile: true,
    });
    await phone.locator('#btn-bag').tap({ timeout: 10_000 });
    await expect.poll(() => phone.getByTestId('bag').isVisible()).toBe(true);
    await phone.getByTestId('bag-slot-0').tap();
    await phone.getByTestId('bag-move').tap();
    await expect.poll(() => phone.locator('#bag .bag-hint').textContent()).toContain('Tap the slot to move');
    await phone.screenshot({ path: path.join(shots, 'bag-move-phone.png') });
    await phone.getByTestId('bag-slot-7').tap();
    await expect.poll(() => items(phone).then((b) => [b[0], b[7]])).toEqual(['-', 'long_sword×1']);
    const left = await items(phone);
    await phone.reload();
    await phone.getByTestId('continue-button').click();
    await phone.waitForFunction(() => window.__emberquest?.state().connected === true, null, {
      timeout: 20_000,
    });
    await expect.poll(() => items(phone)).toEqual(left);
  }, 90_000);
});
