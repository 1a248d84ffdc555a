// `npm run audio`: renders every sound effect and music loop into assets/audio/ and prints levels.
// Usage: npm run audio [-- name ...]   (only the named effects or tracks)
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SOUND_EFFECTS } from '../../client/audio/catalog.ts';
import { dbfs, peak, rms } from './mix.ts';
import { COMPOSED_TRACKS, MUSIC_SAMPLE_RATE, renderTrack } from './music/index.ts';
import { SFX_SAMPLE_RATE, renderEffect } from './sfx.ts';
import { encodeWav } from './wav.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const only = new Set(process.argv.slice(2));
const wanted = (name: string): boolean => only.size === 0 || only.has(name);
let totalBytes = 0;

function write(file: string, samples: Float32Array, sampleRate: number): void {
  const path = join(root, 'assets/audio', file);
  mkdirSync(dirname(path), { recursive: true });
  const bytes = encodeWav(samples, sampleRate);
  writeFileSync(path, bytes);
  totalBytes += bytes.length;
  const seconds = (samples.length / sampleRate).toFixed(2).padStart(6);
  const kb = (bytes.length / 1024).toFixed(0).padStart(5);
  const levels = `peak ${dbfs(peak(samples)).toFixed(1).padStart(5)} dBFS  rms ${dbfs(rms(samples)).toFixed(1).padStart(5)} dBFS`;
  console.log(`${file.padEnd(28)} ${seconds} s ${kb} KiB  ${levels}`);
}

for (const id of SOUND_EFFECTS) if (wanted(id)) write(`sfx/${id}.wav`, renderEffect(id), SFX_SAMPLE_RATE);
for (const track of COMPOSED_TRACKS)
  if (wanted(track)) write(`music/${track}.wav`, renderTrack(track), MUSIC_SAMPLE_RATE);
console.log(`total ${(totalBytes / 1024 / 1024).toFixed(2)} MiB written`);
