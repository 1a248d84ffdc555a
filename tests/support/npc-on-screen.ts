// Walking so an NPC is drawn at a chosen place on the page (its name under the online count, its sprite
// in the camera's top row), for the layout tests: the player walks the other way to move the NPC on
// screen. Measures and corrects, as the camera may stop at an area's edge.
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { PageBox } from '../../client/test-api.ts';
import { isWalkable } from '../../shared/rules/grid.ts';
import { gameState, walkNear } from './browser.ts';
import type { Places } from './places.ts';
import { travel } from './travel.ts';

/** What is measured of the NPC each try: its sprite, its name's box left where it is, one tile's size. */
export interface NpcLook {
  sprite: PageBox;
  /** Where the name is drawn when nothing moves it aside: centred over the sprite, sitting on its head. */
  natural: PageBox;
  tilePx: number;
  online: PageBox;
}

/**
 * Walks until `aim` is happy with where the NPC of `kind` is drawn (it returns null), moving the NPC on
 * the page by about the page pixels it returns otherwise; gives the NPC's id.
 */
export async function standWithNpc(
  page: Page,
  places: Places,
  kind: string,
  aim: (look: NpcLook) => { dx: number; dy: number } | null,
): Promise<number> {
  const npcTile = places.npc(kind);
  expect(await travel(page, places.map, npcTile, 3)).toBe(true);
  for (let attempt = 0; attempt < 4; attempt++) {
    await page.waitForTimeout(800); // the camera settles
    const s = await gameState(page);
    const npc = s.entities.find((e) => e.type === 'npc' && e.kind === kind);
    const seen = await page.evaluate(
      ({ id, tile }) => {
        const api = window.__emberquest!;
        const a = api.tileToClient(tile.x, tile.y);
        const b = api.tileToClient(tile.x + 1, tile.y);
        return {
          tilePx: b.x - a.x,
          sprite: id === null ? null : api.spriteBox(id),
          label: api.labels().find((l) => l.id === id) ?? null,
          online: document.getElementById('btn-online')!.getBoundingClientRect().toJSON() as DOMRect,
        };
      },
      { id: npc?.id ?? null, tile: npcTile },
    );
    const { label, sprite, tilePx } = seen;
    if (!label || !sprite) throw new Error(`the ${kind} or its name is not drawn`);
    const width = label.right - label.left;
    const height = label.bottom - label.top;
    const centre = (sprite.left + sprite.right) / 2;
    const natural = {
      left: centre - width / 2,
      right: centre + width / 2,
      top: sprite.top - height,
      bottom: sprite.top,
    };
    const move = aim({ sprite, natural, tilePx, online: seen.online });
    if (!move) return npc!.id;
    const me = s.tile!;
    const goal = { x: me.x - Math.round(move.dx / tilePx), y: me.y - Math.round(move.dy / tilePx) };
    const spot = [0, -1, 1, -2, 2, -3, 3]
      .map((dx) => ({ x: goal.x + dx, y: goal.y }))
      .find((t) => isWalkable(places.map.grid, t.x, t.y));
    if (!spot) throw new Error(`nowhere to stand on row ${goal.y} near ${goal.x}`);
    await walkNear(page, places.map.grid, spot, 0, 60_000);
  }
  throw new Error(`could not stand where the ${kind} is drawn as wanted`);
}

export function overlap(a: PageBox, b: PageBox): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/** The NPC with its name, left where it is, over the online count. */
export function nameUnderOnline({ natural, online }: NpcLook): { dx: number; dy: number } | null {
  if (overlap(natural, online)) return null;
  return {
    dx: (online.left + online.right) / 2 - (natural.left + natural.right) / 2,
    dy: (online.top + online.bottom) / 2 - (natural.top + natural.bottom) / 2,
  };
}

/**
 * The NPC in the camera's top row, at the page's centre `middle`: some of its sprite shown, its name, left
 * where it is, cut by the page's top edge (whole rows only, so the row is the one whose sprite top falls
 * between half a tile over the edge and the name's height under it).
 */
export function inTopRow(middle: number) {
  return ({ natural, sprite, tilePx }: NpcLook): { dx: number; dy: number } | null => {
    const height = natural.bottom - natural.top;
    const dx =
      Math.abs(middle - (sprite.left + sprite.right) / 2) > tilePx
        ? middle - (sprite.left + sprite.right) / 2
        : 0;
    if (natural.top < -1 && sprite.bottom > 4 && dx === 0) return null;
    // Up by whole rows until the sprite's top is under the name's height from the edge.
    const rows = Math.floor((sprite.top - (height - 2)) / tilePx) + 1;
    return { dx, dy: -rows * tilePx };
  };
}
