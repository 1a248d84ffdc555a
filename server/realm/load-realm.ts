// Reads the realm (assets/realm.json): its worlds, every map they play (each loaded once) and the game
// data (once). No realm file: one world of the configured map, as before the realm. A bad realm file
// or map stops the server with a ContentError naming the realm entry and the map's own problems.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { GameData } from '../../shared/content/game-data.ts';
import { parseRealm, realmMaps, type Realm } from '../../shared/content/realm.ts';
import { ContentError } from '../../shared/content/world-map.ts';
import { checkRealm } from '../../shared/content/realm-checks.ts';
import { loadGameData } from '../load-data.ts';
import { loadMapContent, type MapContent } from '../load-content.ts';
import { readJsonFile } from '../read-json.ts';
import type { Config } from '../config.ts';

export interface LoadedRealm {
  realm: Realm;
  /** Every map of the realm by its path under assets/ (`maps/world.tmj`). */
  maps: ReadonlyMap<string, MapContent>;
  data: GameData;
  warnings: string[];
}

/** A map path under assets/, with forward slashes, as realm.json and the client name it. */
export function assetPath(config: Pick<Config, 'assetsDir'>, file: string): string {
  return path.relative(config.assetsDir, file).split(path.sep).join('/');
}

/** A world id from a name: "Emberfall" → "emberfall". */
export function worldId(name: string): string {
  const id = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 32);
  return id || 'world';
}

/** The realm of a server that has no realm file: one world of `map`. */
export function singleWorldRealm(config: Config, map: string): Realm {
  const world = { id: worldId(config.worldName), title: config.worldName, map, shard: null };
  return { start: map, worlds: [{ ...world, maxPlayers: config.maxPlayers }] };
}

/** The realm a server plays (throws a ContentError naming what is wrong). */
export function loadRealm(config: Config): LoadedRealm {
  const data = loadGameData(config.assetsDir);
  const warnings = [...(data.warnings ?? [])];
  const realmFile = config.realmFile && existsSync(config.realmFile) ? config.realmFile : null;
  if (config.realmFile && !realmFile && process.env.REALM)
    throw new ContentError(config.realmFile, ['does not exist: REALM must name a realm file']);
  const label = realmFile ? path.relative(process.cwd(), realmFile) || realmFile : '';
  const realm = realmFile
    ? parseRealm(readJsonFile(realmFile, label), label, config.maxPlayers)
    : singleWorldRealm(config, assetPath(config, config.mapFile));
  const maps = new Map<string, MapContent>();
  for (const mapPath of realmMaps(realm)) {
    const file = path.join(config.assetsDir, mapPath);
    try {
      const content = loadMapContent(file, data);
      maps.set(mapPath, content);
      warnings.push(...content.warnings);
    } catch (err) {
      if (!(err instanceof ContentError) || !realmFile) throw err;
      const worlds = realm.worlds.filter((w) => w.map === mapPath).map((w) => `"${w.id}"`);
      const entry = `world ${worlds.join(', ')} plays "${mapPath}"`;
      throw new ContentError(label, [...err.problems.map((p) => `${entry}: ${err.file} ${p}`)], err.warnings);
    }
  }
  if (realmFile) checkLinks(label, realm, maps, warnings);
  return { realm, maps, data, warnings };
}

/** Cross-map checks (shared/content/realm-checks.ts): every portal leads somewhere, and back. */
function checkLinks(
  label: string,
  realm: Realm,
  maps: ReadonlyMap<string, MapContent>,
  warnings: string[],
): void {
  const found = checkRealm(realm, maps, label);
  warnings.push(...found.warnings);
  if (found.errors.length > 0) throw new ContentError(label, found.errors);
}
