// The world's set pieces: the graveyard and its chapel, desert ruins and the oasis, the goblin camp,
// the fisher's pier, the cave and lair mouths, the waterfall with its hidden alcove, the secret lane.
import type { Rng } from '../art/rng.ts';
import type { MapBuilder } from './builder.ts';
import { tryTall } from './world-wild.ts';
import { LAIR_MOUTH, MINE_MOUTH, OUTCROP_MOUTH, type Rect } from './world-layout.ts';

export const GRAVEYARD: Rect = { x: 10, y: 128, w: 38, h: 32 };
export const CHAPEL = { x: 24, y: 131, w: 7, wall: 'stone' as const, roof: 'red' as const, mids: 2 };
export const RUINS: Rect = { x: 78, y: 70, w: 18, h: 14 };
export const GOBLIN_CAMP: Rect = { x: 14, y: 190, w: 22, h: 16 };
export const WOLF_DEN: Rect = { x: 74, y: 206, w: 24, h: 14 };
export const SECRET_GARDEN: Rect = { x: 4, y: 228, w: 8, h: 8 };
/** The hidden lane: from the road's west verge through the trees into the secret garden. */
export const SECRET_LANE: readonly [number, number][] = [
  [54, 216],
  [30, 216],
  [30, 232],
  [12, 232],
];
export const PIER = { x: 140, y: 286, len: 9 };

/** Reserves the open places in the woods before trees go in. */
export function reserveClearings(b: MapBuilder): void {
  for (const r of [GOBLIN_CAMP, WOLF_DEN, SECRET_GARDEN]) b.reserve(r.x, r.y, r.x + r.w - 1, r.y + r.h - 1);
  b.reserve(36, 196, 56, 198); // the camp's track to the road
  b.reserve(60, 222, 74, 226); // a glade by the road's bend (checkpoint)
  b.reserve(WOLF_DEN.x, 200, WOLF_DEN.x + 4, WOLF_DEN.y);
}

function graveyard(b: MapBuilder, rng: Rng): void {
  const g = GRAVEYARD;
  const gate: [number, number][] = [
    [g.x + g.w - 1, 150],
    [g.x + g.w - 1, 151],
  ];
  b.placeFence(g.x, g.y, g.x + g.w - 1, g.y + g.h - 1, gate, 'ironfence');
  b.placeHouse(CHAPEL, 2);
  for (let y = g.y + 3; y < g.y + g.h - 3; y += 2) {
    for (let x = g.x + 3 + ((y - g.y) % 4 === 1 ? 1 : 0); x < g.x + g.w - 4; x += 2) {
      if (rng.chance(0.3)) continue;
      if (Math.abs(y - 150) < 3 || (x > 26 && x < 30)) continue; // the walks stay clear
      if (x >= CHAPEL.x - 1 && x <= CHAPEL.x + CHAPEL.w && y <= CHAPEL.y + 9) continue;
      const roll = rng.next();
      b.put(
        'detail',
        x,
        y,
        roll < 0.45 ? 'grave' : roll < 0.75 ? 'tombstone' : roll < 0.95 ? 'tombstone_cross' : 'bones',
      );
    }
  }
  for (const [x, y] of [
    [g.x + 1, g.y + 1],
    [g.x + g.w - 4, g.y + g.h - 5],
    [g.x + 2, g.y + g.h - 5],
  ] as const)
    tryTall(b, 'dead_tree', x, y, 3, 2, /./, true);
}

function ruins(b: MapBuilder, rng: Rng): void {
  const r = RUINS;
  for (let y = r.y; y < r.y + r.h; y++)
    for (let x = r.x; x < r.x + r.w; x++)
      if (rng.chance(0.85)) b.put('ground', x, y, `flagstone_${rng.int(0, 1)}`);
  // A colonnade around the court: whole pillars, broken ones and fallen blocks.
  for (let x = r.x + 1; x < r.x + r.w - 1; x += 3) {
    for (const y of [r.y, r.y + r.h - 2]) {
      const roll = rng.next();
      if (roll < 0.5) b.placeMulti('pillar', x, y, 1, 2, 1);
      else if (roll < 0.8) b.put('detail', x, y + 1, 'pillar_broken');
      else b.put('detail', x, y + 1, 'rubble');
    }
  }
  for (const [x, y] of [
    [r.x + 4, r.y + 5],
    [r.x + 12, r.y + 8],
    [r.x + 7, r.y + 9],
  ] as const)
    b.put('detail', x, y, 'ruin_block');
  b.reserve(r.x - 1, r.y - 1, r.x + r.w, r.y + r.h);
}

function oasis(b: MapBuilder): void {
  for (const [x, y] of [
    [104, 78],
    [118, 79],
    [106, 86],
    [117, 86],
  ] as const)
    tryTall(b, 'palm', x, y, 3, 2, /^sand_\d$/);
}

function goblinCamp(b: MapBuilder): void {
  const c = GOBLIN_CAMP;
  b.placeFence(c.x + 2, c.y + 2, c.x + 8, c.y + 6, [[c.x + 5, c.y + 6]]);
  for (const [x, y, n] of [
    [c.x + 12, c.y + 3, 'crate'],
    [c.x + 13, c.y + 3, 'barrel'],
    [c.x + 17, c.y + 10, 'crate'],
    [c.x + 4, c.y + 11, 'barrel'],
    [c.x + 10, c.y + 8, 'bones'],
  ] as const)
    b.put('detail', x, y, n);
}

function pier(b: MapBuilder): void {
  // From the last dry tile of the beach out over the water.
  for (let x = PIER.x - 8; x < PIER.x + PIER.len; x++) {
    if (/^water_/.test(b.tileAt('ground', x, PIER.y)?.name ?? '')) b.put('ground', x, PIER.y, 'pier');
  }
  // The ferry's landing stage at the far end: three planks wide, a barrel and a crate by the gangway.
  ferryStage(b, PIER.x + PIER.len - 5, PIER.y, 5);
  b.reserve(PIER.x - 4, PIER.y - 1, PIER.x + PIER.len, PIER.y + 1);
}

/**
 * A pier's landing stage for the ferry: `len` planks from `x` along row `y`, one more row each side, with
 * a barrel and a crate on the inland corners (the ferry itself is the portal on the stage's outer end).
 */
export function ferryStage(
  b: MapBuilder,
  x: number,
  y: number,
  len: number,
  inlandAt: 'west' | 'east' = 'west',
): void {
  for (let dx = 0; dx < len; dx++) for (const dy of [-1, 0, 1]) b.put('ground', x + dx, y + dy, 'pier');
  const inland = inlandAt === 'west' ? x : x + len - 1;
  b.put('detail', inland, y - 1, 'barrel');
  b.put('detail', inland, y + 1, 'crate');
}

/** A 2x2 mouth in a cliff face: the lower row's ground is made walkable for the doorway. */
function mouth(
  b: MapBuilder,
  name: 'cave_mouth' | 'lair_mouth',
  m: { x: number; y: number },
  floor: string,
): void {
  for (let c = 0; c < 2; c++) {
    b.put('ground', m.x + c, m.y + 1, floor);
    b.put('detail', m.x + c, m.y, `${name}_${c}_0`);
    b.put('detail', m.x + c, m.y + 1, `${name}_${c}_1`);
  }
  b.reserve(m.x - 2, m.y - 1, m.x + 3, m.y + 4);
}

function lairGate(b: MapBuilder): void {
  const m = LAIR_MOUTH;
  mouth(b, 'lair_mouth', m, 'basalt_0');
  for (const [x, y, n] of [
    [m.x - 1, m.y + 1, 'obsidian'],
    [m.x + 2, m.y + 1, 'obsidian'],
    [m.x - 2, m.y + 3, 'brazier'],
    [m.x + 3, m.y + 3, 'brazier'],
    [m.x - 1, m.y, 'obsidian'],
    [m.x + 2, m.y, 'obsidian'],
  ] as const)
    b.put('detail', x, y, n);
}

/** Falling water over the cliff, drawn over characters: the tiles behind it are a walkable alcove. */
export function waterfall(b: MapBuilder, x: number, topY: number, footY: number): void {
  for (let c = 0; c < 3; c++) {
    for (let y = topY; y <= footY; y++) {
      b.put('ground', x + c, y, y < footY ? 'cave_0' : b.tileAt('ground', x + c, y)!.name);
      b.put('above', x + c, y, y === topY ? 'waterfall_top' : y === footY ? 'waterfall_foot' : 'waterfall');
      b.put('detail', x + c, y, null);
    }
  }
  b.reserve(x - 1, topY - 1, x + 3, footY + 1);
}

/**
 * A two-row bridge where the road along row `y` crosses water between x0 and x1: from the first shore
 * tile to the last, as the village's bridge does, so the mine road needs no detour by the coast.
 */
export function bridgeRiver(b: MapBuilder, y: number, x0: number, x1: number): void {
  const wet = (x: number): boolean =>
    [y, y + 1].some((r) => /^(water|sand)_/.test(b.tileAt('ground', x, r)?.name ?? ''));
  let a = x0;
  while (a <= x1 && !wet(a)) a++;
  let z = x1;
  while (z >= a && !wet(z)) z--;
  if (a > z) throw new Error(`no water to bridge on row ${y} between ${x0} and ${x1}`);
  for (let x = a; x <= z; x++) {
    const col = x === a ? 0 : x === z ? 2 : 1;
    b.put('ground', x, y, `bridge_${col}_0`);
    b.put('ground', x, y + 1, `bridge_${col}_1`);
    b.put('detail', x, y, null);
    b.put('detail', x, y + 1, null);
  }
  b.reserve(a - 1, y - 1, z + 1, y + 2);
}

/** Clears trunks and undergrowth along the lane; the canopy stays, so it can only be found by walking. */
export function secretLane(b: MapBuilder): void {
  for (let i = 1; i < SECRET_LANE.length; i++) {
    const [ax, ay] = SECRET_LANE[i - 1]!;
    const [bx, by] = SECRET_LANE[i]!;
    for (let y = Math.min(ay, by); y <= Math.max(ay, by); y++) {
      for (let x = Math.min(ax, bx); x <= Math.max(ax, bx); x++) {
        b.put('detail', x, y, null);
        if (b.blocked(x, y)) b.put('ground', x, y, 'forest_0');
      }
    }
  }
}

function secretGarden(b: MapBuilder, rng: Rng): void {
  const g = SECRET_GARDEN;
  for (let y = g.y; y < g.y + g.h; y++) {
    for (let x = g.x; x < g.x + g.w; x++) {
      b.put('ground', x, y, rng.chance(0.5) ? `grass_flowers_${rng.int(0, 1)}` : `grass_${rng.int(0, 3)}`);
      if (rng.chance(0.3)) b.put('detail', x, y, rng.pick(['flowers_red', 'flowers_yellow', 'flowers_blue']));
    }
  }
}

export function placeSetPieces(b: MapBuilder, rng: Rng): void {
  graveyard(b, rng);
  ruins(b, rng);
  oasis(b);
  goblinCamp(b);
  pier(b);
  secretGarden(b, rng);
  mouth(b, 'cave_mouth', MINE_MOUTH, 'grass_0');
  mouth(b, 'cave_mouth', OUTCROP_MOUTH, 'sand_0');
  lairGate(b);
  for (const [x, y] of [
    [MINE_MOUTH.x + 3, MINE_MOUTH.y + 3],
    [60, 121],
    [70, 245],
    [125, 276],
  ] as const)
    b.put('detail', x, y, 'sign');
}
