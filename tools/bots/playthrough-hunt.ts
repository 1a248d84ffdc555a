// Zone by zone, as a player goes: before the playthrough bot walks the road on to the next stop's zone, it
// hunts the current zone's mob areas and visits its chests (both as the map lists them) until the mobs
// living around the next stop (with the packs their areas make) are fair by the bot's own judge, or until
// the zone's time is up. A pack that turned the bot back on the road holds it the same way.
import type { MobKind } from '../../shared/content/game-data.ts';
import type { MobArea } from '../../shared/content/placements.ts';
import type { TileRect } from '../../shared/content/world-map.ts';
import type { Stats } from '../../shared/protocol/view.ts';
import { isWalkable } from '../../shared/rules/grid.ts';
import { regenAmount } from '../../shared/rules/combat.ts';
import { canBeat, canBeatPack, guessFight } from './playthrough-judge.ts';
import { inside, middle, planWalk, type PlayerContent, type Stop } from './playthrough-route.ts';

interface Tile {
  x: number;
  y: number;
}

/** Mob areas this close to a stop (tiles, nearest edge) count as living around it. */
const NEAR_STOP = 20;
/** A hunting tile reached (this close) or walked to for this long: pick another in the area. */
const ARRIVED = 3;
const HUNT_TILE_MS = 20_000;
/** A resting player heals regenAmount every this many seconds (as a player sees its HP bar fill). */
const REGEN_SECONDS = 2;
/** Seconds of walking between two kills, a guess. */
const WALK_SECONDS = 6;
/** Another area must promise this much more XP a second to be switched to. */
const KEEP_AREA = 1.3;
/** A chest tile this close counts as visited (the bot opens chests in sight on its own). */
const CHEST_SEEN = 4;
const CHEST_MS = 90_000;

/** `keen`: hunting a mob area (fight anything in sight), not walking to a chest (fight only what is near). */
export type HuntStep = { kind: 'walk'; to: Tile; why: string; keen: boolean } | { kind: 'go'; why: string }; // the leg is fair (or the zone's time is up): walk on

/** Something the bot must be able to beat before it goes on: a mob area's pack, or one seen on the road. */
interface Threat {
  id: string;
  pack: MobKind[];
}

export class ZoneHunt {
  /** When the bot first held back in each zone. */
  private readonly since = new Map<string, number>();
  private readonly visited = new Set<number>();
  /** The chest walked to now, and since when. */
  private chest: { id: number; since: number } | null = null;
  private huntTile: Tile | null = null;
  /** The mob area hunted last. */
  private area: MobArea | null = null;
  private huntPicked = 0;
  private lastWhy = '';
  /** A pack that turned the bot back, and since when it holds the bot. */
  private blocker: (Threat & { since: number }) | null = null;

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

  /** The zone a stop leads into: a door's far side, else the stop's own. */
  zoneAfter(stop: Stop): string | null {
    return this.zoneOf(stop.to ?? stop.tile);
  }

  /** Kinds of mob that live around stop `leg`: in the zone it leads into, or within NEAR_STOP tiles of it. */
  ahead(leg: number): MobKind[] {
    const kinds = new Set(this.threats(leg).flatMap((t) => t.pack.map((k) => k.id)));
    return [...kinds].flatMap((k) => this.content.data.mobs.get(k) ?? []);
  }

  private threats(leg: number): Threat[] {
    const stop = this.stops[leg];
    if (!stop) return [];
    const zone = this.zoneAfter(stop);
    const out: Threat[] = [];
    for (const a of this.content.placements.mobAreas) {
      if (a.kind === stop.mobKind) continue; // the boss is the stop itself, fought when reached
      const inZone = zone !== null && this.zoneOf(middle(a.area)) === zone;
      const near = Math.min(
        edgeDistance(a.area, stop.tile),
        stop.to ? edgeDistance(a.area, stop.to) : Infinity,
      );
      if (inZone || near <= NEAR_STOP) out.push({ id: a.kind, pack: this.packOf(a) });
    }
    return out;
  }

  /**
   * The pack a player meets in the middle of mob area `home`: its own mobs and those of overlapping
   * areas expected within their aggro reach (an area's count spread over its tiles), at least one of its own.
   */
  packOf(home: MobArea): MobKind[] {
    const data = this.content.data;
    const at = middle(home.area);
    const pack: MobKind[] = [];
    for (const a of this.content.placements.mobAreas) {
      const kind = data.mobs.get(a.kind);
      if (!kind || (kind.aggroRadius === 0 && a !== home)) continue;
      const reach = kind.aggroRadius;
      const n = a === home ? Math.max(1, expectedNear(at, reach, a)) : expectedNear(at, reach, a);
      for (let i = 0; i < Math.min(n, a.count); i++) pack.push(kind);
    }
    return pack;
  }

  /** The bot was turned back by this pack on the road: hold it until the pack is fair (or time is up). */
  block(pack: MobKind[], now: number): void {
    const id = pack.map((k) => k.id).join('+');
    if (this.blocker?.id === id) return;
    this.blocker = { id, pack, since: now };
  }

  /** What to do before the leg to stop `leg`: hunt here (where to walk) or go on. */
  step(leg: number, here: Tile, stats: Stats, now: number): HuntStep {
    const data = this.content.data;
    const stop = this.stops[leg];
    // The zone the road has brought the bot to (the last stop's), not wherever a chase or detour took it.
    const last = this.stops[leg - 1];
    const zone = last ? this.zoneAfter(last) : this.zoneOf(here);
    if (!stop || !zone) return { kind: 'go', why: 'nowhere to hunt' };
    if (
      this.blocker &&
      (canBeatPack(data, stats, this.blocker.pack) || now - this.blocker.since > this.capMs)
    )
      this.blocker = null;
    const sameZone = zone === this.zoneAfter(stop);
    if (sameZone && !this.blocker) return { kind: 'go', why: 'in the zone already' };
    const unfair = this.blocker
      ? [this.blocker]
      : this.threats(leg).filter((t) => !canBeatPack(data, stats, t.pack));
    if (unfair.length === 0) return { kind: 'go', why: `${stop.name} is fair at level ${stats.level}` };
    const since = this.blocker?.since ?? this.since.get(zone) ?? now;
    if (!this.blocker) this.since.set(zone, since);
    if (now - since > this.capMs)
      return { kind: 'go', why: `${zone} time is up at level ${stats.level} (${unfair[0]!.id} not fair)` };
    const chest = this.nextChest(zone, here, now);
    if (chest) return { kind: 'walk', to: chest, why: `chest in ${zone}`, keen: false };
    // Nothing here fits yet: go back to the strongest fitting area of a zone the road has passed.
    const behind = this.stops.slice(0, leg).map((s) => this.zoneAfter(s));
    const area = this.bestArea([zone, ...behind], stats);
    if (!area) return { kind: 'go', why: `nothing to hunt in ${zone} at level ${stats.level}` };
    const where = this.zoneOf(middle(area.area));
    const why = `${area.kind} in ${where}${this.blocker ? ` (held back by ${this.blocker.id})` : ''}`;
    return { kind: 'walk', to: this.huntTileIn(area.area, here, now), why, keen: true };
  }

  /**
   * A static chest of the zone not yet walked to (guarded ones show up as their guards die). One the bot
   * cannot walk to, or has walked towards for CHEST_MS without getting there, counts as visited.
   */
  private nextChest(zone: string, here: Tile, now: number): Tile | null {
    const { map, road, links } = this.content;
    for (const c of this.content.placements.chests) {
      if (this.visited.has(c.objectId) || c.guardedBy || this.zoneOf(c) !== zone) continue;
      const tile = nearWalkable(this.content, c);
      const near = Math.max(Math.abs(c.x - here.x), Math.abs(c.y - here.y)) <= CHEST_SEEN;
      if (this.chest?.id !== c.objectId) this.chest = { id: c.objectId, since: now };
      const late = now - this.chest.since > CHEST_MS;
      if (near || late || planWalk(map.grid, road, here, tile, links).length === 0) {
        this.visited.add(c.objectId);
        continue;
      }
      return tile;
    }
    return null;
  }

  /**
   * The zones' mob area whose kind gives the most XP for the time a kill takes (the fight, the rest after
   * it, the walk to the next), among those the bot beats with their pack; the last pick stays unless
   * another is clearly better, so the hunt does not flit between two.
   */
  private bestArea(zones: readonly (string | null)[], stats: Stats): MobArea | null {
    const data = this.content.data;
    const regenPerSecond = regenAmount(stats.maxHp) / REGEN_SECONDS;
    let best: { area: MobArea; score: number } | null = null;
    let kept: { area: MobArea; score: number } | null = null;
    for (const a of this.content.placements.mobAreas) {
      const kind = data.mobs.get(a.kind);
      if (!kind || kind.boss || !zones.includes(this.zoneOf(middle(a.area)))) continue;
      if (!canBeat(data, stats, kind) || !canBeatPack(data, stats, this.packOf(a))) continue;
      const fight = guessFight(data, stats, kind);
      const score = fight.xp / (fight.seconds + fight.hpLost / regenPerSecond + WALK_SECONDS);
      if (a === this.area) kept = { area: a, score };
      if (!best || score > best.score) best = { area: a, score };
    }
    const pick = kept && best && best.score < kept.score * KEEP_AREA ? kept : best;
    this.area = pick?.area ?? null;
    return this.area;
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

/** Mobs of area `a` expected within `radius` (square) of `t`: its count spread over its tiles, rounded up. */
function expectedNear(t: Tile, radius: number, a: MobArea): number {
  const r = a.area;
  const w = Math.min(t.x + radius, r.x + r.width - 1) - Math.max(t.x - radius, r.x) + 1;
  const h = Math.min(t.y + radius, r.y + r.height - 1) - Math.max(t.y - radius, r.y) + 1;
  if (w <= 0 || h <= 0) return 0;
  return Math.ceil((a.count * w * h) / (r.width * r.height));
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
