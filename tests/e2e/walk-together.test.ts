// Two real browsers join the real server: A clicks a tile, B watches A arrive there.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { repoRoot, startServerProcess, type ServerProcess } from '../../tools/server-process.ts';
import { reachableNear, playMap } from '../support/tiles.ts';
import { CHROMIUM, gameState, haveChromium, joinGame, launchBrowser } from '../support/browser.ts';

const shots = path.join(repoRoot, 'test-results');

describe('two players in Chromium', () => {
  let server: ServerProcess;
  let browser: Browser;
  let pageA: Page;
  let pageB: Page;

  beforeAll(async () => {
    if (!haveChromium())
      throw new Error(`No Chromium at ${CHROMIUM}: run \`apt-get install chromium\` or set CHROMIUM_PATH.`);
    mkdirSync(shots, { recursive: true });
    // The default grace period (30 s): a closed page's character must leave at once, not wait it out.
    // One world of the overworld, so nothing depends on which shard the picker offers.
    server = await startServerProcess({ MAP: 'assets/maps/world.tmj' });
    browser = await launchBrowser();
    pageA = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
    pageB = await (
      await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true })
    ).newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('B sees A walk to the tile A clicked', async () => {
    const a = await joinGame(pageA, server.url, 'Alice');
    const b = await joinGame(pageB, server.url, 'Bob');
    expect(a.playerId).not.toBe(b.playerId);

    // B knows A, by name, where A stands.
    await pageB.waitForFunction(
      (id) => window.__emberquest!.state().entities.some((e) => e.id === id),
      a.playerId,
    );

    // A walkable tile a few steps from A, reachable along a path, and on A's screen.
    const target = reachableNear(playMap(), a.tile!);

    const point = await pageA.evaluate((t) => window.__emberquest!.tileToClient(t.x, t.y), target);
    await pageA.mouse.click(point.x, point.y);

    await pageA.waitForFunction(
      (t) => {
        const s = window.__emberquest!.state();
        return s.tile?.x === t.x && s.tile?.y === t.y;
      },
      target,
      { timeout: 10_000 },
    );
    await pageB.waitForFunction(
      ({ id, t }) =>
        window
          .__emberquest!.state()
          .entities.some((e) => e.id === id && e.tile.x === t.x && e.tile.y === t.y),
      { id: a.playerId, t: target },
      { timeout: 10_000 },
    );
    const seenByB = (await gameState(pageB)).entities.find((e) => e.id === a.playerId);
    expect(seenByB).toMatchObject({ kind: 'player', name: 'Alice', tile: target });

    await pageA.waitForTimeout(300);
    await pageA.screenshot({ path: path.join(shots, 'e2e-player-a.png') });
    await pageB.screenshot({ path: path.join(shots, 'e2e-player-b-phone.png') });
    // Two pages joining one after the other in software WebGL: ~10 s each on a loaded machine.
  }, 90_000);

  it('a name already in use is refused on the title screen', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(server.url);
      await page.getByTestId('name-input').fill('alice');
      await page.getByTestId('play-button').click();
      await page.waitForFunction(() =>
        /belongs to another player/.test(document.querySelector('.title-message')?.textContent ?? ''),
      );
      expect((await gameState(page)).connected).toBe(false);
    } finally {
      await page.close();
    }
  });

  it('B sees A disappear when A closes the page, and B is told it is reconnecting when the server stops', async () => {
    const { playerId } = await gameState(pageA);
    await pageA.close();
    await pageB.waitForFunction(
      (id) => !window.__emberquest!.state().entities.some((e) => e.id === id),
      playerId,
      {
        timeout: 10_000,
      },
    );
    expect(await server.stop()).toBe(0);
    await pageB.getByTestId('reconnecting').waitFor({ state: 'visible', timeout: 10_000 });
    expect(await pageB.getByTestId('reconnecting').textContent()).toContain('restarting');
  });
});
