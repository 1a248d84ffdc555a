// Portals and cross-world play on a real server (a realm of two field shards and a shared cave): a hop
// both ways keeps every field and lands on the destination, a join to the wrong map's world is sent on,
// a whisper crosses worlds, and one character joining two worlds at once ends with exactly one live.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/protocol/ops.ts';
import { playerMaxHp, xpForLevel } from '../../shared/rules/combat.ts';
import type { ServerProcess } from '../../tools/server-process.ts';
import type { BotClient } from '../../tools/bots/bot-client.ts';
import { follow, joinWorld, seedCharacter, storedCharacter, type RealmBot } from '../support/realm-bots.ts';
import type { RealmFixture } from '../support/realm-fixture.ts';
import { startRealmServer, type RealmServer } from '../support/realm-server.ts';

let realm: RealmServer;
let fixture: RealmFixture;
let server: ServerProcess;
let dataDir: string;
let bots: BotClient[];
const tokens = new Map<string, string>();

const LEVEL = 4;
const XP = xpForLevel(LEVEL) + 7;
const MAX_HP = playerMaxHp(2, LEVEL); // leather is a level-2 armor
const seeded = {
  level: LEVEL,
  xp: XP,
  weapon: 'mace',
  armor: 'leather',
  hp: MAX_HP, // full: resting does not change it while the test runs
  maxHp: MAX_HP,
  achievements: ['first_blood', 'rat_catcher'],
  checkpoint: { x: 5, y: 3, map: '' },
};

beforeAll(async () => {
  realm = await startRealmServer(async (dir, f) => {
    // Hopper stands beside the field's portal; Wanderer is in the cave already.
    tokens.set('Hopper', await seedCharacter(dir, 'Hopper', { ...seeded, x: 9, y: 5 }));
    tokens.set('Wanderer', await seedCharacter(dir, 'Wanderer', { map: f.cave, x: 3, y: 3 }));
    tokens.set('Twin', await seedCharacter(dir, 'Twin', { x: 2, y: 2 }));
  });
  ({ fixture, server, dataDir, bots } = realm);
}, 30_000);

afterAll(() => realm?.stop());

async function joined(world: string, name: string): Promise<RealmBot> {
  const b = await joinWorld(server.wsUrl, world, name, tokens.get(name) ?? '');
  bots.push(b.bot);
  await b.bot.waitForWelcome(5000);
  return b;
}

async function hop(from: RealmBot, name: string, portal: { x: number; y: number }): Promise<RealmBot> {
  from.bot.walkTo(portal.x, portal.y);
  await from.bot.waitFor(() => from.bot.transfer !== null, 5000, 'the transfer');
  expect(await from.bot.waitForClose()).toMatchObject({ code: CloseCode.Transfer });
  const next = await follow(from, tokens.get(name)!);
  bots.push(next.bot);
  return next;
}

function expectCarried(b: RealmBot): void {
  expect(b.bot.view.stats).toMatchObject({
    level: LEVEL,
    xp: XP,
    weapon: 'mace',
    armor: 'leather',
    hp: MAX_HP,
  });
  expect(b.heard.achievements).toEqual(seeded.achievements);
}

describe('portals', () => {
  it('a hop to the cave and back keeps every field and lands on each destination', async () => {
    const field = await joined('field-2', 'Hopper');
    await field.bot.waitFor(() => field.bot.view.stats !== null, 3000, 'stats');
    expectCarried(field);
    const cave = await hop(field, 'Hopper', fixture.fieldPortal);
    expect(field.bot.transfer).toEqual({ world: 'cave', map: fixture.cave });
    expect([cave.bot.view.world, cave.bot.view.map]).toEqual(['cave', fixture.cave]);
    await cave.bot.waitFor(() => cave.bot.view.stats !== null, 3000, 'stats in the cave');
    expect(cave.bot.tileOf(cave.bot.self!)).toEqual(fixture.caveArrival);
    expectCarried(cave);
    // Back again: into the shard it came from (field-2), not the emptier field-1.
    const back = await hop(cave, 'Hopper', fixture.cavePortal);
    expect([back.bot.view.world, back.bot.view.map]).toEqual(['field-2', fixture.field]);
    await back.bot.waitFor(() => back.bot.view.stats !== null, 3000, 'stats back home');
    expect(back.bot.tileOf(back.bot.self!)).toEqual(fixture.fieldArrival);
    expectCarried(back);
    await back.bot.close();
  });

  it('a join to a world of another map is sent to a world of its own map', async () => {
    const wrong = await joinWorld(server.wsUrl, 'field-1', 'Wanderer', tokens.get('Wanderer'));
    bots.push(wrong.bot);
    expect(await wrong.bot.waitForClose()).toMatchObject({ code: CloseCode.Transfer });
    expect(wrong.bot.transfer).toEqual({ world: 'cave', map: fixture.cave });
    const right = await follow(wrong, tokens.get('Wanderer')!);
    bots.push(right.bot);
    expect(right.bot.tileOf(right.bot.self!)).toEqual({ x: 3, y: 3 });
  });

  it('a whisper crosses worlds; an unknown name gets a notice; chat nearby never hears it', async () => {
    const a = await joined('field-1', 'Whisperer');
    const near = await joined('field-1', 'Nosy');
    const b = await joined('cave', 'Wanderer');
    a.bot.chat('/w wanderer meet me by the portal');
    await b.bot.waitFor(() => b.heard.whispers.length > 0, 3000, 'the whisper');
    expect(b.heard.whispers).toEqual([{ from: 'Whisperer', to: 'Wanderer', text: 'meet me by the portal' }]);
    await a.bot.waitFor(() => a.heard.whispers.length > 0, 3000, 'the echo');
    expect(a.heard.whispers).toEqual(b.heard.whispers);
    b.bot.chat('/whisper Whisperer on my way');
    await a.bot.waitFor(() => a.heard.whispers.length > 1, 3000, 'the answer');
    a.bot.chat('/w Nobody hello?');
    await a.bot.waitFor(() => a.heard.notices.some((n) => /Nobody/.test(n)), 3000, 'the notice');
    expect(near.bot.tally.chatHeard).toBe(0);
  });
});

describe('one character, one world', () => {
  it('joining two worlds at once ends with exactly one live', async () => {
    const token = tokens.get('Twin')!;
    const [one, two] = await Promise.all([
      joinWorld(server.wsUrl, 'field-1', 'Twin', token),
      joinWorld(server.wsUrl, 'field-2', 'Twin', token),
    ]);
    bots.push(one.bot, two.bot);
    await Promise.all([
      one.bot.waitFor(() => one.bot.welcomed || one.bot.closed !== null, 5000),
      two.bot.waitFor(() => two.bot.welcomed || two.bot.closed !== null, 5000),
    ]);
    await new Promise((r) => setTimeout(r, 1500));
    const live = [one, two].filter((b) => b.bot.closed === null);
    expect(live).toHaveLength(1);
    // The later join asked the world holding the lease to let go, and that world sent its session away.
    const gone = [one, two].find((b) => b.bot.closed !== null)!;
    expect(gone.bot.closed).toMatchObject({ code: CloseCode.Replaced });
    live[0]!.bot.who();
    await live[0]!.bot.waitFor(() => live[0]!.heard.lists.length > 0, 3000, 'the list');
    expect(live[0]!.heard.lists[0]!.players.filter(([name]) => name === 'Twin')).toHaveLength(1);
  });

  it('after the server stops, the store holds every hopped field', async () => {
    await Promise.all(bots.map((b) => b.close()));
    expect(await server.stop()).toBe(0);
    const hopper = await storedCharacter(dataDir, 'Hopper');
    const { x, y } = fixture.fieldArrival;
    expect(hopper).toMatchObject({ ...seeded, x, y, map: fixture.field, shard: '2' });
    // '' names the map the character is on: the field.
    expect(hopper!.checkpoint).toMatchObject({ x: 5, y: 3 });
    expect(['', fixture.field]).toContain(hopper!.checkpoint.map);
  });
});
