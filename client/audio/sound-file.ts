// Fetches and decodes one sound: the first of its URLs that is there (an MP3, else a WAV of that name),
// cut to exactly the sound where the file says how (mp3-frames.ts) and the browser's decoder did not.
// Not Phaser's loader: that one drops the file's bytes before we could read the MP3's Info frame.
import { readGapless, soundWithin } from './mp3-frames.ts';

/** Resolves to the decoded sound, or rejects saying which URLs were tried and why. */
export type SoundFetcher = (urls: readonly string[]) => Promise<AudioBuffer>;

export function webAudioFetcher(context: BaseAudioContext, get: typeof fetch = fetch): SoundFetcher {
  return async (urls) => {
    const failures: string[] = [];
    for (const url of urls) {
      const response = await get(url).catch((err: unknown) => {
        failures.push(`${url}: ${String(err)}`);
        return null;
      });
      if (!response) continue;
      if (!response.ok) {
        failures.push(`${url}: HTTP ${response.status}`);
        continue;
      }
      const bytes = await response.arrayBuffer();
      const gapless = /\.mp3$/i.test(url) ? readGapless(new Uint8Array(bytes)) : null;
      const decoded = await context.decodeAudioData(bytes);
      return gapless
        ? cut(context, decoded, soundWithin(decoded.length, decoded.sampleRate, gapless))
        : decoded;
    }
    throw new Error(`no sound at ${failures.join('; ')}`);
  };
}

function cut(
  context: BaseAudioContext,
  decoded: AudioBuffer,
  part: { start: number; length: number } | null,
): AudioBuffer {
  if (!part || part.length === 0) return decoded;
  const out = context.createBuffer(decoded.numberOfChannels, part.length, decoded.sampleRate);
  for (let c = 0; c < decoded.numberOfChannels; c++)
    out.copyToChannel(decoded.getChannelData(c).subarray(part.start, part.start + part.length), c);
  return out;
}
