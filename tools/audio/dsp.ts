// The synthesizer's voice: one tone (oscillator + ADSR envelope + pitch slide, vibrato or arpeggio +
// one-pole filters) rendered into a buffer of floats in [-1, 1]. Sound effects and music are both
// built from tones.
import type { Random } from './rng.ts';

export type Wave = 'square' | 'triangle' | 'saw' | 'sine' | 'noise';

/** Times in seconds; sustain is a level from 0 to 1. */
export interface Envelope {
  attack: number;
  decay: number;
  sustain: number;
  release: number;
}

export interface Tone {
  wave: Wave;
  /** Pitch in Hz. For noise: how many new random values per second (low = gritty, high = hiss). */
  freq: number;
  /** Slide the pitch to this many Hz (exponentially, so it sounds even) over `slideTime`. */
  to?: number;
  /** Seconds the slide takes; defaults to the whole gate. */
  slideTime?: number;
  /** Square pulse width: 0.5 hollow, 0.25 nasal, 0.125 thin. */
  duty?: number;
  /** Depth in semitones, starting after `delay` seconds so short notes stay clean. */
  vibrato?: { rate: number; depth: number; delay?: number };
  /** Semitone offsets cycled `arpRate` times a second: the classic chiptune chord. */
  arp?: number[];
  arpRate?: number;
  /** Seconds the note is held before its release starts. */
  gate: number;
  env: Envelope;
  volume?: number;
  lowpass?: number;
  highpass?: number;
}

export function toneSeconds(tone: Tone): number {
  return tone.gate + tone.env.release;
}

/** Envelope level at time t of a note held for `gate` seconds. */
export function envelopeAt(env: Envelope, gate: number, t: number): number {
  const held = (u: number): number => {
    if (u < env.attack) return u / env.attack;
    const d = u - env.attack;
    if (d < env.decay) return 1 - (1 - env.sustain) * (d / env.decay);
    return env.sustain;
  };
  if (t < gate) return held(t);
  if (env.release <= 0) return 0;
  const r = (t - gate) / env.release;
  if (r >= 1) return 0;
  return held(gate) * (1 - r) * (1 - r);
}

/** PolyBLEP: smooths the jumps of square and saw waves so high notes do not alias into noise. */
function polyBlep(t: number, dt: number): number {
  if (t < dt) {
    const x = t / dt;
    return x + x - x * x - 1;
  }
  if (t > 1 - dt) {
    const x = (t - 1) / dt;
    return x * x + x + x + 1;
  }
  return 0;
}

export function renderTone(tone: Tone, sampleRate: number, random: Random): Float32Array {
  const length = Math.round(toneSeconds(tone) * sampleRate);
  const out = new Float32Array(length);
  const duty = tone.duty ?? 0.5;
  const slideTime = tone.slideTime ?? tone.gate;
  const volume = tone.volume ?? 1;
  let phase = 0;
  let held = random() * 2 - 1;
  for (let i = 0; i < length; i++) {
    const t = i / sampleRate;
    let freq = tone.freq;
    if (tone.to !== undefined) freq *= Math.pow(tone.to / tone.freq, Math.min(t / slideTime, 1));
    let semis = 0;
    const vib = tone.vibrato;
    if (vib && t > (vib.delay ?? 0))
      semis += vib.depth * Math.sin(2 * Math.PI * vib.rate * (t - (vib.delay ?? 0)));
    if (tone.arp?.length) semis += tone.arp[Math.floor(t * (tone.arpRate ?? 30)) % tone.arp.length] ?? 0;
    if (semis) freq *= Math.pow(2, semis / 12);
    const dt = Math.min(freq / sampleRate, 0.5);
    let sample: number;
    switch (tone.wave) {
      case 'sine':
        sample = Math.sin(2 * Math.PI * phase);
        break;
      case 'triangle':
        sample = 4 * Math.abs(phase - 0.5) - 1;
        break;
      case 'saw':
        sample = 2 * phase - 1 - polyBlep(phase, dt);
        break;
      case 'square':
        // Minus the pulse's average (2·duty − 1), so a narrow pulse adds no DC offset to the mix.
        sample =
          (phase < duty ? 1 : -1) +
          polyBlep(phase, dt) -
          polyBlep((phase - duty + 1) % 1, dt) -
          (2 * duty - 1);
        break;
      case 'noise':
        sample = held;
        break;
    }
    out[i] = sample * envelopeAt(tone.env, tone.gate, t) * volume;
    phase += freq / sampleRate;
    if (phase >= 1) {
      phase -= Math.floor(phase);
      if (tone.wave === 'noise') held = random() * 2 - 1;
    }
  }
  if (tone.lowpass) lowpass(out, tone.lowpass, sampleRate);
  if (tone.highpass) highpass(out, tone.highpass, sampleRate);
  return out;
}

/** One-pole low-pass filter, in place: gentle (6 dB per octave), like a small speaker. */
export function lowpass(buffer: Float32Array, cutoff: number, sampleRate: number): Float32Array {
  const a = 1 - Math.exp((-2 * Math.PI * cutoff) / sampleRate);
  let y = 0;
  for (let i = 0; i < buffer.length; i++) {
    y += a * ((buffer[i] ?? 0) - y);
    buffer[i] = y;
  }
  return buffer;
}

/** One-pole high-pass filter, in place: the input minus its low-passed self. */
export function highpass(buffer: Float32Array, cutoff: number, sampleRate: number): Float32Array {
  const a = 1 - Math.exp((-2 * Math.PI * cutoff) / sampleRate);
  let y = 0;
  for (let i = 0; i < buffer.length; i++) {
    const x = buffer[i] ?? 0;
    y += a * (x - y);
    buffer[i] = x - y;
  }
  return buffer;
}
