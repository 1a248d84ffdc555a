// Debian's Chromium driven by playwright-core, with the flags this sandbox needs.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { EmberquestApi } from '../../client/test-api.ts';

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

/** Opens the game, types a name and presses Play; resolves once the server has welcomed us. */
export async function joinGame(page: Page, url: string, name: string): Promise<GameState> {
  await page.goto(url);
  await page.getByTestId('name-input').fill(name);
  await page.getByTestId('play-button').click();
  await page.waitForFunction(() => window.__emberquest?.state().connected === true, null, {
    timeout: 20_000,
  });
  return gameState(page);
}
