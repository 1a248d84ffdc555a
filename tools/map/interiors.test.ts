// The interiors as a player meets them, each a map of its own: the overworld's portals lead in and the
// interior's lead back out beside where the player went in; everything inside is reached from where
// players arrive; nobody respawns into a fight; each map is filled by its rooms (no great void round
// them); the realm plays each in one world every shard shares; and a character saved in the old strip
// of world.tmj lands on the same spot of its new map (server/realm/moved.ts).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRealm } from '../../shared/content/realm.ts';
import { arrivalTile } from '../../shared/content/realm-checks.ts';
import { checkRespawnSafety } from '../../shared/content/respawn-safety.ts';
import { isWalkable } from '../../shared/rules/grid.ts';
import { MOVED_PLACES } from '../../server/realm/moved.ts';
import { HOUSE_ROOMS } from './house-interiors.ts';
import { STRIP_ORIGIN } from './interiors.ts';
import { interiors, lair, mines, type LoadedInterior } from './interiors-fixture.ts';
import { WORLD_MAP } from './isle-objects.ts';
import { data, floodFrom, placements, reachChecks, world } from './world-fixture.ts';

const realm = parseRealm(JSON.parse(readFileSync('assets/realm.json', 'utf8')), 'assets/realm.json', 200);
const named = (m: LoadedInterior | { map: typeof world }, name: string) =>
  m.map.objects.find((o) => o.name === name);

describe('the interiors', () => {
  it('are each played by one world that every overworld shard shares, with a title for the picker', () => {
    for (const i of interiors) {
      const worlds = realm.worlds.filter((w) => w.map === i.path);
      expect(
        worlds.map((w) => w.shard),
        i.path,
      ).toEqual([null]);
      expect(worlds[0]!.title.length, i.path).toBeGreaterThan(3);
    }
  });

  it('are entered by overworld portals and left by portals back beside where the player went in', () => {
    const inward = placements.portals.filter((p) => interiors.some((i) => i.path === p.map));
    // The mine mouth, the outcrop, the wyrm's gate and three painted house doors.
    expect(inward).toHaveLength(6);
    for (const portal of inward) {
      const inside = interiors.find((i) => i.path === portal.map)!;
      const arrival = named(inside, portal.to);
      expect(arrival?.kind, `${portal.name} -> ${portal.to}`).toBe('destination');
      // From the arrival, some portal leads back to the overworld within a few tiles of this one.
      const a = arrivalTile(arrival!.area);
      const seen = floodFrom(inside.map, a.x, a.y);
      const { areaReached } = reachChecks(seen, inside.map.width);
      const ways = inside.placements.portals.filter((p) => p.map === WORLD_MAP && areaReached(p.area));
      const near = ways.filter((p) => {
        const out = arrivalTile(named({ map: world }, p.to)!.area);
        return Math.abs(out.x - portal.area.x) + Math.abs(out.y - portal.area.y) <= 4;
      });
      expect(near.map((p) => p.name).length, `${portal.name}: a way back out beside it`).toBeGreaterThan(0);
    }
  });

  it('lead the mines from the mountain valley through to the desert outcrop', () => {
    const outs = mines.placements.portals.map((p) => p.to).sort();
    expect(outs).toEqual(['mine_valley', 'outcrop_exit']);
    const entry = arrivalTile(named(mines, 'mine_entry')!.area);
    const { areaReached } = reachChecks(floodFrom(mines.map, entry.x, entry.y), mines.map.width);
    const north = mines.placements.portals.find((p) => p.to === 'outcrop_exit')!;
    expect(areaReached(north.area)).toBe(true);
  });

  it('let a player reach every checkpoint, NPC, chest, mob area and portal from where players arrive', () => {
    for (const i of interiors) {
      const missing: string[] = [];
      const seen = new Uint8Array(i.map.width * i.map.height);
      for (const d of i.map.objects.filter((o) => o.kind === 'destination')) {
        const a = arrivalTile(d.area);
        floodFrom(i.map, a.x, a.y).forEach((v, k) => (seen[k] ||= v));
      }
      const { areaReached, besideReached } = reachChecks(seen, i.map.width);
      const p = i.placements;
      p.checkpoints.forEach((c, k) => areaReached(c) || missing.push(`checkpoint #${k}`));
      for (const n of p.npcs) if (!besideReached(n.x, n.y)) missing.push(`npc ${n.kind}`);
      for (const c of p.chests)
        if (!(c.guardedBy ? areaReached(c.guardedBy) : besideReached(c.x, c.y)))
          missing.push(`chest ${c.name}`);
      for (const m of p.mobAreas) if (!areaReached(m.area)) missing.push(`mobs ${m.name}`);
      for (const o of p.portals) if (!areaReached(o.area)) missing.push(`portal ${o.name}`);
      for (const s of i.map.spawns) if (!areaReached(s.area)) missing.push(`spawn ${s.name}`);
      expect(missing, i.path).toEqual([]);
    }
  });

  it('respawn nobody into a fight, and give the mines and the lair a checkpoint of their own', () => {
    for (const i of interiors) expect(() => checkRespawnSafety(i.map, data, i.file)).not.toThrow();
    expect(mines.placements.checkpoints.length).toBeGreaterThan(0);
    expect(lair.placements.checkpoints.length).toBeGreaterThan(0);
  });

  it('are filled by their rooms: open floor within six tiles of every edge, one camera area round it all', () => {
    for (const i of interiors) {
      const { grid, width, height } = i.map;
      let [x0, y0, x1, y1] = [width, height, -1, -1];
      for (let y = 0; y < height; y++)
        for (let x = 0; x < width; x++)
          if (isWalkable(grid, x, y))
            [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
      expect(
        [x0, y0, width - 1 - x1, height - 1 - y1].every((gap) => gap <= 6),
        `${i.path}: ${[x0, y0, x1, y1]}`,
      ).toBe(true);
      expect(
        i.placements.bounds.map((b) => b.area),
        i.path,
      ).toEqual([{ x: 0, y: 0, width, height }]);
      expect(i.placements.music, i.path).toHaveLength(1);
    }
  });

  it('sit where the old strip had them: server/realm/moved.ts moves saved characters by the same origins', () => {
    const origins: Record<string, { x: number; y: number }> = {
      'maps/mines.tmj': STRIP_ORIGIN.mines,
      'maps/lair.tmj': STRIP_ORIGIN.lair,
      ...Object.fromEntries(HOUSE_ROOMS.map((r) => [r.map, r.stripOrigin])),
    };
    expect(new Set(MOVED_PLACES.map((p) => p.to))).toEqual(new Set(interiors.map((i) => i.path)));
    for (const place of MOVED_PLACES) {
      expect(place.origin, place.to).toEqual(origins[place.to]);
      // The whole new map fits inside its band of the strip, and the band lies east of today's world.
      const m = interiors.find((i) => i.path === place.to)!.map;
      const a = place.area;
      expect(place.origin.x >= a.x && place.origin.x + m.width <= a.x + a.width, place.to).toBe(true);
      expect(place.origin.y >= a.y && place.origin.y + m.height <= a.y + a.height, place.to).toBe(true);
      expect(a.x).toBeGreaterThanOrEqual(world.width);
    }
  });
});
