// Walks a browser player far across the map as a player would: clicks the farthest tile of the path that
// is on screen (clear of the HUD corners), waits to get there, repeats. Fewer, longer clicks than
// walkNear, so a trip of a hundred tiles takes seconds of walking, not minutes of hops.
import type { Page } from 'playwright-core';
import type { WorldMap } from '../../shared/content/world-map.ts';
import { findPath } from '../../shared/rules/path.ts';
import { gameState } from './browser.ts';

/**
 * Resolves once within `near` tiles of the target, or when the player dies on the way (returns false).
 * A click never ends on a door or a portal (the server takes a player who stops on one through it), unless
 * it is the target.
 */
export async function travel(
  page: Page,
  map: WorldMap,
  target: { x: number; y: number },
  near = 3,
  timeoutMs = 120_000,
): Promise<boolean> {
  const { grid } = map;
  const doors = map.objects.filter((o) => o.kind === 'door' || o.kind === 'portal').map((o) => o.area);
  const onDoor = (t: { x: number; y: number }): boolean =>
    (t.x !== target.x || t.y !== target.y) &&
    doors.some((d) => t.x >= d.x && t.y >= d.y && t.x < d.x + d.width && t.y < d.y + d.height);
  const deadline = Date.now() + timeoutMs;
  const view = page.viewportSize()!;
  while (Date.now() < deadline) {
    const s = await gameState(page);
    if (s.dead) return false;
    const at = s.tile!;
    if (Math.abs(at.x - target.x) + Math.abs(at.y - target.y) <= near) return true;
    const path = findPath(grid, at, target, { nodeBudget: 40_000, maxSteps: 600 });
    if (!path.length) throw new Error(`no path from ${at.x},${at.y} to ${target.x},${target.y}`);
    // Page points of the path ahead, and whether a click there reaches the game (not a card or button).
    const points = await page.evaluate(
      (tiles) =>
        tiles.map((t) => {
          const p = window.__emberquest!.tileToClient(t.x, t.y);
          const onGame = document.elementFromPoint(p.x, p.y) === document.querySelector('#game canvas');
          return { ...p, onGame };
        }),
      path.slice(0, 30),
    );
    let pick = Math.min(1, path.length - 1);
    for (let i = 0; i < points.length; i++) {
      const p = points[i]!;
      const clear = p.onGame && p.x > 40 && p.x < view.width - 40 && p.y > 24 && p.y < view.height - 70;
      if (clear && !onDoor(path[i]!)) pick = i;
    }
    const hop = path[pick]!;
    await page.mouse.click(points[pick]!.x, points[pick]!.y);
    await page
      .waitForFunction(
        (t) => {
          const st = window.__emberquest!.state();
          return st.dead || (st.tile?.x === t.x && st.tile?.y === t.y);
        },
        hop,
        { timeout: 6000 },
      )
      .catch(() => {});
  }
  throw new Error(`did not get near ${target.x},${target.y} in ${timeoutMs} ms`);
}
