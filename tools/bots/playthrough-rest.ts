// Where the playthrough bot sits down to heal: out of reach of the mob areas whose mobs pick fights, as a
// player steps out of the ash fields before resting, so a mob wandering by does not find it half dead.
import { isWalkable } from '../../shared/rules/grid.ts';
import { DX, DY } from '../../shared/rules/dirs.ts';
import type { PlayerContent } from './playthrough-route.ts';

interface Tile {
  x: number;
  y: number;
}

/** Tiles beyond a mob's aggro radius still counted as in reach: mobs wander to their area's edge. */
const MARGIN = 2;
/** How far (steps) the bot looks for a safe tile; farther, it rests where it is. */
const MAX_STEPS = 40;

export class RestSpots {
  /** 1 where a mob of an area that picks fights could notice a resting player. */
  private readonly unsafe: Uint8Array;
  private readonly width: number;

  constructor(private readonly content: PlayerContent) {
    const { map, placements, data } = content;
    this.width = map.width;
    this.unsafe = new Uint8Array(map.width * map.height);
    for (const a of placements.mobAreas) {
      const reach = (data.mobs.get(a.kind)?.aggroRadius ?? 0) + MARGIN;
      if (reach === MARGIN) continue; // mobs that only fight back leave a resting player alone
      const { x, y, width, height } = a.area;
      for (let ty = Math.max(0, y - reach); ty < Math.min(map.height, y + height + reach); ty++)
        for (let tx = Math.max(0, x - reach); tx < Math.min(map.width, x + width + reach); tx++)
          this.unsafe[ty * this.width + tx] = 1;
    }
  }

  safe(t: Tile): boolean {
    return !this.unsafe[t.y * this.width + t.x];
  }

  /** The nearest safe tile by walking (breadth first, up to MAX_STEPS), `here` if it is safe; else null. */
  nearest(here: Tile): Tile | null {
    const grid = this.content.map.grid;
    const seen = new Set<number>([here.y * this.width + here.x]);
    let ring: Tile[] = [here];
    for (let step = 0; step <= MAX_STEPS && ring.length; step++) {
      const next: Tile[] = [];
      for (const t of ring) {
        if (this.safe(t)) return t;
        for (let d = 0; d < 4; d++) {
          const n = { x: t.x + DX[d]!, y: t.y + DY[d]! };
          const i = n.y * this.width + n.x;
          if (seen.has(i) || !isWalkable(grid, n.x, n.y)) continue;
          seen.add(i);
          next.push(n);
        }
      }
      ring = next;
    }
    return null;
  }
}

/** Rest until above this share of max HP (or REST_MAX_MS). */
export const REST_UNTIL = 0.95;
const REST_MAX_MS = 120_000;
/** The walk to a safe tile is given this long; then the bot rests where it is. */
const REST_WALK_MS = 20_000;

/** One rest at a time: first the walk out of reach, then standing still until healed. */
export class Resting {
  private since = 0;
  private at: (Tile & { since: number }) | null = null;

  constructor(private readonly spots: RestSpots) {}

  /** A new rest starts: where the last one was taken no longer matters. */
  begin(now: number): void {
    this.since = now;
    this.at = null;
  }

  /** Where to walk first (a tile), 'rest' to stand and heal, or 'done' (healed, or rested long enough). */
  next(here: Tile, hp: { hp: number; maxHp: number }, now: number): Tile | 'rest' | 'done' {
    if (hp.hp >= hp.maxHp * REST_UNTIL || now - this.since > REST_MAX_MS) return 'done';
    this.at ??= { ...(this.spots.nearest(here) ?? here), since: now };
    if (now - this.at.since > REST_WALK_MS) this.at = { ...here, since: this.at.since };
    if (here.x === this.at.x && here.y === this.at.y) return 'rest';
    this.since = now; // the walk there is not resting
    return this.at;
  }
}
