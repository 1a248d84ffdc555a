// The test realm (realm-fixture.ts) on a real server process with its own SQLite folder: the set-up the
// realm's integration tests share. `seed` may write characters into the folder before the server starts.
// Bots joined through `join` are closed by `stop`, which also stops the server and removes the files.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServerProcess, type ServerProcess } from '../../tools/server-process.ts';
import type { BotClient } from '../../tools/bots/bot-client.ts';
import { joinWorld, type RealmBot } from './realm-bots.ts';
import { writeRealmFixture, type RealmFixture } from './realm-fixture.ts';

export interface RealmServer {
  fixture: RealmFixture;
  server: ServerProcess;
  dataDir: string;
  /** Every bot to close at the end (those joined here, and any the test adds). */
  bots: BotClient[];
  /** Joins `world` as `name` (a token plays a saved character) and waits for the welcome. */
  join(world: string, name: string, token?: string): Promise<RealmBot>;
  stop(): Promise<void>;
}

export async function startRealmServer(
  seed?: (dataDir: string, fixture: RealmFixture) => Promise<void>,
): Promise<RealmServer> {
  const fixture = writeRealmFixture();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'emberquest-realm-data-'));
  const remove = (): void => {
    fixture.remove();
    rmSync(dataDir, { recursive: true, force: true });
  };
  let server: ServerProcess;
  try {
    await seed?.(dataDir, fixture);
    server = await startServerProcess({ REALM: fixture.file, DATA_DIR: dataDir });
  } catch (err) {
    remove();
    throw err;
  }
  const bots: BotClient[] = [];
  return {
    fixture,
    server,
    dataDir,
    bots,
    async join(world, name, token = '') {
      const b = await joinWorld(server.wsUrl, world, name, token);
      bots.push(b.bot);
      await b.bot.waitForWelcome(5000);
      return b;
    },
    async stop() {
      await Promise.all(bots.map((b) => b.close()));
      await server.stop();
      remove();
    },
  };
}
