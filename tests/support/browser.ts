// Debian's Chromium driven by playwright-core, with the flags this sandbox needs.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { EmberquestApi } from '../../client/test-api.ts';
import type { Grid } from '../../shared/rules/grid.ts';
import { findPath } from '../../shared/rules/path.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function haveChromium(): boolean {
  return existsSync(CHROMIUM);
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-quic',
      '--disable-sync',
      '--use-gl=angle',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
    ],
  });
}

export type GameState = ReturnType<EmberquestApi['state']>;

export async function gameState(page: Page): Promise<GameState> {
  return page.evaluate(() => window.__emberquest!.state());
}

/**
 * Opens the game, types a name, picks `world` in the world picker when given (friends who want to meet
 * pick the same one; by default the page offers the fullest world that is not busy) and presses Play; resolves once the
 * server has welcomed us.
 */
export async function joinGame(page: Page, url: string, name: string, world?: string): Promise<GameState> {
  await page.goto(url);
  await page.getByTestId('name-input').fill(name);
  if (world) await page.locator(`[data-testid="world-picker"] [data-world="${world}"]`).click();
  await page.getByTestId('play-button').click();
  await page.waitForFunction(() => window.__emberquest?.state().connected === true, null, {
    timeout: 20_000,
  });
  return gameState(page);
}

/** Until the page plays: connected and welcomed, its bag sent. */
export async function waitPlaying(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__emberquest?.state().connected === true, null, {
    timeout: 20_000,
  });
  await page.waitForFunction(() => window.__emberquest!.state().bag.length > 0, null, { timeout: 5000 });
}

/**
 * A page in a new context of `browser` whose storage holds a saved character (name and token), continued
 * into the game with the title screen's Continue button, as a returning player does.
 */
export async function continueAs(
  browser: Browser,
  url: string,
  character: { name: string; token: string },
  options: Parameters<Browser['newContext']>[0],
): Promise<Page> {
  const context = await browser.newContext(options);
  await context.addInitScript(
    (c) => localStorage.setItem('emberquest.character', JSON.stringify(c)),
    character,
  );
  const page = await context.newPage();
  await page.goto(url);
  await page.getByTestId('continue-button').click();
  await waitPlaying(page);
  return page;
}

/** Clicks tiles along a path until the player stands within `near` tiles of the target (bounded). */
export async function walkNear(
  page: Page,
  grid: Grid,
  target: { x: number; y: number },
  near = 3,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const at = (await gameState(page)).tile!;
    if (Math.abs(at.x - target.x) + Math.abs(at.y - target.y) <= near) return;
    const path = findPath(grid, at, target, { nodeBudget: 20_000, maxSteps: 400 });
    const hop = path[Math.min(path.length - 1, 5)];
    if (!hop) throw new Error(`no path from ${at.x},${at.y} to ${target.x},${target.y}`);
    const point = await page.evaluate((t) => window.__emberquest!.tileToClient(t.x, t.y), hop);
    await page.mouse.click(point.x, point.y);
    await page
      .waitForFunction(
        (t) => {
          const s = window.__emberquest!.state();
          return s.tile?.x === t.x && s.tile?.y === t.y;
        },
        hop,
        { timeout: 4000 },
      )
      .catch(() => {});
  }
  throw new Error(`did not get near ${target.x},${target.y} in ${timeoutMs} ms`);
}
