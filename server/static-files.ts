// Files from disk, as small as the browser accepts and sent again only when they changed.
//
// Text (JS, CSS, HTML, JSON, .tmj maps, SVG) goes out brotli- or gzip-compressed when the request's
// Accept-Encoding allows: from a `.br` / `.gz` file beside the original when the build wrote one
// (tools/precompress.ts, on the built client), else compressed here once and kept in memory until the
// file changes (the assets under assets/, which live reload lets a modder change while the server runs).
// Every file has an ETag from its size and modification time (and the encoding sent), so a browser
// revalidating what it holds gets a 304 and no body.
import { createReadStream, readFileSync, statSync, type Stats } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.tmj': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.ogg': 'audio/ogg',
  '.wav': 'audio/wav',
  '.mp3': 'audio/mpeg',
  '.webmanifest': 'application/manifest+json',
};

/** Kinds worth compressing: text. Images and sound are compressed already (or gain little: WAV ~10%). */
export const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.tmj', '.svg', '.webmanifest']);
/** Below this a compressed body saves less than its headers cost. */
export const MIN_COMPRESS_BYTES = 1024;
/** Files compressed on the fly are kept up to this much in total (the game's own are ~2 MB). */
const MEMORY_BUDGET = 64 * 2 ** 20;
/** Larger files go out as they are rather than be compressed whole in memory. */
const MAX_ON_THE_FLY = 8 * 2 ** 20;

/** Files up to this size are read in one go and sent with their headers; larger ones are streamed. */
const READ_AT_ONCE = 2 ** 20;

type Encoding = 'br' | 'gzip';

/** The encodings a request accepts, best first (`br;q=0` and `*` are understood). */
export function acceptedEncodings(header: string | string[] | undefined): Encoding[] {
  const quality = new Map<string, number>();
  for (const part of String(header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find(Boolean);
    quality.set(name, q ? Number(q[1]) : 1);
  }
  const star = quality.get('*') ?? 0;
  return (['br', 'gzip'] as const).filter((e) => (quality.get(e) ?? star) > 0);
}

const memory = new Map<string, Buffer>();
let memoryBytes = 0;

/** `body` compressed, kept under `key` (which must change when the body does). */
function compressed(key: string, encoding: Encoding, body: () => Buffer): Buffer {
  key = `${encoding} ${key}`;
  let out = memory.get(key);
  if (out) return out;
  out =
    encoding === 'br'
      ? // Quality 5: a fifth of the time of the best setting for ~90% of its gain (world.tmj: 16 ms).
        brotliCompressSync(body(), { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } })
      : gzipSync(body(), { level: 6 });
  // Old versions of a changed file are never asked for again: forget everything past the budget.
  if (memoryBytes + out.length > MEMORY_BUDGET) {
    memory.clear();
    memoryBytes = 0;
  }
  memory.set(key, out);
  memoryBytes += out.length;
  return out;
}

function statFile(full: string): Stats | null {
  try {
    const stat = statSync(full);
    return stat.isFile() ? stat : null;
  } catch {
    return null;
  }
}

/** Whether the request's If-None-Match names this ETag (or `*`). */
function fresh(req: IncomingMessage, etag: string): boolean {
  const header = req.headers['if-none-match'];
  if (!header) return false;
  return header
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .some((t) => t === etag || t === '*');
}

/**
 * Sends `full` (already resolved inside its root and known to exist) with the given Cache-Control.
 * Returns false when it is not a file, for the caller's 404.
 */
export function sendFile(req: IncomingMessage, res: ServerResponse, full: string, cache: string): boolean {
  const stat = statFile(full);
  if (!stat) return false;
  const ext = path.extname(full);
  const headers: Record<string, string | number> = {
    'content-type': TYPES[ext] ?? 'application/octet-stream',
    'cache-control': cache,
  };
  // Microseconds: two saves of a same-sized file within one millisecond still differ.
  let tag = `${stat.size.toString(36)}-${Math.round(stat.mtimeMs * 1000).toString(36)}`;
  let body: { file: string; size: number } | { bytes: Buffer } = { file: full, size: stat.size };
  if (COMPRESSIBLE.has(ext) && stat.size >= MIN_COMPRESS_BYTES) {
    headers['vary'] = 'Accept-Encoding';
    const encoding = acceptedEncodings(req.headers['accept-encoding'])[0];
    const siblingFile = `${full}.${encoding === 'br' ? 'br' : 'gz'}`;
    const sibling = encoding ? statFile(siblingFile) : null;
    if (encoding && sibling && sibling.mtimeMs >= stat.mtimeMs) {
      // (A sibling older than its original is left over from an earlier build: not trusted.)
      body = { file: siblingFile, size: sibling.size };
    } else if (encoding && stat.size <= MAX_ON_THE_FLY) {
      try {
        body = {
          bytes: compressed(`${stat.size} ${stat.mtimeMs} ${full}`, encoding, () => readFileSync(full)),
        };
      } catch {
        return false; // removed since the stat a moment ago
      }
    }
    if (encoding && ('bytes' in body || body.file !== full)) {
      headers['content-encoding'] = encoding;
      tag += `-${encoding}`;
    }
  }
  const etag = `"${tag}"`;
  headers['etag'] = etag;
  if (fresh(req, etag)) {
    delete headers['content-type'];
    res.writeHead(304, headers);
    res.end();
    return true;
  }
  if (!('bytes' in body) && body.size <= READ_AT_ONCE) {
    // One read here rather than a stream's open and reads on the thread pool: under load each of
    // those hops waited its turn, and small files took hundreds of ms to arrive.
    try {
      body = { bytes: readFileSync(body.file) };
    } catch {
      return false; // removed since the stat a moment ago
    }
  }
  headers['content-length'] = 'bytes' in body ? body.bytes.length : body.size;
  res.writeHead(200, headers);
  if (req.method === 'HEAD') res.end();
  else if ('bytes' in body) res.end(body.bytes);
  else {
    createReadStream(body.file)
      .on('error', () => res.destroy())
      .pipe(res);
  }
  return true;
}

/**
 * Sends bytes made here (the sprite pack), compressed like a file of their type, with `version` as the
 * ETag (it must change whenever the bytes do).
 */
export function sendBytes(
  req: IncomingMessage,
  res: ServerResponse,
  bytes: Buffer,
  type: string,
  cache: string,
  version: string,
): void {
  const headers: Record<string, string | number> = {
    'content-type': TYPES[type] ?? type,
    'cache-control': cache,
  };
  let body = bytes;
  let tag = version;
  if (COMPRESSIBLE.has(type) && bytes.length >= MIN_COMPRESS_BYTES) {
    headers['vary'] = 'Accept-Encoding';
    const encoding = acceptedEncodings(req.headers['accept-encoding'])[0];
    if (encoding) {
      body = compressed(`bytes ${version}`, encoding, () => bytes);
      headers['content-encoding'] = encoding;
      tag += `-${encoding}`;
    }
  }
  headers['etag'] = `"${tag}"`;
  if (fresh(req, `"${tag}"`)) {
    delete headers['content-type'];
    res.writeHead(304, headers);
    return void res.end();
  }
  headers['content-length'] = body.length;
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}
