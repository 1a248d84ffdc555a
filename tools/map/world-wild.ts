// The world's growth: woods planted over a mask (forest zone, map edges), lone trees, and each zone's
// scattered props, placed only where they cannot wall anything in.
import type { Rng } from '../art/rng.ts';
import type { MapBuilder } from './builder.ts';
import type { Rect } from './world-layout.ts';

const SOFT_GROUND = /^(grass|forest|deadgrass)_\d$/;
const groundName = (b: MapBuilder, x: number, y: number): string => b.tileAt('ground', x, y)?.name ?? '';

/** A 2x3 tree-like prop (two rows above, base row colliding) if its spot is free and soft ground. */
export function tryTall(
  b: MapBuilder,
  name: string,
  x: number,
  y: number,
  rows: number,
  cols: number,
  ground: RegExp,
  reservedOk = false,
): boolean {
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const tx = x + c;
      const ty = y + r;
      if (!b.inside(tx, ty)) return false;
      if (!reservedOk && b.isReserved(tx, ty)) return false;
      const base = r === rows - 1;
      if (!b.isEmpty(base ? 'detail' : 'above', tx, ty)) return false;
      if (base && (!ground.test(groundName(b, tx, ty)) || !b.isEmpty('above', tx, ty) || b.blocked(tx, ty)))
        return false;
    }
  }
  b.placeMulti(name, x, y, cols, rows, rows - 1);
  return true;
}

/**
 * Dense woods wherever `inWoods` holds: staggered rows of trees two tiles apart, each row's canopy
 * hiding the trunks behind, then undergrowth under the canopy so the woods are a wall.
 */
export function plantWoods(
  b: MapBuilder,
  rng: Rng,
  area: Rect,
  inWoods: (x: number, y: number) => boolean,
  kinds: readonly string[],
): void {
  for (let y = area.y - 2; y < area.y + area.h; y += 2) {
    for (let x = area.x - 1 - rng.int(0, 1); x < area.x + area.w; x += 2) {
      if (rng.chance(0.05)) continue;
      if (!inWoods(x, y + 2) || !inWoods(x + 1, y + 2)) continue;
      tryTall(b, rng.pick(kinds), x, y, 3, 2, SOFT_GROUND);
    }
  }
  for (let y = area.y; y < area.y + area.h; y++) {
    for (let x = area.x; x < area.x + area.w; x++) {
      if (!inWoods(x, y) || b.isReserved(x, y) || b.isEmpty('above', x, y) || !b.isEmpty('detail', x, y))
        continue;
      if (b.blocked(x, y) || !SOFT_GROUND.test(groundName(b, x, y))) continue;
      b.put('detail', x, y, 'bush');
    }
  }
}

/** Collidable props only where all eight neighbours are open, so scatter never walls anything in. */
export function openAround(b: MapBuilder, x: number, y: number): boolean {
  for (let dy = -1; dy <= 1; dy++) {
    for (let dx = -1; dx <= 1; dx++) {
      if (b.blocked(x + dx, y + dy) || !b.isEmpty('detail', x + dx, y + dy)) return false;
    }
  }
  return true;
}

export interface Scatter {
  area: Rect;
  /** Ground tile names the props may stand on. */
  ground: RegExp;
  /** [chance per tile, tile name or names, solid?]: solid props need open ground all round. */
  props: readonly [number, string | readonly string[], boolean][];
  /** Big props: [chance per tile, multi-tile name, cols, rows]. */
  tall?: readonly [number, string, number, number][];
}

/** Scatters a zone's props over free tiles of its ground, never on reserved tiles (roads, yards). */
export function scatterZone(b: MapBuilder, rng: Rng, s: Scatter): void {
  const { x: x0, y: y0, w, h } = s.area;
  for (let y = Math.max(1, y0); y < Math.min(b.height - 1, y0 + h); y++) {
    for (let x = Math.max(1, x0); x < Math.min(b.width - 1, x0 + w); x++) {
      if (b.isReserved(x, y) || !s.ground.test(groundName(b, x, y))) continue;
      if (!b.isEmpty('detail', x, y) || !b.isEmpty('above', x, y)) continue;
      let roll = rng.next();
      let done = false;
      for (const [p, name, cols, rows] of s.tall ?? []) {
        if (roll < p) {
          done = openAround(b, x, y + rows - 1) && tryTall(b, name, x, y, rows, cols, s.ground);
          break;
        }
        roll -= p;
      }
      if (done) continue;
      for (const [p, names, solid] of s.props) {
        if (roll < p) {
          if (!solid || openAround(b, x, y))
            b.put('detail', x, y, typeof names === 'string' ? names : rng.pick(names));
          break;
        }
        roll -= p;
      }
    }
  }
}

/** Swaps pure ground tiles for variants (dunes in the desert, flowers in a meadow) over noise. */
export function varyGround(
  b: MapBuilder,
  rng: Rng,
  area: Rect,
  from: RegExp,
  to: readonly string[],
  chance: number,
): void {
  for (let y = area.y; y < area.y + area.h; y++) {
    for (let x = area.x; x < area.x + area.w; x++) {
      if (from.test(groundName(b, x, y)) && rng.chance(chance)) b.put('ground', x, y, rng.pick(to));
    }
  }
}

/**
 * Pines and boulders on top of the cliffs, so the mountains read as wooded heights rather than a
 * grey plain. Everything here stands on rock nobody walks on, so it never blocks a way.
 */
export function crownCliffs(b: MapBuilder, rng: Rng, area: Rect): void {
  const pureCliff = (x: number, y: number): boolean => /^cliff_\d$/.test(groundName(b, x, y));
  for (let y = area.y; y < area.y + area.h; y++) {
    for (let x = area.x; x < area.x + area.w; x++) {
      if (!pureCliff(x, y) || !b.isEmpty('detail', x, y)) continue;
      const roll = rng.next();
      if (roll < 0.07) {
        let fits = true;
        for (let r = 0; r < 3 && fits; r++)
          for (let c = 0; c < 2 && fits; c++)
            fits =
              pureCliff(x + c, y + r) &&
              b.isEmpty('above', x + c, y + r) &&
              b.isEmpty('detail', x + c, y + r);
        if (fits) b.placeMulti(rng.chance(0.75) ? 'pine' : 'oak', x, y, 2, 3, 2);
      } else if (roll < 0.1) b.put('detail', x, y, rng.pick(['rock', 'rock_mossy', 'pebbles']));
    }
  }
}
