// The MP3s: valid frames at an ISO sample rate, an Info frame whose delay and padding give back the
// sound's exact length, the client's cut for browsers that ignore it, and committed files that are what
// npm run audio makes from the committed WAVs. (That a browser decodes them: tests/e2e/audio.test.ts.)
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SOUND_EFFECTS } from '../../client/audio/catalog.ts';
import {
  DECODER_DELAY,
  firstFrameOffset,
  gaplessLength,
  readFrameHeader,
  readGapless,
  soundWithin,
  type Gapless,
} from '../../client/audio/mp3-frames.ts';
import { MUSIC_MP3, SFX_MP3, encodeMp3, upsampleTwice } from './mp3.ts';
import { decodeWav } from './wav.ts';

const tone = (n: number, rate: number, hz: number): Int16Array =>
  Int16Array.from({ length: n }, (_, i) => Math.round(8000 * Math.sin((2 * Math.PI * hz * i) / rate)));

/** Every frame header from the start to the end of the file, which must fit exactly. */
function frames(mp3: Uint8Array) {
  const out = [];
  for (let at = firstFrameOffset(mp3); at < mp3.length;) {
    const h = readFrameHeader(mp3, at);
    if (!h) throw new Error(`no frame at byte ${at}`);
    out.push(h);
    at += h.length;
  }
  return out;
}

describe('encodeMp3', () => {
  it('a 12 kHz loop becomes 24 kHz MPEG-2 mono at 64 kbps, its Info frame giving exactly twice the samples', () => {
    const pcm = tone(12000 * 2, 12000, 440); // two seconds
    const mp3 = encodeMp3(pcm, 12000, MUSIC_MP3);
    const all = frames(mp3);
    expect(all.every((h) => h.version === 2 && h.sampleRate === 24000 && h.mono)).toBe(true);
    expect(all.slice(1).every((h) => h.kbps === 64)).toBe(true);
    const g = readGapless(mp3);
    expect(g).not.toBeNull();
    expect(g!.frames).toBe(all.length - 1);
    expect(gaplessLength(g!)).toBe(2 * pcm.length);
    expect(mp3.length).toBeLessThan(pcm.length * 2 * 0.4); // vs 16-bit PCM at 12 kHz
  });

  it('an effect keeps its rate (22,050 Hz), its length and, encoded twice, its bytes', () => {
    const pcm = tone(7000, 22050, 660);
    const mp3 = encodeMp3(pcm, 22050, SFX_MP3);
    expect(
      frames(mp3)
        .slice(1)
        .every((h) => h.sampleRate === 22050 && h.kbps === 48),
    ).toBe(true);
    expect(gaplessLength(readGapless(mp3)!)).toBe(pcm.length);
    expect(encodeMp3(pcm, 22050, SFX_MP3)).toEqual(mp3);
  });

  it('refuses a rate with no MPEG-1/2 rate at it or at twice it', () => {
    expect(() => encodeMp3(tone(100, 7000, 440), 7000, SFX_MP3)).toThrow(
      /no MPEG-1\/2 sample rate near 7000/,
    );
  });

  it('upsampling keeps the original samples and puts the halfway ones on the curve', () => {
    const pcm = tone(1200, 12000, 300);
    const up = upsampleTwice(pcm, true);
    expect(up.filter((_, i) => i % 2 === 0)).toEqual(pcm);
    const truth = tone(2400, 24000, 300);
    for (let i = 1; i < up.length; i += 2) expect(Math.abs(up[i]! - truth[i]!)).toBeLessThan(40);
  });
});

describe('the client cut (soundWithin)', () => {
  const g: Gapless = { sampleRate: 24000, frames: 100, frameSamples: 576, delay: 1728, padding: 1000 };
  const length = gaplessLength(g);

  it('leaves a buffer the browser already cut, at its rate or resampled', () => {
    expect(soundWithin(length, 24000, g)).toBeNull();
    expect(soundWithin(length * 2, 48000, g)).toBeNull();
    expect(soundWithin(Math.round((length * 44100) / 24000) + 1, 44100, g)).toBeNull();
  });

  it('cuts a buffer the browser did not, with or without the Info frame decoded as silence', () => {
    const lead = g.delay + DECODER_DELAY;
    expect(soundWithin(g.frames * 576, 24000, g)).toEqual({ start: lead, length });
    expect(soundWithin((g.frames + 1) * 576, 24000, g)).toEqual({ start: lead + 576, length });
    expect(soundWithin(g.frames * 576 * 2, 48000, g)).toEqual({ start: lead * 2, length: length * 2 });
  });

  it('reads the Info frame past an ID3v2 tag, and nothing from a file without one', () => {
    const mp3 = encodeMp3(tone(3000, 22050, 500), 22050, SFX_MP3);
    const id3 = Uint8Array.from([0x49, 0x44, 0x33, 4, 0, 0, 0, 0, 0, 5, 1, 2, 3, 4, 5]);
    const tagged = new Uint8Array(id3.length + mp3.length);
    tagged.set(id3);
    tagged.set(mp3, id3.length);
    expect(readGapless(tagged)).toEqual(readGapless(mp3));
    const infoLength = readFrameHeader(mp3, 0)!.length;
    expect(readGapless(mp3.subarray(infoLength))).toBeNull();
  });
});

describe('the committed MP3s', () => {
  const committed = (name: string) => {
    const wav = decodeWav(readFileSync(`assets/audio/${name}.wav`));
    return { wav, mp3: new Uint8Array(readFileSync(`assets/audio/${name}.mp3`)) };
  };

  it('are what npm run audio encodes from the committed WAVs (every effect, and one tune)', () => {
    for (const effect of SOUND_EFFECTS) {
      const { wav, mp3 } = committed(`sfx/${effect}`);
      expect(encodeMp3(wav.samples, wav.sampleRate, SFX_MP3), effect).toEqual(mp3);
    }
    const { wav, mp3 } = committed('music/lair');
    expect(encodeMp3(wav.samples, wav.sampleRate, MUSIC_MP3)).toEqual(mp3);
  }, 30_000);

  it('each says the length of its WAV (twice it for the 12 kHz music)', () => {
    for (const name of [...SOUND_EFFECTS.map((e) => `sfx/${e}`), 'music/village', 'music/forest']) {
      const { wav, mp3 } = committed(name);
      const g = readGapless(mp3)!;
      expect(gaplessLength(g) / g.sampleRate, name).toBeCloseTo(wav.samples.length / wav.sampleRate, 6);
    }
  });
});
