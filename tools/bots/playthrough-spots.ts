// Where the playthrough bot has seen mobs it can beat (places to grind when the road ahead needs more
// levels) and mobs it cannot (or where it died): a grinding spot near danger is forgotten.
import type { SizedMob } from './playthrough-judge.ts';

interface Tile {
  x: number;
  y: number;
}

/** Sightings (and dangers) closer than this many tiles count as one spot. */
const SPOT_TILES = 10;
const MAX_SPOTS = 60;
const MAX_DANGERS = 200;

export class GrindSpots {
  private readonly spots: (Tile & { kind: string })[] = [];
  private readonly dangers: Tile[] = [];

  /** Notes what the mobs in view say about the places they stand in. */
  see(mobs: readonly SizedMob[]): void {
    for (const m of mobs) if (!m.beatable && m.kind.aggroRadius > 0) this.danger(m.at);
    for (const m of mobs) {
      if (!m.beatable || m.xp <= 1) continue;
      const near = close(m.at);
      if (this.spots.some(near) || this.dangers.some(near)) continue;
      this.spots.push({ kind: m.kind.id, ...m.at });
      if (this.spots.length > MAX_SPOTS) this.spots.shift();
    }
  }

  danger(at: Tile): void {
    const near = close(at);
    for (let i = this.spots.length - 1; i >= 0; i--) if (near(this.spots[i]!)) this.spots.splice(i, 1);
    if (this.dangers.some(near)) return;
    this.dangers.push({ x: at.x, y: at.y });
    if (this.dangers.length > MAX_DANGERS) this.dangers.shift();
  }

  /** The closest spot to grind at, with its distance (Manhattan tiles), or undefined. */
  nearest(here: Tile): { spot: Tile; distance: number } | undefined {
    return this.spots
      .map((spot) => ({ spot, distance: Math.abs(spot.x - here.x) + Math.abs(spot.y - here.y) }))
      .sort((a, b) => a.distance - b.distance)[0];
  }

  /** Arrived and found nothing there (any more): forget it. */
  forget(spot: Tile): void {
    const i = this.spots.indexOf(spot as Tile & { kind: string });
    if (i >= 0) this.spots.splice(i, 1);
  }
}

function close(at: Tile): (t: Tile) => boolean {
  return (t) => Math.abs(t.x - at.x) + Math.abs(t.y - at.y) < SPOT_TILES;
}
