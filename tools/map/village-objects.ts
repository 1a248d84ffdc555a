// The objects that bring the village to life: where mobs roam, who stands where, checkpoints, chests and
// named places. Coordinates are tiles (x, y, width, height); the map generator turns them into Tiled
// objects in pixels. docs/modding.md lists the classes and their properties.
import type { TiledProperty } from '../art/tileset.ts';
import type { ObjectSpec } from './tmj.ts';
import { TILE } from '../art/tile-def.ts';

type Props = Record<string, string | number | boolean>;

export interface Place {
  type: string;
  name: string;
  x: number;
  y: number;
  w?: number;
  h?: number;
  props?: Props;
}

export const VILLAGE_PLACES: readonly Place[] = [
  { type: 'checkpoint', name: 'village_square', x: 30, y: 31, w: 12, h: 7 },
  { type: 'checkpoint', name: 'east_bank_camp', x: 61, y: 30, w: 5, h: 5 },

  { type: 'mobArea', name: 'west_fields', x: 6, y: 8, w: 14, h: 9, props: { kind: 'rat', count: 6 } },
  { type: 'mobArea', name: 'south_fields', x: 8, y: 52, w: 14, h: 8, props: { kind: 'rat', count: 4 } },
  { type: 'mobArea', name: 'north_meadow', x: 41, y: 5, w: 10, h: 8, props: { kind: 'slime', count: 5 } },
  { type: 'mobArea', name: 'lake_shore', x: 50, y: 54, w: 26, h: 14, props: { kind: 'crab', count: 6 } },
  // Goblins and wolves keep their distance from the east bank's checkpoint (more than aggroRadius + leash).
  { type: 'mobArea', name: 'goblin_camp', x: 63, y: 8, w: 12, h: 12, props: { kind: 'goblin', count: 5 } },
  { type: 'mobArea', name: 'wolf_run', x: 60, y: 46, w: 12, h: 8, props: { kind: 'wolf', count: 4 } },

  { type: 'npc', name: 'Elder Maren', x: 33, y: 31, props: { kind: 'elder' } },
  { type: 'npc', name: 'Guard Tobin', x: 49, y: 33, props: { kind: 'guard' } },
  { type: 'npc', name: 'Smith Hedda', x: 50, y: 26, props: { kind: 'smith' } },
  { type: 'npc', name: 'Old Pell', x: 49, y: 56, props: { kind: 'fisher' } },
  { type: 'npc', name: 'Little Wren', x: 39, y: 37, props: { kind: 'child' } },
  { type: 'npc', name: 'Sage Orrin', x: 41, y: 12, props: { kind: 'sage' } },
  { type: 'npc', name: 'Sister Ilse', x: 24, y: 28, props: { kind: 'priest' } },

  {
    type: 'chest',
    name: 'meadow_chest',
    x: 13,
    y: 13,
    props: { items: 'small_potion,short_sword', respawnSeconds: 300 },
  },
  {
    type: 'chestArea',
    name: 'goblin_hoard',
    x: 63,
    y: 8,
    w: 12,
    h: 12,
    props: { items: 'chainmail,axe,large_potion' },
  },

  { type: 'area', name: 'east_bank', x: 58, y: 26, w: 22, h: 14 },
  { type: 'area', name: 'secret_garden', x: 73, y: 61, w: 6, h: 7 },
];

function properties(props: Props | undefined): TiledProperty[] | undefined {
  if (!props) return undefined;
  return Object.entries(props).map(([name, value]) => ({
    name,
    type:
      typeof value === 'number'
        ? Number.isInteger(value)
          ? 'int'
          : 'float'
        : typeof value === 'boolean'
          ? 'bool'
          : 'string',
    value,
  })) as TiledProperty[];
}

/** The village's objects as Tiled object specs (pixels), points for single tiles. */
export function villageObjects(): ObjectSpec[] {
  return placeObjects(VILLAGE_PLACES);
}

/** Places (in tiles, shifted by `o`) as Tiled object specs in pixels; points for single tiles. */
export function placeObjects(places: readonly Place[], o = { x: 0, y: 0 }): ObjectSpec[] {
  return places.map((p) => {
    const point = p.w === undefined;
    const props = properties(p.props);
    return {
      name: p.name,
      type: p.type,
      x: (p.x + o.x) * TILE + (point ? TILE / 2 : 0),
      y: (p.y + o.y) * TILE + (point ? TILE / 2 : 0),
      width: point ? 0 : p.w! * TILE,
      height: point ? 0 : (p.h ?? 1) * TILE,
      ...(point ? { point: true } : {}),
      ...(props ? { properties: props } : {}),
    };
  });
}
