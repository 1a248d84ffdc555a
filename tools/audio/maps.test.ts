// The tunes we compose and the track list in assets/data/music.json agree, and every file is there. (That
// each map's music areas name a listed track is the content checker's job: npm run check-content.)
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SOUND_EFFECTS, sfxUrls } from '../../client/audio/catalog.ts';
import { COMPOSED_TRACKS } from './music/index.ts';

const music = JSON.parse(readFileSync('assets/data/music.json', 'utf8')) as Record<string, { file?: string }>;

describe('audio files and the track list agree', () => {
  it('every effect and listed track has its first file (the MP3 unless music.json names one) under assets/audio (run npm run audio)', () => {
    for (const effect of SOUND_EFFECTS)
      expect(existsSync(sfxUrls(effect)[0]!), sfxUrls(effect)[0]).toBe(true);
    for (const [id, t] of Object.entries(music)) {
      const file = `assets/${t.file ?? `audio/music/${id}.mp3`}`;
      expect(existsSync(file), file).toBe(true);
    }
  });

  it('music.json lists every tune npm run audio composes', () => {
    expect(Object.keys(music)).toEqual(expect.arrayContaining(COMPOSED_TRACKS));
  });
});
