// The static files of a real server on 127.0.0.1: text goes out brotli- or gzip-compressed as the
// request accepts (the build's precompressed copies for the client, compressed on the fly for assets/),
// with Vary, an ETag per encoding and the right Cache-Control; a revalidation of an unchanged file is a
// 304 without a body, of a changed one a 200 with the new bytes.
import { request } from 'node:http';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseWorldMap } from '../../shared/content/world-map.ts';
import { openRows, tiledFromRows } from '../../server/sim/test-support.ts';
import { startServer, type GameServer } from '../../server/app.ts';
import { readConfig } from '../../server/config.ts';
import { consoleLog } from '../../server/log.ts';
import { precompressDir } from '../../tools/precompress.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const IMMUTABLE = 'public, max-age=31536000, immutable';

let server: GameServer;
let clientDir: string;
const script = `console.log(${JSON.stringify('a game bundle '.repeat(400))});\n`;

beforeAll(async () => {
  clientDir = mkdtempSync(path.join(tmpdir(), 'emberquest-client-'));
  mkdirSync(path.join(clientDir, 'bundle'));
  writeFileSync(path.join(clientDir, 'index.html'), `<!doctype html><p>${'hello '.repeat(400)}</p>\n`);
  writeFileSync(path.join(clientDir, 'bundle', 'app-abc123.js'), script);
  writeFileSync(path.join(clientDir, 'bundle', 'tiny-abc123.js'), 'x;\n');
  precompressDir(clientDir);
  const env = { PORT: '0', HOST: '127.0.0.1', SEED: '3', CLIENT_DIR: clientDir };
  const map = tiledFromRows(openRows(20, 20), [{ id: 1, type: 'spawn', name: 'start', x: 5, y: 5 }]);
  server = await startServer({
    config: readConfig(env, repoRoot),
    map: parseWorldMap(map, 'test.tmj'),
    log: consoleLog(true),
  });
});

afterAll(async () => {
  await server?.close();
  rmSync(clientDir, { recursive: true, force: true });
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** One GET with exactly these headers (fetch would add Accept-Encoding and decode by itself). */
function get(pathname: string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path: pathname, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('compression', () => {
  it('sends the build’s brotli copy of a bundle to a browser that takes br, cached for good', async () => {
    const r = await get('/bundle/app-abc123.js', { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(r.status).toBe(200);
    expect(r.headers['content-encoding']).toBe('br');
    expect(r.headers['vary']).toBe('Accept-Encoding');
    expect(r.headers['cache-control']).toBe(IMMUTABLE);
    expect(r.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(Number(r.headers['content-length'])).toBe(r.body.length);
    expect(r.body.equals(readFileSync(path.join(clientDir, 'bundle', 'app-abc123.js.br')))).toBe(true);
    expect(brotliDecompressSync(r.body).toString()).toBe(script);
    expect(r.body.length).toBeLessThan(script.length / 10);
  });

  it('sends gzip when br is not accepted (or refused with q=0), and the file as it is to neither', async () => {
    for (const accept of ['gzip', 'br;q=0, gzip;q=0.5', 'deflate, gzip']) {
      const r = await get('/bundle/app-abc123.js', { 'accept-encoding': accept });
      expect(r.headers['content-encoding'], accept).toBe('gzip');
      expect(gunzipSync(r.body).toString()).toBe(script);
    }
    for (const accept of [undefined, 'identity', 'br;q=0, gzip;q=0']) {
      const r = await get('/bundle/app-abc123.js', accept ? { 'accept-encoding': accept } : {});
      expect(r.headers['content-encoding'], accept).toBeUndefined();
      expect(r.headers['vary']).toBe('Accept-Encoding');
      expect(r.body.toString()).toBe(script);
    }
  });

  it('compresses game assets on the fly (the maps, the data files), kept revalidated', async () => {
    const world = readFileSync(path.join(repoRoot, 'assets', 'maps', 'world.tmj'), 'utf8');
    const br = await get('/assets/maps/world.tmj', { 'accept-encoding': 'br, gzip' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('no-cache');
    expect(br.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(brotliDecompressSync(br.body).toString()).toBe(world);
    expect(br.body.length).toBeLessThan(world.length / 8);
    const gz = await get('/assets/data/mobs.json', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gz.body).toString())).toEqual(
      JSON.parse(readFileSync(path.join(repoRoot, 'assets', 'data', 'mobs.json'), 'utf8')),
    );
  });

  it('leaves images and tiny files alone', async () => {
    const png = await get('/assets/maps/terrain.png', { 'accept-encoding': 'br, gzip' });
    expect(png.status).toBe(200);
    expect(png.headers['content-encoding']).toBeUndefined();
    expect(png.headers['content-type']).toBe('image/png');
    const tiny = await get('/bundle/tiny-abc123.js', { 'accept-encoding': 'br, gzip' });
    expect(tiny.headers['content-encoding']).toBeUndefined();
    expect(tiny.body.toString()).toBe('x;\n');
  });

  it('sends the sound as MP3 (audio/mpeg), as it is, revalidated like the other assets', async () => {
    const file = readFileSync(path.join(repoRoot, 'assets', 'audio', 'music', 'village.mp3'));
    const mp3 = await get('/assets/audio/music/village.mp3', { 'accept-encoding': 'br, gzip' });
    expect(mp3.status).toBe(200);
    expect(mp3.headers['content-type']).toBe('audio/mpeg');
    expect(mp3.headers['content-encoding']).toBeUndefined(); // compressed already
    expect(mp3.headers['cache-control']).toBe('no-cache');
    expect(mp3.body.equals(file)).toBe(true);
    const again = await get('/assets/audio/music/village.mp3', {
      'if-none-match': String(mp3.headers['etag']),
    });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });
});

describe('revalidation', () => {
  it('answers an unchanged file’s ETag with a 304 and no body, per encoding', async () => {
    const br = await get('/assets/maps/world.tmj', { 'accept-encoding': 'br' });
    const gz = await get('/assets/maps/world.tmj', { 'accept-encoding': 'gzip' });
    const plain = await get('/assets/maps/world.tmj');
    const tags = [br, gz, plain].map((r) => r.headers['etag'] as string);
    expect(new Set(tags).size).toBe(3); // a cache never mixes up the encodings
    const again = await get('/assets/maps/world.tmj', { 'accept-encoding': 'br', 'if-none-match': tags[0]! });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers['etag']).toBe(tags[0]);
    expect(again.headers['cache-control']).toBe('no-cache');
    // The gzip ETag does not validate the br body.
    const other = await get('/assets/maps/world.tmj', { 'accept-encoding': 'br', 'if-none-match': tags[1]! });
    expect(other.status).toBe(200);
    const png = await get('/assets/sprites/marker.png');
    const png304 = await get('/assets/sprites/marker.png', { 'if-none-match': String(png.headers['etag']) });
    expect(png304.status).toBe(304);
  });

  it('index.html is revalidated every time, and a changed one is sent again, never a stale copy', async () => {
    const file = path.join(clientDir, 'index.html');
    const first = await get('/', { 'accept-encoding': 'br' });
    expect(first.headers['cache-control']).toBe('no-cache');
    expect(first.headers['content-encoding']).toBe('br');
    const tag = String(first.headers['etag']);
    expect((await get('/', { 'accept-encoding': 'br', 'if-none-match': tag })).status).toBe(304);
    // A new build of index.html without new .br/.gz copies (older than it): the copies are not trusted.
    writeFileSync(file, `<!doctype html><p>${'changed '.repeat(400)}</p>\n`);
    const later = new Date(Date.now() + 5000);
    utimesSync(file, later, later);
    const changed = await get('/', { 'accept-encoding': 'br', 'if-none-match': tag });
    expect(changed.status).toBe(200);
    expect(changed.headers['etag']).not.toBe(tag);
    expect(brotliDecompressSync(changed.body).toString()).toContain('changed changed');
  });

  it('a HEAD gets the headers of the GET and no body', async () => {
    const r = await new Promise<Reply>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: server.port,
          path: '/bundle/app-abc123.js',
          method: 'HEAD',
          headers: { 'accept-encoding': 'br' },
        },
        (res) => {
          res.resume();
          res.on('end', () =>
            resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.alloc(0) }),
          );
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(r.status).toBe(200);
    expect(r.headers['content-encoding']).toBe('br');
    expect(Number(r.headers['content-length'])).toBe(
      readFileSync(path.join(clientDir, 'bundle', 'app-abc123.js.br')).length,
    );
  });
});

describe('the sprite pack', () => {
  it('is one JSON (revalidated) naming one image by its version (cached for good)', async () => {
    const json = await get('/assets/sprites.pack.json', { 'accept-encoding': 'br' });
    expect(json.status).toBe(200);
    expect(json.headers['content-encoding']).toBe('br');
    expect(json.headers['cache-control']).toBe('no-cache');
    const pack = JSON.parse(brotliDecompressSync(json.body).toString()) as {
      image: string;
      sheets: Record<string, unknown>;
    };
    expect(Object.keys(pack.sheets).length).toBeGreaterThan(30);
    const again = await get('/assets/sprites.pack.json', {
      'accept-encoding': 'br',
      'if-none-match': String(json.headers['etag']),
    });
    expect(again.status).toBe(304);
    const image = await get(`/${pack.image}`);
    expect(image.status).toBe(200);
    expect(image.headers['content-type']).toBe('image/png');
    expect(image.headers['cache-control']).toBe(IMMUTABLE);
    expect(image.body.subarray(1, 4).toString()).toBe('PNG');
    // Another version's URL is not this image for good: revalidated.
    const old = await get('/assets/sprites.pack.png?v=0000');
    expect(old.headers['cache-control']).toBe('no-cache');
  });
});
