// A server restart as a player sees it, in Chromium: "Reconnecting…" keeps saying the server is
// restarting (not "connection lost" once the first retry meets a closed port), counts down to the next
// try, and the player is back in the world when the server is.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startServerProcess, type ServerProcess } from '../../tools/server-process.ts';
import { gameState, joinGame, launchBrowser } from '../support/browser.ts';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

describe('a server restart in Chromium', () => {
  let server: ServerProcess | undefined;
  let browser: Browser | undefined;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'emberquest-restart-'));

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('the notice says the server is restarting, counts down, and the player comes back', async () => {
    const env = { PORT: String(await freePort()), DATA_DIR: dataDir };
    server = await startServerProcess(env);
    browser = await launchBrowser();
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
    await joinGame(page, server.url, 'Patient');
    await server.stop();
    const notice = page.getByTestId('reconnecting');
    await expect.poll(() => notice.isVisible(), { timeout: 5000 }).toBe(true);
    const message = page.locator('.reconnecting-message');
    expect(await message.textContent()).toBe('The server is restarting.');
    // Several retries meet the closed port meanwhile; the reason stays, the countdown goes on.
    await page.waitForTimeout(3000);
    expect(await message.textContent()).toBe('The server is restarting.');
    expect(await page.getByTestId('reconnect-countdown').textContent()).toMatch(
      /^Trying (again in \d+ s|now)…$/,
    );
    server = await startServerProcess(env);
    await expect.poll(async () => (await gameState(page)).connected, { timeout: 30_000 }).toBe(true);
    expect(await notice.isVisible()).toBe(false);
  }, 90_000);
});
