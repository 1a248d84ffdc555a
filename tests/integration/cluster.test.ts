// The realm past one machine, on real services: PostgreSQL (characters and leases), Redis (directory and
// bus) and nginx (routing by the generated config), two world processes each running part of the realm.
// A portal crosses processes, a whisper too, /worlds lists every world from either process, a second
// start of a running world is refused, a killed process's players come back with their progress, and
// with Redis down play, saves and portals go on while whispers say they are unavailable.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { parseRealm } from '../../shared/content/realm.ts';
import { CloseCode } from '../../shared/protocol/ops.ts';
import { startServerProcess, type ServerProcess } from '../../tools/server-process.ts';
import { nginxConfig } from '../../tools/deploy/nginx-config.ts';
import type { BotClient } from '../../tools/bots/bot-client.ts';
import { readFileSync } from 'node:fs';
import {
  startNginx,
  startPostgres,
  startRedis,
  type Postgres,
  type Redis,
  type Service,
} from '../support/services.ts';
import { follow, joinWorld, type RealmBot } from '../support/realm-bots.ts';
import { writeRealmFixture, type RealmFixture } from '../support/realm-fixture.ts';
import { waitUntil } from '../support/processes.ts';

let db: Postgres;
let redis: Redis;
let nginx: Service;
let fixture: RealmFixture;
const processes = new Map<string, ServerProcess>();
const bots: BotClient[] = [];
let base = '';

const WORLDS = { a: 'field-1,cave', b: 'field-2' };

function envFor(worlds: string): Record<string, string> {
  return {
    REALM: fixture.file,
    DATABASE_URL: db.url,
    REDIS_URL: redis.url,
    WORLD_IDS: worlds,
    GRACE_SECONDS: '2',
  };
}

async function startWorld(key: 'a' | 'b', port = '0'): Promise<ServerProcess> {
  const p = await startServerProcess({ ...envFor(WORLDS[key]), PORT: port });
  processes.set(key, p);
  return p;
}

beforeAll(async () => {
  [db, redis] = await Promise.all([startPostgres(), startRedis()]);
  fixture = writeRealmFixture();
  const [a, b] = await Promise.all([startWorld('a'), startWorld('b')]);
  const realm = parseRealm(JSON.parse(readFileSync(fixture.file, 'utf8')), fixture.file, 50);
  const at = (p: ServerProcess): string => new URL(p.url).host;
  const routes = [
    { address: at(a), worlds: WORLDS.a.split(',') },
    { address: at(b), worlds: WORLDS.b.split(',') },
  ];
  nginx = await startNginx((port) => nginxConfig(realm, routes, { listen: `127.0.0.1:${port}` }));
  base = `ws://127.0.0.1:${nginx.port}/`;
}, 90_000);

afterAll(async () => {
  await Promise.all(bots.map((b) => b.close()));
  await Promise.all([...processes.values()].map((p) => p.stop()));
  await nginx?.stop();
  fixture?.remove();
  await Promise.all([db?.stop(), redis?.stop()]);
});

async function join(world: string, name: string, token = ''): Promise<RealmBot> {
  const b = await joinWorld(base, world, name, token);
  bots.push(b.bot);
  await b.bot.waitForWelcome(8000);
  return b;
}

async function stored(
  name: string,
): Promise<{ map: string; owner: string | null; character: string } | null> {
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT map, owner, character FROM characters WHERE name = $1', [
      name,
    ]);
    return rows[0] ?? null;
  } finally {
    await client.end();
  }
}

async function hop(from: RealmBot, portal: { x: number; y: number }, token: string): Promise<RealmBot> {
  from.bot.walkTo(portal.x, portal.y);
  await from.bot.waitFor(() => from.bot.transfer !== null, 8000, 'the transfer');
  expect(await from.bot.waitForClose()).toMatchObject({ code: CloseCode.Transfer });
  const next = await follow(from, token);
  bots.push(next.bot);
  return next;
}

describe('a realm on two processes behind nginx', () => {
  it('lists every world from either process, and refuses a second start of a running world', async () => {
    const listing = async (): Promise<{ id: string; state: string }[]> =>
      (
        (await (await fetch(`http://127.0.0.1:${nginx.port}/worlds`)).json()) as {
          worlds: { id: string; state: string }[];
        }
      ).worlds;
    await waitUntil(async () => (await listing()).every((w) => w.state === 'up'), 15_000, 'every world up');
    expect((await listing()).map((w) => w.id)).toEqual(['field-1', 'field-2', 'cave']);
    await expect(startServerProcess(envFor('field-2'))).rejects.toThrow(
      /World field-2 is already running in another process/,
    );
  }, 30_000);

  it('takes a player through a portal into a world of the other process, and back, kept in PostgreSQL', async () => {
    const walker = await join('field-2', 'Walker');
    const token = walker.bot.token!;
    const inCave = await hop(walker, fixture.fieldPortal, token);
    expect(inCave.bot.view.map).toBe(fixture.cave);
    expect(inCave.bot.self).toMatchObject({ endX: fixture.caveArrival.x, endY: fixture.caveArrival.y });
    expect((await stored('Walker'))?.map).toBe(fixture.cave);
    expect((await stored('Walker'))?.owner).toBe('cave');
    const back = await hop(inCave, fixture.cavePortal, token);
    // Its own shard again: it came from field-2.
    expect(back.bot.view.world).toBe('field-2');
    expect(token).toBeTruthy();
  }, 30_000);

  it('whispers from one process to a player in the other', async () => {
    const one = await join('field-1', 'Ona');
    const two = await join('field-2', 'Tivo');
    await waitUntil(
      async () => {
        one.bot.chat('/w Tivo over the wire');
        await new Promise((r) => setTimeout(r, 300));
        return two.heard.whispers.length > 0;
      },
      10_000,
      'the whisper',
    );
    expect(two.heard.whispers[0]).toEqual({ from: 'Ona', to: 'Tivo', text: 'over the wire' });
  }, 20_000);

  it('brings a killed process back with its players at most seconds behind', async () => {
    const p = await join('field-1', 'Kilo');
    const token = p.bot.token!;
    p.bot.walkTo(6, 6);
    await p.bot.waitFor(
      () => {
        const at = p.bot.tileOf(p.bot.self!);
        return at.x === 6 && at.y === 6;
      },
      8000,
      'the walk',
    );
    await new Promise((r) => setTimeout(r, 2500)); // the once-a-second save has run
    const a = processes.get('a')!;
    const port = new URL(a.url).port;
    a.child.kill('SIGKILL');
    await new Promise((r) => a.child.once('exit', r));
    await startWorld('a', port); // same port: nginx's route stays
    const again = await join('field-1', 'Kilo', token);
    expect(again.bot.self).toMatchObject({ endX: 6, endY: 6 });
  }, 40_000);

  it('plays, saves and crosses portals with Redis down; whispers say they are unavailable', async () => {
    const w = await join('field-2', 'Redless');
    await redis.kill();
    try {
      w.bot.chat('/w Ona are you there');
      await w.bot.waitFor(() => w.heard.notices.some((n) => /unavailable/.test(n)), 8000, 'the notice');
      const token = w.bot.token!;
      const inCave = await hop(w, fixture.fieldPortal, token);
      expect(inCave.bot.view.map).toBe(fixture.cave);
      expect((await stored('Redless'))?.map).toBe(fixture.cave);
      // The same player on another device, in the other process: the cave's process is asked to let go
      // through the character's row (no bus), and does; the newcomer is sent on to the cave.
      const second = await joinWorld(base, 'field-2', 'Redless', token);
      bots.push(second.bot);
      await second.bot.waitFor(() => second.bot.transfer !== null, 10_000, 'the transfer to the cave');
      expect(second.bot.transfer).toMatchObject({ world: 'cave' });
      expect(await inCave.bot.waitForClose(5000)).toMatchObject({ code: CloseCode.Replaced });
    } finally {
      await redis.restart();
    }
  }, 40_000);

  it('plays on with PostgreSQL down: a join is refused as retryable, saves wait and land once it is back', async () => {
    const p = await join('field-2', 'Dbless');
    const token = p.bot.token!;
    await db.down();
    try {
      const refused = await joinWorld(base, 'field-1', 'Newcomer');
      bots.push(refused.bot);
      expect(await refused.bot.waitForClose(15_000)).toMatchObject({ code: CloseCode.Unavailable });
      // The one already in plays on: it walks, and the server answers.
      p.bot.walkTo(7, 7);
      await p.bot.waitFor(
        () => {
          const at = p.bot.tileOf(p.bot.self!);
          return at.x === 7 && at.y === 7;
        },
        8000,
        'the walk',
      );
    } finally {
      await db.up();
    }
    // The queued save lands: leave, and the stored tile is where the walk ended.
    await p.bot.close();
    await waitUntil(
      async () => {
        const row = await stored('Dbless').catch(() => null);
        const doc = row ? (JSON.parse(row.character) as { x: number; y: number }) : null;
        return doc?.x === 7 && doc.y === 7 && row!.owner === null;
      },
      15_000,
      'the save after the outage',
    );
    expect(token).toBeTruthy();
  }, 60_000);

  it('fences a paused process: after its lease ran out and another world took the character, its late save is refused', async () => {
    const p = await join('field-1', 'Sleeper');
    const token = p.bot.token!;
    const a = processes.get('a')!;
    a.child.kill('SIGSTOP');
    let other: RealmBot | null = null;
    try {
      // Another shard, in the other process: refused while the paused world's lease holds, then taken.
      await waitUntil(
        async () => {
          const b = await joinWorld(base, 'field-2', 'Sleeper', token);
          bots.push(b.bot);
          const closed = b.bot.waitForClose(4000).then(
            () => false,
            () => false,
          );
          const welcomed = b.bot.waitForWelcome(4000).then(
            () => true,
            () => false,
          );
          if (await Promise.race([welcomed, closed])) other = b;
          return other !== null;
        },
        45_000,
        'the lease to run out',
        500,
      );
      other!.bot.walkTo(8, 8);
      await other!.bot.waitFor(
        () => {
          const at = other!.bot.tileOf(other!.bot.self!);
          return at.x === 8 && at.y === 8;
        },
        8000,
        'the walk',
      );
    } finally {
      a.child.kill('SIGCONT');
    }
    // The paused world wakes, tries to save its stale copy, is refused, and lets its session go.
    await new Promise((r) => setTimeout(r, 4000));
    const row = await stored('Sleeper');
    expect(row?.owner).toBe('field-2');
    expect(JSON.parse(row!.character)).toMatchObject({ x: 8, y: 8 });
  }, 90_000);
});
