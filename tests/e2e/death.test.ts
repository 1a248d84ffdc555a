// Death in Chromium against the real server: killed by the Ember Wyrm set down on the spawn, the player
// reloads the page and continues, and must find the death screen again (not a standing 0 HP character
// that ignores every click); Respawn brings the character back alive.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { TiledMap, TiledObject } from '../../shared/content/tiled-types.ts';
import { DEFAULT_MAP } from '../../server/config.ts';
import { repoRoot, startServerProcess, type ServerProcess } from '../../tools/server-process.ts';
import { CHROMIUM, gameState, haveChromium, joinGame, launchBrowser } from '../support/browser.ts';

const shots = path.join(repoRoot, 'test-results');
/** Under assets/ (the server loads only maps there, and browsers fetch it too), git-ignored. */
const DEADLY_MAP = 'assets/maps/test/wyrm-at-spawn.tmj';

/** The real world with the Ember Wyrm in the middle of the first spawn area: a new player dies at once. */
function writeDeadlyMap(): void {
  const world = JSON.parse(readFileSync(path.join(repoRoot, DEFAULT_MAP), 'utf8')) as TiledMap;
  const objects = world.layers.flatMap((l) => (l.type === 'objectgroup' ? (l.objects ?? []) : []));
  const spawn = objects.find((o) => o.type === 'spawn')!;
  const tile = world.tilewidth;
  const wyrm: TiledObject = {
    id: Math.max(...objects.map((o) => o.id)) + 1,
    name: 'e2e wyrm',
    type: 'mobArea',
    x: Math.floor((spawn.x + (spawn.width ?? 0) / 2) / tile) * tile,
    y: Math.floor((spawn.y + (spawn.height ?? 0) / 2) / tile) * tile,
    width: tile,
    height: tile,
    properties: [
      { name: 'kind', type: 'string', value: 'ember_wyrm' },
      { name: 'count', type: 'int', value: 1 },
    ],
  };
  const layers = world.layers.map((l) =>
    l.type === 'objectgroup' && l.objects?.includes(spawn) ? { ...l, objects: [...l.objects, wyrm] } : l,
  );
  // The tileset image is named relative to the map file, one folder further down here.
  const tilesets = world.tilesets.map((t) => (t.image ? { ...t, image: `../${t.image}` } : t));
  const target = path.join(repoRoot, DEADLY_MAP);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, JSON.stringify({ ...world, layers, tilesets }));
}

async function deathScreenShown(page: Page): Promise<void> {
  await page.getByTestId('respawn-button').waitFor({ state: 'visible', timeout: 30_000 });
}

describe('a death in Chromium', () => {
  let server: ServerProcess;
  let browser: Browser;

  beforeAll(async () => {
    if (!haveChromium())
      throw new Error(`No Chromium at ${CHROMIUM}: run \`apt-get install chromium\` or set CHROMIUM_PATH.`);
    mkdirSync(shots, { recursive: true });
    writeDeadlyMap();
    server = await startServerProcess({ MAP: DEADLY_MAP });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(path.join(repoRoot, DEADLY_MAP), { force: true });
  });

  it('die, reload and continue: the death screen is back, and Respawn brings the player back alive', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1024, height: 700 } })).newPage();
    await joinGame(page, server.url, 'Doomed');
    await deathScreenShown(page);
    expect(await gameState(page)).toMatchObject({ dead: true, hp: 0 });

    await page.reload();
    const resume = page.getByTestId('continue-button');
    await resume.waitFor({ state: 'visible', timeout: 20_000 });
    await resume.click();
    await page.waitForFunction(() => window.__emberquest?.state().connected === true, null, {
      timeout: 20_000,
    });
    await deathScreenShown(page);
    expect(await gameState(page)).toMatchObject({ name: 'Doomed', dead: true, hp: 0 });
    await page.screenshot({ path: path.join(shots, 'e2e-dead-after-reload.png') });

    await page.getByTestId('respawn-button').click();
    await page.waitForFunction(
      () => {
        const s = window.__emberquest!.state();
        return !s.dead && s.hp > 0 && s.hp === s.maxHp;
      },
      null,
      { timeout: 10_000 },
    );
    expect(await page.getByTestId('respawn-button').isVisible()).toBe(false);
  }, 120_000);
});
