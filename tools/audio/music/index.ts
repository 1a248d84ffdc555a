// Every music track by name, and how music is rendered: a seamless loop at a modest sample rate
// (music is most of the download), mixed to one loudness so zone changes do not jump in volume.
import { normalize } from '../mix.ts';
import { renderSong, type Song } from '../sequencer.ts';
import { caves, graveyard, lair } from './dark.ts';
import { desert, volcano } from './hot.ts';
import { coast, forest, title, village } from './overworld.ts';

// 12 kHz keeps all nine loops under ~8 MB as plain WAV; chiptune loses little above 6 kHz.
export const MUSIC_SAMPLE_RATE = 12000;

export const TRACKS = {
  title,
  village,
  forest,
  coast,
  graveyard,
  caves,
  desert,
  volcano,
  lair,
} satisfies Record<string, Omit<Song, 'sampleRate'>>;

/** The tracks `npm run audio` composes; assets/data/music.json lists these and any a modder adds. */
export type ComposedTrack = keyof typeof TRACKS;
export const COMPOSED_TRACKS = Object.keys(TRACKS) as ComposedTrack[];

/** Loudness (RMS) per track: the quiet places a little quieter, the dangerous ones a little louder. */
const LOUDNESS: Record<ComposedTrack, number> = {
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

export function renderTrack(track: ComposedTrack, sampleRate = MUSIC_SAMPLE_RATE): Float32Array {
  const song = { ...TRACKS[track], sampleRate };
  return normalize(renderSong(song), { rms: LOUDNESS[track], ceiling: 0.89 });
}
