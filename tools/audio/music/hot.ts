// Tunes for the hot lands: the desert and the volcano.
import { drums, pulseLead, sawBass, triBass, arpeggio, pluck } from '../instruments.ts';
import type { Song } from '../sequencer.ts';
import { blockChords, repeat, semitoneFigure } from './compose.ts';

type TrackSong = Omit<Song, 'sampleRate'>;

// Desert: D phrygian dominant (D Eb F# G A Bb C), 104 BPM; a thin, nasal snake-charmer line with
// a wide vibrato over a hand-drum rhythm (dum, tek-tek, dum, tek) and a shaker.
const desertChart = 'D | Eb | D | D | Gm | Eb | D | D | Cm | Gm | Eb | D | Gm | Cm | Eb | D';
export const desert: TrackSong = {
  bpm: 104,
  stepsPerBeat: 2,
  beatsPerBar: 4,
  seed: 107,
  parts: [
    {
      name: 'lead',
      instrument: {
        ...pulseLead,
        duty: 0.125,
        vibrato: { rate: 6.5, depth: 0.35, delay: 0.12 },
        bend: { semitones: -1, time: 0.04 },
      },
      gain: 0.42,
      pattern: [
        'D5*2 Eb5 F#5 G5*2 F#5 Eb5 | Eb5*4 G5 Bb5 G5 F#5 | F#5*2 A5*2 G5 F#5 Eb5 F#5 | D5*6 r*2',
        'G5*2 Bb5 A5 G5*2 D5*2 | Eb5 F#5 G5 Bb5 C6*2 Bb5*2 | A5*2 G5 F#5 Eb5*2 F#5*2 | D5*6 r*2',
        'C6*2 Bb5 A5 G5*2 Eb5*2 | Bb5*2 A5 G5 D5*4 | Eb5 G5 Bb5 D6 Eb6*2 D6 C6 | F#5*2 G5 A5 D6*4',
        'D6*2 C6 Bb5 A5*2 G5*2 | G5*2 Eb5 C5 Eb5*2 G5*2 | G5*2 F#5 Eb5 D5*2 Eb5*2 | D5*6 r*2',
      ].join(' | '),
    },
    {
      name: 'drone',
      instrument: { ...triBass, legato: 0.95 },
      gain: 0.55,
      pattern: semitoneFigure(desertChart, 8, 2, [0, '-', '-', 0, 7, '-', 0, '-']),
    },
    // Each chord struck once at the start of its bar, then left to ring.
    {
      name: 'plucks',
      instrument: { ...pluck, duty: 0.25 },
      gain: 0.13,
      pattern: blockChords(desertChart, 8, 4).replace(/\*8/g, ' r*7'),
    },
    { name: 'hand drum', drums, gain: 0.45, pattern: 'l t r t l r t r' },
    { name: 'shaker', drums, gain: 0.4, pattern: "m m' m m' m m' m m'" },
  ],
};

// Volcano: E minor, 150 BPM; driving saw bass in eighths, a pulse lead that climbs, a fast
// arpeggio, and a riff section that hammers a pedal note before the loop starts over.
const volcanoChart = 'Em | Em | C | D | Em | Em | C | B | Am | Am | Em | Em | C | D | B | B | Em | C | D | B';
export const volcano: TrackSong = {
  bpm: 150,
  stepsPerBeat: 2,
  beatsPerBar: 4,
  seed: 108,
  parts: [
    {
      name: 'lead',
      instrument: { ...pulseLead, duty: 0.25, lowpass: 3800 },
      gain: 0.42,
      pattern: [
        'E5*2 E5 G5 B5*2 A5 G5 | F#5*2 E5 D5 E5*4 | G5*2 G5 A5 C6*2 B5 A5 | F#5*2 A5 F#5 D5*4',
        'E5*2 E5 G5 B5*2 D6 B5 | E6*2 D6 B5 G5*2 F#5 G5 | E5*2 G5 C6 B5*2 A5 G5 | F#5*2 B5*2 D#6*4',
        'E6*3 D6 C6*2 B5 A5 | C6*2 A5*2 E5*4 | B5*3 A5 G5*2 F#5 E5 | G5*2 E5*2 B4*4',
        'C5 E5 G5 C6 E6*2 D6 C6 | D6*2 A5*2 F#5*2 D6*2 | D#6*2 B5*2 F#5*2 A5*2 | B5*6 r*2',
        'B4 E5 B4 G5 B4 F#5 B4 E5 | C5 E5 C5 G5 C5 F#5 C5 E5 | D5 F#5 D5 A5 D5 G5 D5 F#5 | D#5 F#5 B5 F#5 D#5 B4 D#5 F#5',
      ].join(' | '),
    },
    {
      name: 'arp',
      instrument: { ...arpeggio, arpRate: 30 },
      gain: 0.14,
      pattern: blockChords(volcanoChart, 8, 4),
    },
    {
      name: 'bass',
      instrument: sawBass,
      gain: 0.55,
      pattern: semitoneFigure(volcanoChart, 8, 2, [0, 0, 12, 0, 0, 0, 12, 0]),
    },
    {
      name: 'drums',
      drums,
      gain: 0.5,
      pattern: [
        'x h s k k h s h',
        repeat('k h s k k h s h', 6),
        'k h s k t t l l',
        'x h s k k h s h',
        repeat('k h s k k h s h', 6),
        'k h s k s s s s',
        'x h k h x h k h',
        repeat('k h s k k h s h', 2),
        's s s s t t l l',
      ].join(' | '),
    },
  ],
};
