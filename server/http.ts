// Plain HTTP: the built client, the raw game assets, and the health and status endpoints.
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { sendBytes, sendFile, TYPES } from './static-files.ts';
import { PACK_JSON, PACK_PNG, type SpritePack } from './sprite-pack.ts';

const IMMUTABLE = 'public, max-age=31536000, immutable';

export interface HttpRoutes {
  clientDir: string;
  assetsDir: string;
  status: () => unknown;
  /** GET /worlds: the realm's worlds and their populations. */
  worlds?: () => unknown;
  /** Every sprite sheet in one image (server/sprite-pack.ts); without it the pack's URLs are 404s. */
  spritePack?: () => SpritePack;
  /** Prometheus text for GET /metrics. */
  metrics?: () => Promise<{ contentType: string; body: string }>;
  /** /admin/ (admin.ts): true when it took the request. */
  admin?: (req: IncomingMessage, res: ServerResponse) => boolean;
}

/**
 * The page may load only from its own origin and talk only to its own socket: an injected script or
 * a framing site gets nowhere. Images and sounds may also come from data: and blob: URLs, which
 * Phaser makes for its built-in textures and decoded audio.
 */
function securityHeaders(req: IncomingMessage): Record<string, string> {
  // The Host header is the client's own; only what a host name can hold goes into the policy.
  const host = /^[A-Za-z0-9.\-:[\]]{1,255}$/.test(req.headers.host ?? '') ? req.headers.host! : '';
  const sockets = host ? ` ws://${host} wss://${host}` : '';
  return {
    'content-security-policy':
      `default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; ` +
      `media-src 'self' data: blob:; connect-src 'self'${sockets}; worker-src 'self' blob:; ` +
      `object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  };
}

export function handleHttp(routes: HttpRoutes, req: IncomingMessage, res: ServerResponse): void {
  for (const [name, value] of Object.entries(securityHeaders(req))) res.setHeader(name, value);
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (routes.admin?.(req, res)) return;
  if (req.method !== 'GET' && req.method !== 'HEAD')
    return send(res, 405, 'text/plain', 'Method not allowed\n');
  if (url.pathname === '/healthz') return send(res, 200, 'text/plain', 'ok\n');
  if (url.pathname === '/status')
    return send(res, 200, TYPES['.json']!, JSON.stringify(routes.status()) + '\n');
  if (url.pathname === '/worlds' && routes.worlds)
    return send(res, 200, TYPES['.json']!, JSON.stringify(routes.worlds()) + '\n');
  if (url.pathname === '/metrics' && routes.metrics) return serveMetrics(res, routes.metrics);
  if (
    routes.spritePack &&
    (url.pathname === `/assets/${PACK_JSON}` || url.pathname === `/assets/${PACK_PNG}`)
  )
    return serveSpritePack(req, res, url, routes.spritePack);
  if (url.pathname.startsWith('/assets/')) {
    // Unhashed names that live reload may change under a running server: revalidated (ETag) every time.
    return serveFile(req, res, routes.assetsDir, url.pathname.slice('/assets/'.length), 'no-cache');
  }
  const file = url.pathname === '/' ? 'index.html' : url.pathname.slice(1);
  // Vite puts hashed bundles under bundle/ (vite.config.ts assetsDir), safe to cache for good.
  const cache = file.startsWith('bundle/') ? IMMUTABLE : 'no-cache';
  serveFile(req, res, routes.clientDir, file, cache);
}

function serveFile(
  req: IncomingMessage,
  res: ServerResponse,
  root: string,
  relative: string,
  cache: string,
): void {
  let decoded: string;
  try {
    decoded = decodeURIComponent(relative);
  } catch {
    return send(res, 400, 'text/plain', 'Bad path\n');
  }
  const full = path.resolve(root, decoded);
  if (!full.startsWith(root + path.sep)) return send(res, 404, 'text/plain', 'Not found\n');
  if (sendFile(req, res, full, cache)) return;
  if (relative === 'index.html') {
    return send(
      res,
      503,
      'text/plain',
      'The client is not built yet: run `npm run build` (npm start does it).\n',
    );
  }
  send(res, 404, 'text/plain', 'Not found\n');
}

function serveSpritePack(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  spritePack: () => SpritePack,
): void {
  let pack: SpritePack;
  try {
    pack = spritePack();
  } catch (err) {
    return send(res, 500, 'text/plain', `The sprite pack failed: ${(err as Error).message}\n`);
  }
  if (url.pathname.endsWith('.json')) {
    return sendBytes(req, res, pack.json, '.json', 'no-cache', pack.version);
  }
  // The JSON names the image with its version: that URL always means these bytes.
  const current = url.searchParams.get('v') === pack.version;
  sendBytes(req, res, pack.png, '.png', current ? IMMUTABLE : 'no-cache', pack.version);
}

function serveMetrics(res: ServerResponse, metrics: NonNullable<HttpRoutes['metrics']>): void {
  metrics().then(
    ({ contentType, body }) => send(res, 200, contentType, body),
    (err: unknown) => send(res, 500, 'text/plain', `Metrics failed: ${(err as Error).message}\n`),
  );
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}
