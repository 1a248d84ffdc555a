// Zone by zone, as a player goes: before the playthrough bot walks the road on to the next stop's zone, it
// hunts the current zone's mob areas and visits its chests (both as the map lists them) until the mobs
// living around the next stop are fair by the bot's own judge, or until the zone's time is up.
import type { MobKind } from '../../shared/content/game-data.ts';
import type { MobArea } from '../../shared/content/placements.ts';
import type { TileRect } from '../../shared/content/world-map.ts';
import type { Stats } from '../../shared/protocol/view.ts';
import { isWalkable } from '../../shared/rules/grid.ts';
import { canBeat } from './playthrough-judge.ts';
import { inside, middle, type PlayerContent, type Stop } from './playthrough-route.ts';

interface Tile {
  x: number;
  y: number;
}

/** Mob areas this close to a stop (tiles, nearest edge) count as living around it. */
const NEAR_STOP = 20;
/** A hunting tile reached (this close) or walked to for this long: pick another in the area. */
const ARRIVED = 3;
const HUNT_TILE_MS = 20_000;
/** A chest tile this close counts as visited (the bot opens chests in sight on its own). */
const CHEST_SEEN = 4;

export type HuntStep = { kind: 'walk'; to: Tile; why: string } | { kind: 'go'; why: string }; // the leg is fair (or the zone's time is up): walk on

export class ZoneHunt {
  /** When the bot first held back in each zone. */
  private readonly since = new Map<string, number>();
  private readonly visited = new Set<number>();
  private huntTile: Tile | null = null;
  private huntPicked = 0;
  private lastWhy = '';

  constructor(
    private readonly content: PlayerContent,
    private readonly stops: readonly Stop[],
    /** Longest stay in one zone before the bot walks on regardless, in ms. */
    private readonly capMs: number,
    private readonly random: () => number,
  ) {}

  zoneOf(t: Tile): string | null {
    return this.content.zones.find((z) => inside(z.area, t))?.name ?? null;
  }

  /** Kinds of mob that live around stop `leg`: in its zone, or within NEAR_STOP tiles of it. */
  ahead(leg: number): MobKind[] {
    const stop = this.stops[leg];
    if (!stop) return [];
    const zone = this.zoneOf(stop.tile);
    const kinds = new Set<string>();
    for (const a of this.content.placements.mobAreas) {
      if (a.kind === stop.mobKind) continue; // the boss is the stop itself, fought when reached
      const inZone = zone !== null && this.zoneOf(middle(a.area)) === zone;
      if (inZone || edgeDistance(a.area, stop.tile) <= NEAR_STOP) kinds.add(a.kind);
    }
    return [...kinds].flatMap((k) => this.content.data.mobs.get(k) ?? []);
  }

  /** What to do before the leg to stop `leg`: hunt here (where to walk) or go on. */
  step(leg: number, here: Tile, stats: Stats, now: number): HuntStep {
    const data = this.content.data;
    const stop = this.stops[leg];
    // The zone the road has brought the bot to (the last stop's), not wherever a chase or detour took it.
    const zone = this.zoneOf(this.stops[leg - 1]?.tile ?? here);
    if (!stop || !zone || zone === this.zoneOf(stop.tile)) return { kind: 'go', why: 'in the zone already' };
    const unfair = this.ahead(leg).filter((k) => !canBeat(data, stats, k));
    if (unfair.length === 0) return { kind: 'go', why: `${stop.name} is fair at level ${stats.level}` };
    const since = this.since.get(zone) ?? now;
    this.since.set(zone, since);
    if (now - since > this.capMs)
      return { kind: 'go', why: `${zone} time is up at level ${stats.level} (${unfair[0]!.id} not fair)` };
    const chest = this.nextChest(zone, here);
    if (chest) return { kind: 'walk', to: chest, why: `chest in ${zone}` };
    // Nothing here fits yet: go back to the strongest fitting area of a zone the road has passed.
    const behind = this.stops.slice(0, leg).map((s) => this.zoneOf(s.tile));
    const area = this.bestArea([zone], here, stats) ?? this.bestArea(behind, here, stats);
    if (!area) return { kind: 'go', why: `nothing to hunt in ${zone} at level ${stats.level}` };
    const where = this.zoneOf(middle(area.area));
    return { kind: 'walk', to: this.huntTileIn(area.area, here, now), why: `${area.kind} in ${where}` };
  }

  /** A static chest of the zone not yet walked to (guarded ones show up as their guards die). */
  private nextChest(zone: string, here: Tile): Tile | null {
    for (const c of this.content.placements.chests) {
      if (this.visited.has(c.objectId) || c.guardedBy || this.zoneOf(c) !== zone) continue;
      if (Math.max(Math.abs(c.x - here.x), Math.abs(c.y - here.y)) <= CHEST_SEEN) {
        this.visited.add(c.objectId);
        continue;
      }
      return nearWalkable(this.content, c);
    }
    return null;
  }

  /** The zones' mob area with the strongest kind the bot beats (most XP), nearest among equals. */
  private bestArea(zones: readonly (string | null)[], here: Tile, stats: Stats): MobArea | null {
    const data = this.content.data;
    let best: { area: MobArea; level: number; distance: number } | null = null;
    for (const a of this.content.placements.mobAreas) {
      const kind = data.mobs.get(a.kind);
      if (!kind || !zones.includes(this.zoneOf(middle(a.area))) || !canBeat(data, stats, kind)) continue;
      const distance = edgeDistance(a.area, here);
      if (!best || kind.level > best.level || (kind.level === best.level && distance < best.distance))
        best = { area: a, level: kind.level, distance };
    }
    return best?.area ?? null;
  }

  private huntTileIn(area: TileRect, here: Tile, now: number): Tile {
    const t = this.huntTile;
    const fresh =
      t &&
      inside(area, t) &&
      now - this.huntPicked < HUNT_TILE_MS &&
      Math.abs(t.x - here.x) + Math.abs(t.y - here.y) > ARRIVED;
    if (fresh) return t;
    for (let i = 0; i < 20; i++) {
      const x = area.x + Math.floor(this.random() * area.width);
      const y = area.y + Math.floor(this.random() * area.height);
      if (!isWalkable(this.content.map.grid, x, y)) continue;
      this.huntTile = { x, y };
      this.huntPicked = now;
      return this.huntTile;
    }
    this.huntTile = nearWalkable(this.content, middle(area));
    this.huntPicked = now;
    return this.huntTile;
  }

  /** The step's reason when it changed since last asked (for the log), else null. */
  changed(step: HuntStep): string | null {
    const why = step.why.replace(/ at level \d+/, '');
    if (why === this.lastWhy) return null;
    this.lastWhy = why;
    return step.why;
  }
}

function edgeDistance(r: TileRect, t: Tile): number {
  const dx = Math.max(r.x - t.x, 0, t.x - (r.x + r.width - 1));
  const dy = Math.max(r.y - t.y, 0, t.y - (r.y + r.height - 1));
  return Math.max(dx, dy);
}

/** A walkable tile next to `t` (a chest stands on its own tile). */
function nearWalkable(content: PlayerContent, t: Tile): Tile {
  for (let d = 0; d < 4; d++)
    for (let dy = -d; dy <= d; dy++)
      for (let dx = -d; dx <= d; dx++)
        if (isWalkable(content.map.grid, t.x + dx, t.y + dy)) return { x: t.x + dx, y: t.y + dy };
  return t;
}
