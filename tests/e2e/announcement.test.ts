// A host's announcement in Chromium against the real server: `POST /admin/announce` (what `npm run
// announce` sends) shows a banner over the world, kept in the chat log, and a click puts it away.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { repoRoot, startServerProcess, type ServerProcess } from '../../tools/server-process.ts';
import { sendAnnouncement } from '../../tools/admin/announce.ts';
import { CHROMIUM, haveChromium, joinGame, launchBrowser } from '../support/browser.ts';

const shots = path.join(repoRoot, 'test-results');
const TOKEN = 'e2e-admin-token-0123456789abcdef';

describe('an announcement on the page', () => {
  let server: ServerProcess;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    if (!haveChromium())
      throw new Error(`No Chromium at ${CHROMIUM}: run \`apt-get install chromium\` or set CHROMIUM_PATH.`);
    mkdirSync(shots, { recursive: true });
    server = await startServerProcess({ ADMIN_TOKEN: TOKEN });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1024, height: 700 } });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("shows the host's line as a banner and in the chat log, until clicked", async () => {
    await joinGame(page, server.url, 'Heeder');
    const sent = await sendAnnouncement(
      new URL('/admin/announce', server.url).href,
      TOKEN,
      'The realm restarts at 20:00 for an update',
    );
    expect(sent.ok).toBe(true);
    const banner = page.getByTestId('announcement');
    await banner.waitFor({ state: 'visible', timeout: 10_000 });
    expect(await banner.textContent()).toBe('The realm restarts at 20:00 for an update');
    await page.screenshot({ path: path.join(shots, 'announcement.png') });
    expect(await page.locator('#chat-log').textContent()).toContain('The realm restarts at 20:00');
    await banner.click();
    await banner.waitFor({ state: 'hidden', timeout: 2000 });
  }, 60_000);
});
