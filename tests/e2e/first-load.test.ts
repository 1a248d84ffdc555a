// The first visit's budget (issue 17), in Chromium against the real server and the built client: what the
// page fetches before the player can walk, counted from CDP's Network events (tools/bench/load-visit.ts,
// the same code as `npm run bench:load`). Requests and bytes only, never seconds: times are the bench's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startServerProcess, type ServerProcess } from '../../tools/server-process.ts';
import { visit, type Fetch, type Visit } from '../../tools/bench/load-visit.ts';
import { CHROMIUM, gameState, haveChromium, joinGame, launchBrowser } from '../support/browser.ts';

/** Issue 17's targets for a first visit, before the player can move. */
const MAX_REQUESTS = 40;
const MAX_BYTES = 1_500_000;
/** A second visit revalidates a few unhashed files (304s, headers only). */
const MAX_SECOND_VISIT_BYTES = 50_000;

let server: ServerProcess;
let browser: Browser;
let first: Visit;
let second: Visit;

beforeAll(async () => {
  if (!haveChromium())
    throw new Error(`No Chromium at ${CHROMIUM}: run \`apt-get install chromium\` or set CHROMIUM_PATH.`);
  server = await startServerProcess();
  browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  // Four seconds after the player can walk: the sound files follow a second after the welcome.
  first = await visit(context, server.url, { name: 'Budget', settleMs: 4000 });
  second = await visit(context, server.url, { name: 'Budget', settleMs: 0 });
  await context.close();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const path = (f: Fetch): string => new URL(f.url).pathname;
const before = (v: Visit): Fetch[] => v.fetches.filter((f) => f.startMs <= v.controllableAtMs);

describe('the first visit', () => {
  it(`fetches at most ${MAX_REQUESTS} files and ${MAX_BYTES / 1e6} MB before the player can walk`, () => {
    const list = before(first).map((f) => `${f.bytes} ${path(f)}`);
    expect(first.beforeControllable.requests, list.join('\n')).toBeLessThanOrEqual(MAX_REQUESTS);
    expect(first.beforeControllable.bytes, list.join('\n')).toBeLessThanOrEqual(MAX_BYTES);
    expect(before(first).every((f) => f.status === 200)).toBe(true);
  });

  it('gets its code, styles, page, map and data compressed', () => {
    const text = before(first).filter((f) => /\.(js|css|json|tmj)$|\/$/.test(path(f)) && f.bytes > 1500);
    expect(text.map(path)).toEqual(
      expect.arrayContaining(['/', '/assets/maps/world.tmj', '/assets/sprites.pack.json']),
    );
    expect(text.some((f) => /^\/bundle\/.*\.js$/.test(path(f)))).toBe(true);
    for (const f of text) expect(f.encoding, path(f)).toBe('br');
  });

  it('takes the sprite sheets from the pack, and the sounds only after the player can walk', () => {
    const early = before(first).map(path);
    expect(early).toContain('/assets/sprites.pack.png');
    expect(early.filter((p) => p.startsWith('/assets/sprites/mobs/'))).toEqual([]);
    expect(early.filter((p) => p.startsWith('/assets/audio/'))).toEqual([]);
    const later = first.fetches.map(path).filter((p) => !early.includes(p));
    expect(later).toContain('/assets/audio/sfx/hit.mp3');
    expect(later.some((p) => /^\/assets\/audio\/music\/.*\.mp3$/.test(p))).toBe(true);
    expect(later.filter((p) => p.endsWith('.wav'))).toEqual([]); // the WAVs are the sources, not sent
  });
});

describe('the second visit', () => {
  it('takes the bundle from the cache and revalidates the rest without bodies', () => {
    const fetched = before(second);
    const bundle = fetched.filter((f) => path(f).startsWith('/bundle/'));
    expect(bundle.length).toBeGreaterThan(0);
    expect(bundle.every((f) => f.fromCache)).toBe(true);
    expect(fetched.find((f) => path(f).startsWith('/assets/sprites.pack.png'))?.fromCache).toBe(true);
    // A revalidated file is a 304 (Chromium reports the cached 200): its headers, well under 1 kB.
    const bodies = fetched.filter(
      (f) => !f.fromCache && f.bytes > 1000 && !/^\/(status|worlds)$/.test(path(f)),
    );
    expect(bodies.map(path)).toEqual([]);
    expect(second.beforeControllable.bytes).toBeLessThanOrEqual(MAX_SECOND_VISIT_BYTES);
  });
});

describe('without the sprite pack', () => {
  it('(an older server, or a proxy that does not pass it) loads every sheet alone and plays', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.route('**/assets/sprites.pack.json', (route) => route.fulfill({ status: 404, body: 'gone' }));
    const sheets: string[] = [];
    page.on('request', (r) => {
      if (/\/assets\/sprites\/(mobs|npcs|armor)\/.*\.png$/.test(r.url())) sheets.push(r.url());
    });
    await joinGame(page, server.url, 'Unpacked');
    const self = (await gameState(page)).playerId;
    await page.waitForFunction((id) => window.__emberquest!.spriteBox(id) !== null, self, {
      timeout: 10_000,
    });
    expect(sheets.length).toBeGreaterThan(20);
    expect(await page.locator('#loading.failed').count()).toBe(0);
    await context.close();
  });
});
