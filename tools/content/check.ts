// The content checker: runs the server's own loaders and parsers (server/load-*.ts, shared/content) on
// the data files and maps a modder names, and collects every error and warning instead of stopping at
// the first. Nothing here re-implements a rule: what it reports is exactly what the server would.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { GameData } from '../../shared/content/game-data.ts';
import { parsePlacements } from '../../shared/content/placements.ts';
import { checkRespawnSafety } from '../../shared/content/respawn-safety.ts';
import { ContentError } from '../../shared/content/world-map.ts';
import { loadGameData } from '../../server/load-data.ts';
import { loadWorldMap } from '../../server/load-map.ts';
import { readJsonFile } from '../../server/read-json.ts';

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
  /** Map files to check; every .tmj (and misnamed .tmx) under assets/maps when empty. */
  maps: readonly string[];
}

const rel = (file: string): string => path.relative(process.cwd(), file) || file;

/** Runs `step`, turning its ContentError (or its returned warnings) into findings. */
function collect<T>(
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

export function checkContent(request: CheckRequest): Finding[] {
  const findings: Finding[] = [];
  const { assetsDir } = request;
  const data: GameData | null = collect(findings, rel(path.join(assetsDir, 'data')), () =>
    loadGameData(assetsDir),
  );
  // The realm (which maps and worlds run) is optional until a realm file exists.
  const realm = path.join(assetsDir, 'realm.json');
  if (existsSync(realm)) collect(findings, rel(realm), () => ({ json: readJsonFile(realm, rel(realm)) }));

  const maps = request.maps.length ? request.maps : defaultMaps(assetsDir);
  for (const file of maps) {
    const label = rel(file);
    const map = collect(findings, label, () => loadWorldMap(file));
    if (!map || !data) continue;
    collect(findings, label, () => ({ placements: parsePlacements(map, data, label) }));
    collect(findings, label, () => {
      checkRespawnSafety(map, data, label);
      return {};
    });
  }
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
