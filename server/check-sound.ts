// A modder who replaces a WAV that `npm run audio` made would still hear the old sound: the game plays
// the MP3 beside it, encoded from the WAV as it was. assets/generated.json says which files are still the
// generator's, so this finds each MP3 that is but whose WAV is not, and says what to do (a warning: the
// game runs, with the old sound).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

const FOLDERS = ['audio/sfx', 'audio/music'];

const sha256 = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

export function staleSounds(assetsDir: string): string[] {
  const manifestFile = path.join(assetsDir, 'generated.json');
  if (!existsSync(manifestFile)) return [];
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, string>;
  const out: string[] = [];
  for (const folder of FOLDERS) {
    const dir = path.join(assetsDir, folder);
    if (!existsSync(dir)) continue;
    for (const mp3 of readdirSync(dir).filter((f) => f.endsWith('.mp3'))) {
      const wav = mp3.replace(/\.mp3$/, '.wav');
      const [mp3Path, wavPath] = [`assets/${folder}/${mp3}`, `assets/${folder}/${wav}`];
      if (!existsSync(path.join(dir, wav)) || !manifest[mp3Path] || !manifest[wavPath]) continue;
      if (
        sha256(path.join(dir, mp3)) !== manifest[mp3Path] ||
        sha256(path.join(dir, wav)) === manifest[wavPath]
      )
        continue;
      out.push(
        `${wavPath} was changed since npm run audio made ${mp3} from it, and the game plays the MP3: ` +
          `delete ${mp3Path} to play your WAV (or put your own MP3 there)`,
      );
    }
  }
  return out;
}
