// The band: a handful of chiptune instruments and a drum kit built from noise, shared by every tune
// so the game sounds like one game. Tunes may copy one and change a field or two.
import type { Envelope } from './dsp.ts';
import type { DrumKit, Instrument } from './sequencer.ts';

const env = (attack: number, decay: number, sustain: number, release: number): Envelope => ({
  attack,
  decay,
  sustain,
  release,
});

/** Singing lead: a 25% pulse with a late, gentle vibrato. */
export const pulseLead: Instrument = {
  wave: 'square',
  duty: 0.25,
  env: env(0.01, 0.15, 0.6, 0.12),
  vibrato: { rate: 5.5, depth: 0.15, delay: 0.18 },
  lowpass: 4200,
};

/** Softer lead for calm places: a triangle-like flute. */
export const fluteLead: Instrument = {
  wave: 'triangle',
  env: env(0.03, 0.2, 0.75, 0.18),
  vibrato: { rate: 5, depth: 0.2, delay: 0.2 },
};

/** Plucked pulse for arpeggios and counter-melodies. */
export const pluck: Instrument = {
  wave: 'square',
  duty: 0.125,
  env: env(0.002, 0.12, 0.15, 0.08),
  lowpass: 3500,
  legato: 0.8,
};

/** Fast chord arpeggio, the NES way. */
export const arpeggio: Instrument = {
  wave: 'square',
  duty: 0.5,
  env: env(0.005, 0.2, 0.35, 0.1),
  arpRate: 24,
  lowpass: 2800,
};

/** Round triangle bass. */
export const triBass: Instrument = {
  wave: 'triangle',
  env: env(0.005, 0.1, 0.8, 0.06),
  legato: 0.85,
};

/** Growling bass for hot and dangerous places. */
export const sawBass: Instrument = {
  wave: 'saw',
  env: env(0.004, 0.12, 0.55, 0.05),
  lowpass: 900,
  legato: 0.8,
};

/** Slow soft pad: chords held under the tune. */
export const pad: Instrument = {
  wave: 'triangle',
  env: env(0.25, 0.4, 0.7, 0.5),
  lowpass: 2000,
  legato: 1,
};

/** A bell: sine with a quick decay and a long tail. */
export const bell: Instrument = {
  wave: 'sine',
  env: env(0.002, 0.5, 0.2, 0.9),
  legato: 0.5,
};

export const drums: DrumKit = {
  // Kick: a sine dropping fast in pitch, plus a click of noise.
  k: (v) => [
    {
      wave: 'sine',
      freq: 150,
      to: 42,
      slideTime: 0.1,
      gate: 0.1,
      env: env(0.001, 0.12, 0.3, 0.08),
      volume: v,
    },
    {
      wave: 'noise',
      freq: 6000,
      gate: 0.004,
      env: env(0.0005, 0.004, 0, 0.004),
      volume: 0.3 * v,
      lowpass: 2500,
    },
  ],
  // Snare: bright noise over a short triangle thump.
  s: (v) => [
    {
      wave: 'noise',
      freq: 9000,
      gate: 0.05,
      env: env(0.001, 0.09, 0.1, 0.08),
      volume: 0.7 * v,
      highpass: 900,
    },
    { wave: 'triangle', freq: 210, to: 150, gate: 0.05, env: env(0.001, 0.06, 0, 0.02), volume: 0.6 * v },
  ],
  // Closed and open hi-hat: hiss, high-passed, with a little random velocity so it breathes.
  h: (v, random) => [
    {
      wave: 'noise',
      freq: 20000,
      gate: 0.015,
      env: env(0.0005, 0.02, 0, 0.02),
      volume: 0.32 * v * (0.8 + 0.4 * random()),
      highpass: 3500,
    },
  ],
  o: (v) => [
    {
      wave: 'noise',
      freq: 20000,
      gate: 0.08,
      env: env(0.001, 0.15, 0.2, 0.12),
      volume: 0.3 * v,
      highpass: 4000,
    },
  ],
  // Toms: a triangle that falls a little; high and low.
  t: (v) => [
    { wave: 'triangle', freq: 180, to: 120, gate: 0.12, env: env(0.001, 0.15, 0.2, 0.08), volume: 0.8 * v },
  ],
  l: (v) => [
    { wave: 'triangle', freq: 120, to: 80, gate: 0.14, env: env(0.001, 0.18, 0.2, 0.1), volume: 0.9 * v },
  ],
  // Crash: a long wash of noise.
  c: (v) => [
    {
      wave: 'noise',
      freq: 16000,
      gate: 0.1,
      env: env(0.001, 0.6, 0.1, 0.6),
      volume: 0.35 * v,
      highpass: 3000,
    },
  ],
  // A wave on the shore: noise swelling in and slowly falling back.
  w: (v) => [
    {
      wave: 'noise',
      freq: 9000,
      gate: 0.9,
      env: env(0.7, 0.4, 0.6, 1.3),
      volume: 0.25 * v,
      lowpass: 1100,
      highpass: 200,
    },
  ],
  // Kick and crash together, to open a section.
  x: (v, random) => [...(drums.k?.(v, random) ?? []), ...(drums.c?.(v, random) ?? [])],
  // Shaker: soft mid noise, for the desert and the coast.
  m: (v, random) => [
    {
      wave: 'noise',
      freq: 12000,
      gate: 0.03,
      env: env(0.01, 0.04, 0, 0.03),
      volume: 0.22 * v * (0.8 + 0.4 * random()),
      highpass: 2500,
    },
  ],
};
