// The camera and the player's own walk in Chromium, on a small map of our own (tests/support/camera-map.ts)
// with an overworld, two interiors and doors: the camera is on the player at once after a join, a
// Continue and a door, keeps to the area the player is in, and stays on a walker at a low frame rate;
// held keys and taps steer truly at a low frame rate; the drawn character keeps up with the server's.
// Low frame rates come from throttling the page's CPU (CDP); nothing asserts a frame rate.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { repoRoot, startServerProcess, type ServerProcess } from '../../tools/server-process.ts';
import { BotClient } from '../../tools/bots/bot-client.ts';
import { tileAt } from '../../shared/protocol/view.ts';
import { cameraMap, writeCameraMap } from '../support/camera-map.ts';
import { gameState, launchBrowser, type GameState } from '../support/browser.ts';

const shots = path.join(repoRoot, 'test-results');
type Camera = ReturnType<NonNullable<Window['__emberquest']>['camera']>;
type Tile = { x: number; y: number };

describe('the camera and own walking in Chromium', () => {
  let server: ServerProcess;
  let browser: Browser;
  const pages: Page[] = [];

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    // Every frame written at once: the observer bot below stands for the server's truth, and the gateway
    // holds news of others (coalescer.ts, tested in gateway-coalesce.test.ts); at three ticks a write, under
    // a loaded test run, that put the observer's picture a tile further behind than the player's own drawing.
    server = await startServerProcess({ MAP: writeCameraMap(), GRACE_SECONDS: '5', COALESCE_FRAMES: '1' });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  afterEach(async () => {
    // A page left open keeps drawing, and the machine is small.
    for (const page of pages.splice(0)) await page.context().close();
  });

  /**
   * A new player in its own browser context (its own saved character). The page's CPU is slowed
   * `throttle` times once the game has loaded, so the join and what follows run at a low frame rate.
   */
  async function join(name: string, throttle = 1): Promise<{ page: Page; joined: GameState }> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    pages.push(page);
    await page.goto(server.url);
    await page.getByTestId('name-input').waitFor({ timeout: 20_000 });
    if (throttle > 1) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    }
    await page.getByTestId('name-input').fill(name);
    await page.getByTestId('play-button').click();
    await page.waitForFunction(() => window.__emberquest?.state().connected === true, null, {
      timeout: 30_000,
    });
    return { page, joined: await gameState(page) };
  }

  it('after a Continue and through a door the camera is on the player within two frames, inside its area', async () => {
    const { page, joined } = await join('Doorkeeper');
    await frames(page, 2);
    expectCentred(await camera(page), joined.tile!);
    await page.screenshot({ path: path.join(shots, 'e2e-camera-join.png') });

    // Through the door: the camera jumps into the hall, which is smaller than the view, so the hall
    // sits in its middle and nothing of the cellar below or the overworld beside it shows.
    await clickWalk(page, cameraMap.doorIn, cameraMap.hallArrival);
    await frames(page, 2);
    const inHall = await camera(page);
    expect(inHall.area).toEqual(cameraMap.hall);
    expect(inHall.centre.x).toBeCloseTo(cameraMap.hall.x + cameraMap.hall.width / 2, 1);
    expect(inHall.centre.y).toBeCloseTo(cameraMap.hall.y + cameraMap.hall.height / 2, 1);
    await page.screenshot({ path: path.join(shots, 'e2e-camera-hall.png') });

    // Reload and Continue: the character is resumed in the hall, and the camera starts there.
    await page.reload();
    await page.getByTestId('continue-button').click();
    await page.waitForFunction(() => window.__emberquest?.state().connected === true, null, {
      timeout: 20_000,
    });
    await frames(page, 2);
    const resumed = await camera(page);
    expect(resumed.area).toEqual(cameraMap.hall);
    expect(resumed.centre.x).toBeCloseTo(cameraMap.hall.x + cameraMap.hall.width / 2, 1);

    // Out again, by the overworld's east shore: the camera jumps back and keeps to the overworld, so the
    // view ends at the sea's edge, not in the void strip beyond it.
    await clickWalk(page, cameraMap.doorOut, cameraMap.square);
    await frames(page, 2);
    const outside = await camera(page);
    expect(outside.area).toEqual(cameraMap.overworld);
    const { overworld } = cameraMap;
    expect(outside.centre.x + outside.view.width / 2).toBeLessThanOrEqual(
      overworld.x + overworld.width + 0.1,
    );
    expect(Math.abs(outside.centre.y - outside.drawn!.y)).toBeLessThan(0.6);
    await page.screenshot({ path: path.join(shots, 'e2e-camera-shore.png') });
  }, 90_000);

  it('at a low frame rate the camera stays within a tile of a walker', async () => {
    const { page, joined } = await join('Strider', 6);
    // Far enough to matter, and left: the first-play help card sits on the right.
    const target = { x: joined.tile!.x - 10, y: joined.tile!.y + 2 };
    const point = await page.evaluate((t) => window.__emberquest!.tileToClient(t.x, t.y), target);
    await page.mouse.click(point.x, point.y);
    let worst = 0;
    let samples = 0;
    let shot = false;
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      const c = await camera(page);
      worst = Math.max(worst, Math.abs(c.centre.x - c.drawn!.x), Math.abs(c.centre.y - c.drawn!.y));
      samples++;
      if (!shot && c.drawn!.x < joined.tile!.x - 5) {
        await page.screenshot({ path: path.join(shots, 'e2e-camera-walk-throttled.png') });
        shot = true;
      }
      if (c.reached!.x === target.x && c.reached!.y === target.y) break;
    }
    expect((await gameState(page)).tile).toEqual(target);
    console.log(
      `camera vs walker at 6x CPU throttle: worst ${worst.toFixed(2)} tiles over ${samples} samples`,
    );
    expect(worst).toBeLessThanOrEqual(1);
  }, 60_000);

  it('at a low frame rate a held key walks on steadily and a tap moves one tile', async () => {
    const { page, joined } = await join('Stepper', 6);
    const start = joined.tile!;
    await page.keyboard.down('ArrowRight');
    const xs: number[] = [];
    const until = Date.now() + 2000;
    while (Date.now() < until) {
      xs.push((await gameState(page)).tile!.x);
      await page.waitForTimeout(50);
    }
    await page.keyboard.up('ArrowRight');
    const stopped = await standStill(page);
    xs.push(stopped.x);
    console.log(`held right for 2 s at 6x CPU throttle: x went ${[...new Set(xs)].join(',')}`);
    for (let i = 1; i < xs.length; i++) expect(xs[i]).toBeGreaterThanOrEqual(xs[i - 1]!);
    // 2 s is about 13 steps; at a low frame rate a held key must still get most of the way.
    expect(stopped.x - start.x).toBeGreaterThanOrEqual(8);
    expect(stopped.y).toBe(start.y);

    // Quick taps (down and up at once, inside one slow frame) each move one tile.
    for (let tap = 1; tap <= 3; tap++) {
      await page.keyboard.press('ArrowDown');
      const at = await standStill(page);
      expect(at).toEqual({ x: stopped.x, y: stopped.y + tap });
    }
  }, 60_000);

  for (const throttle of [1, 4]) {
    it(`the drawn player keeps within a step of the server's after a join and a click-walk (CPU ${throttle}x)`, async () => {
      // An observer bot (the protocol's own view, timed by the wall clock) tells where the server has
      // the player; the page tells where it draws it, and when.
      const port = new URL(server.url).port;
      const observer = await BotClient.connect({
        url: `ws://127.0.0.1:${port}/ws`,
        name: `Watcher${throttle}`,
        now: () => Date.now(),
      });
      try {
        await observer.waitForWelcome();
        const { page, joined } = await join(`Runner${throttle}`, throttle);
        const target = { x: joined.tile!.x - 10, y: joined.tile!.y + 3 };
        const point = await page.evaluate((t) => window.__emberquest!.tileToClient(t.x, t.y), target);
        await page.mouse.click(point.x, point.y);
        const stepMs = observer.view.tickMs * observer.view.stepTicks;
        let worst = 0;
        for (let i = 0; i < 300; i++) {
          const c = await camera(page);
          const seen = observer.view.entities.get(joined.playerId);
          if (!seen || !c.drawn) continue;
          // The server counts the tick a walk starts in as its first step's first tick.
          const server = tileAt(seen, c.at + observer.view.tickMs, stepMs);
          // Both count a step once it is complete: the tile last stood on.
          const drawn = c.reached!;
          worst = Math.max(worst, Math.abs(drawn.x - server.x) + Math.abs(drawn.y - server.y));
          if (server.x === target.x && server.y === target.y && drawn.x === target.x && drawn.y === target.y)
            break;
        }
        console.log(`drawn vs server at ${throttle}x CPU throttle: worst ${worst} tiles apart`);
        expect(await standStill(page)).toEqual(target);
        expect(worst).toBeLessThanOrEqual(1);
      } finally {
        await observer.close();
      }
    }, 60_000);
  }
});

function camera(page: Page): Promise<Camera> {
  return page.evaluate(() => window.__emberquest!.camera());
}

/** Resolves after `n` animation frames of the page. */
function frames(page: Page, n: number): Promise<void> {
  return page.evaluate(
    (count) =>
      new Promise<void>((resolve) => {
        let left = count;
        const next = (): void => void (--left <= 0 ? resolve() : requestAnimationFrame(next));
        requestAnimationFrame(next);
      }),
    n,
  );
}

function expectCentred(c: Camera, tile: Tile): void {
  expect(Math.abs(c.centre.x - (tile.x + 0.5))).toBeLessThan(0.6);
  expect(Math.abs(c.centre.y - (tile.y + 0.5))).toBeLessThan(0.6);
}

/** Clicks a tile on screen and waits until the player stands on `arrival` (a door leads elsewhere). */
async function clickWalk(page: Page, tile: Tile, arrival: Tile): Promise<void> {
  const point = await page.evaluate((t) => window.__emberquest!.tileToClient(t.x, t.y), tile);
  await page.mouse.click(point.x, point.y);
  await page.waitForFunction(
    (t) => {
      const at = window.__emberquest!.state().tile;
      return at?.x === t.x && at.y === t.y;
    },
    arrival,
    { timeout: 15_000 },
  );
}

/** The tile the player stands on once it has not moved for half a second. */
async function standStill(page: Page): Promise<Tile> {
  let last = (await gameState(page)).tile!;
  let since = Date.now();
  const deadline = Date.now() + 15_000;
  while (Date.now() - since < 500) {
    if (Date.now() > deadline) throw new Error('the player never stood still');
    await page.waitForTimeout(50);
    const now = (await gameState(page)).tile!;
    if (now.x !== last.x || now.y !== last.y) {
      last = now;
      since = Date.now();
    }
  }
  return last;
}
