// Village houses one can walk into: the inn, the smithy and the elder's house, each a wooden room in the
// interiors strip behind its painted door, and the camera areas (`bounds`) of every interior.
import type { Rng } from '../art/rng.ts';
import type { MapBuilder } from './builder.ts';
import { houseHeight } from './builder.ts';
import type { Place } from './village-objects.ts';
import { HOUSES } from './village.ts';
import { INTERIOR_X, IX, OVER_W, VILLAGE_ORIGIN, WORLD_H, type Rect } from './world-layout.ts';

export interface HouseRoom {
  /** Object names start with it: `<name>_door`, `<name>_inside`, `<name>_exit`, `<name>_outside`. */
  name: string;
  /** Index into the village's HOUSES: the house whose painted door leads in. */
  house: number;
  wall: 'wood' | 'stone';
  /** The floor, in world tiles; the back wall stands on the two rows above, the way out below. */
  floor: Rect;
}

/** Rooms stacked in the strip's free rows, INTERIOR_MARGIN of rock from the caves, the lair and each other. */
export const HOUSE_ROOMS: readonly HouseRoom[] = [
  { name: 'inn', house: 4, wall: 'wood', floor: { x: IX + 11, y: 78, w: 12, h: 7 } },
  { name: 'smithy', house: 2, wall: 'stone', floor: { x: IX + 13, y: 104, w: 9, h: 6 } },
  { name: 'elder_house', house: 1, wall: 'wood', floor: { x: IX + 13, y: 274, w: 9, h: 6 } },
];

/** What stands against each room's back wall, by column: the inn's casks, the smithy's forge. */
const FURNITURE: Record<string, readonly [number, string][]> = {
  inn: [
    [2, 'barrel'],
    [3, 'barrel'],
    [4, 'barrel'],
    [8, 'crate'],
  ],
  smithy: [[2, 'brazier']],
  elder_house: [[7, 'crate']],
};

/** The painted door of a village house, in world tiles. */
export function houseDoor(house: number): { x: number; y: number } {
  const h = HOUSES[house]!;
  return { x: h.x + Math.floor(h.w / 2) + VILLAGE_ORIGIN.x, y: h.y + houseHeight(h) - 1 + VILLAGE_ORIGIN.y };
}

/** The tile inside a room's front wall that leads back out. */
export function roomExit(r: HouseRoom): { x: number; y: number } {
  return { x: r.floor.x + Math.floor(r.floor.w / 2), y: r.floor.y + r.floor.h };
}

/** Floors, a back wall with windows, a door out, and a few barrels and crates against the walls. */
export function carveHouseRooms(b: MapBuilder, rng: Rng): void {
  for (const r of HOUSE_ROOMS) {
    const { x, y, w, h } = r.floor;
    for (let ty = y; ty < y + h; ty++)
      for (let tx = x; tx < x + w; tx++) b.put('ground', tx, ty, 'floor_wood');
    for (let i = 0; i < w; i++) {
      const side = i === 0 ? '_w' : i === w - 1 ? '_e' : '';
      const window = i % 4 === 2 && i < w - 1;
      b.put('ground', x + i, y - 2, 'floor_wood');
      b.put('ground', x + i, y - 1, 'floor_wood');
      b.put('detail', x + i, y - 2, window ? `wall_${r.wall}_window` : `wall_${r.wall}_upper${side}`);
      b.put('detail', x + i, y - 1, `wall_${r.wall}_lower${side}`);
    }
    const exit = roomExit(r);
    b.put('ground', exit.x, exit.y, 'floor_wood');
    b.put('detail', exit.x, exit.y, `door_${r.wall}`);
    // Clutter along the back wall only, so the way from the door to anyone inside stays open.
    for (const tx of [x, x + w - 1])
      if (rng.chance(0.8)) b.put('detail', tx, y, rng.pick(['barrel', 'crate']));
    for (const [dx, name] of FURNITURE[r.name] ?? []) b.put('detail', x + dx, y, name);
    b.reserve(x - 1, y - 2, x + w, y + h + 1);
  }
}

/** Doors both ways for every room: the painted door in the village in, the room's front door out. */
export function houseDoors(): Place[] {
  return HOUSE_ROOMS.flatMap((r) => {
    const door = houseDoor(r.house);
    const exit = roomExit(r);
    return [
      {
        type: 'door',
        name: `${r.name}_door`,
        x: door.x,
        y: door.y,
        w: 1,
        h: 1,
        props: { to: `${r.name}_inside` },
      },
      { type: 'destination', name: `${r.name}_inside`, x: exit.x, y: exit.y - 2 },
      {
        type: 'door',
        name: `${r.name}_exit`,
        x: exit.x,
        y: exit.y,
        w: 1,
        h: 1,
        props: { to: `${r.name}_outside` },
      },
      { type: 'destination', name: `${r.name}_outside`, x: door.x, y: door.y + 1 },
    ];
  });
}

/**
 * Camera areas: the whole overland, and one rectangle around each interior (each connected patch of
 * non-void ground in the strip, one tile wider all round), named by the place it holds.
 */
export function boundsPlaces(
  b: MapBuilder,
  names: readonly { name: string; x: number; y: number }[],
): Place[] {
  const out: Place[] = [{ type: 'bounds', name: 'overland', x: 0, y: 0, w: OVER_W, h: WORLD_H }];
  const seen = new Uint8Array(b.width * b.height);
  const solidVoid = (x: number, y: number): boolean => b.tileAt('ground', x, y)?.name === 'void';
  for (const { name, x, y } of names) {
    if (seen[y * b.width + x] || solidVoid(x, y)) continue;
    let [x0, y0, x1, y1] = [x, y, x, y];
    const stack: [number, number][] = [[x, y]];
    seen[y * b.width + x] = 1;
    while (stack.length) {
      const [cx, cy] = stack.pop()!;
      [x0, y0, x1, y1] = [Math.min(x0, cx), Math.min(y0, cy), Math.max(x1, cx), Math.max(y1, cy)];
      for (const [nx, ny] of [
        [cx + 1, cy],
        [cx - 1, cy],
        [cx, cy + 1],
        [cx, cy - 1],
      ] as const) {
        if (nx < INTERIOR_X || !b.inside(nx, ny) || seen[ny * b.width + nx] || solidVoid(nx, ny)) continue;
        seen[ny * b.width + nx] = 1;
        stack.push([nx, ny]);
      }
    }
    x0 = Math.max(INTERIOR_X, x0 - 1);
    y0 = Math.max(0, y0 - 1);
    x1 = Math.min(b.width - 1, x1 + 1);
    y1 = Math.min(b.height - 1, y1 + 1);
    out.push({ type: 'bounds', name, x: x0, y: y0, w: x1 - x0 + 1, h: y1 - y0 + 1 });
  }
  return out;
}
