// Tunes for the gloomy places: the graveyard, the caves and the boss's lair.
import { arpeggio, bell, drums, fluteLead, pad, pluck, pulseLead, sawBass, triBass } from '../instruments.ts';
import type { Song } from '../sequencer.ts';
import { blockChords, figure, repeat, semitoneFigure } from './compose.ts';

type TrackSong = Omit<Song, 'sampleRate'>;

// Graveyard: C harmonic minor, 60 BPM; a slow ghostly flute over held chords, a bell tolling each
// bar, and a faint heartbeat. Ends on G with its B natural, so the loop sighs back into C minor.
const graveyardChart = 'Cm | Ab | Fm | G | Cm | Eb | Fm G | G';
export const graveyard: TrackSong = {
  bpm: 60,
  stepsPerBeat: 2,
  beatsPerBar: 4,
  seed: 105,
  parts: [
    {
      name: 'lead',
      instrument: {
        ...fluteLead,
        wave: 'sine',
        vibrato: { rate: 4.5, depth: 0.3, delay: 0.3 },
        env: { attack: 0.08, decay: 0.3, sustain: 0.7, release: 0.4 },
      },
      gain: 0.6,
      pattern: [
        'G4*4 Eb5*2 D5 C5 | C5*6 Bb4 Ab4 | Ab4*4 C5*2 F5*2 | D5*3 Eb5 D5*2 B4*2',
        'C5*4 G4*2 C5 D5 | Eb5*4 G5*2 F5 Eb5 | F5*2 Ab5*2 G5*2 F5 D5 | B4*6 r*2',
      ].join(' | '),
    },
    {
      name: 'pad',
      instrument: { ...pad, lowpass: 1200 },
      gain: 0.22,
      pattern: blockChords(graveyardChart, 8, 3),
    },
    {
      name: 'bell',
      instrument: { ...bell, wave: 'triangle' },
      gain: 0.3,
      pattern: figure(graveyardChart, 8, 5, [0, 'r', 'r', 'r', 'r', 'r', 'r', 'r']),
    },
    {
      name: 'harp',
      instrument: { ...pluck, wave: 'triangle' },
      gain: 0.2,
      pattern: figure(graveyardChart, 8, 4, [0, 'r', 1, 'r', 2, 'r', 1, 'r']),
    },
    {
      name: 'bass',
      instrument: { ...triBass, legato: 1 },
      gain: 0.5,
      pattern: figure(graveyardChart, 8, 2, [0, '-', '-', '-', '-', '-', '-', '-']),
    },
    { name: 'heartbeat', drums, gain: 0.35, pattern: "l l' r*6" },
  ],
};

// Caves: B minor with a phrygian C, 84 BPM; a low flute echoing off the walls, drips of water,
// and a droning bass.
const cavesChart = 'Bm | Bm | G | F#m | Bm | Bm | Em | F# | Bm | C | Bm | F#';
export const caves: TrackSong = {
  bpm: 84,
  stepsPerBeat: 2,
  beatsPerBar: 4,
  seed: 106,
  echo: { beats: 0.75, feedback: 0.35, wet: 0.5 },
  parts: [
    {
      name: 'lead',
      instrument: { ...fluteLead, env: { attack: 0.04, decay: 0.3, sustain: 0.5, release: 0.25 } },
      gain: 0.5,
      pattern: [
        'B4*2 C#5 D5 F#5*4 | E5*2 D5 C#5 B4*4 | D5*2 E5 F#5 G5*2 B5*2 | A5*4 F#5*2 C#5*2',
        'B4*2 C#5 D5 F#5*2 B5*2 | A5*2 F#5 E5 D5*4 | E5*2 G5 B5 E6*2 D6 B5 | C#6*4 A#5*2 F#5*2',
        'B5*3 A5 F#5*2 D5*2 | E5*2 G5*2 C6*4 | B5*2 F#5*2 D5*2 B4*2 | C#5*4 A#4*2 r*2',
      ].join(' | '),
    },
    {
      name: 'drips',
      instrument: { ...pluck, duty: 0.5, lowpass: 5000 },
      gain: 0.14,
      pattern: "r*3 F#6' r*4 | r*5 D6' r*2 | r*7 B6' | r*2 C#6' r*5",
    },
    { name: 'pad', instrument: { ...pad, lowpass: 900 }, gain: 0.2, pattern: blockChords(cavesChart, 8, 3) },
    {
      name: 'drone',
      instrument: { ...sawBass, lowpass: 450, legato: 1 },
      gain: 0.5,
      pattern: figure(cavesChart, 8, 2, [0, '-', '-', '-', '-', '-', '-', '-']),
    },
    { name: 'drums', drums, gain: 0.3, pattern: "k r*4 l' r*2 | k r*3 k' r l' r" },
  ],
};

// Lair: F minor, 126 BPM; a grinding saw ostinato that keeps touching the flat second and the
// tritone, a ticking diminished arpeggio and a lead that creeps by half steps. Tense, never at rest.
const lairChart = 'Fm | Fm | Gb | Fm | Db | C | Fm | C | Fm | Bdim | Gb | C | Db | Bdim7 | C | C7';
export const lair: TrackSong = {
  bpm: 126,
  stepsPerBeat: 2,
  beatsPerBar: 4,
  seed: 109,
  parts: [
    {
      name: 'lead',
      instrument: { ...pulseLead, duty: 0.125, vibrato: { rate: 6, depth: 0.3, delay: 0.25 }, lowpass: 3000 },
      gain: 0.4,
      pattern: [
        'C5*8 | Db5*6 C5*2 | Db5*4 Bb4*4 | C5*8',
        'F5*4 Ab5*4 | G5*6 E5*2 | F5*4 Ab5*2 G5*2 | E5*8',
        'C6*6 B5 C6 | D6*4 B5*4 | Db6*6 C6 Bb5 | C6*4 G5*2 E5*2',
        'F5*2 Ab5*2 Db6*4 | D6*2 F5*2 Ab5*4 | G5*8 | E5*4 G5*2 Bb5*2',
      ].join(' | '),
    },
    {
      name: 'tick',
      instrument: { ...arpeggio, arpRate: 16, duty: 0.25 },
      gain: 0.13,
      pattern: blockChords(lairChart, 8, 4),
    },
    // Root, root, flat second, root, root, root, tritone, fifth: the figure the whole lair hangs on.
    {
      name: 'ostinato',
      instrument: { ...sawBass, lowpass: 700 },
      gain: 0.55,
      pattern: semitoneFigure(lairChart, 8, 2, [0, 0, 1, 0, 0, 0, 6, 7]),
    },
    {
      name: 'drums',
      drums,
      gain: 0.42,
      pattern: ['x h l h k h t h', repeat('k h l h k h t h', 6), 'l l t t l l s s'].join(' | '),
    },
  ],
};
