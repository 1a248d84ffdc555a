// The project's own design rules for its world map (and the interiors it leads into, maps of their own),
// read the way the game reads them: every NPC placed, one wyrm, everything reachable from the spawn, a
// checkpoint and a tune per zone. These are not what a
// modder's map must pass (that is `npm run check-content`, the server's own checks): a modded world may
// drop an NPC or a zone, and a map re-saved by an older Tiled is just as valid.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TileRect } from '../../shared/content/world-map.ts';
import { interiors, lair, mines } from './interiors-fixture.ts';
import { islePlacements } from './isle-fixture.ts';
import { data, inside, placements, reachableFrom, reachChecks, tiled, world } from './world-fixture.ts';

const { grid } = world;

const TRACKS = ['village', 'forest', 'coast', 'graveyard', 'caves', 'desert', 'volcano', 'lair'];

/** Flood fill from the spawn over walkable tiles; stepping on a door continues at its destination. */
function reachable(): Uint8Array {
  const spawn = world.spawns[0]!.area;
  return reachableFrom(spawn.x, spawn.y);
}

const seen = reachable();
const { areaReached, besideReached } = reachChecks(seen, grid.width);

describe('world.tmj', () => {
  it('is, with its interiors, at least as big as BrowserQuest’s map, with embedded, extruded tilesets', () => {
    expect(tiled).toMatchObject({ orientation: 'orthogonal', infinite: false });
    // BrowserQuest's one map was 172 x 314 tiles, its interiors carved into it as ours once were.
    expect(world.height).toBeGreaterThanOrEqual(314);
    const area = [world, ...interiors.map((i) => i.map)].reduce((n, m) => n + m.width * m.height, 0);
    expect(area).toBeGreaterThanOrEqual(172 * 314);
    for (const ts of [tiled, ...interiors.map((i) => i.tiled)].flatMap((t) => t.tilesets)) {
      expect(ts.source).toBeUndefined();
      expect(ts).toMatchObject({ margin: 1, spacing: 2, tilewidth: 16 });
      expect(existsSync(`assets/maps/${ts.image}`)).toBe(true);
    }
  });

  it('names only mobs, NPCs and items that exist (parsePlacements passed), every NPC in npcs.json (with the isle’s and the houses’) and one wyrm', () => {
    // Every NPC stands somewhere in the realm: the world, a house, or Ember Isle (the hermit).
    const all = [placements, islePlacements, ...interiors.map((i) => i.placements)];
    const kinds = all.flatMap((p) => p.npcs).map((n) => n.kind);
    expect(new Set(kinds)).toEqual(new Set(data.npcs.keys()));
    const wyrms = all.flatMap((p) => p.mobAreas).filter((m) => m.kind === 'ember_wyrm');
    expect(lair.placements.mobAreas.map((m) => m.kind)).toEqual(['ember_wyrm']);
    expect(wyrms).toHaveLength(1);
    expect(wyrms[0]!.count).toBe(1);
    expect(placements.areas.map((a) => a.name)).toEqual(
      expect.arrayContaining(['east_bank', 'secret_garden']),
    );
  });

  it('gets harder the further north: each zone’s mobs are the ones its story promises', () => {
    const kindsIn = (y0: number, y1: number, x0 = 0, x1 = 150): Set<string> =>
      new Set(
        placements.mobAreas
          .filter((m) => m.area.y >= y0 && m.area.y < y1 && m.area.x >= x0 && m.area.x < x1)
          .map((m) => m.kind),
      );
    expect([...kindsIn(246, 320, 0, 112)].every((k) => ['rat', 'slime', 'crab'].includes(k))).toBe(true);
    expect(kindsIn(0, 54)).toEqual(new Set(['fire_imp']));
    expect(kindsIn(54, 116)).toEqual(new Set(['scorpion']));
    expect(new Set(mines.placements.mobAreas.map((m) => m.kind))).toEqual(new Set(['bat', 'golem']));
  });

  it('has a checkpoint, a music area and at least one mob area in every zone', () => {
    const music = placements.music;
    const everywhere = [...music, ...interiors.flatMap((i) => i.placements.music)];
    for (const m of everywhere) expect(TRACKS).toContain(m.track);
    expect(new Set(everywhere.map((m) => m.track))).toEqual(new Set(TRACKS));
    // The mines and the lair each have theirs (tools/map/interiors.test.ts), the houses the village's.
    for (const m of music) {
      const cx = (r: TileRect): [number, number] => [
        r.x + Math.floor(r.width / 2),
        r.y + Math.floor(r.height / 2),
      ];
      const has = placements.checkpoints.some((c) => inside(m.area, ...cx(c)));
      expect(has, `checkpoint in the ${m.track} music area`).toBe(true);
    }
  });

  it('lets a player reach every checkpoint, NPC, chest, mob area and portal from the spawn', () => {
    const missing: string[] = [];
    placements.checkpoints.forEach((c, i) => areaReached(c) || missing.push(`checkpoint #${i}`));
    for (const n of placements.npcs)
      if (!besideReached(n.x, n.y)) missing.push(`npc ${n.objectId} ${n.kind}`);
    for (const c of placements.chests) {
      const ok = c.guardedBy ? areaReached(c.guardedBy) : besideReached(c.x, c.y);
      if (!ok) missing.push(`chest ${c.objectId} ${c.name}`);
    }
    for (const a of placements.mobAreas)
      if (!areaReached(a.area)) missing.push(`mobs ${a.objectId} ${a.name}`);
    for (const d of placements.doors) if (!areaReached(d.area)) missing.push(`door ${d.objectId} ${d.name}`);
    for (const p of placements.portals)
      if (!areaReached(p.area)) missing.push(`portal ${p.objectId} ${p.name}`);
    for (const a of placements.areas) if (!areaReached(a.area)) missing.push(`area ${a.name}`);
    expect(missing).toEqual([]);
  });

  it('animates water and lava with Tiled tile animations, and lava collides', () => {
    const ts = tiled.tilesets[0]!;
    const named = (name: string) =>
      ts.tiles!.find((t) => t.properties?.some((p) => p.name === 'name' && p.value === name))!;
    for (const name of ['water_0', 'water_nw_ne', 'lava_0', 'lava_sw_se']) {
      const t = named(name);
      expect(t.animation?.length, name).toBeGreaterThanOrEqual(3);
      expect(t.animation![0]!.tileid).toBe(t.id);
    }
    expect(named('lava_0').properties).toContainEqual({ name: 'collides', type: 'bool', value: true });
  });
});
