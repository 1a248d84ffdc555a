// Two real browsers join the real server: A clicks a tile, B watches A arrive there.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ServerProcess } from '../../tools/server-process.ts';
import { reachableNear, playMap } from '../support/tiles.ts';
import { gameState, joinGame } from '../support/browser.ts';
import { shots, twoBrowsers, type TwoBrowsers } from '../support/two-browsers.ts';

describe('two players in Chromium', () => {
  let two: TwoBrowsers;
  let server: ServerProcess;
  let pageA: Page;
  let pageB: Page;

  beforeAll(async () => {
    // The default grace period (30 s): a closed page's character must leave at once, not wait it out.
    // One world of the overworld, so nothing depends on which shard the picker offers.
    two = await twoBrowsers({ MAP: 'assets/maps/world.tmj' });
    ({ server, pageA, pageB } = two);
  });

  afterAll(() => two?.stop());

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
    const page = await two.browser.newPage();
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
