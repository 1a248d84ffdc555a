// The realm on a real server: worlds routed by /ws/<world>, shards that do not see each other, GET
// /worlds and /status, and a bad realm file refused with a message naming the entry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startServerProcess, type ServerProcess } from '../../tools/server-process.ts';
import type { BotClient } from '../../tools/bots/bot-client.ts';
import { joinWorld, type RealmBot } from '../support/realm-bots.ts';
import type { RealmFixture } from '../support/realm-fixture.ts';
import { startRealmServer, type RealmServer } from '../support/realm-server.ts';

let realm: RealmServer;
let fixture: RealmFixture;
let server: ServerProcess;
let bots: BotClient[];

beforeAll(async () => {
  realm = await startRealmServer();
  ({ fixture, server, bots } = realm);
}, 30_000);

afterAll(() => realm?.stop());

async function joined(world: string, name: string): Promise<RealmBot> {
  const b = await joinWorld(server.wsUrl, world, name);
  bots.push(b.bot);
  await b.bot.waitForWelcome(5000);
  return b;
}

interface Listing {
  total: number;
  start: string;
  worlds: { id: string; title: string; map: string; players: number; maxPlayers: number; state: string }[];
}

async function worlds(): Promise<Listing> {
  return (await (await fetch(new URL('/worlds', server.url))).json()) as Listing;
}

describe('a realm of two shards and a shared cave', () => {
  it('routes /ws/<world>; shards do not see each other; players of one shard do', async () => {
    const a = await joined('field-1', 'Ann');
    const b = await joined('field-2', 'Bob');
    const c = await joined('field-1', 'Cid');
    expect([a.bot.view.world, b.bot.view.world, c.bot.view.world]).toEqual(['field-1', 'field-2', 'field-1']);
    expect(a.bot.view.map).toBe(fixture.field);
    const names = (bot: BotClient): string[] =>
      [...bot.view.entities.values()].filter((e) => e.type === 'player').map((e) => e.name);
    await c.bot.waitFor(() => names(c.bot).includes('Ann'), 3000, 'Cid to see Ann');
    await a.bot.waitFor(() => names(a.bot).includes('Cid'), 3000, 'Ann to see Cid');
    expect(names(a.bot)).not.toContain('Bob');
    expect(names(b.bot)).not.toContain('Ann');
    expect(names(b.bot)).not.toContain('Cid');
    // Population: after the welcome, then once a second as it changes.
    await a.bot.waitFor(() => a.heard.population?.total === 3, 3000, 'a population of 3');
    expect(a.heard.population).toEqual({ here: 2, total: 3 });
  });

  it('GET /worlds lists every world with its population; /status keeps its fields and gains worlds', async () => {
    const listing = await worlds();
    expect(listing.total).toBe(3);
    expect(listing.start).toBe(fixture.field);
    expect(listing.worlds).toEqual([
      { id: 'field-1', title: 'Field I', map: fixture.field, players: 2, maxPlayers: 50, state: 'up' },
      { id: 'field-2', title: 'Field II', map: fixture.field, players: 1, maxPlayers: 50, state: 'up' },
      { id: 'cave', title: 'The Cave', map: fixture.cave, players: 0, maxPlayers: 50, state: 'up' },
    ]);
    const status = (await (await fetch(new URL('/status', server.url))).json()) as Record<string, unknown>;
    expect(status).toMatchObject({ map: fixture.field, worlds: listing.worlds });
    expect(typeof status.world).toBe('string');
    expect(typeof status.tick).toBe('number');
    const metrics = await (await fetch(new URL('/metrics', server.url))).text();
    expect(metrics).toMatch(/^emberquest_players 3$/m);
  });

  it('plain /ws joins the first world of the start map with room, so clients that pick none meet', async () => {
    const d = await joined('', 'Dee');
    expect(d.bot.view.world).toBe('field-1');
  });

  it('an unknown world is refused with 404 and a reason', async () => {
    const socket = new WebSocket(new URL('/ws/nowhere', server.wsUrl).href);
    const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      socket.once('open', () => reject(new Error('the socket opened')));
      socket.once('unexpected-response', (_req, res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      socket.once('error', reject);
    });
    socket.terminate();
    expect(status).toBe(404);
    expect(body).toMatch(/no world "nowhere".*field-1, field-2, cave/);
  });

  it('Who lists every player of the realm with its world and level', async () => {
    const a = await joined('field-1', 'Eve');
    a.bot.who();
    await a.bot.waitFor(() => a.heard.lists.length > 0, 3000, 'the player list');
    const list = a.heard.lists[0]!;
    expect(list.total).toBe(5);
    expect(list.players).toContainEqual(['Eve', 'field-1', 1]);
    expect(list.players).toContainEqual(['Bob', 'field-2', 1]);
  });

  it('answers one Who in two seconds per player: asking in a loop costs the realm one list', async () => {
    const a = await joined('field-1', 'Asker');
    for (let i = 0; i < 20; i++) a.bot.who();
    await a.bot.waitFor(() => a.heard.lists.length > 0, 3000, 'the player list');
    await new Promise((r) => setTimeout(r, 500));
    expect(a.heard.lists).toHaveLength(1);
  });
});

describe('a bad realm file', () => {
  it.each([
    ['an entry with no map', { worlds: [{ id: 'w1', title: 'W' }] }, /worlds\[0\] \("w1"\) needs a "map"/],
    [
      'a map that is not there',
      (f: RealmFixture) => ({
        worlds: [{ id: 'lost', title: 'Lost', map: f.field.replace('field', 'nope') }],
      }),
      /world "lost" plays "maps\/test\/.*nope.tmj".*cannot be read/,
    ],
    [
      'a portal to a map no world plays',
      (f: RealmFixture) => ({ worlds: [{ id: 'solo', title: 'Solo', map: f.field }] }),
      /field.tmj: portal object 2 \("to_cave"\) leads to map "maps\/test\/.*cave.tmj", which no world in .*plays/,
    ],
  ])('stops the server with a message naming the entry: %s', async (_what, json, message) => {
    const body = typeof json === 'function' ? json(fixture) : json;
    const file = fixture.writeRealm(body, `bad-${Math.random().toString(36).slice(2)}.json`);
    const failed = startServerProcess({ REALM: file });
    await expect(failed).rejects.toThrow(message);
  });
});
