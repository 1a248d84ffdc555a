import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseGameData, readDataFiles } from './game-data.ts';
import { checkRespawnSafety, mobReach, rectGap } from './respawn-safety.ts';
import type { MapObject, WorldMap } from './world-map.ts';
import { gridFromRows } from '../rules/grid.ts';

const read = (f: string): unknown => JSON.parse(readFileSync(f, 'utf8'));
const data = parseGameData(readDataFiles((name) => read(`assets/data/${name}.json`)));
const wolf = data.mobs.get('wolf')!;
const reach = mobReach(wolf);

function openMap(objects: MapObject[]): WorldMap {
  const grid = gridFromRows(Array.from({ length: 60 }, () => '.'.repeat(60)));
  const spawns = objects.filter((o) => o.kind === 'spawn');
  return { width: 60, height: 60, tileSize: 16, grid, spawns, objects };
}
const at = (
  id: number,
  kind: string,
  name: string,
  x: number,
  y: number,
  w = 4,
  h = 4,
  props = {},
): MapObject => ({
  id,
  kind,
  name,
  area: { x, y, width: w, height: h },
  properties: props,
});

describe('checkRespawnSafety', () => {
  it('measures gaps between rectangles the way mobs count steps (diagonals count one)', () => {
    const a = { x: 0, y: 0, width: 4, height: 4 };
    expect(rectGap(a, { x: 2, y: 2, width: 4, height: 4 })).toBe(0);
    expect(rectGap(a, { x: 5, y: 0, width: 2, height: 2 })).toBe(2);
    expect(rectGap(a, { x: 10, y: 7, width: 2, height: 2 })).toBe(7);
  });

  it('refuses a checkpoint within a wolf’s aggroRadius + leash of its area, naming file, objects and fix', () => {
    const map = openMap([
      at(1, 'spawn', 'start', 0, 0),
      at(2, 'checkpoint', 'valley_camp', 20, 20),
      at(3, 'mobArea', 'valley_wolves', 20 + 4 + reach - 1, 20, 4, 4, { kind: 'wolf', count: 3 }),
    ]);
    expect(() => checkRespawnSafety(map, data, 'assets/maps/test.tmj')).toThrow(
      new RegExp(
        `assets/maps/test\\.tmj[\\s\\S]*checkpoint object 2 \\("valley_camp"\\) is ${reach} tile\\(s\\) from mob area ` +
          `object 3 \\("valley_wolves", wolf\\), inside its reach of ${reach}[\\s\\S]*more than ${reach} tiles apart`,
      ),
    );
  });

  it('refuses a spawn area inside a mob area, and accepts both once they are one tile further apart', () => {
    const near = openMap([
      at(1, 'spawn', 'start', 10, 10),
      at(4, 'mob', 'boss', 12, 12, 1, 1, { kind: 'wolf' }),
    ]);
    expect(() => checkRespawnSafety(near, data, 'x.tmj')).toThrow(/spawn object 1 \("start"\) is 0 tile/);
    const far = openMap([
      at(1, 'spawn', 'start', 0, 0),
      at(2, 'checkpoint', 'camp', 20, 20),
      at(3, 'mobArea', 'wolves', 20 + 4 + reach, 20, 4, 4, { kind: 'wolf', count: 3 }),
    ]);
    expect(() => checkRespawnSafety(far, data, 'x.tmj')).not.toThrow();
  });

  it('lets creatures that only fight back (aggroRadius 0) live beside a checkpoint', () => {
    expect(data.mobs.get('rat')!.aggroRadius).toBe(0);
    const map = openMap([
      at(1, 'spawn', 'start', 0, 0),
      at(2, 'mobArea', 'cellar', 2, 2, 4, 4, { kind: 'rat', count: 3 }),
    ]);
    expect(() => checkRespawnSafety(map, data, 'x.tmj')).not.toThrow();
  });
});
