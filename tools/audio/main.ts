// `npm run audio`: renders every sound effect and music loop into assets/audio/ and prints levels.
// Usage: npm run audio [-- name ...]   (only the named effects or tracks). Like the other generators it
// refuses to overwrite a file changed since it last wrote it (a modder's own recording); `--force` does.

import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SOUND_EFFECTS } from '../../client/audio/catalog.ts';
import { dbfs, peak, rms } from './mix.ts';
import { COMPOSED_TRACKS, MUSIC_SAMPLE_RATE, renderTrack } from './music/index.ts';
import { SFX_SAMPLE_RATE, renderEffect } from './sfx.ts';
import { encodeWav } from './wav.ts';
import { writeGenerated, type Output } from '../generated.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const only = new Set(process.argv.slice(2).filter((a) => !a.startsWith('--')));
const outputs: Output[] = [];
const wanted = (name: string): boolean => only.size === 0 || only.has(name);
let totalBytes = 0;

function write(file: string, samples: Float32Array, sampleRate: number): void {
  const bytes = encodeWav(samples, sampleRate);
  outputs.push({ path: `assets/audio/${file}`, bytes });
  totalBytes += bytes.length;
  const seconds = (samples.length / sampleRate).toFixed(2).padStart(6);
  const kb = (bytes.length / 1024).toFixed(0).padStart(5);
  const levels = `peak ${dbfs(peak(samples)).toFixed(1).padStart(5)} dBFS  rms ${dbfs(rms(samples)).toFixed(1).padStart(5)} dBFS`;
  console.log(`${file.padEnd(28)} ${seconds} s ${kb} KiB  ${levels}`);
}

for (const id of SOUND_EFFECTS) if (wanted(id)) write(`sfx/${id}.wav`, renderEffect(id), SFX_SAMPLE_RATE);
for (const track of COMPOSED_TRACKS)
  if (wanted(track)) write(`music/${track}.wav`, renderTrack(track), MUSIC_SAMPLE_RATE);
if (writeGenerated(root, 'npm run audio', outputs))
  console.log(`total ${(totalBytes / 1024 / 1024).toFixed(2)} MiB written`);
else process.exitCode = 1;
