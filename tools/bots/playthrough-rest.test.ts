// Resting out of harm's way on the real world map: a tile inside the ash fields is not safe, and the
// nearest safe tile is out of every aggressive mob area's reach; the village square is safe as it is.
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../server-process.ts';
import { RestSpots, Resting } from './playthrough-rest.ts';
import { loadAtlas } from './playthrough-atlas.ts';
import { roadStops } from './playthrough-route.ts';

/** The realm's maps on one plane, as the bot plans on them. */
const { content } = loadAtlas(repoRoot);
const spots = new RestSpots(content);

describe('where the bot rests', () => {
  const ash = content.placements.mobAreas.find((a) => a.kind === 'fire_imp' && a.area.width >= 60)!;
  const middle = { x: ash.area.x + (ash.area.width >> 1), y: ash.area.y + (ash.area.height >> 1) };

  it('walks out of a mob area that picks fights before resting, and rests in the village where it is', () => {
    expect(spots.safe(middle)).toBe(false);
    const out = spots.nearest(middle);
    expect(out).not.toBeNull();
    for (const a of content.placements.mobAreas) {
      const reach = content.data.mobs.get(a.kind)!.aggroRadius;
      if (reach === 0) continue;
      const dx = Math.max(a.area.x - out!.x, 0, out!.x - (a.area.x + a.area.width - 1));
      const dy = Math.max(a.area.y - out!.y, 0, out!.y - (a.area.y + a.area.height - 1));
      expect(Math.max(dx, dy), `${a.kind} at ${JSON.stringify(a.area)}`).toBeGreaterThan(reach);
    }
    const square = roadStops(content)[0]!.tile;
    expect(spots.nearest(square)).toEqual(square);
  });

  it('a rest walks there first, then stands until healed', () => {
    const rest = new Resting(spots);
    rest.begin(0);
    const hurt = { hp: 50, maxHp: 300 };
    const first = rest.next(middle, hurt, 0);
    expect(first).not.toBe('rest');
    expect(typeof first === 'object' && spots.safe(first)).toBe(true);
    if (typeof first === 'object') expect(rest.next(first, hurt, 1000)).toBe('rest');
    expect(rest.next(middle, { hp: 300, maxHp: 300 }, 2000)).toBe('done');
  });
});
