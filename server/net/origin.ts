// Which pages may open a game socket. A browser always says where the page came from (Origin); another
// site's page must not play in its visitors' names, so by default only the page's own origin may.
// Clients that are not browsers (bots, tools) send no Origin and are let in: they could forge one anyway.
import type { Duplex } from 'node:stream';

/** `*` allows every origin; otherwise the list of origins allowed besides the page's own. */
export type AllowedOrigins = '*' | readonly string[];

/** Reads ALLOWED_ORIGINS: `*`, or comma-separated origins such as `https://play.example.org`. */
export function parseAllowedOrigins(raw: string | undefined): AllowedOrigins {
  if (raw === undefined || raw.trim() === '') return [];
  if (raw.trim() === '*') return '*';
  return raw.split(',').map((entry) => {
    const origin = entry.trim();
    let parsed: URL;
    try {
      parsed = new URL(origin);
    } catch {
      throw new Error(
        `"${origin}" is not an origin: write it as scheme://host[:port], e.g. https://example.org`,
      );
    }
    if (parsed.origin === 'null' || parsed.origin !== origin.replace(/\/$/, '')) {
      throw new Error(`"${origin}" is not an origin: write it as scheme://host[:port], with no path`);
    }
    return parsed.origin;
  });
}

/** Whether an upgrade with this Origin header, sent to this Host, may open a socket. */
export function originAllowed(
  origin: string | undefined,
  host: string | undefined,
  allowed: AllowedOrigins,
): boolean {
  if (origin === undefined || allowed === '*') return true;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false; // "null" (a file, a sandboxed frame) and anything unreadable
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  // The page's own origin: the host it was loaded from is the host this upgrade was sent to.
  if (host !== undefined && parsed.host === host.toLowerCase()) return true;
  return allowed.includes(parsed.origin);
}

/** Answers an upgrade with a plain HTTP error (the WebSocket never opens) and closes the socket. */
export function refuseUpgrade(socket: Duplex, status: 400 | 403 | 404 | 429, message: string): void {
  const text = { 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found', 429: 'Too Many Requests' }[status];
  const body = `${message}\n`;
  socket.end(
    `HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}
