// The links between the realm's maps, checked from both ends: every portal leads to a map some world plays,
// onto exactly one object of the name it gives, on open ground and off any portal, and that map has a portal
// back. placements.ts checks a portal's own side; this needs every map at once. Each line names the file,
// the object id and the fix.
import { isWalkable } from '../rules/grid.ts';
import type { Placements, PortalPlacement } from './placements.ts';
import type { Realm } from './realm.ts';
import type { TileRect, WorldMap } from './world-map.ts';

export interface LoadedMap {
  /** The file as the modder knows it (`assets/maps/isle.tmj`). */
  file: string;
  map: WorldMap;
  placements: Placements;
}

export interface RealmFinding {
  level: 'error' | 'warning';
  file: string;
  message: string;
}

const inside = (r: TileRect, x: number, y: number): boolean =>
  x >= r.x && y >= r.y && x < r.x + r.width && y < r.y + r.height;

/** The tile a player stands on after arriving at `target` (the middle of its area, as doors do). */
export function arrivalTile(area: TileRect): { x: number; y: number } {
  return { x: area.x + Math.floor(area.width / 2), y: area.y + Math.floor(area.height / 2) };
}

/**
 * Every problem with the realm's cross-map links, as findings naming the file they are in. `maps` holds
 * each map that loaded, keyed by its path under assets/ (`maps/world.tmj`); a realm map missing from it
 * is reported against `realmFile`.
 */
export function realmFindings(
  realm: Realm,
  maps: ReadonlyMap<string, LoadedMap>,
  realmFile = 'assets/realm.json',
): RealmFinding[] {
  const out: RealmFinding[] = [];
  const error = (file: string, message: string): void => void out.push({ level: 'error', file, message });
  const played = new Set(realm.worlds.map((w) => w.map));
  realm.worlds.forEach((w, i) => {
    if (!maps.has(w.map))
      error(
        realmFile,
        `worlds[${i}] ("${w.id}") plays "${w.map}", which is missing or did not load: put the map at ` +
          `assets/${w.map} (and fix what the checker reports in it), or fix the world's "map"`,
      );
  });
  const backChecked = new Set<string>();
  for (const [path, here] of maps) {
    const portals = here.placements.portals;
    if (!played.has(path) && portals.length > 0)
      out.push({
        level: 'warning',
        file: here.file,
        message:
          `has portals (object ${portals.map((p) => p.objectId).join(', ')}) but no world in ${realmFile} ` +
          `plays it, so nobody can use them: add a world for "${path}" to ${realmFile}`,
      });
    for (const portal of portals) {
      const where = `portal object ${portal.objectId} ("${portal.name}")`;
      const there = maps.get(portal.map);
      if (!played.has(portal.map)) {
        error(
          here.file,
          `${where} leads to map "${portal.map}", which no world in ${realmFile} plays: ` +
            (there
              ? `add a world for "${portal.map}" to ${realmFile}`
              : `fix the portal's "map" property (maps in the realm: ${[...played].join(', ')})`),
        );
        continue;
      }
      if (!there) continue; // reported once against realm.json above
      checkDestination(here, portal, where, there, error);
      const pair = `${path} -> ${portal.map}`;
      if (backChecked.has(pair)) continue;
      backChecked.add(pair);
      if (!there.placements.portals.some((p) => p.map === path))
        error(
          there.file,
          `has no portal back to "${path}", which ${where} in ${here.file} leads here from: players who ` +
            `cross could never return. Add a portal object with "map" = "${path}" and "to" = the name of a ` +
            `destination in that map`,
        );
    }
  }
  return out;
}

function checkDestination(
  here: LoadedMap,
  portal: PortalPlacement,
  where: string,
  there: LoadedMap,
  error: (file: string, message: string) => void,
): void {
  const named = there.map.objects.filter((o) => o.name === portal.to);
  const leads = `${where} leads to "${portal.to}" in ${there.file}`;
  if (named.length === 0) {
    error(
      here.file,
      `${leads}, but no object there has that name: add a destination point named "${portal.to}" to ` +
        `${there.file}, or fix the portal's "to" property`,
    );
    return;
  }
  if (named.length > 1) {
    error(
      here.file,
      `${leads}, but ${named.length} objects there have that name (ids ${named.map((o) => o.id).join(', ')}): ` +
        'rename all but one, so the portal cannot land players in the wrong place',
    );
    return;
  }
  const target = named[0]!;
  const tile = arrivalTile(target.area);
  if (!isWalkable(there.map.grid, tile.x, tile.y))
    error(
      here.file,
      `${leads} (object ${target.id}), which stands in a wall at (${tile.x}, ${tile.y}): move that object ` +
        'onto open ground',
    );
  const onPortal = there.placements.portals.find((p) => inside(p.area, tile.x, tile.y));
  if (onPortal)
    error(
      here.file,
      `${leads} (object ${target.id}), which lies on portal object ${onPortal.objectId} ("${onPortal.name}"): ` +
        'players would be sent straight on; move the destination off the portal',
    );
}

/** The realm's cross-map links checked: lines like `assets/maps/isle.tmj: portal object 1 ("…") …`. */
export function checkRealm(
  realm: Realm,
  maps: ReadonlyMap<string, LoadedMap>,
  realmFile = 'assets/realm.json',
): { errors: string[]; warnings: string[] } {
  const findings = realmFindings(realm, maps, realmFile);
  const lines = (level: RealmFinding['level']): string[] =>
    findings.filter((f) => f.level === level).map((f) => `${f.file}: ${f.message}`);
  return { errors: lines('error'), warnings: lines('warning') };
}
