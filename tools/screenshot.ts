// `npm run screenshot`: starts the real server, lets a few bots stroll the village square, joins in
// headless Chromium and saves docs/screenshots/village.png, the picture at the top of the README.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { BotClient } from './bots/bot-client.ts';
import { repoRoot, startServerProcess } from './server-process.ts';
import { joinGame, launchBrowser } from '../tests/support/browser.ts';

const out = path.join(repoRoot, 'docs/screenshots/village.png');
const server = await startServerProcess({ SEED: '3' });
const browser = await launchBrowser();
const bots: BotClient[] = [];
try {
  for (const name of ['Wren', 'Tobin', 'Hedda']) {
    const bot = await BotClient.connect({ url: server.wsUrl, name });
    await bot.waitForWelcome();
    bots.push(bot);
  }
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  // The bots' shard, picked as a friend joining them would (named, so the picture does not depend on the picker's default).
  await joinGame(page, server.url, 'Ember', bots[0]!.view.world);
  const me = await page.evaluate(() => window.__emberquest!.state().tile!);
  // Spread the bots around the player so the picture shows company.
  const spots = [
    [me.x - 4, me.y - 1],
    [me.x + 3, me.y + 2],
    [me.x + 5, me.y - 2],
  ] as const;
  bots.forEach((bot, i) => bot.walkTo(spots[i]![0], spots[i]![1]));
  await page.waitForTimeout(2500);
  const point = await page.evaluate((t) => window.__emberquest!.tileToClient(t.x - 1, t.y + 2), me);
  await page.mouse.click(point.x, point.y);
  await page.waitForTimeout(250);
  mkdirSync(path.dirname(out), { recursive: true });
  await page.screenshot({ path: out });
  console.log(`Saved ${path.relative(repoRoot, out)}`);
} finally {
  await Promise.all(bots.map((b) => b.close()));
  await browser.close();
  await server.stop();
}
