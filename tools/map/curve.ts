// The world's difficulty curve, zone by zone along the north road: the level and gear a player has on
// arriving (from the kills and chests of the zones before), and how fights with the zone's mobs go.
import type { GameData, MobKind } from '../../shared/content/game-data.ts';
import type { MobArea, Placements } from '../../shared/content/placements.ts';
import type { TileRect } from '../../shared/content/world-map.ts';
import { levelForXp } from '../../shared/rules/combat.ts';
import { fightOdds, xpAfter, type FightOdds, type Hero } from './fight-model.ts';
import { ZONES } from './world-layout.ts';

/**
 * The intended road, a step at a time; zones in one step are reached together (the graveyard and the
 * mountains both lie off the pass). The coast is a side trip from the village, and Ember Isle (its own
 * map, by the ferry at the end of the coast's pier) one from the coast: nobody needs them.
 */
export const ROAD: readonly (readonly string[])[] = [
  ['village'],
  ['forest', 'coast', 'isle'],
  ['graveyard', 'mountains'],
  ['caves'],
  ['desert'],
  ['volcano'],
  ['lair'],
];
const SIDE_TRIPS = new Set(['coast', 'isle']);
/** Caches found by exploring, not on the road: the curve must not need them. */
const SECRET_CHESTS = new Set(['waterfall_cache', 'secret_garden_chest']);

export interface ZoneCurve {
  zone: string;
  hero: Hero;
  /** Each mob kind of the zone, one against one. */
  duels: { kind: MobKind; odds: FightOdds }[];
  /** The worst group the zone's mob areas can set on one player at once, and how that goes. */
  pack: { kinds: MobKind[]; odds: FightOdds } | null;
}

const centre = (r: TileRect): [number, number] => [
  r.x + Math.floor(r.width / 2),
  r.y + Math.floor(r.height / 2),
];

/** Which zone a tile of the world map belongs to. */
export function zoneOf(x: number, y: number): string {
  for (const [name, r] of Object.entries(ZONES))
    if (x >= r.x && y >= r.y && x < r.x + r.w && y < r.y + r.h) return name;
  return '';
}

/** Mobs within `radius` (square) of a tile, expected from one area's count spread over its tiles, rounded up. */
function expectedNear(x: number, y: number, radius: number, a: TileRect, count: number): number {
  const w = Math.min(x + radius, a.x + a.width - 1) - Math.max(x - radius, a.x) + 1;
  const h = Math.min(y + radius, a.y + a.height - 1) - Math.max(y - radius, a.y) + 1;
  if (w <= 0 || h <= 0) return 0;
  return Math.ceil((count * w * h) / (a.width * a.height));
}

/** The packs a player standing anywhere in the zone's mob areas can meet: one per distinct make-up. */
function packsIn(homes: readonly MobArea[], placements: Placements, data: GameData): MobKind[][] {
  const seen = new Map<string, MobKind[]>();
  for (const home of homes) {
    const r = home.area;
    for (let y = r.y; y < r.y + r.height; y++) {
      for (let x = r.x; x < r.x + r.width; x++) {
        const pack: MobKind[] = [];
        for (const a of placements.mobAreas) {
          const kind = data.mobs.get(a.kind)!;
          // Mobs that only fight back join nobody; the one the player attacks is the duel.
          const n = kind.aggroRadius > 0 ? expectedNear(x, y, kind.aggroRadius, a.area, a.count) : 0;
          for (let i = 0; i < n; i++) pack.push(kind);
        }
        const key = pack
          .map((k) => k.id)
          .sort()
          .join(',');
        if (pack.length > 1 && !seen.has(key)) seen.set(key, pack);
      }
    }
  }
  return [...seen.values()];
}

/**
 * The curve along ROAD, assuming each mob of each zone is killed once and each open chest emptied. A zone
 * is what of the world map lies in its rectangle, and all of the maps of its own (`maps`, by zone name:
 * the isle, the mines as the caves, the lair, the houses as the village).
 */
export function worldCurve(
  placements: Placements,
  data: GameData,
  maps: Readonly<Record<string, readonly Placements[]>> = {},
): ZoneCurve[] {
  const inWorld = (zone: string) => (p: { x: number; y: number }) => zoneOf(p.x, p.y) === zone;
  const mobAt = (m: MobArea) => ({ x: centre(m.area)[0], y: centre(m.area)[1] });
  const areasOf = (zone: string): MobArea[] => [
    ...placements.mobAreas.filter((m) => inWorld(zone)(mobAt(m))),
    ...(maps[zone] ?? []).flatMap((p) => p.mobAreas),
  ];
  const chestsOf = (zone: string): Placements['chests'] => [
    ...placements.chests.filter(inWorld(zone)),
    ...(maps[zone] ?? []).flatMap((p) => p.chests),
  ];
  /** For the packs: the mob areas a player in the zone may meet (the world's, or its own maps'). */
  const on = (zone: string): Placements =>
    zone in ZONES ? placements : { ...placements, mobAreas: areasOf(zone) };
  const out: ZoneCurve[] = [];
  let xp = 0;
  let weapon = 1;
  let armor = 1;
  for (const step of ROAD) {
    const hero: Hero = { level: levelForXp(xp), weapon, armor };
    for (const zone of step) {
      const areas = areasOf(zone);
      const kinds = [...new Set(areas.map((a) => a.kind))].map((k) => data.mobs.get(k)!);
      const packs = packsIn(areas, on(zone), data).map((kinds) => ({ kinds, odds: fightOdds(hero, kinds) }));
      const worst = packs.sort(
        (a, b) => a.odds.won - b.odds.won || a.odds.medianHpLeft - b.odds.medianHpLeft,
      )[0];
      out.push({
        zone,
        hero,
        duels: kinds.map((kind) => ({ kind, odds: fightOdds(hero, [kind]) })),
        pack: worst ?? null,
      });
    }
    for (const zone of step.filter((z) => !SIDE_TRIPS.has(z))) {
      for (const a of areasOf(zone))
        xp = xpAfter(
          xp,
          Array.from({ length: a.count }, () => data.mobs.get(a.kind)!),
        );
      for (const c of chestsOf(zone)) {
        if (SECRET_CHESTS.has(c.name)) continue;
        for (const id of c.items) {
          const item = data.items.get(id)!;
          if (item.type === 'weapon') weapon = Math.max(weapon, item.level);
          if (item.type === 'armor') armor = Math.max(armor, item.level);
        }
      }
    }
  }
  return out;
}
