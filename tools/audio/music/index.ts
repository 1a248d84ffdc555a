// Every music track by name, and how music is rendered: a seamless loop at a modest sample rate
// (music is most of the download), mixed to one loudness so zone changes do not jump in volume.
import type { MusicTrack } from '../../../client/audio/catalog.ts';
import { normalize } from '../mix.ts';
import { renderSong, type Song } from '../sequencer.ts';
import { caves, graveyard, lair } from './dark.ts';
import { desert, volcano } from './hot.ts';
import { coast, forest, title, village } from './overworld.ts';

// 12 kHz keeps all nine loops under ~8 MB as plain WAV; chiptune loses little above 6 kHz.
export const MUSIC_SAMPLE_RATE = 12000;

export const TRACKS: Record<MusicTrack, Omit<Song, 'sampleRate'>> = {
  title,
  village,
  forest,
  coast,
  graveyard,
  caves,
  desert,
  volcano,
  lair,
};

/** Loudness (RMS) per track: the quiet places a little quieter, the dangerous ones a little louder. */
const LOUDNESS: Record<MusicTrack, number> = {
  title: 0.16,
  village: 0.15,
  forest: 0.14,
  coast: 0.14,
  graveyard: 0.12,
  caves: 0.12,
  desert: 0.15,
  volcano: 0.17,
  lair: 0.17,
};

export function renderTrack(track: MusicTrack, sampleRate = MUSIC_SAMPLE_RATE): Float32Array {
  const song = { ...TRACKS[track], sampleRate };
  return normalize(renderSong(song), { rms: LOUDNESS[track], ceiling: 0.89 });
}
