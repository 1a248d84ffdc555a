// The game's sound effects, each a few tones placed in time. An effect declares its duration and
// rendering refuses a tone that would ring past it, so the files are exactly as long as intended.
import type { SoundEffect } from '../../client/audio/catalog.ts';
import { type Envelope, type Tone, renderTone, toneSeconds } from './dsp.ts';
import { fadeOut, mixInto, normalize } from './mix.ts';
import { hz } from './notes.ts';
import { seededRandom } from './rng.ts';

export const SFX_SAMPLE_RATE = 22050;

export interface Effect {
  /** Seconds; the file is exactly this long. */
  duration: number;
  /** Loudness (RMS) to aim for; short clicks want less than long chimes to sound as loud. */
  loudness: number;
  tones: { at: number; tone: Tone }[];
}

const env = (attack: number, decay: number, sustain: number, release: number): Envelope => ({
  attack,
  decay,
  sustain,
  release,
});

/** A run of notes, each `step` seconds after the one before. */
function run(notes: string[], step: number, start: number, make: (freq: number, i: number) => Tone) {
  return notes.map((n, i) => ({ at: start + i * step, tone: make(hz(n), i) }));
}

export const EFFECTS: Record<SoundEffect, Effect> = {
  // A dull thwack: a pulse falling fast in pitch under a burst of filtered noise.
  hit: {
    duration: 0.16,
    loudness: 0.2,
    tones: [
      {
        at: 0,
        tone: {
          wave: 'square',
          duty: 0.5,
          freq: 320,
          to: 80,
          gate: 0.06,
          env: env(0.001, 0.06, 0.2, 0.05),
          lowpass: 2000,
        },
      },
      {
        at: 0,
        tone: {
          wave: 'noise',
          freq: 5000,
          gate: 0.03,
          env: env(0.001, 0.05, 0, 0.06),
          volume: 0.8,
          lowpass: 3000,
        },
      },
    ],
  },
  // Being hit: a buzzy saw bending down with a wobble, lower and rougher than "hit".
  hurt: {
    duration: 0.3,
    loudness: 0.2,
    tones: [
      {
        at: 0,
        tone: {
          wave: 'saw',
          freq: 420,
          to: 140,
          gate: 0.18,
          env: env(0.002, 0.1, 0.5, 0.1),
          vibrato: { rate: 30, depth: 1 },
          lowpass: 2400,
        },
      },
      {
        at: 0,
        tone: {
          wave: 'noise',
          freq: 2500,
          gate: 0.05,
          env: env(0.001, 0.06, 0, 0.05),
          volume: 0.5,
          lowpass: 1800,
        },
      },
    ],
  },
  // A foe falls: a pulse diving two octaves, then a soft "poof" of noise.
  kill: {
    duration: 0.5,
    loudness: 0.18,
    tones: [
      {
        at: 0,
        tone: {
          wave: 'square',
          duty: 0.25,
          freq: 700,
          to: 90,
          gate: 0.25,
          env: env(0.002, 0.1, 0.6, 0.08),
          lowpass: 3000,
        },
      },
      {
        at: 0.12,
        tone: {
          wave: 'noise',
          freq: 3000,
          to: 600,
          gate: 0.15,
          env: env(0.01, 0.2, 0.2, 0.2),
          volume: 0.6,
          lowpass: 2500,
        },
      },
    ],
  },
  // Picking something up: two bright rising blips, coin-like.
  loot: {
    duration: 0.3,
    loudness: 0.16,
    tones: run(['B5', 'E6'], 0.07, 0, (freq, i) => ({
      wave: 'square',
      duty: 0.5,
      freq,
      gate: i === 0 ? 0.06 : 0.12,
      env: env(0.001, 0.08, 0.5, 0.1),
      lowpass: 5000,
    })),
  },
  // Healing: a soft rising triangle shimmer with vibrato, C major upwards.
  heal: {
    duration: 0.75,
    loudness: 0.16,
    tones: run(['C5', 'E5', 'G5', 'C6', 'E6'], 0.08, 0, (freq, i) => ({
      wave: i % 2 ? 'sine' : 'triangle',
      freq,
      gate: 0.12,
      env: env(0.01, 0.1, 0.6, 0.25),
      vibrato: { rate: 7, depth: 0.25 },
      volume: 0.8,
    })),
  },
  // Level up: a quick fanfare, G-C-E-G, then a held arpeggiated C major chord.
  level_up: {
    duration: 1.2,
    loudness: 0.17,
    tones: [
      ...run(['G4', 'C5', 'E5', 'G5'], 0.08, 0, (freq) => ({
        wave: 'square',
        duty: 0.25,
        freq,
        gate: 0.07,
        env: env(0.002, 0.05, 0.7, 0.03),
        lowpass: 4000,
      })),
      {
        at: 0.34,
        tone: {
          wave: 'square',
          duty: 0.25,
          freq: hz('C5'),
          arp: [0, 4, 7, 12],
          arpRate: 28,
          gate: 0.45,
          env: env(0.005, 0.2, 0.6, 0.4),
          vibrato: { rate: 6, depth: 0.1, delay: 0.2 },
          lowpass: 4000,
        },
      },
      {
        at: 0.34,
        tone: { wave: 'triangle', freq: hz('C3'), gate: 0.45, env: env(0.005, 0.2, 0.7, 0.4), volume: 0.8 },
      },
    ],
  },
  // Achievement: bell chimes (sine plus an octave) ringing out a rising fifth, then a sparkle.
  achievement: {
    duration: 1.3,
    loudness: 0.15,
    tones: [
      ...run(['E5', 'B5', 'E6'], 0.13, 0, (freq) => ({
        wave: 'sine',
        freq,
        gate: 0.05,
        env: env(0.002, 0.3, 0.3, 0.7),
      })),
      ...run(['E6', 'B6'], 0.13, 0, (freq) => ({
        wave: 'sine',
        freq: freq * 2,
        gate: 0.03,
        env: env(0.001, 0.1, 0.2, 0.3),
        volume: 0.3,
      })),
      ...run(['G#6', 'B6', 'E7', 'G#7'], 0.04, 0.45, (freq) => ({
        wave: 'square',
        duty: 0.125,
        freq,
        gate: 0.03,
        env: env(0.001, 0.04, 0.3, 0.08),
        volume: 0.25,
        lowpass: 6000,
      })),
    ],
  },
  // The player dies: a slow falling minor line over a low drone, fading away.
  death: {
    duration: 1.7,
    loudness: 0.16,
    tones: [
      ...run(['E4', 'C4', 'A3', 'F3'], 0.22, 0, (freq, i) => ({
        wave: 'square',
        duty: 0.5,
        freq,
        to: i === 3 ? freq * 0.7 : freq,
        gate: i === 3 ? 0.5 : 0.18,
        env: env(0.005, 0.1, 0.6, i === 3 ? 0.45 : 0.05),
        vibrato: { rate: 5, depth: 0.2, delay: 0.1 },
        lowpass: 2000,
      })),
      {
        at: 0,
        tone: {
          wave: 'triangle',
          freq: hz('A2'),
          to: hz('D2'),
          gate: 1.1,
          env: env(0.02, 0.3, 0.7, 0.5),
          volume: 0.7,
        },
      },
    ],
  },
  // A chest opens: a creaking low saw, a latch click, then two twinkles.
  chest: {
    duration: 0.7,
    loudness: 0.15,
    tones: [
      {
        at: 0,
        tone: {
          wave: 'saw',
          freq: 110,
          to: 160,
          gate: 0.2,
          env: env(0.02, 0.1, 0.6, 0.05),
          vibrato: { rate: 22, depth: 1.5 },
          lowpass: 1200,
          volume: 0.7,
        },
      },
      {
        at: 0.24,
        tone: {
          wave: 'noise',
          freq: 8000,
          gate: 0.01,
          env: env(0.0005, 0.015, 0, 0.02),
          volume: 0.8,
          highpass: 1500,
        },
      },
      ...run(['A5', 'E6'], 0.08, 0.3, (freq) => ({
        wave: 'square',
        duty: 0.25,
        freq,
        gate: 0.06,
        env: env(0.002, 0.06, 0.4, 0.2),
        volume: 0.5,
        lowpass: 5000,
      })),
    ],
  },
  // A door: a heavy low thud and a short low creak.
  door: {
    duration: 0.55,
    loudness: 0.17,
    tones: [
      {
        at: 0,
        tone: {
          wave: 'saw',
          freq: 95,
          to: 70,
          gate: 0.22,
          env: env(0.03, 0.1, 0.6, 0.05),
          vibrato: { rate: 16, depth: 2 },
          lowpass: 800,
        },
      },
      { at: 0.26, tone: { wave: 'sine', freq: 120, to: 45, gate: 0.06, env: env(0.001, 0.12, 0.2, 0.12) } },
      {
        at: 0.26,
        tone: {
          wave: 'noise',
          freq: 1500,
          gate: 0.03,
          env: env(0.001, 0.06, 0, 0.1),
          volume: 0.6,
          lowpass: 900,
        },
      },
    ],
  },
  // Someone speaks: three quick pulse syllables at talking pitch, "blip-blop-blip".
  npc_talk: {
    duration: 0.3,
    loudness: 0.14,
    tones: run(['A4', 'E4', 'B4'], 0.085, 0, (freq) => ({
      wave: 'square',
      duty: 0.25,
      freq: freq * 1.02,
      to: freq,
      slideTime: 0.03,
      gate: 0.05,
      env: env(0.003, 0.03, 0.6, 0.03),
      lowpass: 3000,
    })),
  },
  // A chat line arrives: a soft two-note sine "ding-dong" upwards.
  chat: {
    duration: 0.4,
    loudness: 0.13,
    tones: run(['E6', 'A6'], 0.08, 0, (freq) => ({
      wave: 'sine',
      freq,
      gate: 0.03,
      env: env(0.002, 0.08, 0.3, 0.22),
      volume: 0.9,
    })),
  },
};

/** Renders one effect to floats, normalized with headroom, exactly `duration` long. */
export function renderEffect(id: SoundEffect, sampleRate = SFX_SAMPLE_RATE, seed = 1): Float32Array {
  const effect = EFFECTS[id];
  const random = seededRandom(seed);
  const out = new Float32Array(Math.round(effect.duration * sampleRate));
  for (const { at, tone } of effect.tones) {
    if (at + toneSeconds(tone) > effect.duration + 1e-9)
      throw new Error(`${id}: a tone at ${at}s rings past the effect's ${effect.duration}s`);
    mixInto(out, renderTone(tone, sampleRate, random), Math.round(at * sampleRate));
  }
  return fadeOut(normalize(out, { rms: effect.loudness, ceiling: 0.89 }), Math.round(0.004 * sampleRate));
}
