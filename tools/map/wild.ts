// The wild parts: a dense forest border, meadow trees, and scattered bushes, rocks and flowers.
import { tileableNoise } from '../art/noise.ts';
import type { Rng } from '../art/rng.ts';
import type { MapBuilder } from './builder.ts';

const isGrass = (b: MapBuilder, x: number, y: number): boolean =>
  b.tileAt('ground', x, y)?.name.startsWith('grass') === true;

/** A 2x3 tree (two canopy rows above, trunk row colliding) if its spot is free grass. */
function tryTree(
  b: MapBuilder,
  rng: Rng,
  x: number,
  y: number,
  needFree: (x: number, y: number) => boolean,
): boolean {
  for (let r = 0; r < 3; r++) {
    for (let c = 0; c < 2; c++) {
      const tx = x + c;
      const ty = y + r;
      if (!b.inside(tx, ty)) continue; // trees may hang off the map edge
      // Canopy may overlap the trunk row of the tree behind (that is what makes the woods dense).
      if (!needFree(tx, ty) || !b.isEmpty(r === 2 ? 'detail' : 'above', tx, ty)) return false;
      if (r === 2 && (!isGrass(b, tx, ty) || !b.isEmpty('above', tx, ty))) return false;
    }
  }
  const roll = rng.next();
  b.placeMulti(roll < 0.25 ? 'pine' : roll < 0.45 ? 'oak_light' : 'oak', x, y, 2, 3, 2);
  return true;
}

/**
 * Trees in staggered rows two tiles apart: each row's canopy hides the trunks of the row behind,
 * and the trunk rows join into a wall, so the map edge reads as deep woods you cannot enter.
 */
export function plantForest(b: MapBuilder, rng: Rng): void {
  const depthNoise = tileableNoise(rng, 10, 160);
  const depth = (x: number, y: number): number => 5 + depthNoise(x, y) * 5;
  const inForest = (x: number, y: number): boolean =>
    Math.min(x, y, b.width - 1 - x, b.height - 1 - y) < depth(x, y);
  for (let y = -2; y < b.height; y += 2) {
    // Each row starts at a random half-step and skips the odd tree, so no two rows line up.
    for (let x = -1 - rng.int(0, 1); x < b.width; x += 2) {
      if (rng.chance(0.06)) continue;
      const trunkIn = [x, x + 1].every((tx) => !b.inside(tx, y + 2) || inForest(tx, y + 2));
      if (trunkIn) tryTree(b, rng, x, y, (tx, ty) => !b.isReserved(tx, ty));
    }
  }
  // Undergrowth beneath the canopy, so the woods are a wall rather than a maze of hidden lanes.
  for (let y = 0; y < b.height; y++) {
    for (let x = 0; x < b.width; x++) {
      if (!inForest(x, y) || b.isReserved(x, y) || b.isEmpty('above', x, y) || !b.isEmpty('detail', x, y))
        continue;
      if (b.blocked(x, y)) continue;
      b.put('detail', x, y, 'bush');
      if (isGrass(b, x, y)) b.put('ground', x, y, `grass_dark_${(x + y) & 1}`);
    }
  }
}

/** A few lone trees in open meadow, kept a tile clear of everything so they never block a way. */
export function plantMeadowTrees(b: MapBuilder, rng: Rng, count: number): void {
  let planted = 0;
  for (let attempt = 0; attempt < 400 && planted < count; attempt++) {
    const x = rng.int(6, b.width - 8);
    const y = rng.int(6, b.height - 9);
    let clear = true;
    for (let ty = y - 1; ty <= y + 3 && clear; ty++) {
      for (let tx = x - 1; tx <= x + 2 && clear; tx++) {
        clear =
          !b.isReserved(tx, ty) &&
          isGrass(b, tx, ty) &&
          b.isEmpty('detail', tx, ty) &&
          b.isEmpty('above', tx, ty);
      }
    }
    if (clear && tryTree(b, rng, x, y, () => true)) {
      b.reserve(x - 1, y, x + 2, y + 3);
      planted++;
    }
  }
}

/** Collidable props only where all eight neighbours are open, so scatter never walls anything in. */
function openAround(b: MapBuilder, x: number, y: number): boolean {
  for (let dy = -1; dy <= 1; dy++) {
    for (let dx = -1; dx <= 1; dx++) {
      if (b.blocked(x + dx, y + dy) || !b.isEmpty('detail', x + dx, y + dy)) return false;
    }
  }
  return true;
}

/** Grass variety in patches (tall grass, flowers) plus scattered detail props on free grass. */
export function scatter(b: MapBuilder, rng: Rng): void {
  const tall = tileableNoise(rng, 12, 96);
  const bloom = tileableNoise(rng, 12, 96);
  for (let y = 0; y < b.height; y++) {
    for (let x = 0; x < b.width; x++) {
      if (!isGrass(b, x, y)) continue;
      if (tall(x, y) > 0.68)
        b.put('ground', x, y, rng.chance(0.6) ? `grass_tall_${rng.int(0, 1)}` : `grass_${rng.int(0, 3)}`);
      else if (bloom(x, y) > 0.7 && rng.chance(0.5)) b.put('ground', x, y, `grass_flowers_${rng.int(0, 1)}`);
    }
  }
  for (let y = 1; y < b.height - 1; y++) {
    for (let x = 1; x < b.width - 1; x++) {
      if (b.isReserved(x, y) || !isGrass(b, x, y) || !b.isEmpty('detail', x, y) || !b.isEmpty('above', x, y))
        continue;
      const roll = rng.next();
      if (roll < 0.018 && openAround(b, x, y))
        b.put('detail', x, y, rng.pick(['bush', 'bush', 'bush_berries']));
      else if (roll < 0.028 && openAround(b, x, y))
        b.put('detail', x, y, rng.pick(['rock', 'rock_mossy', 'stump']));
      else if (roll < 0.036) b.put('detail', x, y, 'pebbles');
      else if (roll < 0.04) b.put('detail', x, y, 'mushrooms');
      else if (roll < 0.1 && bloom(x, y) > 0.5)
        b.put('detail', x, y, rng.pick(['flowers_red', 'flowers_yellow', 'flowers_blue']));
    }
  }
}

/**
 * Walkable tiles the spawn cannot reach (under the forest canopy, behind trunk rows) get
 * undergrowth, so the server never picks an unreachable tile and the woods look full.
 */
export function fillUnreachable(b: MapBuilder, reach: Uint8Array): { filled: number; inOpen: number } {
  let filled = 0;
  let inOpen = 0;
  for (let y = 0; y < b.height; y++) {
    for (let x = 0; x < b.width; x++) {
      if (reach[y * b.width + x] || b.blocked(x, y)) continue;
      b.put('detail', x, y, (x * 7 + y * 3) % 5 === 0 ? 'bush_berries' : 'bush');
      filled++;
      if (b.isEmpty('above', x, y)) inOpen++;
    }
  }
  return { filled, inOpen };
}
