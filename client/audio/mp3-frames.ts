// MP3 frame headers and the "Info"/"Xing" frame with its LAME extension, which says how many samples
// the encoder put before and after the sound. The client reads it to cut a decoded MP3 to exactly the
// sound (browsers differ in whether they do this themselves); tools/audio/mp3.ts writes it.

/** Samples every MP3 decoder outputs before the first encoded one (its synthesis filterbank). */
export const DECODER_DELAY = 529;

const BITRATES_V1 = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];
const BITRATES_V2 = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];
const RATES: Record<number, readonly number[]> = {
  3: [44100, 48000, 32000], // MPEG-1
  2: [22050, 24000, 16000], // MPEG-2
  0: [11025, 12000, 8000], // MPEG-2.5
};

export interface FrameHeader {
  /** 1 for MPEG-1; 2 for MPEG-2 and 2.5 (same frame layout). */
  version: 1 | 2;
  kbps: number;
  sampleRate: number;
  mono: boolean;
  /** Bytes in the whole frame, header included. */
  length: number;
  /** Samples the frame decodes to. */
  samples: 576 | 1152;
  /** Bytes of side information after the 4-byte header (where an Info tag starts). */
  sideInfo: number;
}

/** The Layer III frame header at `at`, or null if there is none. */
export function readFrameHeader(bytes: Uint8Array, at: number): FrameHeader | null {
  if (at + 4 > bytes.length) return null;
  const b1 = bytes[at + 1]!;
  const b2 = bytes[at + 2]!;
  const b3 = bytes[at + 3]!;
  if (bytes[at] !== 0xff || (b1 & 0xe0) !== 0xe0 || ((b1 >> 1) & 3) !== 1) return null;
  const versionBits = (b1 >> 3) & 3;
  const rates = RATES[versionBits];
  const rateIndex = (b2 >> 2) & 3;
  const bitrateIndex = b2 >> 4;
  if (!rates || rateIndex === 3 || bitrateIndex === 0 || bitrateIndex === 15) return null;
  const version = versionBits === 3 ? 1 : 2;
  const kbps = (version === 1 ? BITRATES_V1 : BITRATES_V2)[bitrateIndex]!;
  const sampleRate = rates[rateIndex]!;
  const mono = b3 >> 6 === 3;
  const slot = version === 1 ? 144 : 72;
  return {
    version,
    kbps,
    sampleRate,
    mono,
    length: Math.floor((slot * kbps * 1000) / sampleRate) + ((b2 >> 1) & 1),
    samples: version === 1 ? 1152 : 576,
    sideInfo: version === 1 ? (mono ? 17 : 32) : mono ? 9 : 17,
  };
}

/** The bitrate index (header bits) of `kbps` for this version, or -1. */
export function bitrateIndex(version: 1 | 2, kbps: number): number {
  return (version === 1 ? BITRATES_V1 : BITRATES_V2).indexOf(kbps);
}

export const bitratesOf = (version: 1 | 2): readonly number[] =>
  (version === 1 ? BITRATES_V1 : BITRATES_V2).slice(1);

/** Where the first frame starts: after an ID3v2 tag, if the file opens with one. */
export function firstFrameOffset(bytes: Uint8Array): number {
  if (bytes.length < 10 || bytes[0] !== 0x49 || bytes[1] !== 0x44 || bytes[2] !== 0x33) return 0; // "ID3"
  const size =
    ((bytes[6]! & 0x7f) << 21) | ((bytes[7]! & 0x7f) << 14) | ((bytes[8]! & 0x7f) << 7) | (bytes[9]! & 0x7f);
  return 10 + size + (bytes[5]! & 0x10 ? 10 : 0);
}

export interface Gapless {
  sampleRate: number;
  /** Audio frames after the Info frame. */
  frames: number;
  frameSamples: number;
  /** Samples the encoder put before the sound, and after it to fill the last frame. */
  delay: number;
  padding: number;
}

/** The sound's own length in samples, at the file's sample rate. */
export const gaplessLength = (g: Gapless): number => g.frames * g.frameSamples - g.delay - g.padding;

const text = (bytes: Uint8Array, at: number, length: number): string =>
  String.fromCharCode(...bytes.subarray(at, at + length));

/** The Info/Xing frame's frame count and the LAME extension's delay and padding, or null without them. */
export function readGapless(bytes: Uint8Array): Gapless | null {
  const start = firstFrameOffset(bytes);
  const header = readFrameHeader(bytes, start);
  if (!header) return null;
  let at = start + 4 + header.sideInfo;
  const tag = text(bytes, at, 4);
  if (tag !== 'Info' && tag !== 'Xing') return null;
  const flags =
    ((bytes[at + 4]! << 24) | (bytes[at + 5]! << 16) | (bytes[at + 6]! << 8) | bytes[at + 7]!) >>> 0;
  at += 8;
  if (!(flags & 1)) return null; // no frame count: the sound's length is unknown
  const frames = ((bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!) >>> 0;
  at += 4;
  if (flags & 2) at += 4; // byte count
  if (flags & 4) at += 100; // seek table
  if (flags & 8) at += 4; // quality
  if (!/^(LAME|Lavc|Lavf)/.test(text(bytes, at, 4)) || at + 24 > bytes.length) return null;
  const packed = (bytes[at + 21]! << 16) | (bytes[at + 22]! << 8) | bytes[at + 23]!;
  return {
    sampleRate: header.sampleRate,
    frames,
    frameSamples: header.samples,
    delay: packed >> 12,
    padding: packed & 0xfff,
  };
}

/**
 * Which part of a decoded MP3 is the sound, in samples at the decoded rate: null if the decoder already
 * cut it (its length is the sound's), else where it starts, past the encoder's and the decoder's delay
 * (and the Info frame, for a decoder that played that as a frame of silence).
 */
export function soundWithin(
  decodedLength: number,
  decodedRate: number,
  g: Gapless,
): { start: number; length: number } | null {
  const scale = decodedRate / g.sampleRate;
  const length = Math.round(gaplessLength(g) * scale);
  const slack = Math.ceil(scale) + 1; // resampling rounds the length
  if (Math.abs(decodedLength - length) <= slack) return null;
  const withInfoFrame = decodedLength >= Math.round((g.frames + 1) * g.frameSamples * scale) - slack;
  const lead = g.delay + DECODER_DELAY + (withInfoFrame ? g.frameSamples : 0);
  const start = Math.round(lead * scale);
  return { start, length: Math.max(0, Math.min(length, decodedLength - start)) };
}
