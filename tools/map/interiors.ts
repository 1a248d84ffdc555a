// The mines (assets/maps/mines.tmj) and the wyrm's lair (assets/maps/lair.tmj): maps of their own, rooms
// and winding tunnels carved out of rock, each with stairs back up to the overworld (portals). Until the
// realm they were carved into a strip at the world map's east side; `STRIP_ORIGIN` says where each one's
// tile (0, 0) lay there, so characters saved in the old strip land in the same room (server/realm/moved.ts).
import { createRng, type Rng } from '../art/rng.ts';
import type { TileDef } from '../art/tile-def.ts';
import { MapBuilder } from './builder.ts';
import { TerrainGrid } from './terrain.ts';
import { openAround } from './world-wild.ts';

interface Room {
  cx: number;
  cy: number;
  rx: number;
  ry: number;
}

export const MINES_W = 34;
export const MINES_H = 120;
export const LAIR_W = 34;
export const LAIR_H = 59;

/** Where each map's tile (0, 0) lay in the world map's old interiors strip (x from 150). */
export const STRIP_ORIGIN = { mines: { x: 164, y: 136 }, lair: { x: 164, y: 2 } } as const;

/** Rooms in the mines' tiles, entry (south) to back door (north); tunnels join each room to the next. */
export const MINE_ROOMS: readonly Room[] = [
  { cx: 17, cy: 110, rx: 6, ry: 5 }, // entry, stairs up to the mountain valley
  { cx: 14, cy: 88, rx: 9, ry: 7 }, // bat roost
  { cx: 21, cy: 62, rx: 10, ry: 8 }, // crystal cavern (golems guard the hoard)
  { cx: 12, cy: 35, rx: 8, ry: 7 }, // deep gallery
  { cx: 20, cy: 12, rx: 6, ry: 5 }, // back door, stairs up to the desert
];
/** The crystal cavern's rows, where crystals grow instead of stalagmites. */
const CRYSTAL_ROWS = { y0: 52, y1: 72 };
export const LAIR_HALL: Room = { cx: 17, cy: 30, rx: 13, ry: 24 };
/** Stairs tiles (portals out); players coming in arrive a few tiles inside. */
export const MINE_STAIRS_SOUTH = { x: 17, y: 114 };
export const MINE_STAIRS_NORTH = { x: 20, y: 8 };
export const LAIR_STAIRS = { x: 17, y: 53 };

const MINES_SEED = 0x31_7e_5a_01;
const LAIR_SEED = 0x1a_12_e7_02;

export interface InteriorBuild {
  builder: MapBuilder;
}

/** Carves ellipses of cave floor into solid cliff. */
class Carver {
  readonly grid: TerrainGrid;
  constructor(
    readonly b: MapBuilder,
    private readonly rng: Rng,
  ) {
    this.grid = new TerrainGrid(b.width, b.height, 'cliff');
  }

  room(r: Room): void {
    for (let vy = Math.floor(r.cy - r.ry); vy <= r.cy + r.ry; vy++) {
      for (let vx = Math.floor(r.cx - r.rx); vx <= r.cx + r.rx; vx++) {
        const d = Math.hypot((vx - r.cx) / r.rx, (vy - r.cy) / r.ry);
        if (d < 0.92 + this.rng.next() * 0.12 && this.grid.inside(vx, vy)) this.grid.set(vx, vy, 'cave');
      }
    }
  }

  /** A winding tunnel: small overlapping chambers along a wavy line between two rooms. */
  tunnel(a: Room, b: Room): void {
    const steps = Math.ceil(Math.abs(b.cy - a.cy));
    for (let k = 0; k <= steps; k += 1) {
      const t = k / steps;
      const x = a.cx + (b.cx - a.cx) * t + Math.sin(t * Math.PI * 2) * 4;
      this.room({ cx: x, cy: a.cy + (b.cy - a.cy) * t, rx: 2.2, ry: 2.2 });
    }
  }

  /** Lays the ground: cave floor, cliff faces beside it, unlit void in the rock beyond. */
  lay(): void {
    const { b, grid, rng } = this;
    grid.fixCorners();
    const near = (x: number, y: number): boolean => {
      for (let dy = -2; dy <= 3; dy++)
        for (let dx = -2; dx <= 3; dx++) if (grid.get(x + dx, y + dy) === 'cave') return true;
      return false;
    };
    for (let y = 0; y < b.height; y++) {
      for (let x = 0; x < b.width; x++) {
        const name = grid.groundTile(x, y, (t) => `${t}_${rng.int(0, 1)}`);
        b.put('ground', x, y, name.startsWith('cliff_') && name.length < 8 && !near(x, y) ? 'void' : name);
      }
    }
  }
}

/** Stairs out, and a clear landing round them (players arrive three tiles above or below). */
function stairs(b: MapBuilder, s: { x: number; y: number }): void {
  b.put('ground', s.x, s.y, 'stairs_up');
  b.reserve(s.x - 2, s.y - 4, s.x + 2, s.y + 4);
}

/** Stalagmites (crystals in `crystal` rows, obsidian in the lair) and pebbles or bones on open floor. */
function clutter(b: MapBuilder, rng: Rng, tall: (y: number) => string, small: string): void {
  for (let y = 0; y < b.height; y++) {
    for (let x = 0; x < b.width; x++) {
      const ground = b.tileAt('ground', x, y)?.name ?? '';
      if (b.isReserved(x, y) || !/^(cave|lair_floor)_\d$/.test(ground)) continue;
      const roll = rng.next();
      if (roll < 0.05 && openAround(b, x, y)) b.put('detail', x, y, tall(y));
      else if (roll < 0.08) b.put('detail', x, y, small);
    }
  }
}

export function generateMines(catalog: readonly TileDef[]): InteriorBuild {
  const rng = createRng(MINES_SEED);
  const b = new MapBuilder(MINES_W, MINES_H, catalog);
  const carve = new Carver(b, rng);
  MINE_ROOMS.forEach((r, i) => {
    carve.room(r);
    const next = MINE_ROOMS[i + 1];
    if (next) carve.tunnel(r, next);
  });
  for (const s of [MINE_STAIRS_SOUTH, MINE_STAIRS_NORTH]) carve.room({ cx: s.x, cy: s.y, rx: 2.5, ry: 2.5 });
  carve.lay();
  for (const s of [MINE_STAIRS_SOUTH, MINE_STAIRS_NORTH]) stairs(b, s);
  const crystal = (y: number): string =>
    y > CRYSTAL_ROWS.y0 && y < CRYSTAL_ROWS.y1 ? 'crystal' : 'stalagmite';
  clutter(b, rng, crystal, 'pebbles');
  return { builder: b };
}

export function generateLair(catalog: readonly TileDef[]): InteriorBuild {
  const rng = createRng(LAIR_SEED);
  const b = new MapBuilder(LAIR_W, LAIR_H, catalog);
  const carve = new Carver(b, rng);
  const h = LAIR_HALL;
  carve.room(h);
  carve.room({ cx: LAIR_STAIRS.x, cy: LAIR_STAIRS.y, rx: 3, ry: 3 });
  carve.lay();
  stairs(b, LAIR_STAIRS);
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
  clutter(b, rng, () => 'obsidian', 'bones');
  return { builder: b };
}
