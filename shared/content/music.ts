// The music tracks (assets/data/music.json): the ids music areas name and the file each plays. Data, so a
// modder adds a tune with a WAV file and one line, without a code edit or a rebuild.
import type { Problems } from './check.ts';

export interface MusicKind {
  id: string;
  name: string;
  /** Path under assets/ (default `audio/music/<id>.wav`); any format browsers play. */
  file: string;
}

export const musicFileOf = (id: string): string => `audio/music/${id}.wav`;

export function parseMusic(p: Problems, v: unknown, file: string): Map<string, MusicKind> {
  const out = new Map<string, MusicKind>();
  const obj = p.object(file, v);
  for (const [id, raw] of Object.entries(obj ?? {})) {
    const at = `${file} "${id}"`;
    p.id(at, id);
    const e = p.object(at, raw);
    if (!e) continue;
    p.keys(at, e, ['name', 'file']);
    const path = p.string(`${at} file`, e.file, 200, musicFileOf(id));
    if (path.startsWith('/') || path.split('/').includes('..'))
      p.add(`${at} file`, `"${path}" must be a path under assets/, like "${musicFileOf(id)}"`);
    out.set(id, { id, name: p.string(`${at} name`, e.name, 60), file: path });
  }
  return out;
}
