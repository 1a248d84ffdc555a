// Tunes for the open, friendly parts of the world: the title screen, the village, the forest, the coast.
import { arpeggio, drums, fluteLead, pad, pluck, pulseLead, triBass } from '../instruments.ts';
import type { Song } from '../sequencer.ts';
import { blockChords, figure, repeat } from './compose.ts';

type TrackSong = Omit<Song, 'sampleRate'>;

// Title: D major with a borrowed C (mixolydian), 120 BPM, a marching anthem that leaps upwards.
const titleChart = 'D | C G | D | A | Bm | G | Em | A | D | C G | D | Bm | G | A | G A | D';
export const title: TrackSong = {
  bpm: 120,
  stepsPerBeat: 2,
  beatsPerBar: 4,
  seed: 101,
  parts: [
    {
      name: 'lead',
      instrument: pulseLead,
      gain: 0.5,
      pattern: [
        'A4*2 D5*2 F#5*3 E5 | E5*2 G5*2 D5*4 | F#5*2 A5*2 D6*3 C#6 | B5 A5 E5*2 A5*4',
        'B5*3 A5 F#5*2 D5*2 | G5*3 F#5 D5*2 B4*2 | E5*2 G5*2 B5*2 E6*2 | C#6*4 B5*2 A5*2',
        'D6*4 A5*2 F#5*2 | G5*2 E5*2 D5*4 | F#5 G5 A5*2 D5*2 F#5*2 | F#5*3 E5 D5*2 B4*2',
        'D5*2 G5*2 B5*3 A5 | A5*2 E5*2 C#5*4 | B4 C#5 D5 E5 F#5*2 G5 E5 | D5*6 r*2',
      ].join(' | '),
    },
    { name: 'harmony', instrument: arpeggio, gain: 0.22, pattern: blockChords(titleChart, 8, 4) },
    {
      name: 'bass',
      instrument: triBass,
      gain: 0.6,
      pattern: figure(titleChart, 8, 2, [0, '-', 2, '-', 10, '-', 2, '-']),
    },
    {
      name: 'drums',
      drums,
      gain: 0.5,
      pattern: ['x h s h k k s h', repeat('k h s h k k s h', 6), 'k h s h t t l l'].join(' | '),
    },
  ],
};

// Village: G major, 112 BPM with a light swing; a warm, bright, walking tune over a root-fifth bass.
const villageChart = 'G | Em | C | D | G | Em | Am D | G | C | D | Bm | Em | C | D | C D | G';
export const village: TrackSong = {
  bpm: 112,
  stepsPerBeat: 2,
  beatsPerBar: 4,
  swing: 0.18,
  seed: 102,
  parts: [
    {
      name: 'lead',
      instrument: { ...pulseLead, duty: 0.5, lowpass: 3000 },
      gain: 0.42,
      pattern: [
        'D5*2 B4 D5 G5*3 F#5 | E5*2 G5 E5 B4*4 | C5 D5 E5 G5 E5*2 D5 C5 | D5*4 r A4 B4 C5',
        'D5*2 B4 D5 G5*2 A5 B5 | A5*2 G5 E5 G5*4 | A5 G5 E5 C5 D5 E5 F#5 A5 | G5*5 r*3',
        'E5*3 G5 C6*2 B5 A5 | B5*2 A5 F#5 D5*4 | D5 F#5 B5 A5 F#5*2 D5 F#5 | G5*6 F#5 E5',
        'E5*3 G5 C6*2 B5 A5 | B5*2 C6 B5 A5*4 | G5 E5 C5 E5 F#5*2 A5*2 | G5*5 r*3',
      ].join(' | '),
    },
    {
      name: 'broken chords',
      instrument: pluck,
      gain: 0.2,
      pattern: figure(villageChart, 8, 4, [0, 1, 2, 1, 10, 1, 2, 1]),
    },
    {
      name: 'bass',
      instrument: triBass,
      gain: 0.62,
      pattern: figure(villageChart, 8, 2, [0, '-', 2, '-', 0, '-', 2, '-']),
    },
    { name: 'drums', drums, gain: 0.36, pattern: repeat('k m s m k k s m', 7) + ' | k m s m k m s s' },
  ],
};

// Forest: E dorian, 96 BPM; a breathy flute over a flowing pluck, soft and a little mysterious,
// turning to B major at the end of the loop to lean back into E minor.
const forestChart = 'Em | A | Em | A | C | D | Em | Em | G | D | A | A | C | D | B | B';
export const forest: TrackSong = {
  bpm: 96,
  stepsPerBeat: 2,
  beatsPerBar: 4,
  seed: 103,
  parts: [
    {
      name: 'lead',
      instrument: fluteLead,
      gain: 0.55,
      pattern: [
        'B4*2 E5*2 F#5*2 G5*2 | A5*4 F#5*2 E5*2 | G5*3 F#5 E5*2 D5*2 | E5*6 r*2',
        'E5*2 G5*2 C6*3 B5 | A5*2 F#5*2 D5*4 | E5*2 G5 F#5 E5*2 B4*2 | E5*6 r*2',
        'D6*3 B5 G5*2 B5*2 | A5*4 F#5*2 A5*2 | E6*3 C#6 A5*2 C#6*2 | B5*4 A5*2 r*2',
        'G5*2 E5*2 C5*2 E5*2 | F#5*2 A5*2 D6*4 | D#6*3 B5 F#5*2 A5*2 | B5*6 r*2',
      ].join(' | '),
    },
    {
      name: 'ripple',
      instrument: { ...pluck, duty: 0.25 },
      gain: 0.2,
      pattern: figure(forestChart, 8, 4, [0, 2, 10, 2, 11, 2, 10, 2]),
    },
    { name: 'pad', instrument: pad, gain: 0.16, pattern: blockChords(forestChart, 8, 3) },
    {
      name: 'bass',
      instrument: triBass,
      gain: 0.55,
      pattern: figure(forestChart, 8, 2, [0, '-', '-', 2, '-', '-', 0, '-']),
    },
    { name: 'drums', drums, gain: 0.28, pattern: 'k r m r r m m r | k r m r r m r m' },
  ],
};

// Coast: A major waltz (3/4), 84 BPM; a lilting sailor's tune, oom-pah-pah, and waves on the shore.
const coastChart = 'A | E | F#m | D | A | E | D | E | F#m | C#m | D | A | Bm | D | E | E';
export const coast: TrackSong = {
  bpm: 84,
  stepsPerBeat: 2,
  beatsPerBar: 3,
  seed: 104,
  parts: [
    {
      name: 'lead',
      instrument: { ...pulseLead, vibrato: { rate: 5, depth: 0.25, delay: 0.2 } },
      gain: 0.45,
      pattern: [
        'E5*3 F#5 E5 C#5 | B4*4 E5*2 | A5*3 G#5 F#5 C#5 | D5*4 F#5*2',
        'E5*3 F#5 E5 C#5 | B4*3 C#5 D5 E5 | F#5*3 E5 D5 A4 | B4*6',
        'C#6*3 B5 A5 F#5 | G#5*4 E5*2 | F#5*3 G#5 A5 F#5 | E5*6',
        'D5*3 E5 F#5 D5 | A5*3 G#5 F#5 D5 | E5*2 G#5*2 B5*2 | B5*4 r*2',
      ].join(' | '),
    },
    {
      name: 'bass',
      instrument: triBass,
      gain: 0.6,
      pattern: figure(coastChart, 6, 2, [0, '-', 'r', 'r', 2, 'r']),
    },
    {
      name: 'chords',
      instrument: { ...pluck, duty: 0.5 },
      gain: 0.14,
      pattern: figure(coastChart, 6, 4, ['r', 'r', 1, 2, 1, 2]),
    },
    { name: 'pad', instrument: pad, gain: 0.1, pattern: blockChords(coastChart, 6, 3) },
    { name: 'waves', drums, gain: 0.5, pattern: 'w r*5 | r*6 | r*3 m r m | r*6' },
  ],
};
