// A party across two shards of the default realm, in Chromium: A (Emberfall I) invites B (Emberfall II)
// from the player list's "In other worlds"; B joins; each page's party frame names the other's world;
// party chat crosses from one shard to the other.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ServerProcess } from '../../tools/server-process.ts';
import { gameState, joinGame } from '../support/browser.ts';
import { shots, twoBrowsers, type TwoBrowsers, say } from '../support/two-browsers.ts';

describe('a party across two shards in two browsers', () => {
  let two: TwoBrowsers;
  let server: ServerProcess;
  let pageA: Page;
  let pageB: Page;

  beforeAll(async () => {
    two = await twoBrowsers({}, { width: 1024, height: 640 });
    ({ server, pageA, pageB } = two);
  });

  afterAll(() => two?.stop());

  it('invited from the player list, joined, shown in the other world, chatting across', async () => {
    await joinGame(pageA, server.url, 'Ari', 'emberfall-1');
    await joinGame(pageB, server.url, 'Bea', 'emberfall-2');
    expect((await gameState(pageB)).world).toBe('emberfall-2');

    await pageA.getByTestId('online-button').click();
    const list = pageA.getByTestId('player-list');
    const bea = list.locator('li[data-player="Bea"]');
    await bea.waitFor({ timeout: 10_000 });
    await expect(list.locator('.player-list-heading').innerText()).resolves.toBe('In other worlds');
    await expect(bea.innerText()).resolves.toMatch(/Bea[\s\S]*Emberfall II[\s\S]*Lv 1/);
    await expect(list.locator('.player-list-summary').innerText()).resolves.toBe(
      '1 in this world · 2 in the realm',
    );
    await pageA.screenshot({ path: path.join(shots, 'e2e-player-list-realm.png') });
    await bea.locator('.player-invite').click();

    const join = pageB.locator('.party-invite[data-from="Ari"] .party-invite-join');
    await join.waitFor({ timeout: 10_000 });
    await join.click();
    for (const page of [pageA, pageB])
      await page.waitForFunction(() => window.__emberquest!.state().party.length === 2, null, {
        timeout: 10_000,
      });
    expect((await gameState(pageA)).party.map((m) => [m.name, m.world])).toEqual([
      ['Ari', 'emberfall-1'],
      ['Bea', 'emberfall-2'],
    ]);
    const frameA = pageA.getByTestId('party-frame');
    await expect(frameA.locator('li[data-member="Bea"] .party-where').innerText()).resolves.toBe(
      'in Emberfall II',
    );
    const frameB = pageB.getByTestId('party-frame');
    await expect(frameB.locator('li[data-member="Ari"] .party-where').innerText()).resolves.toBe(
      'in Emberfall I',
    );

    await say(pageB, '/p hello from the second shard');
    const line = pageA.locator('.chat-line.party', { hasText: 'hello from the second shard' });
    await line.waitFor({ timeout: 10_000 });
    await frameA.screenshot({ path: path.join(shots, 'e2e-party-frame-realm.png') });
    await pageA.screenshot({ path: path.join(shots, 'e2e-party-realm-a.png') });
  }, 120_000);
});
