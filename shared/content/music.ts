// The music tracks (assets/data/music.json): the ids music areas name and the file each plays. Data, so a
// modder adds a tune with a sound file and one line, without a code edit or a rebuild.
import type { Problems } from './check.ts';

export interface MusicKind {
  id: string;
  name: string;
  /** Paths under assets/, the first there is plays: `file` if music.json names one (any format browsers play), else defaultMusicFiles. */
  files: string[];
}

/** A track without a `file` plays its MP3 (what `npm run audio` writes), or a WAV of that name where there is no MP3. */
export const defaultMusicFiles = (id: string): string[] => [`audio/music/${id}.mp3`, `audio/music/${id}.wav`];

export function parseMusic(p: Problems, v: unknown, file: string): Map<string, MusicKind> {
  const out = new Map<string, MusicKind>();
  const obj = p.object(file, v);
  for (const [id, raw] of Object.entries(obj ?? {})) {
    const at = `${file} "${id}"`;
    p.id(at, id);
    const e = p.object(at, raw);
    if (!e) continue;
    p.keys(at, e, ['name', 'file']);
    const path = e.file === undefined ? null : p.string(`${at} file`, e.file, 200);
    if (path !== null && (path.startsWith('/') || path.split('/').includes('..')))
      p.add(`${at} file`, `"${path}" must be a path under assets/, like "audio/music/${id}.mp3"`);
    out.set(id, {
      id,
      name: p.string(`${at} name`, e.name, 60),
      files: path ? [path] : defaultMusicFiles(id),
    });
  }
  return out;
}
