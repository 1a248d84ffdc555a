// A tiny tracker: a song is a tempo plus parts (lead, bass, harmony, drums), each a pattern string
// on a grid of steps. Patterns read like sheet music typed on one line:
//
//   "E5*2 G5 A5 | C6*4 r*2 -*2"     a note (C4, F#3, Bb5) or r (rest), *n = lasts n steps,
//                                    - = keep the previous note sounding, | = bar line (checked),
//   "C4/E4/G4*8"                     a chord (arpeggiated if the instrument has an arpRate),
//   "k h s h"                        on a drum part: the kit's hits by letter,
//   "A4!  A4'"                       ! = accent, ' = soft.
import { type Envelope, type Tone, type Wave, renderTone, toneSeconds } from './dsp.ts';
import { foldLoop, loopedEcho, mixInto } from './mix.ts';
import { midiOf, midiToHz } from './notes.ts';
import { type Random, seededRandom } from './rng.ts';

export interface Instrument {
  wave: Wave;
  env: Envelope;
  duty?: number;
  volume?: number;
  lowpass?: number;
  highpass?: number;
  vibrato?: Tone['vibrato'];
  /** Fraction of its length a note is held before its release (default 0.9). */
  legato?: number;
  /** Chords: cycle their notes this many times a second instead of sounding them together. */
  arpRate?: number;
  /** Semitones added to every note (-12: an octave down). */
  transpose?: number;
  /** Each note starts this many semitones off and slides into pitch over `time` seconds. */
  bend?: { semitones: number; time: number };
}

/** A drum kit: a letter to the tones of one hit (velocity 0..1, random for small variations). */
export type DrumKit = Record<string, (velocity: number, random: Random) => Tone[]>;

export interface Part {
  name: string;
  pattern: string;
  gain: number;
  instrument?: Instrument;
  drums?: DrumKit;
}

export interface Song {
  bpm: number;
  /** Grid resolution: 2 = eighth notes, 4 = sixteenths. */
  stepsPerBeat: number;
  beatsPerBar: number;
  sampleRate: number;
  seed: number;
  parts: Part[];
  /** Delay every odd step by this fraction of a step (0.2 to 0.33 gives a lilt). */
  swing?: number;
  /** A wrapping echo over the whole mix, its delay in beats. */
  echo?: { beats: number; feedback: number; wet: number };
}

export interface NoteEvent {
  step: number;
  steps: number;
  /** MIDI notes, or a single drum letter on a drum part. */
  notes: number[];
  hit?: string;
  velocity: number;
}

/** Longest a single note may ring, release included: the loop's tail is rendered this far. */
const MAX_NOTE_SECONDS = 8;

const TOKEN = /^([^*!']+)(\*\d+)?([!']?)$/;

/** Parses a pattern into events; throws naming the part and bar when a bar has the wrong length. */
export function parsePattern(part: string, pattern: string, barSteps: number, drums: boolean): NoteEvent[] {
  const events: NoteEvent[] = [];
  let step = 0;
  let sounding = false;
  const bars = pattern.split('|');
  bars.forEach((bar, barIndex) => {
    const barStart = step;
    for (const token of bar.trim().split(/\s+/).filter(Boolean)) {
      const m = TOKEN.exec(token);
      if (!m) throw new Error(`${part}: cannot read "${token}"`);
      const [, body = '', times, mark] = m;
      const steps = times ? Number(times.slice(1)) : 1;
      const velocity = mark === '!' ? 1.25 : mark === "'" ? 0.6 : 1;
      const last = events[events.length - 1];
      if (body === '-') {
        // Holds the note before it; after a rest it is just more rest.
        if (sounding && last) last.steps += steps;
      } else if (body === 'r') {
        sounding = false;
      } else {
        if (drums) events.push({ step, steps, notes: [], hit: body, velocity });
        else events.push({ step, steps, notes: body.split('/').map(midiOf), velocity });
        sounding = true;
      }
      step += steps;
    }
    const length = step - barStart;
    if (bars.length > 1 && length !== barSteps)
      throw new Error(`${part}: bar ${barIndex + 1} has ${length} steps, expected ${barSteps}`);
  });
  if (events.length === 0 && step === 0) throw new Error(`${part}: empty pattern`);
  return Object.assign(events, { totalSteps: step });
}

function patternSteps(events: NoteEvent[]): number {
  return (events as NoteEvent[] & { totalSteps: number }).totalSteps;
}

function noteTones(inst: Instrument, event: NoteEvent, gate: number): Tone[] {
  const base: Omit<Tone, 'freq'> = {
    wave: inst.wave,
    env: inst.env,
    duty: inst.duty,
    vibrato: inst.vibrato,
    gate,
    lowpass: inst.lowpass,
    highpass: inst.highpass,
  };
  const shift = inst.transpose ?? 0;
  const notes = event.notes.map((n) => n + shift);
  const volume = (inst.volume ?? 1) * event.velocity;
  const withBend = (t: Tone): Tone =>
    inst.bend
      ? { ...t, freq: t.freq * Math.pow(2, inst.bend.semitones / 12), to: t.freq, slideTime: inst.bend.time }
      : t;
  if (inst.arpRate && notes.length > 1) {
    const root = notes[0] ?? 60;
    return [
      { ...base, freq: midiToHz(root), arp: notes.map((n) => n - root), arpRate: inst.arpRate, volume },
    ];
  }
  const each = volume / Math.sqrt(notes.length);
  return notes.map((n) => withBend({ ...base, freq: midiToHz(n), volume: each }));
}

export function songSteps(song: Song): number {
  const barSteps = song.stepsPerBeat * song.beatsPerBar;
  return Math.max(
    ...song.parts.map((p) => patternSteps(parsePattern(p.name, p.pattern, barSteps, !!p.drums))),
  );
}

export function songSeconds(song: Song): number {
  return (songSteps(song) * 60) / song.bpm / song.stepsPerBeat;
}

/** Renders one seamless loop of the song (before normalizing), as floats. */
export function renderSong(song: Song): Float32Array {
  const sr = song.sampleRate;
  const barSteps = song.stepsPerBeat * song.beatsPerBar;
  const stepSeconds = 60 / song.bpm / song.stepsPerBeat;
  const total = songSteps(song);
  const loopSamples = Math.round(total * stepSeconds * sr);
  const buffer = new Float32Array(loopSamples + MAX_NOTE_SECONDS * sr);
  const random = seededRandom(song.seed);
  for (const part of song.parts) {
    const events = parsePattern(part.name, part.pattern, barSteps, !!part.drums);
    const length = patternSteps(events);
    if (total % length !== 0)
      throw new Error(`${part.name}: ${length} steps does not divide the song's ${total} steps`);
    for (let rep = 0; rep < total / length; rep++) {
      for (const event of events) {
        const step = rep * length + event.step;
        const swing = step % 2 === 1 ? (song.swing ?? 0) : 0;
        const at = Math.round((step + swing) * stepSeconds * sr);
        for (const tone of partTones(part, event, event.steps * stepSeconds, random)) {
          if (toneSeconds(tone) > MAX_NOTE_SECONDS)
            throw new Error(`${part.name}: a note rings longer than ${MAX_NOTE_SECONDS} s`);
          mixInto(buffer, renderTone(tone, sr, random), at, part.gain);
        }
      }
    }
  }
  let loop = foldLoop(buffer, loopSamples);
  if (song.echo) {
    const delay = Math.round((song.echo.beats * 60 * sr) / song.bpm);
    loop = loopedEcho(loop, delay, song.echo.feedback, song.echo.wet);
  }
  return loop;
}

function partTones(part: Part, event: NoteEvent, seconds: number, random: Random): Tone[] {
  if (part.drums) {
    const hit = part.drums[event.hit ?? ''];
    if (!hit) throw new Error(`${part.name}: the kit has no "${event.hit}"`);
    return hit(event.velocity, random);
  }
  if (!part.instrument) throw new Error(`${part.name}: needs an instrument or a drum kit`);
  return noteTones(part.instrument, event, seconds * (part.instrument.legato ?? 0.9));
}
