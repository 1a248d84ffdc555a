import { describe, expect, it } from 'vitest';
import { SOUND_EFFECTS } from '../../client/audio/catalog.ts';
import { envelopeAt, renderTone, type Tone } from './dsp.ts';
import { foldLoop, normalize, peak } from './mix.ts';
import { COMPOSED_TRACKS, MUSIC_SAMPLE_RATE, TRACKS, renderTrack } from './music/index.ts';
import { hz, midiOf, nameOf } from './notes.ts';
import { seededRandom } from './rng.ts';
import { parsePattern, renderSong, songSeconds, type Song } from './sequencer.ts';
import { EFFECTS, SFX_SAMPLE_RATE, renderEffect } from './sfx.ts';
import { decodeWav, encodeWav } from './wav.ts';

const env = { attack: 0.01, decay: 0.05, sustain: 0.5, release: 0.1 };

describe('wav', () => {
  it('writes a valid RIFF/WAVE header whose sizes match the file', () => {
    const samples = Float32Array.from({ length: 1001 }, (_, i) => Math.sin(i / 10));
    const bytes = encodeWav(samples, 22050);
    const text = (o: number) => String.fromCharCode(...bytes.subarray(o, o + 4));
    const view = new DataView(bytes.buffer);
    expect([text(0), text(8), text(12), text(36)]).toEqual(['RIFF', 'WAVE', 'fmt ', 'data']);
    expect(view.getUint32(4, true)).toBe(bytes.length - 8);
    expect(view.getUint32(40, true)).toBe(1001 * 2);
    expect(bytes.length).toBe(44 + 1001 * 2);
    const info = decodeWav(bytes);
    expect(info).toMatchObject({ sampleRate: 22050, channels: 1, bitsPerSample: 16, dataBytes: 2002 });
    expect(view.getUint32(28, true)).toBe(22050 * 2);
    expect(info.samples[10]).toBe(Math.round(Math.sin(1) * 32767));
  });

  it('clamps out-of-range samples instead of wrapping round', () => {
    const info = decodeWav(encodeWav(Float32Array.of(1.5, -2, 0), 8000));
    expect(Array.from(info.samples)).toEqual([32767, -32767, 0]);
  });
});

describe('notes', () => {
  it('names pitches in equal temperament around A4 = 440 Hz', () => {
    expect(hz('A4')).toBeCloseTo(440);
    expect(hz('A5')).toBeCloseTo(880);
    expect(midiOf('C4')).toBe(60);
    expect(midiOf('C#4')).toBe(midiOf('Db4'));
    expect(nameOf(61)).toBe('C#4');
    expect(() => midiOf('H2')).toThrow(/not a note name/);
  });
});

describe('tones', () => {
  it('an envelope rises, holds its sustain, and releases to silence', () => {
    expect(envelopeAt(env, 0.5, 0)).toBe(0);
    expect(envelopeAt(env, 0.5, 0.01)).toBeCloseTo(1);
    expect(envelopeAt(env, 0.5, 0.3)).toBeCloseTo(0.5);
    expect(envelopeAt(env, 0.5, 0.6)).toBeCloseTo(0);
    expect(envelopeAt(env, 0.5, 0.7)).toBe(0);
  });

  it('every wave is bounded and lasts gate + release', () => {
    for (const wave of ['square', 'triangle', 'saw', 'sine', 'noise'] as const) {
      const tone: Tone = { wave, freq: 3000, to: 100, gate: 0.2, env, duty: 0.125 };
      const out = renderTone(tone, 22050, seededRandom(1));
      expect(out.length).toBe(Math.round(0.3 * 22050));
      // A thin pulse without its DC offset swings from −0.25 to +1.75; mixes are normalized afterwards.
      expect(peak(out)).toBeLessThanOrEqual(2);
    }
  });

  it('a narrow pulse has no DC offset', () => {
    const out = renderTone(
      { wave: 'square', duty: 0.125, freq: 220, gate: 1, env: { ...env, sustain: 1 } },
      22050,
      seededRandom(1),
    );
    const mean = out.reduce((a, b) => a + b, 0) / out.length;
    expect(Math.abs(mean)).toBeLessThan(0.01);
  });
});

describe('mixing', () => {
  it('normalizing never lets the peak pass the ceiling', () => {
    const loud = Float32Array.from({ length: 500 }, (_, i) => 5 * Math.sin(i));
    expect(peak(normalize(loud, { rms: 10, ceiling: 0.89 }))).toBeCloseTo(0.89);
  });

  it('folding a loop adds the tail onto the start', () => {
    expect(Array.from(foldLoop(Float32Array.of(1, 2, 3, 4, 5), 3))).toEqual([5, 7, 3]);
  });
});

describe('sequencer', () => {
  it('reads notes, rests, holds, chords and accents', () => {
    const events = parsePattern('t', "C4*2 r - E4/G4 - A4! B4' ", 8, false);
    expect(events.map((e) => [e.step, e.steps, e.notes.length, e.velocity])).toEqual([
      [0, 2, 1, 1],
      [4, 2, 2, 1],
      [6, 1, 1, 1.25],
      [7, 1, 1, 0.6],
    ]);
  });

  it('names the part and bar whose length is wrong', () => {
    expect(() => parsePattern('lead', 'C4*8 | C4*7', 8, false)).toThrow(
      'lead: bar 2 has 7 steps, expected 8',
    );
  });

  it('renders a loop exactly as long as its bars', () => {
    const song: Song = {
      bpm: 120,
      stepsPerBeat: 2,
      beatsPerBar: 4,
      sampleRate: 8000,
      seed: 1,
      parts: [{ name: 'x', gain: 1, instrument: { wave: 'square', env }, pattern: 'C4*8 | G4*8' }],
    };
    expect(songSeconds(song)).toBe(4);
    expect(renderSong(song).length).toBe(32000);
  });
});

describe('sound effects', () => {
  it.each(SOUND_EFFECTS)('%s has its declared duration, never clips and ends in silence', (id) => {
    const out = renderEffect(id);
    expect(out.length).toBe(Math.round(EFFECTS[id].duration * SFX_SAMPLE_RATE));
    expect(peak(out)).toBeLessThanOrEqual(0.9);
    expect(peak(out)).toBeGreaterThan(0.1);
    expect(Math.abs(out[out.length - 1] ?? 1)).toBeLessThan(0.01);
  });

  it('each effect is short and they all differ', () => {
    const prints = SOUND_EFFECTS.map((id) =>
      Array.from(
        renderEffect(id)
          .subarray(0, 2000)
          .map((s) => Math.round(s * 50)),
      ).join(),
    );
    expect(new Set(prints).size).toBe(SOUND_EFFECTS.length);
    for (const id of SOUND_EFFECTS) expect(EFFECTS[id].duration).toBeLessThanOrEqual(2);
  });

  it('the same seed gives identical bytes', () => {
    for (const id of SOUND_EFFECTS) {
      expect(encodeWav(renderEffect(id, SFX_SAMPLE_RATE, 7), SFX_SAMPLE_RATE)).toEqual(
        encodeWav(renderEffect(id, SFX_SAMPLE_RATE, 7), SFX_SAMPLE_RATE),
      );
    }
  });
});

describe('music', () => {
  // Rendering all nine loops takes a few seconds; do it once.
  const rendered = new Map(COMPOSED_TRACKS.map((t) => [t, renderTrack(t)]));

  it.each(COMPOSED_TRACKS)('%s is a 30–45 s loop that never clips and joins without a click', (track) => {
    const out = rendered.get(track) ?? new Float32Array();
    const seconds = out.length / MUSIC_SAMPLE_RATE;
    expect(seconds).toBeGreaterThanOrEqual(30);
    expect(seconds).toBeLessThanOrEqual(45);
    expect(peak(out)).toBeLessThanOrEqual(0.9);
    // The jump from the last sample back to the first is no bigger than the music's own steps.
    let largestStep = 0;
    for (let i = 1; i < out.length; i++)
      largestStep = Math.max(largestStep, Math.abs((out[i] ?? 0) - (out[i - 1] ?? 0)));
    expect(Math.abs((out[0] ?? 0) - (out[out.length - 1] ?? 0))).toBeLessThanOrEqual(largestStep);
  });

  it('every track has its own tempo or metre, and all fit in about 8 MB', () => {
    const feels = new Set(COMPOSED_TRACKS.map((t) => `${TRACKS[t].bpm}/${TRACKS[t].beatsPerBar}`));
    expect(feels.size).toBe(COMPOSED_TRACKS.length);
    let bytes = 0;
    for (const out of rendered.values()) bytes += 44 + out.length * 2;
    for (const id of SOUND_EFFECTS) bytes += 44 + renderEffect(id).length * 2;
    expect(bytes).toBeLessThan(8 * 1024 * 1024);
  });

  it('the same seed gives identical bytes', () => {
    const again = renderTrack('village');
    expect(encodeWav(again, MUSIC_SAMPLE_RATE)).toEqual(
      encodeWav(rendered.get('village') ?? new Float32Array(), MUSIC_SAMPLE_RATE),
    );
  });
});
