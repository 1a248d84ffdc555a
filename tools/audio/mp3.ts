// MP3 from the WAVs `npm run audio` renders, with lamejs (a pure-JS port of LAME): what the client
// downloads, a fraction of the WAV's size. The WAV stays the source a modder edits.
//
// An MP3 decoder starts ~1,100 samples late and ends on a whole frame, which would put a gap in every
// music loop and a delay before every effect. So the file opens with an Info frame whose LAME extension
// says how many samples to drop at each end (client/audio/mp3-frames.ts cuts by it where a browser
// does not). Around the sound the encoder is fed what it would hear in the game: a loop's own end
// before its start and its start after its end (so the cut falls inside continuous sound, not at a
// silence edge), and an effect gets a little silence first (lamejs smears an attack at sample 0).
import { Mp3Encoder } from '@breezystack/lamejs';
import {
  bitrateIndex,
  bitratesOf,
  readFrameHeader,
  type FrameHeader,
} from '../../client/audio/mp3-frames.ts';

/** Samples of context fed before the sound (and, for a loop, after it). */
const LEAD = 1152;
/** lamejs's own delay before the first input sample (LAME's ENCDELAY). */
const ENCODER_DELAY = 576;
/** Rates of MPEG-1 and MPEG-2 (ISO), which every browser decodes; MPEG-2.5's 8–12 kHz is avoided. */
const ISO_RATES = [16000, 22050, 24000, 32000, 44100, 48000];

export interface Mp3Settings {
  kbps: number;
  /** A seamless loop (music) rather than a one-shot (an effect). */
  loop: boolean;
}

/** Music: 12 kHz mono chiptune, upsampled to 24 kHz. 64 kbps measured 37 dB SNR decoded in Chromium. */
export const MUSIC_MP3: Mp3Settings = { kbps: 64, loop: true };
/** Effects: 22,050 Hz mono, a few tenths of a second each. */
export const SFX_MP3: Mp3Settings = { kbps: 48, loop: false };

/** Mono 16-bit samples (as decodeWav gives them) to an MP3 file with an Info frame. */
export function encodeMp3(pcm: Int16Array, sampleRate: number, settings: Mp3Settings): Uint8Array {
  let samples = pcm;
  let rate = sampleRate;
  if (!ISO_RATES.includes(rate)) {
    if (!ISO_RATES.includes(rate * 2)) throw new Error(`no MPEG-1/2 sample rate near ${sampleRate} Hz`);
    samples = upsampleTwice(pcm, settings.loop);
    rate *= 2;
  }
  const input = withContext(samples, settings.loop);
  const encoder = new Mp3Encoder(1, rate, settings.kbps);
  const chunks: Uint8Array[] = [];
  const step = 1152 * 16;
  for (let i = 0; i < input.length; i += step) chunks.push(encoder.encodeBuffer(input.subarray(i, i + step)));
  chunks.push(encoder.flush());
  const audio = concat(chunks.map((c) => new Uint8Array(c.buffer, c.byteOffset, c.byteLength)));
  const { first, frames } = walkFrames(audio);
  const delay = ENCODER_DELAY + LEAD;
  const padding = frames * first.samples - delay - samples.length;
  if (padding < 0 || padding > 0xfff) throw new Error(`padding ${padding} does not fit the LAME tag`);
  return concat([infoFrame(audio, first, frames, delay, padding), audio]);
}

/** The sound with LEAD samples before it (its own end for a loop, silence otherwise) and, for a loop, its start after it. */
function withContext(samples: Int16Array, loop: boolean): Int16Array {
  const n = samples.length;
  const out = new Int16Array(LEAD + n + (loop ? LEAD : 0));
  if (loop) for (let i = 0; i < LEAD; i++) out[i] = samples[(((i - LEAD) % n) + n) % n]!;
  out.set(samples, LEAD);
  if (loop) for (let i = 0; i < LEAD; i++) out[LEAD + n + i] = samples[i % n]!;
  return out;
}

/** Twice the sample rate by a Hann-windowed sinc (32 taps); a loop wraps around, a one-shot sees silence. */
export function upsampleTwice(samples: Int16Array, loop: boolean): Int16Array {
  const taps = 16;
  const n = samples.length;
  const weights: number[] = [];
  for (let k = -taps + 1; k <= taps; k++) {
    const x = k - 0.5;
    weights.push(((Math.sin(Math.PI * x) / (Math.PI * x)) * (1 + Math.cos((Math.PI * x) / taps))) / 2);
  }
  const at = (i: number): number => (loop ? samples[((i % n) + n) % n]! : (samples[i] ?? 0));
  const out = new Int16Array(n * 2);
  for (let i = 0; i < n; i++) {
    out[2 * i] = samples[i]!;
    let sum = 0;
    for (let k = -taps + 1; k <= taps; k++) sum += at(i + k) * weights[k + taps - 1]!;
    out[2 * i + 1] = Math.max(-32768, Math.min(32767, Math.round(sum)));
  }
  return out;
}

function walkFrames(audio: Uint8Array): { first: FrameHeader; frames: number } {
  const first = readFrameHeader(audio, 0);
  if (!first) throw new Error('the encoder wrote no MP3 frame');
  let frames = 0;
  for (let at = 0; at < audio.length; frames++) {
    const header = readFrameHeader(audio, at);
    if (!header) throw new Error(`no frame header at byte ${at} of the encoder's output`);
    at += header.length;
  }
  return { first, frames };
}

/** The Info frame (the Xing layout, "Info" as for constant bitrate) with the LAME extension. */
function infoFrame(
  audio: Uint8Array,
  first: FrameHeader,
  frames: number,
  delay: number,
  padding: number,
): Uint8Array {
  const tagAt = 4 + first.sideInfo;
  const needed = tagAt + 120 + 36;
  const kbps = bitratesOf(first.version).find(
    (k) =>
      k >= first.kbps &&
      Math.floor(((first.version === 1 ? 144 : 72) * k * 1000) / first.sampleRate) >= needed,
  );
  if (kbps === undefined) throw new Error('no bitrate leaves room for the Info frame');
  const length = Math.floor(((first.version === 1 ? 144 : 72) * kbps * 1000) / first.sampleRate);
  const frame = new Uint8Array(length);
  const view = new DataView(frame.buffer);
  frame.set(audio.subarray(0, 4));
  frame[1] = frame[1]! | 1; // no CRC
  frame[2] = (bitrateIndex(first.version, kbps) << 4) | (frame[2]! & 0x0c); // keep the rate, no padding slot
  const put = (at: number, s: string): void =>
    frame.set(
      [...s].map((c) => c.charCodeAt(0)),
      at,
    );
  const fileBytes = length + audio.length;
  put(tagAt, 'Info');
  view.setUint32(tagAt + 4, 0x0f); // frames, bytes, seek table, quality
  view.setUint32(tagAt + 8, frames);
  view.setUint32(tagAt + 12, fileBytes);
  for (let i = 0; i < 100; i++) frame[tagAt + 16 + i] = Math.floor((i * 256) / 100); // constant bitrate
  const lame = tagAt + 120;
  put(lame, 'LAME3.98r'); // lamejs's own version string
  frame[lame + 9] = 0x01; // tag revision 0, constant bitrate
  frame[lame + 20] = Math.min(255, first.kbps);
  frame[lame + 21] = delay >> 4;
  frame[lame + 22] = ((delay & 0x0f) << 4) | (padding >> 8);
  frame[lame + 23] = padding & 0xff;
  view.setUint32(lame + 28, fileBytes);
  view.setUint16(lame + 32, crc16(audio));
  view.setUint16(lame + 34, crc16(frame.subarray(0, lame + 34)));
  return frame;
}

/** CRC-16 as the LAME tag uses it (polynomial 0x8005, reflected, starting at 0). */
function crc16(bytes: Uint8Array): number {
  let crc = 0;
  for (const b of bytes) {
    crc ^= b;
    for (let i = 0; i < 8; i++) crc = crc & 1 ? (crc >>> 1) ^ 0xa001 : crc >>> 1;
  }
  return crc;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
