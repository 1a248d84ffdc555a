// Ember Isle as a player meets it: the ferry reached by the coast road and the pier, past nothing that
// bites; the isle's own landing, checkpoint and spawn out of every mob's reach; everything on it reachable
// from where the ferry lands; the road kept free of mobs; and the ferry back from everywhere. The realm's
// link checks (shared/content/realm-checks.ts) pass on the committed realm.json and maps.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkRealm, type LoadedMap } from '../../shared/content/realm-checks.ts';
import { parseRealm } from '../../shared/content/realm.ts';
import { checkRespawnSafety, mobReach, rectGap } from '../../shared/content/respawn-safety.ts';
import type { TileRect } from '../../shared/content/world-map.ts';
import { isWalkable } from '../../shared/rules/grid.ts';
import { findPath } from '../../shared/rules/path.ts';
import { ISLE_ROADS } from './isle-layout.ts';
import {
  ISLE_ARRIVAL,
  ISLE_MAP,
  ISLE_PORTAL,
  WORLD_ARRIVAL,
  WORLD_MAP,
  WORLD_PORTAL,
} from './isle-objects.ts';
import { interiors } from './interiors-fixture.ts';
import { isle, ISLE_FILE, islePlacements, isleTiled } from './isle-fixture.ts';
import { SIDE_ROADS } from './world-land.ts';
import {
  data,
  floodFrom,
  inside,
  placements,
  reachableFrom,
  reachChecks,
  tiled,
  world,
  WORLD_FILE,
} from './world-fixture.ts';

const realm = parseRealm(JSON.parse(readFileSync('assets/realm.json', 'utf8')), 'assets/realm.json', 200);
const tileOf = (r: TileRect): { x: number; y: number } => ({
  x: r.x + Math.floor(r.width / 2),
  y: r.y + Math.floor(r.height / 2),
});
const named = (objects: typeof world.objects, name: string) => objects.find((o) => o.name === name)!;
/** Aggressive mob areas within reach (aggroRadius + leash) of a rectangle, as lines naming them. */
function mobsNear(mobAreas: typeof placements.mobAreas, r: TileRect): string[] {
  return mobAreas.flatMap((m) => {
    const reach = mobReach(data.mobs.get(m.kind)!);
    const gap = rectGap(m.area, r);
    return reach > 0 && gap <= reach ? [`${m.name} (${m.kind}) ${gap} tile(s) away, reach ${reach}`] : [];
  });
}

describe('assets/realm.json and the ferry', () => {
  it('runs two shards of the overworld and one shared Ember Isle, starting on the overworld', () => {
    expect(realm.start).toBe(WORLD_MAP);
    // The interiors' worlds follow (tools/map/interiors.test.ts).
    expect(realm.worlds.slice(0, 3)).toEqual([
      { id: 'emberfall-1', title: 'Emberfall I', map: WORLD_MAP, shard: '1', maxPlayers: 200 },
      { id: 'emberfall-2', title: 'Emberfall II', map: WORLD_MAP, shard: '2', maxPlayers: 200 },
      { id: 'isle', title: 'Ember Isle', map: ISLE_MAP, shard: null, maxPlayers: 200 },
    ]);
  });

  it('links the overworld and the isle both ways, and the realm checks find nothing', () => {
    const there = placements.portals.find((p) => p.name === WORLD_PORTAL)!;
    const back = islePlacements.portals.find((p) => p.name === ISLE_PORTAL)!;
    expect([there.map, there.to, back.map, back.to]).toEqual([
      ISLE_MAP,
      ISLE_ARRIVAL,
      WORLD_MAP,
      WORLD_ARRIVAL,
    ]);
    const maps = new Map<string, LoadedMap>([
      [WORLD_MAP, { file: WORLD_FILE, map: world, placements }],
      [ISLE_MAP, { file: ISLE_FILE, map: isle, placements: islePlacements }],
      ...interiors.map((i) => [i.path, i] as const),
    ]);
    expect(checkRealm(realm, maps)).toEqual({ errors: [], warnings: [] });
  });

  it('is a small map on the world’s own tileset, with a camera area round all of it', () => {
    expect([isle.width, isle.height, isle.tileSize]).toEqual([64, 48, 16]);
    expect(isleTiled.tilesets.map((t) => t.image)).toEqual(tiled.tilesets.map((t) => t.image));
    expect(islePlacements.bounds.map((b) => [b.name, b.area])).toEqual([
      ['isle', { x: 0, y: 0, width: 64, height: 48 }],
    ]);
    expect(islePlacements.music.map((m) => m.track)).toEqual(['coast']);
  });

  it('puts the ferry at the end of the pier the coast road leads to, past no mob that starts a fight', () => {
    const ferry = placements.portals.find((p) => p.name === WORLD_PORTAL)!;
    const roadEnd = SIDE_ROADS.at(-1)!.points.at(-1)!;
    const path = findPath(world.grid, { x: roadEnd[0], y: roadEnd[1] }, ferry.area, {
      nodeBudget: 200_000,
      maxSteps: 2_000,
    });
    expect(inside(ferry.area, path.at(-1)!.x, path.at(-1)!.y)).toBe(true);
    const walk = [{ x: roadEnd[0], y: roadEnd[1] }, ...path];
    const near = walk.flatMap((t) => mobsNear(placements.mobAreas, { x: t.x, y: t.y, width: 1, height: 1 }));
    expect([...new Set(near)]).toEqual([]);
    // And the ferry is reached from the village spawn (doors included), so the curve's "side trip" holds.
    const spawn = world.spawns[0]!.area;
    expect(reachableFrom(spawn.x, spawn.y)[ferry.area.y * world.width + ferry.area.x]).toBe(1);
  });

  it('puts both ends of the ferry on a landing stage: two planks by three, every tile walkable', () => {
    for (const [map, portal] of [
      [world, placements.portals.find((p) => p.name === WORLD_PORTAL)!],
      [isle, islePlacements.portals.find((p) => p.name === ISLE_PORTAL)!],
    ] as const) {
      expect([portal.area.width, portal.area.height], portal.name).toEqual([2, 3]);
      for (let y = portal.area.y; y < portal.area.y + portal.area.height; y++)
        for (let x = portal.area.x; x < portal.area.x + portal.area.width; x++)
          expect(isWalkable(map.grid, x, y), `${portal.name} (${x}, ${y})`).toBe(true);
    }
  });

  it('lands arrivals on open ground off the ferry and out of every mob’s reach, on both maps', () => {
    for (const [map, mobAreas, name] of [
      [world, placements.mobAreas, WORLD_ARRIVAL],
      [isle, islePlacements.mobAreas, ISLE_ARRIVAL],
    ] as const) {
      const dest = named(map.objects, name);
      expect(dest.kind, name).toBe('destination');
      const t = tileOf(dest.area);
      expect(isWalkable(map.grid, t.x, t.y), name).toBe(true);
      expect(mobsNear(mobAreas, { ...t, width: 1, height: 1 }), name).toEqual([]);
    }
  });
});

describe('Ember Isle', () => {
  const landing = tileOf(named(isle.objects, ISLE_ARRIVAL).area);
  const seen = floodFrom(isle, landing.x, landing.y);
  const { reached, areaReached, besideReached } = reachChecks(seen, isle.width);

  it('respawns nobody into a fight: its checkpoint and spawn lie beyond every mob’s reach', () => {
    expect(() => checkRespawnSafety(isle, data, ISLE_FILE)).not.toThrow();
    expect(islePlacements.checkpoints).toHaveLength(1);
    expect(isle.spawns).toHaveLength(1);
  });

  it('has something to find: the hermit (with her lines), a chest, a guarded hoard and the crater', () => {
    expect(islePlacements.npcs.map((n) => n.kind)).toEqual(['hermit']);
    expect(data.npcs.get('hermit')!.lines.length).toBeGreaterThanOrEqual(3);
    expect(islePlacements.chests.map((c) => [c.name, c.guardedBy !== null])).toEqual([
      ['crater_cache', false],
      ['smugglers_hoard', true],
    ]);
    const reach = data.achievements.filter((a) => a.rule === 'reach').map((a) => a.target);
    expect(reach).toContain('ember_crater');
    expect(islePlacements.areas.map((a) => a.name)).toEqual(['ember_crater']);
    expect(new Set(islePlacements.mobAreas.map((m) => m.kind))).toEqual(new Set(['crab', 'goblin', 'wolf']));
  });

  it('lets a player reach every checkpoint, NPC, chest, mob area, area and the ferry from the landing', () => {
    const missing: string[] = [];
    for (const c of islePlacements.checkpoints) if (!areaReached(c)) missing.push('checkpoint');
    for (const s of isle.spawns) if (!areaReached(s.area)) missing.push(`spawn ${s.id}`);
    for (const n of islePlacements.npcs) if (!besideReached(n.x, n.y)) missing.push(`npc ${n.objectId}`);
    for (const c of islePlacements.chests) {
      const ok = c.guardedBy ? areaReached(c.guardedBy) : besideReached(c.x, c.y);
      if (!ok) missing.push(`chest ${c.name}`);
    }
    for (const m of islePlacements.mobAreas) if (!areaReached(m.area)) missing.push(`mobs ${m.name}`);
    for (const a of islePlacements.areas) if (!areaReached(a.area)) missing.push(`area ${a.name}`);
    for (const p of islePlacements.portals) if (!areaReached(p.area)) missing.push(`portal ${p.name}`);
    expect(missing).toEqual([]);
  });

  it('keeps mobs off its road: none on it, no aggressive one noticing anyone walking it', () => {
    const road: [number, number][] = [];
    for (const r of ISLE_ROADS)
      for (let i = 1; i < r.points.length; i++) {
        const [ax, ay] = r.points[i - 1]!;
        const [bx, by] = r.points[i]!;
        for (let y = Math.min(ay, by); y <= Math.max(ay, by) + (ax === bx ? 0 : r.width - 1); y++)
          for (let x = Math.min(ax, bx); x <= Math.max(ax, bx) + (ay === by ? 0 : r.width - 1); x++)
            if (isWalkable(isle.grid, x, y)) road.push([x, y]);
      }
    expect(road.length).toBeGreaterThan(40);
    const bad: string[] = [];
    for (const m of islePlacements.mobAreas) {
      const aggro = data.mobs.get(m.kind)!.aggroRadius;
      const noticed = {
        x: m.area.x - aggro,
        y: m.area.y - aggro,
        width: m.area.width + 2 * aggro,
        height: m.area.height + 2 * aggro,
      };
      if (road.some(([x, y]) => inside(m.area, x, y))) bad.push(`${m.name} covers the road`);
      else if (aggro > 0 && road.some(([x, y]) => inside(noticed, x, y)))
        bad.push(`${m.name} watches the road`);
    }
    expect(bad).toEqual([]);
  });

  it('has a way back: the ferry home is reached from every tile of the checkpoint and the spawn', () => {
    const ferry = islePlacements.portals.find((p) => p.name === ISLE_PORTAL)!;
    const stuck: string[] = [];
    for (const r of [...islePlacements.checkpoints, ...isle.spawns.map((s) => s.area)])
      for (let y = r.y; y < r.y + r.height; y++)
        for (let x = r.x; x < r.x + r.width; x++) {
          if (!isWalkable(isle.grid, x, y)) continue;
          const back = floodFrom(isle, x, y);
          if (!back[ferry.area.y * isle.width + ferry.area.x]) stuck.push(`(${x}, ${y})`);
        }
    expect(stuck).toEqual([]);
    // Nothing walkable is cut off from the landing (the generator fills unreachable pockets).
    let pockets = 0;
    for (let y = 0; y < isle.height; y++)
      for (let x = 0; x < isle.width; x++) if (isWalkable(isle.grid, x, y) && !reached(x, y)) pockets++;
    expect(pockets).toBe(0);
  });
});
