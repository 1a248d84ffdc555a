// /admin/: what a host does to a running realm, guarded by ADMIN_TOKEN (`Authorization: Bearer …`).
// POST /admin/announce {"text": "…"} says a line to every player of every world (and answers which
// worlds heard it: 503 naming those that did not); GET /admin/players
// lists who plays in this process's worlds, with each one's lease epoch (for hosts and the cluster
// test). Off (404) unless ADMIN_TOKEN is set; the generated nginx config keeps /admin/ off the internet.
import { timingSafeEqual, createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { announcementText, type Announced } from './realm/announcements.ts';
import { CrossWorldUnavailable } from './realm/steady.ts';
import type { Log } from './log.ts';

/** Largest request body read, in bytes: an announcement is one short line. */
const MAX_BODY = 4096;

export interface AdminParts {
  token: string | null;
  log: Log;
  announce(text: string): Promise<Announced>;
  seated(): Record<string, [name: string, epoch: number][]>;
}

/** Handles `req` when it is for /admin/ (true), else leaves it alone (false). */
export function handleAdmin(parts: AdminParts, req: IncomingMessage, res: ServerResponse): boolean {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname !== '/admin' && !url.pathname.startsWith('/admin/')) return false;
  if (!parts.token) {
    reply(res, 404, { error: 'The admin endpoints are off: set ADMIN_TOKEN on the server to use them.' });
    return true;
  }
  if (!authorized(req, parts.token)) {
    reply(res, 401, { error: 'Send the server\'s ADMIN_TOKEN as "Authorization: Bearer <token>".' });
    return true;
  }
  if (url.pathname === '/admin/announce' && req.method === 'POST') void announceRoute(parts, req, res);
  else if (url.pathname === '/admin/players' && req.method === 'GET')
    reply(res, 200, { worlds: parts.seated() });
  else reply(res, 404, { error: 'Use POST /admin/announce or GET /admin/players.' });
  return true;
}

function authorized(req: IncomingMessage, token: string): boolean {
  const sent = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
  // Hashes compared, so neither the length nor the bytes leak through timing.
  const digest = (s: string): Buffer => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(sent), digest(token));
}

async function announceRoute(parts: AdminParts, req: IncomingMessage, res: ServerResponse): Promise<void> {
  let body: string;
  try {
    body = await readBody(req);
  } catch (err) {
    return reply(res, 413, { error: (err as Error).message });
  }
  let raw: unknown;
  try {
    raw = (JSON.parse(body) as { text?: unknown }).text;
  } catch {
    return reply(res, 400, { error: 'Send the announcement as JSON: {"text": "…"}.' });
  }
  const checked = announcementText(raw);
  if ('refused' in checked) return reply(res, 400, { error: checked.refused });
  try {
    const { reached, missed } = await parts.announce(checked.text);
    const counts = { worlds: reached.length, of: reached.length + missed.length, missed, text: checked.text };
    if (missed.length === 0) {
      parts.log.info(`Announced to ${reached.length} world(s): ${checked.text}`);
      return reply(res, 200, counts);
    }
    // Retryable (503): those worlds' processes are down or not listening to the bus yet.
    const them = missed.length === 1 ? 'it' : 'them';
    const error =
      `Announced in ${reached.length} of ${counts.of} world(s); not heard in ${missed.join(', ')}: no ` +
      `process was listening for ${them} (down, or not yet back on the realm's bus). Send it again soon ` +
      '(the worlds that heard it show it again).';
    parts.log.warn(`${error} Text: ${checked.text}`);
    reply(res, 503, { ...counts, error });
  } catch (err) {
    const unavailable = err instanceof CrossWorldUnavailable;
    parts.log.warn(`Announcement not sent: ${(err as Error).message}`);
    reply(res, unavailable ? 503 : 500, {
      error: unavailable
        ? "Announcements are unavailable right now: the realm's bus (Redis) cannot be reached. Nothing was sent; try again soon."
        : `The announcement failed: ${(err as Error).message}`,
    });
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    // Past the cap the rest is read and dropped (not kept), so the answer still reaches the sender.
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
    });
    req.on('end', () =>
      size > MAX_BODY
        ? reject(new Error(`The request is too large: at most ${MAX_BODY} bytes.`))
        : resolve(Buffer.concat(chunks).toString('utf8')),
    );
    req.on('error', reject);
  });
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body) + '\n');
}
