// Death in Chromium against the real server: killed by the Ember Wyrm set down near the spawn, the player
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
import { travel } from '../support/travel.ts';
import { playMap } from '../support/tiles.ts';
import { loadGameData } from '../../server/load-data.ts';
import { isWalkable, type Grid } from '../../shared/rules/grid.ts';
import type { TileRect } from '../../shared/content/world-map.ts';

const shots = path.join(repoRoot, 'test-results');
/** Under assets/ (the server loads only maps there, and browsers fetch it too), git-ignored. */
const DEADLY_MAP = 'assets/maps/test/wyrm-at-spawn.tmj';

/**
 * The real world with the Ember Wyrm set down on the nearest walkable tile just out of its reach of the
 * spawn (nearer, the server refuses the map: nobody may respawn into a fight). The player walks to it.
 */
function writeDeadlyMap(): { x: number; y: number } {
  const world = JSON.parse(readFileSync(path.join(repoRoot, DEFAULT_MAP), 'utf8')) as TiledMap;
  const objects = world.layers.flatMap((l) => (l.type === 'objectgroup' ? (l.objects ?? []) : []));
  const spawn = objects.find((o) => o.type === 'spawn')!;
  const tile = world.tilewidth;
  const area = {
    x: Math.floor(spawn.x / tile),
    y: Math.floor(spawn.y / tile),
    width: Math.max(1, Math.round((spawn.width ?? 0) / tile)),
    height: Math.max(1, Math.round((spawn.height ?? 0) / tile)),
  };
  const wyrmKind = loadGameData(path.join(repoRoot, 'assets')).mobs.get('ember_wyrm')!;
  const at = nearestBeyond(playMap().grid, area, wyrmKind.aggroRadius + wyrmKind.leash + 1);
  const wyrm: TiledObject = {
    id: Math.max(...objects.map((o) => o.id)) + 1,
    name: 'e2e wyrm',
    type: 'mobArea',
    x: at.x * tile,
    y: at.y * tile,
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
  return at;
}

/** The walkable tile nearest (by walking) the area's centre that is at least `reach` king's moves from it. */
function nearestBeyond(grid: Grid, area: TileRect, reach: number): { x: number; y: number } {
  const start = { x: area.x + Math.floor(area.width / 2), y: area.y + Math.floor(area.height / 2) };
  const away = (x: number, y: number): number =>
    Math.max(area.x - x, x - (area.x + area.width - 1), area.y - y, y - (area.y + area.height - 1), 0);
  const seen = new Set([start.y * grid.width + start.x]);
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const t = queue[i]!;
    if (away(t.x, t.y) >= reach) return t;
    for (const [dx, dy] of [
      [1, 0],
      [-1, 0],
      [0, 1],
      [0, -1],
    ] as const) {
      const n = { x: t.x + dx, y: t.y + dy };
      const key = n.y * grid.width + n.x;
      if (seen.has(key) || !isWalkable(grid, n.x, n.y)) continue;
      seen.add(key);
      queue.push(n);
    }
  }
  throw new Error("no walkable tile out of the wyrm's reach");
}

async function deathScreenShown(page: Page): Promise<void> {
  await page.getByTestId('respawn-button').waitFor({ state: 'visible', timeout: 30_000 });
}

describe('a death in Chromium', () => {
  let server: ServerProcess;
  let browser: Browser;
  let wyrmAt: { x: number; y: number };

  beforeAll(async () => {
    if (!haveChromium())
      throw new Error(`No Chromium at ${CHROMIUM}: run \`apt-get install chromium\` or set CHROMIUM_PATH.`);
    mkdirSync(shots, { recursive: true });
    wyrmAt = writeDeadlyMap();
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
    // Dies on the way, or beside the wyrm soon after.
    await travel(page, playMap(), wyrmAt, 1, 90_000);
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
