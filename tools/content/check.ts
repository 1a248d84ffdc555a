// The content checker: runs the server's own loaders and parsers (server/load-*.ts, shared/content) on
// the data files, assets/realm.json and the maps a modder names, plus the realm's links between maps
// (shared/content/realm-checks.ts), and collects every error and warning instead of stopping at the
// first. Nothing here re-implements a rule: what it reports is exactly what the server would.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { GameData } from '../../shared/content/game-data.ts';
import { parsePlacements } from '../../shared/content/placements.ts';
import { checkRespawnSafety } from '../../shared/content/respawn-safety.ts';
import { realmFindings, type LoadedMap } from '../../shared/content/realm-checks.ts';
import { questFindings } from '../../shared/content/quest-checks.ts';
import { realmMaps, type Realm } from '../../shared/content/realm.ts';
import { ContentError } from '../../shared/content/world-map.ts';
import { loadGameData } from '../../server/load-data.ts';
import { loadWorldMap } from '../../server/load-map.ts';
import { assetPath, loadRealm, realmFile } from './realm-file.ts';

export type Level = 'error' | 'warning';

export interface Finding {
  level: Level;
  /** The file as the modder knows it (relative to the working directory). */
  file: string;
  message: string;
}

export interface CheckRequest {
  /** The assets folder holding data/, sprites/, audio/ and maps/. */
  assetsDir: string;
  /**
   * Map files to check; when empty, every map assets/realm.json names and every .tmj (and misnamed .tmx)
   * under assets/maps. The realm's links between maps are checked either way (with FILEs, only the
   * findings that concern them).
   */
  maps: readonly string[];
}

const rel = (file: string): string => path.relative(process.cwd(), file) || file;

/** Runs `step`, turning its ContentError (or its returned warnings) into findings. */
export function collect<T>(
  findings: Finding[],
  file: string,
  step: () => T & { warnings?: readonly string[] },
): T | null {
  try {
    const value = step();
    for (const w of value.warnings ?? []) findings.push({ level: 'warning', file, message: w });
    return value;
  } catch (err) {
    if (!(err instanceof ContentError)) throw err;
    for (const w of err.warnings) findings.push({ level: 'warning', file: err.file, message: w });
    for (const p of err.problems) findings.push({ level: 'error', file: err.file, message: p });
    return null;
  }
}

export function defaultMaps(assetsDir: string): string[] {
  const dir = path.join(assetsDir, 'maps');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.(tmj|tmx)$/.test(f))
    .sort()
    .map((f) => path.join(dir, f));
}

/** The maps a run checks: the FILEs given, else every map the realm names and every map in assets/maps. */
export function mapsToCheck(request: CheckRequest, realm: Realm | null): string[] {
  if (request.maps.length) return [...request.maps];
  const fromRealm = realm
    ? realmMaps(realm)
        .map((m) => path.join(request.assetsDir, m))
        .filter((f) => existsSync(f)) // a missing one is reported against realm.json
    : [];
  return [...new Set([...fromRealm, ...defaultMaps(request.assetsDir)].map((f) => path.resolve(f)))].sort();
}

export function checkContent(request: CheckRequest): Finding[] {
  const findings: Finding[] = [];
  const { assetsDir } = request;
  const data: GameData | null = collect(findings, rel(path.join(assetsDir, 'data')), () =>
    loadGameData(assetsDir),
  );
  const realm = loadRealm(assetsDir, findings);
  const named = mapsToCheck(request, realm);
  const loaded = new Map<string, LoadedMap>();
  const checkMap = (file: string, out: Finding[]): void => {
    const label = rel(file);
    const map = collect(out, label, () => loadWorldMap(file));
    if (!map || !data) return;
    const placed = collect(out, label, () => ({ placements: parsePlacements(map, data, label) }));
    collect(out, label, () => {
      checkRespawnSafety(map, data, label);
      return {};
    });
    if (placed) loaded.set(assetPath(assetsDir, file), { file: label, map, placements: placed.placements });
  };
  for (const file of named) checkMap(file, findings);
  if (!realm || !data) return findings;
  // With FILEs named, the realm's other maps are read only for the links: their own findings are theirs.
  for (const m of realmMaps(realm)) {
    const file = path.resolve(assetsDir, m);
    if (!loaded.has(m) && existsSync(file) && !named.includes(file)) checkMap(file, []);
  }
  const labels = named.map(rel);
  for (const f of realmFindings(realm, loaded, rel(realmFile(assetsDir)))) {
    const concerns = request.maps.length === 0 || labels.some((l) => f.file === l || f.message.includes(l));
    if (concerns) findings.push(f);
  }
  // Quests name NPCs, mobs, areas and items on whichever maps the realm plays.
  const played = realmMaps(realm).flatMap((m) => loaded.get(m) ?? []);
  const questFile = rel(path.join(assetsDir, 'data', 'quests.json'));
  findings.push(...questFindings(data, played, questFile));
  return findings;
}

/** The report a person reads: findings grouped by file, errors first, then a count. */
export function formatFindings(findings: readonly Finding[], checked: number): string {
  const lines: string[] = [];
  const files = [...new Set(findings.map((f) => f.file))];
  for (const file of files) {
    lines.push(file);
    const mine = findings.filter((f) => f.file === file);
    for (const level of ['error', 'warning'] as const)
      for (const f of mine.filter((m) => m.level === level)) lines.push(`  ${level.padEnd(7)} ${f.message}`);
  }
  const errors = findings.filter((f) => f.level === 'error').length;
  const warnings = findings.length - errors;
  lines.push(
    `${errors} error(s), ${warnings} warning(s) in the data files and ${checked} map(s)` +
      (errors ? ': the server would refuse this content.' : '.'),
  );
  return lines.join('\n');
}
