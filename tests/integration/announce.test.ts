// A host's announcement on one process (no Redis: the in-process bus): `npm run announce` reaches every
// player of every world, and the admin endpoints refuse a wrong token, bad text, and stay off without
// ADMIN_TOKEN.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, startServerProcess, type ServerProcess } from '../../tools/server-process.ts';
import type { BotClient } from '../../tools/bots/bot-client.ts';
import { follow, joinWorld, type RealmBot } from '../support/realm-bots.ts';
import { writeRealmFixture, type RealmFixture } from '../support/realm-fixture.ts';

const TOKEN = 'a-test-admin-token-0123456789';
let fixture: RealmFixture;
let server: ServerProcess;
const bots: BotClient[] = [];

beforeAll(async () => {
  fixture = writeRealmFixture();
  server = await startServerProcess({ REALM: fixture.file, ADMIN_TOKEN: TOKEN });
}, 30_000);

afterAll(async () => {
  await Promise.all(bots.map((b) => b.close()));
  await server?.stop();
  fixture?.remove();
});

async function joined(world: string, name: string): Promise<RealmBot> {
  const b = await joinWorld(server.wsUrl, world, name);
  bots.push(b.bot);
  await b.bot.waitForWelcome(5000);
  return b;
}

/** `npm run announce -- text` as a host runs it: exit code and what it printed. */
async function announceCommand(
  text: string,
  env: Record<string, string>,
): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'tools/admin/announce-main.ts', text],
      { cwd: repoRoot, env: { ...process.env, ANNOUNCE_URL: server.url, ...env }, timeout: 20_000 },
    );
    return { code: 0, out: stdout + stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

const post = (path: string, body: string, token = TOKEN): Promise<Response> =>
  fetch(new URL(path, server.url), {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body,
  });

/** A new character in the cave: it starts on the field and takes the portal. */
async function inCave(name: string): Promise<RealmBot> {
  const b = await joined('field-1', name);
  b.bot.walkTo(fixture.fieldPortal.x, fixture.fieldPortal.y);
  await b.bot.waitFor(() => b.bot.transfer !== null, 8000, 'the transfer');
  const next = await follow(b, b.bot.token!);
  bots.push(next.bot);
  return next;
}

describe('announcements on one process', () => {
  it('reaches every player in every world, shown as an announcement', async () => {
    const players = await Promise.all([joined('field-1', 'Ana'), joined('field-2', 'Bea'), inCave('Cyd')]);
    const said = await announceCommand('The realm restarts in five minutes', { ADMIN_TOKEN: TOKEN });
    expect(said).toMatchObject({ code: 0 });
    expect(said.out).toMatch(/Announced to every player in 3 world\(s\)/);
    for (const p of players)
      await p.bot.waitFor(() => p.heard.announcements.length > 0, 5000, 'the announcement');
    expect(players.map((p) => p.heard.announcements)).toEqual([
      ['The realm restarts in five minutes'],
      ['The realm restarts in five minutes'],
      ['The realm restarts in five minutes'],
    ]);
    // Seated players with their lease epochs, per world of this process.
    const seated = (await (
      await fetch(new URL('/admin/players', server.url), { headers: { authorization: `Bearer ${TOKEN}` } })
    ).json()) as { worlds: Record<string, [string, number][]> };
    expect(seated.worlds['cave']).toEqual([['Cyd', expect.any(Number)]]);
    expect(seated.worlds['cave']![0]![1]).toBeGreaterThan(0);
  }, 30_000);

  it('refuses a wrong token, empty or overlong text, and sends nothing', async () => {
    const p = await joined('field-1', 'Dex');
    const wrong = await announceCommand('hello', { ADMIN_TOKEN: 'not-the-token-at-all-123' });
    expect(wrong.code).toBe(1);
    expect(wrong.out).toMatch(/ADMIN_TOKEN/);
    expect((await post('/admin/announce', JSON.stringify({ text: '   ' }))).status).toBe(400);
    const long = await post('/admin/announce', JSON.stringify({ text: 'x'.repeat(201) }));
    expect(long.status).toBe(400);
    expect(((await long.json()) as { error: string }).error).toMatch(/at most 200/);
    expect((await post('/admin/announce', 'not json')).status).toBe(400);
    expect((await post('/admin/announce', 'x'.repeat(10_000))).status).toBe(413);
    expect((await fetch(new URL('/admin/players', server.url))).status).toBe(401);
    await new Promise((r) => setTimeout(r, 500));
    expect(p.heard.announcements).toEqual([]);
  }, 30_000);

  it('is off without ADMIN_TOKEN, and the command says how to turn it on', async () => {
    const plain = await startServerProcess({ REALM: fixture.file });
    try {
      const res = await fetch(new URL('/admin/announce', plain.url), { method: 'POST', body: '{}' });
      expect(res.status).toBe(404);
      expect(((await res.json()) as { error: string }).error).toMatch(/set ADMIN_TOKEN/);
    } finally {
      await plain.stop();
    }
    const none = await announceCommand('hello', { ADMIN_TOKEN: '' });
    expect(none.code).toBe(2);
    expect(none.out).toMatch(/Set ADMIN_TOKEN/);
  }, 30_000);
});
