// Two players in Chromium against one real server process: the set-up the multiplayer browser tests share.
// Page A is a desktop window; page B a phone (touch) unless told otherwise. Screenshots go to test-results/.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { repoRoot, startServerProcess, type ServerProcess } from '../../tools/server-process.ts';
import { CHROMIUM, haveChromium, launchBrowser } from './browser.ts';

export const shots = path.join(repoRoot, 'test-results');

export interface TwoBrowsers extends ServerAndBrowser {
  pageA: Page;
  pageB: Page;
  stop(): Promise<void>;
}

export interface ServerAndBrowser {
  server: ServerProcess;
  browser: Browser;
  /** Closes the browser and stops the server. */
  stop(): Promise<void>;
}

/** A real server process (`env`) and Chromium, the set-up every browser test starts from. */
export async function serverAndBrowser(env: Record<string, string>): Promise<ServerAndBrowser> {
  if (!haveChromium())
    throw new Error(`No Chromium at ${CHROMIUM}: run \`apt-get install chromium\` or set CHROMIUM_PATH.`);
  mkdirSync(shots, { recursive: true });
  const server = await startServerProcess(env);
  try {
    const browser = await launchBrowser();
    return {
      server,
      browser,
      stop: async () => {
        await browser.close();
        await server.stop();
      },
    };
  } catch (err) {
    await server.stop();
    throw err;
  }
}

/** `env` for the server; `b` is page B's viewport (a 390×844 phone with touch by default). */
export async function twoBrowsers(
  env: Record<string, string>,
  b: { width: number; height: number; phone?: boolean } = { width: 390, height: 844, phone: true },
): Promise<TwoBrowsers> {
  const both = await serverAndBrowser(env);
  try {
    const pageA = await (await both.browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
    const viewport = { width: b.width, height: b.height };
    const phone = b.phone ? { hasTouch: true, isMobile: true } : {};
    const pageB = await (await both.browser.newContext({ viewport, ...phone })).newPage();
    return { ...both, pageA, pageB };
  } catch (err) {
    await both.stop();
    throw err;
  }
}

/** Says a line in the chat, as a player does: Enter, type, Enter. */
export async function say(page: Page, text: string): Promise<void> {
  await page.keyboard.press('Enter');
  await page.getByTestId('chat-input').fill(text);
  await page.getByTestId('chat-input').press('Enter');
}
