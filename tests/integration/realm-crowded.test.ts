// A portal into a full world: the player is told the way is crowded and stays; once there is room, the
// same portal takes it through. In-process server (startServer) on a realm whose cave holds one player.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/protocol/ops.ts';
import { startServer, type GameServer } from '../../server/app.ts';
import { readConfig } from '../../server/config.ts';
import { consoleLog } from '../../server/log.ts';
import { loadRealm } from '../../server/realm/load-realm.ts';
import { MemoryStore } from '../../server/store/memory-store.ts';
import { repoRoot } from '../../tools/server-process.ts';
import type { BotClient } from '../../tools/bots/bot-client.ts';
import { follow, joinWorld, seedInto, type RealmBot } from '../support/realm-bots.ts';
import { writeRealmFixture, type RealmFixture } from '../support/realm-fixture.ts';

let fixture: RealmFixture;
let server: GameServer;
const store = new MemoryStore();
const tokens = new Map<string, string>();
const bots: BotClient[] = [];

async function seed(name: string, fields: Record<string, unknown>): Promise<void> {
  tokens.set(name, await seedInto(store, name, fields));
}

beforeAll(async () => {
  fixture = writeRealmFixture();
  const file = fixture.writeRealm(
    {
      start: fixture.field,
      worlds: [
        { id: 'field', title: 'Field', map: fixture.field },
        { id: 'cave', title: 'The Cave', map: fixture.cave, maxPlayers: 1 },
      ],
    },
    'crowded.json',
  );
  const config = { ...readConfig({ PORT: '0', HOST: '127.0.0.1', SEED: '1' }, repoRoot), realmFile: file };
  await seed('Caver', { map: fixture.cave, x: 3, y: 3 });
  await seed('Hopper', { x: 9, y: 5 });
  server = await startServer({ config, realm: loadRealm(config), log: consoleLog(true), store });
});

afterAll(async () => {
  await Promise.all(bots.map((b) => b.close()));
  await server?.close();
  fixture?.remove();
});

async function joined(world: string, name: string): Promise<RealmBot> {
  const b = await joinWorld(`ws://127.0.0.1:${server.port}/`, world, name, tokens.get(name));
  bots.push(b.bot);
  await b.bot.waitForWelcome(5000);
  return b;
}

describe('a portal into a full world', () => {
  it('says the way is crowded and keeps the player; with room, the portal takes it through', async () => {
    const caver = await joined('cave', 'Caver');
    const hopper = await joined('field', 'Hopper');
    hopper.bot.walkTo(fixture.fieldPortal.x, fixture.fieldPortal.y);
    await hopper.bot.waitFor(
      () => hopper.heard.notices.includes('The way to The Cave is crowded; try again soon.'),
      5000,
      'the crowded notice',
    );
    await new Promise((r) => setTimeout(r, 500));
    expect(hopper.bot.closed).toBeNull();
    expect(hopper.bot.transfer).toBeNull();
    expect(server.realm.listing().worlds.find((w) => w.id === 'cave')).toMatchObject({ state: 'full' });
    await caver.bot.close();
    await new Promise((r) => setTimeout(r, 200));
    hopper.bot.walkTo(fixture.fieldPortal.x - 1, fixture.fieldPortal.y);
    await hopper.bot.waitFor(() => hopper.bot.tileOf(hopper.bot.self!).x === fixture.fieldPortal.x - 1, 3000);
    hopper.bot.walkTo(fixture.fieldPortal.x, fixture.fieldPortal.y);
    expect(await hopper.bot.waitForClose()).toMatchObject({ code: CloseCode.Transfer });
    const cave = await follow(hopper, tokens.get('Hopper')!);
    bots.push(cave.bot);
    expect(cave.bot.view.world).toBe('cave');
  });
});
