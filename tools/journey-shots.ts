// `npm run journey`: a fresh level-1 character in headless Chromium walks the north road from the village
// to the mine and back (through the mine's door both ways), as a player clicks, and saves a screenshot at
// each stop to docs/screenshots/journey/ (there-*.png, back-*.png). Deaths are screenshot too, and the
// walk goes on from the checkpoint after Respawn. Prints what happened on each leg.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { loadWorldMap } from '../server/load-map.ts';
import { DEFAULT_MAP } from '../server/config.ts';
import { gameState, joinGame, launchBrowser } from '../tests/support/browser.ts';
import { travel } from '../tests/support/travel.ts';
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

const THERE = ['forest_glade', 'graveyard_gate', 'valley_camp', 'mine_mouth', 'mine_landing'];
const BACK = ['mine_stairs_south', 'valley_camp', 'graveyard_gate', 'forest_glade', 'village_square'];

async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(600); // a frame or two after arriving, so the camera has caught up
  await page.screenshot({ path: path.join(out, `${name}.png`) });
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

/** Walks to `name`; on death, screenshots it, respawns and tries again from the checkpoint (3 times). */
async function leg(page: Page, prefix: string, name: string): Promise<string> {
  const to = place(name);
  for (let attempt = 0; attempt < 3; attempt++) {
    const started = Date.now();
    const alive =
      (await travel(page, map.grid, to, to.door ? 1 : 2, 180_000)) && (!to.door || (await through(page, to)));
    const s = await gameState(page);
    if (alive && !s.dead) {
      if (to.door) await page.waitForTimeout(1500);
      await shot(page, `${prefix}-${name.replace(/_/g, '-')}`);
      const at = (await gameState(page)).tile;
      return `${name}: ${Math.round((Date.now() - started) / 1000)} s, at ${at?.x},${at?.y}, hp ${s.hp}/${s.maxHp}, level ${s.level}`;
    }
    await shot(page, `${prefix}-died-before-${name.replace(/_/g, '-')}`);
    await page.getByTestId('respawn-button').click();
    await page.waitForFunction(() => !window.__emberquest!.state().dead, null, { timeout: 10_000 });
  }
  return `${name}: died 3 times on the way`;
}

mkdirSync(out, { recursive: true });
const server = await startServerProcess({ SEED: '7' }, { timeoutMs: 90_000 });
const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await joinGame(page, server.url, 'Wayfarer');
  await shot(page, 'there-village');
  for (const name of THERE) console.log('there', await leg(page, 'there', name));
  for (const name of BACK) console.log('back', await leg(page, 'back', name));
} finally {
  await browser.close();
  await server.stop();
}
