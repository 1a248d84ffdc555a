// Every music area in every map names a track we make, so a typo in Tiled fails here, not in silence.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MUSIC_TRACKS, SOUND_EFFECTS, musicUrl, sfxUrl } from '../../client/audio/catalog.ts';

const mapsDir = 'assets/maps';

interface TiledObject {
  id: number;
  type?: string;
  class?: string;
  properties?: { name: string; value: unknown }[];
}

function musicObjects(file: string): { id: number; track: unknown }[] {
  const map = JSON.parse(readFileSync(join(mapsDir, file), 'utf8')) as {
    layers: { objects?: TiledObject[] }[];
  };
  return map.layers
    .flatMap((l) => l.objects ?? [])
    .filter((o) => (o.class ?? o.type) === 'music')
    .map((o) => ({ id: o.id, track: o.properties?.find((p) => p.name === 'track')?.value }));
}

describe('audio files and maps agree', () => {
  it('every effect and track has its file under assets/audio (run npm run audio)', () => {
    for (const effect of SOUND_EFFECTS) expect(existsSync(sfxUrl(effect)), sfxUrl(effect)).toBe(true);
    for (const track of MUSIC_TRACKS) expect(existsSync(musicUrl(track)), musicUrl(track)).toBe(true);
  });

  const maps = readdirSync(mapsDir).filter((f) => f.endsWith('.tmj'));
  it.each(maps)('%s: music areas name known tracks', (file) => {
    for (const { id, track } of musicObjects(file)) {
      expect(
        MUSIC_TRACKS as readonly unknown[],
        `${file} object ${id} has track "${String(track)}"`,
      ).toContain(track);
    }
  });
});
