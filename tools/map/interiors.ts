// Cave and lair interiors: rooms and winding tunnels carved out of rock in the interiors strip at the
// map's east side, each with stairs back up. Only doors lead here; the rock between is unlit void.
import type { Rng } from '../art/rng.ts';
import type { MapBuilder } from './builder.ts';
import { TerrainGrid } from './terrain.ts';
import { INTERIOR_X, IX, WORLD_H, WORLD_W } from './world-layout.ts';
import { openAround } from './world-wild.ts';

interface Room {
  cx: number;
  cy: number;
  rx: number;
  ry: number;
}

/** Rooms in world tiles; tunnels join each room to the next. */
export const MINE_ROOMS: readonly Room[] = [
  { cx: IX + 17, cy: 246, rx: 6, ry: 5 }, // entry, stairs up to the mountain valley
  { cx: IX + 14, cy: 224, rx: 9, ry: 7 }, // bat roost
  { cx: IX + 21, cy: 198, rx: 10, ry: 8 }, // crystal cavern (golems guard the hoard)
  { cx: IX + 12, cy: 171, rx: 8, ry: 7 }, // deep gallery
  { cx: IX + 20, cy: 148, rx: 6, ry: 5 }, // back door, stairs up to the desert
];
export const LAIR_HALL: Room = { cx: IX + 17, cy: 32, rx: 13, ry: 24 };
/** Stairs tiles (doors out) and the tiles a player arrives on when coming in. */
export const MINE_STAIRS_SOUTH = { x: IX + 17, y: 250 };
export const MINE_STAIRS_NORTH = { x: IX + 20, y: 144 };
export const LAIR_STAIRS = { x: IX + 17, y: 55 };

export function carveInteriors(b: MapBuilder, rng: Rng): void {
  const grid = new TerrainGrid(WORLD_W - INTERIOR_X, WORLD_H, 'cliff');
  const carve = (r: Room): void => {
    for (let vy = Math.floor(r.cy - r.ry); vy <= r.cy + r.ry; vy++) {
      for (let vx = Math.floor(r.cx - r.rx); vx <= r.cx + r.rx; vx++) {
        const d = Math.hypot((vx - r.cx) / r.rx, (vy - r.cy) / r.ry);
        if (d < 0.92 + rng.next() * 0.12) grid.set(vx - INTERIOR_X, vy, 'cave');
      }
    }
  };
  MINE_ROOMS.forEach((r, i) => {
    carve(r);
    const next = MINE_ROOMS[i + 1];
    if (!next) return;
    // A winding tunnel: small overlapping chambers along a wavy line between the rooms.
    const steps = Math.ceil(Math.abs(next.cy - r.cy));
    for (let k = 0; k <= steps; k += 1) {
      const t = k / steps;
      const x = r.cx + (next.cx - r.cx) * t + Math.sin(t * Math.PI * 2) * 4;
      carve({ cx: x, cy: r.cy + (next.cy - r.cy) * t, rx: 2.2, ry: 2.2 });
    }
  });
  carve(LAIR_HALL);
  carve({ cx: LAIR_STAIRS.x, cy: LAIR_STAIRS.y, rx: 3, ry: 3 });
  for (const s of [MINE_STAIRS_SOUTH, MINE_STAIRS_NORTH]) carve({ cx: s.x, cy: s.y, rx: 2.5, ry: 2.5 });
  grid.fixCorners();
  const near = (x: number, y: number): boolean => {
    for (let dy = -2; dy <= 3; dy++)
      for (let dx = -2; dx <= 3; dx++) if (grid.get(x - INTERIOR_X + dx, y + dy) === 'cave') return true;
    return false;
  };
  for (let y = 0; y < WORLD_H; y++) {
    for (let x = INTERIOR_X; x < WORLD_W; x++) {
      const name = grid.groundTile(x - INTERIOR_X, y, (t) => `${t}_${rng.int(0, 1)}`);
      b.put('ground', x, y, name.startsWith('cliff_') && name.length < 8 && !near(x, y) ? 'void' : name);
    }
  }
  furnish(b, rng);
}

function furnish(b: MapBuilder, rng: Rng): void {
  const h = LAIR_HALL;
  // Stairs out, and a clear landing in front of them where players arrive.
  for (const s of [MINE_STAIRS_SOUTH, MINE_STAIRS_NORTH, LAIR_STAIRS]) {
    b.put('ground', s.x, s.y, 'stairs_up');
    b.reserve(s.x - 2, s.y - 4, s.x + 2, s.y + 2);
  }
  // The wyrm's hall: basalt flagstones in the middle, braziers in a ring, bones of the unlucky.
  for (let y = h.cy - h.ry; y <= h.cy + h.ry; y++) {
    for (let x = h.cx - h.rx; x <= h.cx + h.rx; x++) {
      const d = Math.hypot((x - h.cx) / (h.rx - 4), (y - h.cy) / (h.ry - 5));
      if (d < 1 && /^cave_\d$/.test(b.tileAt('ground', x, y)?.name ?? ''))
        b.put('ground', x, y, `lair_floor_${rng.int(0, 1)}`);
    }
  }
  for (let a = 0; a < 12; a++) {
    const x = Math.round(h.cx + Math.cos((a / 12) * Math.PI * 2) * (h.rx - 4));
    const y = Math.round(h.cy + Math.sin((a / 12) * Math.PI * 2) * (h.ry - 7));
    if (!b.isReserved(x, y) && openAround(b, x, y)) b.put('detail', x, y, 'brazier');
  }
  for (let y = 0; y < WORLD_H; y++) {
    for (let x = INTERIOR_X; x < WORLD_W; x++) {
      const ground = b.tileAt('ground', x, y)?.name ?? '';
      if (b.isReserved(x, y) || !/^(cave|lair_floor)_\d$/.test(ground)) continue;
      const roll = rng.next();
      const inLair = y < 70;
      if (roll < 0.05 && openAround(b, x, y))
        b.put('detail', x, y, inLair ? 'obsidian' : y > 188 && y < 208 ? 'crystal' : 'stalagmite');
      else if (roll < 0.08) b.put('detail', x, y, inLair ? 'bones' : 'pebbles');
    }
  }
}
