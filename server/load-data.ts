// Reads the game data files (assets/data/*.json), turning every failure into a message a modder can act on,
// and checks that every id they name has its art under assets/sprites (and warns of an MP3 older than its WAV).
import path from 'node:path';
import {
  parseGameData,
  readDataFiles,
  type DataFileName,
  type GameData,
} from '../shared/content/game-data.ts';
import { ContentError } from '../shared/content/world-map.ts';
import { artProblems } from './check-art.ts';
import { staleSounds } from './check-sound.ts';
import { readJsonFile } from './read-json.ts';

export function loadGameData(assetsDir: string): GameData {
  const dir = path.join(assetsDir, 'data');
  const label = path.relative(process.cwd(), dir) || dir;
  const read = (name: DataFileName): unknown =>
    readJsonFile(path.join(dir, `${name}.json`), `${label}/${name}.json`);
  const data = parseGameData(readDataFiles(read), label);
  const art = artProblems(assetsDir, data);
  if (art.length) throw new ContentError(path.dirname(label), art, data.warnings);
  const stale = staleSounds(assetsDir);
  return stale.length ? { ...data, warnings: [...(data.warnings ?? []), ...stale] } : data;
}
