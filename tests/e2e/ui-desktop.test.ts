// The UI as a desktop player meets it, in Chromium: the target frame names what is under the pointer,
// clicks act on what is drawn there (not on the tile below), names stay readable in a crowd, and death
// says what killed you with the world still in view. Screenshots land in test-results/.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { repoRoot, type ServerProcess } from '../../tools/server-process.ts';
import { serverAndBrowser, type ServerAndBrowser } from '../support/two-browsers.ts';
import { BotClient } from '../../tools/bots/bot-client.ts';
import { gameState, joinGame } from '../support/browser.ts';
import { travel } from '../support/travel.ts';
import { loadPlaces, type Places } from '../support/places.ts';

const shots = path.join(repoRoot, 'test-results');

describe('the UI on a desktop', () => {
  let both: ServerAndBrowser;
  let server: ServerProcess;
  let browser: Browser;
  let places: Places;

  beforeAll(async () => {
    places = loadPlaces();
    // One world of the overworld: the crowd test needs every player in the same world, and the default
    // realm spreads plain /ws joins (and the title screen's default pick) over its shards.
    both = await serverAndBrowser({ MAP: 'assets/maps/world.tmj' });
    ({ server, browser } = both);
  });

  afterAll(() => both?.stop());

  async function newPlayer(name: string): Promise<Page> {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
    await joinGame(page, server.url, name);
    return page;
  }

  it('hovering a rat shows "Rat, level 1" and its HP; the tile north of it walks; the rat itself is attacked', async () => {
    const page = await newPlayer('Pointer');
    const field = places.nearestMobArea((k) => k.id === 'rat');
    await travel(page, places.map, field, 4);
    let ratId = -1;
    let frameText = '';
    let cursor = '';
    // Rats wander: aim at the drawn sprite of the nearest one until the pointer says "attack" and the
    // target frame names it.
    await expect
      .poll(
        async () => {
          const s = await gameState(page);
          const me = s.tile!;
          const rats = s.entities
            .filter((e) => e.kind === 'rat')
            .sort((a, b) => dist(a.tile, me) - dist(b.tile, me));
          if (!rats[0]) return 'no rat';
          ratId = rats[0].id;
          const box = await page.evaluate((id) => window.__emberquest!.spriteBox(id), ratId);
          if (!box) return 'no box';
          await page.mouse.move((box.left + box.right) / 2, (box.top + box.bottom) / 2 + 2);
          await page.waitForTimeout(100);
          const seen = await page.evaluate(() => ({
            pointer: window.__emberquest!.pointer(),
            frame: document.getElementById('target-frame')!.hidden
              ? ''
              : document.getElementById('target-frame')!.textContent!,
            cursor: document.querySelector('canvas')!.style.cursor,
          }));
          if (seen.pointer.hovered !== ratId) return `over ${seen.pointer.hovered}`;
          frameText = seen.frame;
          cursor = seen.cursor;
          if (frameText.includes('Rat'))
            await page.screenshot({ path: path.join(shots, 'ui-target-frame.png') });
          return `${seen.pointer.action} ${frameText.includes('Rat')}`;
        },
        { timeout: 30_000, interval: 200 },
      )
      .toBe('attack true');
    // The target frame and the minimap share the top right: side by side, never one over the other.
    const [frame, minimap] = await page.evaluate(() =>
      ['#target-frame', '#minimap'].map((sel) =>
        document.querySelector(sel)!.getBoundingClientRect().toJSON(),
      ),
    );
    expect(frame.right <= minimap.left || frame.bottom <= minimap.top, 'target frame over the minimap').toBe(
      true,
    );
    expect(frameText).toContain('Level 1');
    expect(frameText).toMatch(/\d+ \/ 25/);
    expect(cursor).toBe('pointer');

    // Just above the rat's drawn head: the tile north of it. That is ground: a click walks, never attacks.
    // The rat wanders: click only while it is still where it was when the pointer said "walk", so a rat
    // stepping under the cursor in between is not read as the click attacking.
    let hpBefore = -1;
    await expect
      .poll(
        async () => {
          const box = await page.evaluate((id) => window.__emberquest!.spriteBox(id), ratId);
          if (!box) return 'no box';
          const x = (box.left + box.right) / 2;
          await page.mouse.move(x, box.top - 3);
          await page.waitForTimeout(100);
          const p = await page.evaluate(() => window.__emberquest!.pointer());
          if (p.hovered !== null) return `over ${p.hovered}`;
          if (p.action !== 'walk') return p.action;
          const still = await page.evaluate((id) => window.__emberquest!.spriteBox(id), ratId);
          if (!still || still.top !== box.top || still.left !== box.left) return 'the rat moved';
          hpBefore = (await gameState(page)).entities.find((e) => e.id === ratId)?.hp ?? -1;
          await page.mouse.down();
          await page.mouse.up();
          return 'walk';
        },
        { timeout: 20_000, interval: 200 },
      )
      .toBe('walk');
    await page.waitForTimeout(2500);
    expect((await page.evaluate(() => window.__emberquest!.pointer())).target).toBeNull();
    expect((await gameState(page)).entities.find((e) => e.id === ratId)?.hp).toBe(hpBefore);

    // On the sprite itself: attack, and the rat becomes the target (aim again while it wanders off).
    await expect
      .poll(
        async () => {
          const rat = (await gameState(page)).entities.find((e) => e.id === ratId);
          if (!rat || (rat.hp ?? 25) < 25) return rat?.hp ?? 0;
          const now = await page.evaluate((id) => window.__emberquest!.spriteBox(id), ratId);
          if (now) await page.mouse.click((now.left + now.right) / 2, (now.top + now.bottom) / 2 + 2);
          return 25;
        },
        { timeout: 30_000, interval: 1500 },
      )
      .toBeLessThan(25);
    expect((await page.evaluate(() => window.__emberquest!.pointer())).target).toBe(ratId);
    await page.close();
  }, 200_000);

  it('with 40 players on the square, the names drawn do not overlap and NPC names stay on screen', async () => {
    const wsUrl = new URL('ws', server.url).href.replace(/^http/, 'ws');
    const bots = await Promise.all(
      Array.from({ length: 40 }, (_, i) => BotClient.connect({ url: wsUrl, name: `Crowd${i}` })),
    );
    try {
      await Promise.all(bots.map((b) => b.waitForWelcome(10_000)));
      const page = await newPlayer('Onlooker');
      await expect
        .poll(async () => (await gameState(page)).entities.filter((e) => e.type === 'player').length, {
          timeout: 15_000,
        })
        .toBeGreaterThan(30);
      await page.waitForTimeout(1500);
      const labels = await page.evaluate(() => window.__emberquest!.labels());
      const viewport = page.viewportSize()!;
      const shown = labels.filter((l) => l.alpha > 0);
      expect(labels.filter((l) => l.type === 'player').length).toBeGreaterThan(30);
      for (const a of shown)
        for (const b of shown)
          if (a !== b)
            expect(
              a.left < b.right - 0.5 &&
                b.left < a.right - 0.5 &&
                a.top < b.bottom - 0.5 &&
                b.top < a.bottom - 0.5,
              `labels ${a.id} and ${b.id} overlap`,
            ).toBe(false);
      const npcs = labels.filter((l) => l.type === 'npc');
      expect(npcs.length).toBeGreaterThan(0);
      for (const n of npcs) expect(n.alpha).toBe(1);
      // NPC names on screen rows lie wholly inside the view (once the camera has settled on the player).
      await expect
        .poll(
          async () =>
            (await page.evaluate(() => window.__emberquest!.labels()))
              .filter((n) => n.type === 'npc' && n.bottom > 0 && n.top < viewport.height)
              .filter((n) => n.left < -0.5 || n.right > viewport.width + 0.5)
              .map((n) => n.id),
          { timeout: 10_000 },
        )
        .toEqual([]);
      await page.screenshot({ path: path.join(shots, 'ui-crowd.png') });
      // 40 kill lines do not push "Level 2!" out of the log, and the log can be filtered.
      await page.evaluate(() => {
        const api = window.__emberquest!;
        api.showNotice('Level 2! You feel stronger.');
        for (let i = 0; i < 40; i++) api.showNotice('You defeated a rat.');
      });
      const log = page.locator('#chat-log');
      expect(await log.textContent()).toContain('Level 2! You feel stronger.');
      await page.locator('#chat-log [data-filter="game"]').click();
      await expect.poll(() => log.evaluate((el) => el.classList.contains('expanded'))).toBe(true);
      await page.screenshot({ path: path.join(shots, 'ui-chat-log.png') });
      await page.keyboard.press('Escape');
      await expect.poll(() => log.evaluate((el) => el.classList.contains('expanded'))).toBe(false);
      await page.close();
    } finally {
      await Promise.all(bots.map((b) => b.close()));
    }
  }, 90_000);

  it('death says what killed you, in the log too, and the world stays in view', async () => {
    const page = await newPlayer('Doomed');
    const lair = places.nearestMobArea((k) => k.level >= 5 && k.aggroRadius > 0);
    // Bitten to death on the way is fine too: what matters is what the death screen says.
    await travel(page, places.map, lair, 2, 150_000);
    await expect
      .poll(async () => (await gameState(page)).dead, { timeout: 90_000, interval: 500 })
      .toBe(true);
    const cause = page.getByTestId('death-cause');
    await expect.poll(() => cause.isVisible()).toBe(true);
    const line = (await cause.textContent())!;
    expect(line).toMatch(/^Slain by (an? [a-z ]+|the [A-Za-z ]+), level \d+$/);
    expect(await page.locator('#chat-log').textContent()).toContain(line);
    // The world shows through: no dark sheet over the middle, and the card keeps off the player.
    const look = await page.evaluate(() => {
      const death = document.getElementById('death')!;
      const panel = death.querySelector('.panel')!.getBoundingClientRect();
      const style = getComputedStyle(death);
      return {
        color: style.backgroundColor,
        image: style.backgroundImage,
        panelTop: panel.top,
        h: innerHeight,
      };
    });
    await page.screenshot({ path: path.join(shots, 'ui-death.png') });
    expect(look.color).toBe('rgba(0, 0, 0, 0)');
    expect(look.image).toContain('radial-gradient');
    expect(look.panelTop).toBeGreaterThan(look.h / 2 + 20);
    await page.close();
  }, 300_000);
});

function dist(a: { x: number; y: number }, b: { x: number; y: number }): number {
  return Math.abs(a.x - b.x) + Math.abs(a.y - b.y);
}
