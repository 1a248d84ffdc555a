// `node --import tsx tools/journey-shots.ts`: the walk to the mine and back in headless Chromium, as a
// player clicks, with a screenshot at each stop in docs/screenshots/journey/ (there-*.png, back-*.png). A
// level 1 does not get past the valley's wolves (the curve wants level 5 there), so the playthrough bot
// first plays the character from the village to the graveyard gate (levelling on the way); the browser
// then continues that character (its token, as the title screen's Continue does) to the mine and back
// to the village. Deaths are screenshot too, and the walk goes on after Respawn. Prints each leg.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { loadWorldMap } from '../server/load-map.ts';
import { DEFAULT_MAP } from '../server/config.ts';
import { gameState, launchBrowser } from '../tests/support/browser.ts';
import { travel } from '../tests/support/travel.ts';
import { isWalkable } from '../shared/rules/grid.ts';
import { findPath } from '../shared/rules/path.ts';
import { playThrough } from './bots/playthrough-bot.ts';
import { loadAtlas } from './bots/playthrough-atlas.ts';
import { roadStops } from './bots/playthrough-route.ts';
import { repoRoot, startServerProcess } from './server-process.ts';

const out = path.join(repoRoot, 'docs/screenshots/journey');
const map = loadWorldMap(path.join(repoRoot, DEFAULT_MAP));

/** A place by its checkpoint's middle, or a door by its tile. */
function place(name: string): { x: number; y: number; door: boolean } {
  const o = map.objects.find((m) => m.name === name);
  if (!o) throw new Error(`no ${name} on the map`);
  const door = o.kind === 'door';
  const x = o.area.x + (door ? 0 : Math.floor(o.area.width / 2));
  const y = o.area.y + (door ? 0 : Math.floor(o.area.height / 2));
  return { x, y, door };
}

/** A level-1 meets the valley's wolves on the way to the mine: a player would try again. */
const TRIES = 8;
const THERE = ['graveyard_gate', 'valley_camp', 'mine_mouth', 'mine_landing'];
const BACK = ['mine_stairs_south', 'valley_camp', 'graveyard_gate', 'forest_glade', 'village_square'];

async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(600); // a frame or two after arriving, so the camera has caught up
  await page.screenshot({ path: path.join(out, `${name}.png`) });
}

/** The walkable tile beside a door that the player can walk to from where it is. */
async function besideDoor(page: Page, door: { x: number; y: number }): Promise<{ x: number; y: number }> {
  const at = (await gameState(page)).tile!;
  for (const [dx, dy] of [
    [0, 1],
    [0, -1],
    [1, 0],
    [-1, 0],
  ] as const) {
    const t = { x: door.x + dx, y: door.y + dy };
    if (
      map.objects.some(
        (o) => o.kind === 'door' && o.area.x <= t.x && t.x < o.area.x + o.area.width && o.area.y === t.y,
      )
    )
      continue;
    if (!isWalkable(map.grid, t.x, t.y)) continue;
    if (
      findPath(map.grid, at, t, { nodeBudget: 40_000, maxSteps: 600 }).length ||
      (at.x === t.x && at.y === t.y)
    )
      return t;
  }
  throw new Error(`no way to the door at ${door.x},${door.y} from ${at.x},${at.y}`);
}

/** Beside a door: clicks it and waits to be put where it leads (far from it); false on dying. */
async function through(page: Page, door: { x: number; y: number }): Promise<boolean> {
  const point = await page.evaluate((t) => window.__emberquest!.tileToClient(t.x, t.y), door);
  await page.mouse.click(point.x, point.y);
  await page.waitForFunction(
    (t) => {
      const s = window.__emberquest!.state();
      return s.dead || (s.tile !== null && Math.abs(s.tile.x - t.x) + Math.abs(s.tile.y - t.y) > 5);
    },
    door,
    { timeout: 10_000 },
  );
  return !(await gameState(page)).dead;
}

/** Walks to `name`; on death, screenshots it, respawns and tries again from the checkpoint (TRIES times). */
async function leg(page: Page, prefix: string, name: string): Promise<string> {
  const to = place(name);
  let deaths = 0;
  for (let attempt = 0; attempt < TRIES; attempt++) {
    const started = Date.now();
    // A door is walked up to (a tile beside it), then clicked: travel() would walk on past the jump.
    const goal = to.door ? await besideDoor(page, to) : to;
    const alive =
      (await travel(page, map, goal, to.door ? 0 : 2, 180_000)) && (!to.door || (await through(page, to)));
    const s = await gameState(page);
    if (alive && !s.dead) {
      if (to.door) await page.waitForTimeout(1500);
      await shot(page, `${prefix}-${name.replace(/_/g, '-')}`);
      const at = (await gameState(page)).tile;
      const took = Math.round((Date.now() - started) / 1000);
      return `${name}: ${took} s, at ${at?.x},${at?.y}, hp ${s.hp}/${s.maxHp}, level ${s.level}, ${deaths} deaths`;
    }
    deaths++;
    if (deaths === 1) await shot(page, `${prefix}-died-before-${name.replace(/_/g, '-')}`);
    await page.getByTestId('respawn-button').click();
    await page.waitForFunction(() => !window.__emberquest!.state().dead, null, { timeout: 10_000 });
  }
  throw new Error(`${name}: died ${TRIES} times on the way`);
}

mkdirSync(out, { recursive: true });
const server = await startServerProcess({ SEED: '7' }, { timeoutMs: 90_000 });
const browser = await launchBrowser();
try {
  const atlas = loadAtlas(repoRoot);
  const stops = roadStops(atlas.content);
  const played = await playThrough({
    url: server.url.replace(/^http/, 'ws').replace(/\/$/, '') + '/ws',
    name: 'Wayfarer',
    atlas,
    stops,
    budgetMs: 20 * 60_000,
    // Holds back in the forest until the graveyard gate's mobs are fair, however long that takes.
    zoneCapMs: 20 * 60_000,
    finishAfterStops: stops.findIndex((s) => s.name === 'graveyard_gate') + 1,
    random: Math.random,
    log: (line) => console.error(line),
  });
  console.log(
    `the bot played Wayfarer to level ${played.level} (${played.weapon}, ${played.armor}): ${played.reason}`,
  );
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(server.url);
  await page.evaluate(
    (saved) => {
      localStorage.setItem('emberquest.character', JSON.stringify(saved));
    },
    { name: 'Wayfarer', token: played.token },
  );
  await page.reload();
  await page.getByTestId('continue-button').click();
  await page.waitForFunction(() => window.__emberquest?.state().connected === true, null, {
    timeout: 20_000,
  });
  await shot(page, 'there-continued');
  for (const name of THERE) console.log('there', await leg(page, 'there', name));
  for (const name of BACK) console.log('back', await leg(page, 'back', name));
} finally {
  await browser.close();
  await server.stop();
}
