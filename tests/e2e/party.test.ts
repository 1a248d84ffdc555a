// Two players in Chromium make a party: A types `/invite Bea`, B's page asks and B presses Join; both see
// the party frame (the other member with HP), state().party names both; party chat shows in B's log in
// its own colour; a click on B in the world opens A's menu; the player list offers Invite; B leaves.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ServerProcess } from '../../tools/server-process.ts';
import { gameState, joinGame } from '../support/browser.ts';
import { shots, twoBrowsers, type TwoBrowsers, say } from '../support/two-browsers.ts';

const partyNames = async (page: Page): Promise<string[]> => (await gameState(page)).party.map((m) => m.name);

describe('a party in two browsers', () => {
  let two: TwoBrowsers;
  let server: ServerProcess;
  let pageA: Page;
  let pageB: Page;

  beforeAll(async () => {
    // One world, so both pages meet in it (the default realm spreads new players over its shards).
    two = await twoBrowsers({ MAP: 'assets/maps/world.tmj' });
    ({ server, pageA, pageB } = two);
  });

  afterAll(() => two?.stop());

  it('forms by /invite and Join; both see the party frame; party chat; B leaves', async () => {
    await joinGame(pageA, server.url, 'Ari');
    await joinGame(pageB, server.url, 'Bea');
    expect((await gameState(pageA)).party).toEqual([]);
    await expect(pageA.getByTestId('party-frame').isVisible()).resolves.toBe(false);

    await say(pageA, '/invite Bea');
    const join = pageB.locator('.party-invite[data-from="Ari"] .party-invite-join');
    await join.waitFor({ timeout: 10_000 });
    await expect(pageB.locator('.party-invite').innerText()).resolves.toContain(
      'Ari invites you to their party.',
    );
    await pageB.screenshot({ path: path.join(shots, 'e2e-party-invite.png') });
    await join.tap();

    for (const page of [pageA, pageB])
      await page.waitForFunction(() => window.__emberquest!.state().party.length === 2, null, {
        timeout: 10_000,
      });
    expect(await partyNames(pageA)).toEqual(['Ari', 'Bea']);
    expect(await partyNames(pageB)).toEqual(['Ari', 'Bea']);
    const frameA = pageA.getByTestId('party-frame');
    await frameA.waitFor({ state: 'visible' });
    // The frame lists the other member, not us: its name, level and HP from the server.
    const rowA = frameA.locator('li[data-member="Bea"]');
    await expect(rowA.innerText()).resolves.toMatch(/Bea[\s\S]*Lv 1[\s\S]*\d+ \/ \d+/);
    await expect(frameA.locator('li').count()).resolves.toBe(1);
    const frameB = pageB.getByTestId('party-frame');
    await frameB.waitFor({ state: 'visible' });
    await expect(frameB.locator('li[data-member="Ari"]').innerText()).resolves.toContain('★ Ari');
    await expect(pageB.locator('.party-invite').count()).resolves.toBe(0);

    await say(pageA, '/p meet me by the well');
    const line = pageB.locator('.chat-line.party', { hasText: 'meet me by the well' });
    await line.waitFor({ timeout: 10_000 });
    await expect(line.innerText()).resolves.toContain('[Party] Ari: meet me by the well');
    // Said to the party only: not as a bubble or a line nearby.
    await expect(pageB.locator('.chat-line.chat', { hasText: 'meet me by the well' }).count()).resolves.toBe(
      0,
    );
    await frameA.screenshot({ path: path.join(shots, 'e2e-party-frame.png') });
    await pageB.screenshot({ path: path.join(shots, 'e2e-party-b-phone.png') });
    await pageA.getByTestId('minimap').screenshot({ path: path.join(shots, 'e2e-party-minimap.png') });
    await pageA.screenshot({ path: path.join(shots, 'e2e-party-a.png') });

    // The player list: this world's players with their level, an Invite for the other one.
    await pageA.getByTestId('online-button').click();
    const list = pageA.getByTestId('player-list');
    await list.locator('li[data-player="Bea"]').waitFor({ timeout: 10_000 });
    await expect(list.locator('li[data-player="Bea"] .player-invite').count()).resolves.toBe(1);
    await expect(list.locator('li[data-player="Ari"] .player-invite').count()).resolves.toBe(0);
    await expect(list.locator('.player-list-summary').innerText()).resolves.toBe(
      '2 in this world · 2 in the realm',
    );
    await pageA.screenshot({ path: path.join(shots, 'e2e-player-list.png') });
    await pageA.keyboard.press('Escape');

    // A click on B in the world opens the menu: Invite to party, Whisper.
    const b = (await gameState(pageB)).playerId;
    await pageA.waitForFunction((id) => window.__emberquest!.spriteBox(id) !== null, b);
    const box = (await pageA.evaluate((id) => window.__emberquest!.spriteBox(id), b))!;
    await pageA.mouse.click((box.left + box.right) / 2, (box.top + box.bottom) / 2);
    const menu = pageA.locator('#player-menu');
    await menu.waitFor({ state: 'visible', timeout: 5000 });
    await expect(menu.innerText()).resolves.toMatch(/Bea[\s\S]*Invite to party[\s\S]*Whisper/);
    await pageA.screenshot({ path: path.join(shots, 'e2e-player-menu.png') });
    await menu.locator('.player-menu-whisper').click();
    await expect(pageA.getByTestId('chat-input').inputValue()).resolves.toBe('/w Bea ');
    await pageA.keyboard.press('Escape');

    await pageB.locator('#party-frame .party-leave').tap();
    for (const page of [pageA, pageB])
      await page.waitForFunction(() => window.__emberquest!.state().party.length === 0, null, {
        timeout: 10_000,
      });
    await frameA.waitFor({ state: 'hidden' });
    await frameB.waitFor({ state: 'hidden' });
  }, 120_000);
});
