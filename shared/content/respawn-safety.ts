// Where players come back to life must be out of every aggressive mob's reach: a checkpoint or spawn area
// beside a mob area makes a respawn loop (stand up, get bitten, die again before you can move).
// A rule for maps players play (the server checks its map at start); test arenas may break it on purpose.
import type { GameData, MobKind } from './game-data.ts';
import { ContentError, type TileRect, type WorldMap } from './world-map.ts';

/** A place players appear: a checkpoint or a spawn area, named the way a modder finds it in Tiled. */
export interface ArrivalPlace {
  objectId: number;
  name: string;
  kind: 'checkpoint' | 'spawn';
  area: TileRect;
}

export interface MobAreaForSafety {
  objectId: number;
  name: string;
  kind: string;
  area: TileRect;
}

/**
 * Tiles a mob of this kind can reach from the edge of its area: it notices players `aggroRadius` tiles
 * away and chases them up to `leash` tiles from home. Mobs that only fight back (aggroRadius 0) never
 * start a fight, so they reach nobody who just stood up.
 */
export function mobReach(kind: MobKind): number {
  return kind.aggroRadius > 0 ? kind.aggroRadius + kind.leash : 0;
}

/** Tiles between two rectangles, counted the way mobs count distance (diagonal steps count as one). */
export function rectGap(a: TileRect, b: TileRect): number {
  const dx = Math.max(0, b.x - (a.x + a.width - 1), a.x - (b.x + b.width - 1));
  const dy = Math.max(0, b.y - (a.y + a.height - 1), a.y - (b.y + b.height - 1));
  return Math.max(dx, dy);
}

/** One problem per arrival place and mob area that are too close, saying how far apart they must be. */
export function respawnProblems(
  arrivals: readonly ArrivalPlace[],
  mobAreas: readonly MobAreaForSafety[],
  mobs: ReadonlyMap<string, MobKind>,
): string[] {
  const problems: string[] = [];
  for (const place of arrivals) {
    for (const m of mobAreas) {
      const kind = mobs.get(m.kind);
      if (!kind) continue; // an unknown kind is reported on its own
      const reach = mobReach(kind);
      const gap = rectGap(place.area, m.area);
      if (reach === 0 || gap > reach) continue;
      problems.push(
        `${place.kind} object ${place.objectId} ("${place.name}") is ${gap} tile(s) from mob area object ` +
          `${m.objectId} ("${m.name}", ${kind.id}), inside its reach of ${reach} ` +
          `(aggroRadius ${kind.aggroRadius} + leash ${kind.leash}): players would respawn into a fight. ` +
          `Move them more than ${reach} tiles apart, or shrink the mob area.`,
      );
    }
  }
  return problems;
}

/** The map's checkpoints and spawn areas against its mob areas and mobs; throws every problem at once. */
export function checkRespawnSafety(map: WorldMap, data: GameData, file: string): void {
  const arrivals: ArrivalPlace[] = map.objects
    .filter((o) => o.kind === 'spawn' || o.kind === 'checkpoint')
    .map((o) => ({ objectId: o.id, name: o.name, kind: o.kind as ArrivalPlace['kind'], area: o.area }));
  const mobAreas = map.objects
    .filter((o) => o.kind === 'mobArea' || o.kind === 'mob')
    .map((o) => ({ objectId: o.id, name: o.name, kind: String(o.properties.kind ?? ''), area: o.area }));
  const problems = respawnProblems(arrivals, mobAreas, data.mobs);
  if (problems.length) throw new ContentError(file, problems);
}
