// The checker's side of assets/realm.json: read it with the server's own parser (so a bad entry is named
// with its index and id, as the server would), and name maps the way the realm does (paths under assets/).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseRealm, type Realm } from '../../shared/content/realm.ts';
import { readJsonFile } from '../../server/read-json.ts';
import { collect, type Finding } from './check.ts';

/** What a world without "maxPlayers" gets; the checker only needs a number the parser accepts. */
const DEFAULT_MAX_PLAYERS = 200;

export const realmFile = (assetsDir: string): string => path.join(assetsDir, 'realm.json');

/** The realm, or null when there is no realm.json (a lone map) or it has errors (added to `findings`). */
export function loadRealm(assetsDir: string, findings: Finding[]): Realm | null {
  const file = realmFile(assetsDir);
  if (!existsSync(file)) return null;
  const label = path.relative(process.cwd(), file) || file;
  return collect(findings, label, () => parseRealm(readJsonFile(file, label), label, DEFAULT_MAX_PLAYERS));
}

/** A map file's path under the assets folder, with forward slashes: the key realm.json and portals use. */
export function assetPath(assetsDir: string, file: string): string {
  return path.relative(path.resolve(assetsDir), path.resolve(file)).split(path.sep).join('/');
}
