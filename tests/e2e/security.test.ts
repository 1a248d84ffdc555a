// The page lives within its own security policy (server/http.ts): in Chromium against the real server,
// playing breaks no rule of the Content-Security-Policy, and a page from another origin gets no socket.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startServerProcess, type ServerProcess } from '../../tools/server-process.ts';
import { CHROMIUM, haveChromium, joinGame, launchBrowser } from '../support/browser.ts';

let server: ServerProcess;
let browser: Browser;

beforeAll(async () => {
  if (!haveChromium())
    throw new Error(`No Chromium at ${CHROMIUM}: run \`apt-get install chromium\` or set CHROMIUM_PATH.`);
  server = await startServerProcess();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the security policy', () => {
  it('the game loads, joins and draws with no policy violation', async () => {
    const page = await browser.newPage();
    const violations: string[] = [];
    await page.exposeFunction('reportViolation', (text: string) => void violations.push(text));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        const report = (window as unknown as { reportViolation(t: string): void }).reportViolation;
        report(`${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    const joined = await joinGame(page, server.url, 'Policed');
    expect(joined.connected).toBe(true);
    await page.waitForTimeout(1500); // music, sprites and sounds load after the join
    expect(violations).toEqual([]);
    await page.close();
  });

  it('a page from another origin cannot open a game socket', async () => {
    const page = await browser.newPage();
    // A page of its own on another origin (data: URLs have the opaque origin "null").
    await page.goto('data:text/html,<title>elsewhere</title>');
    const wsUrl = `${server.url.replace(/^http/, 'ws')}ws`;
    const outcome = await page.evaluate(
      (url) =>
        new Promise<string>((resolve) => {
          const socket = new WebSocket(url);
          socket.onopen = () => resolve('open');
          socket.onerror = () => resolve('refused');
        }),
      wsUrl,
    );
    expect(outcome).toBe('refused');
    await page.close();
  });
});
