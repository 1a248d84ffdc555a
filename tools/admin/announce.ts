// The request behind `npm run announce`: POST /admin/announce to a running server, and what to tell the
// host about the answer. Apart from the command so the integration test can call it too.

export interface AnnounceResult {
  ok: boolean;
  /** One line for the host. */
  message: string;
  /** Worlds the server found no process listening for (they did not hear it). */
  missed: string[];
}

/** Where the announcement goes: ANNOUNCE_URL, else this machine's game server on PORT (8000). */
export function announceUrl(env: Record<string, string | undefined>): string {
  const base = env.ANNOUNCE_URL?.trim() || `http://127.0.0.1:${env.PORT?.trim() || '8000'}/`;
  return new URL('/admin/announce', base).href;
}

export async function sendAnnouncement(url: string, token: string, text: string): Promise<AnnounceResult> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ text }),
      signal: AbortSignal.timeout(10_000),
    });
  } catch (err) {
    const cause = (err as { cause?: Error }).cause?.message ?? (err as Error).message;
    return {
      ok: false,
      message: `No game server answered at ${url} (${cause}). Is it running? Set ANNOUNCE_URL.`,
      missed: [],
    };
  }
  const body = (await res.json().catch(() => ({}))) as { worlds?: number; missed?: string[]; error?: string };
  const missed = body.missed ?? [];
  if (res.ok) return { ok: true, message: `Announced to every player in ${body.worlds} world(s).`, missed };
  // Partly heard (the server names the worlds that missed it) or not sent at all: the host must know.
  return { ok: false, message: body.error ?? `The server answered ${res.status}.`, missed };
}
