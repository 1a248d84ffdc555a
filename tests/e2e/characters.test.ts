// A character stays with its browser, in Chromium against the real server: reload and continue, a second
// tab taking over, the page riding out a server restart, and "New character" asking first.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { repoRoot, startServerProcess, type ServerProcess } from '../../tools/server-process.ts';
import { CHROMIUM, gameState, haveChromium, joinGame, launchBrowser } from '../support/browser.ts';
import { reachableNear, playMap } from '../support/tiles.ts';

const shots = path.join(repoRoot, 'test-results');

/** A port free right now, so the server can come back on the same address after a restart. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function waitConnected(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__emberquest?.state().connected === true, null, {
    timeout: 20_000,
  });
}

describe('a character that stays with its browser', () => {
  let dataDir: string;
  let env: Record<string, string>;
  let server: ServerProcess;
  let browser: Browser;
  let context: BrowserContext;
  let first: Page;
  let spot: { x: number; y: number };

  beforeAll(async () => {
    if (!haveChromium())
      throw new Error(`No Chromium at ${CHROMIUM}: run \`apt-get install chromium\` or set CHROMIUM_PATH.`);
    mkdirSync(shots, { recursive: true });
    dataDir = mkdtempSync(path.join(tmpdir(), 'emberquest-e2e-'));
    env = { DATA_DIR: dataDir, PORT: String(await freePort()) };
    server = await startServerProcess(env);
    browser = await launchBrowser();
    // Pages of one context share localStorage, like tabs of one browser.
    context = await browser.newContext({ viewport: { width: 1024, height: 700 } });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('reload the page, "Continue as Carol": the same character on the same tile', async () => {
    first = await context.newPage();
    const joined = await joinGame(first, server.url, 'Carol');
    spot = reachableNear(playMap(), joined.tile!);
    const point = await first.evaluate((t) => window.__emberquest!.tileToClient(t.x, t.y), spot);
    await first.mouse.click(point.x, point.y);
    await first.waitForFunction(
      (t) => {
        const tile = window.__emberquest!.state().tile;
        return tile?.x === t.x && tile.y === t.y;
      },
      spot,
      { timeout: 10_000 },
    );

    await first.reload();
    const resume = first.getByTestId('continue-button');
    await resume.waitFor({ state: 'visible', timeout: 20_000 });
    expect(await resume.textContent()).toMatch(/Continue as Carol/);
    expect(await first.getByTestId('name-input').isVisible()).toBe(false);
    await first.screenshot({ path: path.join(shots, 'e2e-continue.png') });
    await resume.click();
    await waitConnected(first);
    // A reload closes the socket as a closed tab does (1001): the character left at once, saved where it
    // stood, and comes back from its save.
    expect(await gameState(first)).toMatchObject({ name: 'Carol', tile: spot });
  });

  it('the same character in a second tab takes over; the first tab says why', async () => {
    const second = await context.newPage();
    await second.goto(server.url);
    await second.getByTestId('continue-button').click();
    await waitConnected(second);
    expect(await gameState(second)).toMatchObject({ name: 'Carol', tile: spot });
    await first.getByTestId('reconnect-button').waitFor({ state: 'visible', timeout: 10_000 });
    expect(await first.locator('#disconnected').textContent()).toContain('another tab or device');
    await first.close();
    first = second;
  });

  it('the page rides out a server restart and comes back as the same character', async () => {
    expect(await server.stop()).toBe(0);
    await first.getByTestId('reconnecting').waitFor({ state: 'visible', timeout: 10_000 });
    expect((await gameState(first)).connected).toBe(false);
    await first.screenshot({ path: path.join(shots, 'e2e-reconnecting.png') });
    server = await startServerProcess(env);
    await waitConnected(first);
    expect(await first.getByTestId('reconnecting').isVisible()).toBe(false);
    expect(await gameState(first)).toMatchObject({ name: 'Carol', tile: spot });
  });

  it('"New character" asks before giving up the old one', async () => {
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByTestId('new-character-button').click();
    const keep = page.getByTestId('keep-character');
    await keep.waitFor({ state: 'visible' });
    expect(await page.locator('.title-confirm').textContent()).toMatch(/Carol cannot be played again/);
    await page.screenshot({ path: path.join(shots, 'e2e-new-character.png') });
    await keep.click();
    await page.getByTestId('new-character-button').click();
    await page.getByTestId('confirm-new-character').click();
    await page.getByTestId('name-input').fill('Dana');
    await page.getByTestId('play-button').click();
    await waitConnected(page);
    expect((await gameState(page)).name).toBe('Dana');
    // This browser now continues as Dana.
    const next = await context.newPage();
    await next.goto(server.url);
    await next.getByTestId('continue-button').waitFor({ state: 'visible', timeout: 20_000 });
    expect(await next.getByTestId('continue-button').textContent()).toMatch(/Continue as Dana/);
  });
});
