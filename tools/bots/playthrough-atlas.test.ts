// The playthrough bot's atlas of the realm: every map of assets/realm.json on one plane, apart; each portal
// a link onto open ground inside the map it names (where that map's destination is); object ids unique on
// the plane; each interior's zone (its music area) where its map lies.
import { describe, expect, it } from 'vitest';
import { isWalkable } from '../../shared/rules/grid.ts';
import { repoRoot } from '../server-process.ts';
import { linkTarget, loadAtlas } from './playthrough-atlas.ts';

const { content, maps } = loadAtlas(repoRoot);
const mapAt = (t: { x: number; y: number }) =>
  maps.find((m) => t.x >= m.origin.x && t.x < m.origin.x + m.width && t.y < m.height);

describe('the atlas', () => {
  it('lays every map of the realm side by side, the start map first, none touching another', () => {
    expect(maps[0]!.path).toBe('maps/world.tmj');
    expect(maps.map((m) => m.path)).toEqual(
      expect.arrayContaining(['maps/isle.tmj', 'maps/mines.tmj', 'maps/lair.tmj', 'maps/inn.tmj']),
    );
    for (let i = 1; i < maps.length; i++)
      expect(maps[i]!.origin.x).toBeGreaterThan(maps[i - 1]!.origin.x + maps[i - 1]!.width);
  });

  it('links every portal onto open ground of the map it names, at that map’s destination', () => {
    expect(content.placements.portals.length).toBeGreaterThanOrEqual(14);
    for (const p of content.placements.portals) {
      const to = linkTarget(content, { x: p.area.x, y: p.area.y });
      expect(to, p.name).not.toBeNull();
      expect(isWalkable(content.map.grid, to!.x, to!.y), p.name).toBe(true);
      expect(mapAt(to!)?.path, p.name).toBe(p.map);
      const dest = content.map.objects.find((o) => o.name === p.to && mapAt(o.area)?.path === p.map)!;
      expect([dest.area.x, dest.area.y], p.name).toEqual([to!.x, to!.y]);
    }
  });

  it('keeps object ids unique on the plane, and puts each interior’s zone on its map', () => {
    const ids = content.map.objects.map((o) => o.id);
    expect(new Set(ids).size).toBe(ids.length);
    const zone = (name: string) => content.zones.find((z) => z.name === name)!;
    expect(mapAt(zone('caves').area)?.path).toBe('maps/mines.tmj');
    expect(mapAt(zone('lair').area)?.path).toBe('maps/lair.tmj');
  });
});
