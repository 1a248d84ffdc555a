// `npm run audio`: renders every sound effect and music loop into assets/audio/ as a WAV (the source)
// and an MP3 beside it (what the client downloads, tools/audio/mp3.ts), and prints levels and sizes.
// Usage: npm run audio [-- name ...]   (only the named effects or tracks). Like the other generators it
// refuses to overwrite a file changed since it last wrote it (a modder's own recording); `--force` does.

import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SOUND_EFFECTS } from '../../client/audio/catalog.ts';
import { dbfs, peak, rms } from './mix.ts';
import { COMPOSED_TRACKS, MUSIC_SAMPLE_RATE, renderTrack } from './music/index.ts';
import { SFX_SAMPLE_RATE, renderEffect } from './sfx.ts';
import { MUSIC_MP3, SFX_MP3, encodeMp3, type Mp3Settings } from './mp3.ts';
import { decodeWav, encodeWav } from './wav.ts';
import { writeGenerated, type Output } from '../generated.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const only = new Set(process.argv.slice(2).filter((a) => !a.startsWith('--')));
const outputs: Output[] = [];
const wanted = (name: string): boolean => only.size === 0 || only.has(name);
let wavBytes = 0;
let mp3Bytes = 0;

/** `name` (no extension) as `name.wav`, and `name.mp3` encoded from exactly that WAV's samples. */
function write(name: string, samples: Float32Array, sampleRate: number, mp3: Mp3Settings): void {
  const wav = encodeWav(samples, sampleRate);
  const compressed = encodeMp3(decodeWav(wav).samples, sampleRate, mp3);
  outputs.push(
    { path: `assets/audio/${name}.wav`, bytes: wav },
    { path: `assets/audio/${name}.mp3`, bytes: compressed },
  );
  wavBytes += wav.length;
  mp3Bytes += compressed.length;
  const seconds = (samples.length / sampleRate).toFixed(2).padStart(6);
  const kb = (n: number): string => (n / 1024).toFixed(0).padStart(4);
  const levels = `peak ${dbfs(peak(samples)).toFixed(1).padStart(5)} dBFS  rms ${dbfs(rms(samples)).toFixed(1).padStart(5)} dBFS`;
  console.log(
    `${name.padEnd(24)} ${seconds} s  wav ${kb(wav.length)} KiB  mp3 ${kb(compressed.length)} KiB  ${levels}`,
  );
}

for (const id of SOUND_EFFECTS)
  if (wanted(id)) write(`sfx/${id}`, renderEffect(id), SFX_SAMPLE_RATE, SFX_MP3);
for (const track of COMPOSED_TRACKS)
  if (wanted(track)) write(`music/${track}`, renderTrack(track), MUSIC_SAMPLE_RATE, MUSIC_MP3);
const mib = (n: number): string => (n / 1024 / 1024).toFixed(2);
if (writeGenerated(root, 'npm run audio', outputs))
  console.log(`written: ${mib(wavBytes)} MiB of WAV, ${mib(mp3Bytes)} MiB of MP3 (what players download)`);
else process.exitCode = 1;
