// Two players in Chromium against one real server process: the set-up the multiplayer browser tests share.
// Page A is a desktop window; page B a phone (touch) unless told otherwise. Screenshots go to test-results/.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { repoRoot, startServerProcess, type ServerProcess } from '../../tools/server-process.ts';
import { CHROMIUM, haveChromium, launchBrowser } from './browser.ts';

export const shots = path.join(repoRoot, 'test-results');

export interface TwoBrowsers {
  server: ServerProcess;
  browser: Browser;
  pageA: Page;
  pageB: Page;
  /** Closes the browser and stops the server (safe after a failed start). */
  stop(): Promise<void>;
}

/** `env` for the server; `b` is page B's viewport (a 390×844 phone with touch by default). */
export async function twoBrowsers(
  env: Record<string, string>,
  b: { width: number; height: number; phone?: boolean } = { width: 390, height: 844, phone: true },
): Promise<TwoBrowsers> {
  if (!haveChromium())
    throw new Error(`No Chromium at ${CHROMIUM}: run \`apt-get install chromium\` or set CHROMIUM_PATH.`);
  mkdirSync(shots, { recursive: true });
  const server = await startServerProcess(env);
  let browser: Browser | undefined;
  try {
    browser = await launchBrowser();
    const pageA = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
    const viewport = { width: b.width, height: b.height };
    const phone = b.phone ? { hasTouch: true, isMobile: true } : {};
    const pageB = await (await browser.newContext({ viewport, ...phone })).newPage();
    const open = browser;
    return {
      server,
      browser,
      pageA,
      pageB,
      stop: async () => {
        await open.close();
        await server.stop();
      },
    };
  } catch (err) {
    await browser?.close();
    await server.stop();
    throw err;
  }
}

/** Says a line in the chat, as a player does: Enter, type, Enter. */
export async function say(page: Page, text: string): Promise<void> {
  await page.keyboard.press('Enter');
  await page.getByTestId('chat-input').fill(text);
  await page.getByTestId('chat-input').press('Enter');
}
