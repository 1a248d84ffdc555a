// One visit of the game page in real Chromium, counted the way a player's network sees it: every request
// the page makes (CDP Network events), the bytes that came over the wire for each (encodedDataLength:
// headers and the body as sent, compressed or not), which came from the browser's cache, and when the
// page reached two moments:
//   title ready    the title screen is shown with its Play (or Continue) button: navigation → here;
//   controllable   after Play is pressed, the server's welcome is in and the own character stands on a
//                  tile, so a click or a key walks it: Play → here.
// Used by the load bench (load-bench.ts, `npm run bench:load`) and by the budget test
// (tests/e2e/first-load.test.ts), which asserts requests and bytes, never seconds.
import type { BrowserContext, CDPSession } from 'playwright-core';

export interface Fetch {
  url: string;
  status: number;
  /** Bytes over the wire (0 for the memory or disk cache). */
  bytes: number;
  fromCache: boolean;
  encoding: string;
  /** When the request was sent, ms after the visit began. */
  startMs: number;
}

export interface Visit {
  /** Navigation → title screen ready, ms (the page's own clock, from its navigation start). */
  titleReadyMs: number;
  /** Play pressed → the player can walk, ms. */
  playToControllableMs: number;
  /**
   * Navigation → controllable for a player who presses Play the moment the title is ready: title ready
   * plus Play → controllable. (The page's own clock from navigation to controllable also counts the
   * bench's typing and Playwright's waits for a busy page, seconds on a loaded machine.)
   */
  navToControllableMs: number;
  /** When the player could walk, ms after the visit began (the clock of Fetch.startMs). */
  controllableAtMs: number;
  /** What was fetched before the player could walk. */
  beforeControllable: Totals;
  /** Everything fetched until `settleMs` after that (music that follows, etc.). */
  all: Totals;
  fetches: Fetch[];
}

export interface Totals {
  /** Requests that went to the server (a 304 counts: it is a round trip). */
  requests: number;
  /** Requests answered by the browser's cache without asking the server. */
  cached: number;
  bytes: number;
}

function totals(list: Fetch[]): Totals {
  const network = list.filter((f) => !f.fromCache);
  return {
    requests: network.length,
    cached: list.length - network.length,
    bytes: network.reduce((sum, f) => sum + f.bytes, 0),
  };
}

/** Records every http(s) request of a page through CDP; WebSocket frames are not counted. */
async function watchNetwork(cdp: CDPSession, began: number): Promise<Map<string, Fetch>> {
  const fetches = new Map<string, Fetch>();
  await cdp.send('Network.enable');
  cdp.on('Network.requestWillBeSent', (e) => {
    if (!/^https?:/.test(e.request.url)) return;
    fetches.set(e.requestId, {
      url: e.request.url,
      status: 0,
      bytes: 0,
      fromCache: false,
      encoding: '',
      startMs: Date.now() - began,
    });
  });
  cdp.on('Network.requestServedFromCache', (e) => {
    const f = fetches.get(e.requestId);
    if (f) f.fromCache = true;
  });
  cdp.on('Network.responseReceived', (e) => {
    const f = fetches.get(e.requestId);
    if (!f) return;
    f.status = e.response.status;
    if (e.response.fromDiskCache || e.response.fromPrefetchCache) f.fromCache = true;
    const headers = Object.fromEntries(
      Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), String(v)]),
    );
    f.encoding = headers['content-encoding'] ?? '';
  });
  cdp.on('Network.loadingFinished', (e) => {
    const f = fetches.get(e.requestId);
    if (f && !f.fromCache) f.bytes = e.encodedDataLength;
  });
  return fetches;
}

export interface VisitOptions {
  /** The name to play under on a first visit (a saved character continues instead). */
  name: string;
  /** How long to keep counting after the player can walk (what loads afterwards). */
  settleMs?: number;
  timeoutMs?: number;
}

/** Opens the game in `context` (a fresh context is a first visit; the same one again, a second). */
export async function visit(context: BrowserContext, url: string, options: VisitOptions): Promise<Visit> {
  const { name, settleMs = 2000, timeoutMs = 30_000 } = options;
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    const began = Date.now();
    const fetches = await watchNetwork(cdp, began);
    await page.goto(url, { waitUntil: 'commit' });
    // The title screen: its form (first visit) or its Continue button (a saved character) is shown.
    const titleReadyMs = await page
      .waitForFunction(
        () => {
          const title = document.getElementById('title');
          if (!title || title.hidden) return false;
          const shown = [...title.querySelectorAll<HTMLElement>('form, .title-continue')].some(
            (el) => !el.hidden,
          );
          return shown ? performance.now() : false;
        },
        null,
        { timeout: timeoutMs, polling: 10 },
      )
      .then((h) => h.jsonValue() as Promise<number>);
    const resume = page.getByTestId('continue-button');
    if (!(await resume.isVisible())) await page.getByTestId('name-input').fill(name);
    // The press is timed in the page, when its click arrives: not from before Playwright's own
    // checks that the button is ready, which wait for a busy page's frames.
    await page.evaluate(() => {
      const w = window as unknown as { pressedAt?: number };
      document.addEventListener('click', () => (w.pressedAt ??= performance.now()), { capture: true });
    });
    await ((await resume.isVisible()) ? resume : page.getByTestId('play-button')).click();
    const controllableAt = await page
      .waitForFunction(
        () => {
          const s = window.__emberquest?.state();
          return s?.connected && s.tile ? performance.now() : false;
        },
        null,
        { timeout: timeoutMs, polling: 10 },
      )
      .then((h) => h.jsonValue() as Promise<number>);
    const controllableWall = Date.now() - began;
    const pressedAt = await page.evaluate(() => (window as unknown as { pressedAt: number }).pressedAt);
    await page.waitForTimeout(settleMs);
    const list = [...fetches.values()];
    return {
      titleReadyMs: Math.round(titleReadyMs),
      playToControllableMs: Math.round(controllableAt - pressedAt),
      navToControllableMs: Math.round(titleReadyMs + controllableAt - pressedAt),
      controllableAtMs: controllableWall,
      beforeControllable: totals(list.filter((f) => f.startMs <= controllableWall)),
      all: totals(list),
      fetches: list,
    };
  } finally {
    await page.close();
  }
}
