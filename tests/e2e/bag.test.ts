// The bag and belt in Chromium against the real server: a character standing by the meadow chest opens
// it, picks up its potion at full HP and sees it on the belt, wears the sword and reads in the bag how the
// old club compares, typing "1" in chat drinks nothing, pressing 1 once a rat has hurt it drinks the
// potion, and after a reload the bag and belt are as they were. Then the same character on a phone.
// Screenshots: test-results/bag-desktop.png, bag-belt-desktop.png, bag-phone.png.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { repoRoot, startServerProcess, type ServerProcess } from '../../tools/server-process.ts';
import { continueAs, gameState, launchBrowser, waitPlaying, type GameState } from '../support/browser.ts';
import { seedCharacter } from '../support/realm-bots.ts';
import { playMap, reachableNear } from '../support/tiles.ts';
import type { PageBox } from '../../client/test-api.ts';

const shots = path.join(repoRoot, 'test-results');
const MEADOW_CHEST = { x: 43, y: 259 };

describe('the bag and belt in a browser', () => {
  let dataDir: string;
  let server: ServerProcess;
  let browser: Browser;
  let token: string;
  let page: Page;
  let before: GameState;

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    dataDir = mkdtempSync(path.join(tmpdir(), 'emberquest-bag-e2e-'));
    const start = reachableNear(playMap(), { x: MEADOW_CHEST.x, y: MEADOW_CHEST.y + 2 });
    token = await seedCharacter(dataDir, 'Belter', { x: start.x, y: start.y });
    server = await startServerProcess({ DATA_DIR: dataDir });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const continueBelter = (options: Parameters<Browser['newContext']>[0]): Promise<Page> =>
    continueAs(browser, server.url, { name: 'Belter', token }, options);

  it('a potion picked up at full HP goes onto the belt; the sword is worn and the club kept', async () => {
    page = await continueBelter({ viewport: { width: 1280, height: 720 } });
    const chest = (await gameState(page)).entities.find((e) => e.type === 'chest');
    expect(chest, 'the meadow chest in sight').toBeDefined();
    await clickEntity(page, chest!.id);
    const potion = await waitForEntity(page, 'small_potion');
    const full = (await gameState(page)).maxHp;
    await clickUntil(page, potion, async () => (await gameState(page)).belt[0]?.count === 1);
    expect((await gameState(page)).belt[0]).toEqual({ item: 'small_potion', count: 1 });
    expect((await gameState(page)).hp).toBe(full);
    await expect.poll(() => page.getByTestId('belt-slot-0').textContent()).toBe('11'); // count 1, key 1
    const sword = await waitForEntity(page, 'short_sword');
    await clickUntil(page, sword, async () => (await gameState(page)).weapon === 'short_sword');
    expect((await gameState(page)).bag.slice(0, 2)).toEqual([
      { item: 'small_potion', count: 1 },
      { item: 'club', count: 1 },
    ]);
  }, 120_000);

  it('the bag opens with B and compares the club with the sword worn; nothing covers the HUD', async () => {
    await page.keyboard.press('b');
    const bag = page.getByTestId('bag');
    await expect.poll(() => bag.isVisible()).toBe(true);
    await page.getByTestId('bag-slot-1').click();
    await expect
      .poll(() => bag.locator('.bag-compare').textContent())
      .toBe('−1 attack level vs your Short sword');
    await expect.poll(() => page.getByTestId('bag-use').textContent()).toBe('Equip');
    await page.getByTestId('bag-slot-0').click();
    await expect.poll(() => page.getByTestId('bag-use').textContent()).toBe('Drink');
    await page.locator('#btn-chat').click();
    await checkLayout(page, ['#belt', '#bag', '#chat']);
    await page.screenshot({ path: path.join(shots, 'bag-desktop.png') });
    // A smaller window: the belt keeps clear of the chat line's end, then (narrower) goes to the left edge.
    for (const width of [1000, 800]) {
      await page.setViewportSize({ width, height: 640 });
      await page.waitForTimeout(300);
      await checkLayout(page, ['#belt', '#bag', '#chat']);
    }
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.getByTestId('chat-input').press('Escape');
    await page.keyboard.press('Escape');
    await expect.poll(() => bag.isVisible()).toBe(false);
  }, 60_000);

  it('typing 1 in chat drinks nothing; pressing 1 when hurt drinks from the belt', async () => {
    // Hurt: pick a fight with a rat until one lands a blow.
    const deadline = Date.now() + 60_000;
    let s = await gameState(page);
    while (s.hp >= s.maxHp && Date.now() < deadline) {
      const me = s.tile!;
      const rat = s.entities
        .filter((e) => e.kind === 'rat')
        .sort((a, b) => dist(a.tile, me) - dist(b.tile, me))[0];
      if (rat) await clickEntity(page, rat.id).catch(() => {});
      await page.waitForTimeout(700);
      s = await gameState(page);
    }
    expect(s.hp).toBeLessThan(s.maxHp);
    await page.keyboard.press('Enter');
    const chat = page.getByTestId('chat-input');
    await expect.poll(() => chat.isVisible()).toBe(true);
    await chat.type('1');
    await page.waitForTimeout(400);
    expect((await gameState(page)).belt[0]).toEqual({ item: 'small_potion', count: 1 });
    await chat.fill('');
    await chat.press('Escape');
    await page.keyboard.press('1');
    await expect
      .poll(async () => (await gameState(page)).belt[0], { timeout: 5000 })
      .toEqual({ item: 'small_potion', count: 0 });
    await expect
      .poll(() => page.locator('#chat-log').textContent())
      .toContain('You drink the small potion: +40 HP.');
    await page.screenshot({ path: path.join(shots, 'bag-belt-desktop.png') });
  }, 90_000);

  it('after a reload the bag and belt are as they were', async () => {
    before = await gameState(page);
    await page.reload();
    await page.getByTestId('continue-button').click();
    await waitPlaying(page);
    await expect.poll(async () => (await gameState(page)).bag).toEqual(before.bag);
    expect((await gameState(page)).belt).toEqual(before.belt);
    expect(before.bag.filter((s) => s.item)).toEqual([{ item: 'club', count: 1 }]);
    await page.close();
  }, 60_000);

  it('on a phone the belt and the bag keep off the HP bars and the buttons', async () => {
    const phone = await continueBelter({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      hasTouch: true,
      isMobile: true,
    });
    await expect.poll(async () => (await gameState(phone)).bag).toEqual(before.bag);
    await phone.locator('#btn-bag').tap({ timeout: 10_000 });
    await expect.poll(() => phone.getByTestId('bag').isVisible()).toBe(true);
    const club = before.bag.findIndex((slot) => slot.item === 'club');
    await phone.getByTestId(`bag-slot-${club}`).tap({ timeout: 10_000 });
    await expect.poll(() => phone.getByTestId('bag-use').textContent()).toBe('Equip');
    await checkLayout(phone, ['#belt', '#bag']);
    await phone.screenshot({ path: path.join(shots, 'bag-phone.png') });
    // Equipping from the bag swaps the club with the sword, in the same slot.
    await phone.getByTestId('bag-use').tap({ timeout: 10_000 });
    await expect.poll(async () => (await gameState(phone)).weapon).toBe('club');
    expect((await gameState(phone)).bag[club]).toEqual({ item: 'short_sword', count: 1 });
  }, 90_000);
});

async function clickEntity(page: Page, id: number): Promise<void> {
  const box = await page.evaluate((i) => window.__emberquest!.spriteBox(i), id);
  if (!box) throw new Error(`entity ${id} is not drawn`);
  await page.mouse.click((box.left + box.right) / 2, (box.top + box.bottom) / 2 + 2);
}

/** Clicks the entity (a rat may step in front of it) every couple of seconds until `done` holds. */
async function clickUntil(page: Page, id: number, done: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    await clickEntity(page, id).catch(() => {});
    for (let i = 0; i < 10; i++) {
      if (await done()) return;
      await page.waitForTimeout(200);
    }
  }
  throw new Error(`clicking entity ${id} did not get there`);
}

async function waitForEntity(page: Page, kind: string): Promise<number> {
  const handle = await page.waitForFunction(
    (k) => window.__emberquest!.state().entities.find((e) => e.kind === k)?.id ?? null,
    kind,
    { timeout: 15_000 },
  );
  return (await handle.jsonValue()) as number;
}

/** None of `selectors` (those shown) covers the HUD's bars and gear or a toolbar button, nor another. */
async function checkLayout(page: Page, selectors: string[]): Promise<void> {
  const layout = await page.evaluate((sels) => {
    const shown = sels.flatMap((sel) => {
      const el = document.querySelector(sel) as HTMLElement | null;
      if (!el || el.hidden || el.offsetParent === null) return [];
      const r = el.getBoundingClientRect();
      return [{ sel, left: r.left, top: r.top, right: r.right, bottom: r.bottom }];
    });
    const buttons = [...document.querySelectorAll('#toolbar button, #btn-online')].map((b) => {
      const r = b.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    });
    return { shown, buttons, hud: window.__emberquest!.hudBoxes() };
  }, selectors);
  expect(layout.shown.map((s) => s.sel)).toEqual(selectors);
  for (const box of layout.shown) {
    for (const hud of layout.hud)
      expect(overlap(box, hud), `${box.sel} covers the HUD ${hud.name}`).toBe(false);
    for (const b of layout.buttons) expect(overlap(box, b), `${box.sel} covers a button`).toBe(false);
    for (const other of layout.shown)
      if (other !== box) expect(overlap(box, other), `${box.sel} covers ${other.sel}`).toBe(false);
  }
}

function overlap(a: PageBox, b: PageBox): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

function dist(a: { x: number; y: number }, b: { x: number; y: number }): number {
  return Math.abs(a.x - b.x) + Math.abs(a.y - b.y);
}
