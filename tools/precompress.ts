// Writes a brotli (`.br`) and a gzip (`.gz`) copy beside every text file of the built client, at the
// best (slow) settings, once per build; the server sends them to browsers that accept them
// (server/static-files.ts). The vite build runs it last (vite.config.ts); it can also run alone:
//   node --import tsx tools/precompress.ts dist/client
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';
import { COMPRESSIBLE, MIN_COMPRESS_BYTES } from '../server/static-files.ts';

export interface Precompressed {
  file: string;
  size: number;
  br: number;
  gzip: number;
}

function* filesUnder(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(full);
    else if (entry.isFile()) yield full;
  }
}

/** Compresses every text file under `dir` worth it; returns what it wrote. */
export function precompressDir(dir: string): Precompressed[] {
  const done: Precompressed[] = [];
  for (const file of filesUnder(dir)) {
    if (!COMPRESSIBLE.has(path.extname(file)) || statSync(file).size < MIN_COMPRESS_BYTES) continue;
    const body = readFileSync(file);
    const br = brotliCompressSync(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    });
    const gz = gzipSync(body, { level: 9 });
    writeFileSync(`${file}.br`, br);
    writeFileSync(`${file}.gz`, gz);
    done.push({ file: path.relative(dir, file), size: body.length, br: br.length, gzip: gz.length });
  }
  return done;
}

/** The vite plugin: precompresses the output directory once the bundle is written. */
export function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'emberquest-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      const done = precompressDir(outDir);
      const kb = (n: number): string => `${(n / 1000).toFixed(1)} kB`;
      for (const f of done) this.info(`${f.file}: ${kb(f.size)} → br ${kb(f.br)}, gzip ${kb(f.gzip)}`);
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: node --import tsx tools/precompress.ts DIR');
  for (const f of precompressDir(path.resolve(dir)))
    console.log(`${f.file}: ${f.size} → br ${f.br}, gzip ${f.gzip}`);
}
