// Reads the game data files (assets/data/*.json), turning every failure into a message a modder can act on.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  parseGameData,
  readDataFiles,
  type DataFileName,
  type GameData,
} from '../shared/content/game-data.ts';
import { ContentError } from '../shared/content/world-map.ts';

export function loadGameData(assetsDir: string): GameData {
  const dir = path.join(assetsDir, 'data');
  const label = path.relative(process.cwd(), dir) || dir;
  const read = (name: DataFileName): unknown => {
    const file = path.join(dir, `${name}.json`);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      throw new ContentError(`${label}/${name}.json`, [
        `cannot be read (${(err as NodeJS.ErrnoException).code})`,
      ]);
    }
    try {
      return JSON.parse(text);
    } catch (err) {
      throw new ContentError(`${label}/${name}.json`, [`is not valid JSON: ${(err as Error).message}`]);
    }
  };
  return parseGameData(readDataFiles(read), label);
}
