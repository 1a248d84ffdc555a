// The short playthrough: a fresh level-1 character, played by the playthrough bot against a real server
// process, follows the road from the village into the forest and to the first checkpoint beyond the
// village (the forest glade), without dying more than 3 times in any zone; and a seasoned character,
// played by the same bot, goes through the mine portal into the mines (a map of their own), across them and
// out by the back door into the desert. The whole journey (to the wyrm) is the `npm run playthrough` bench.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { playerMaxHp, xpForLevel } from '../../shared/rules/combat.ts';
import { playThrough } from '../../tools/bots/playthrough-bot.ts';
import { loadAtlas } from '../../tools/bots/playthrough-atlas.ts';
import { roadStops } from '../../tools/bots/playthrough-route.ts';
import { runPlaythrough } from '../../tools/bots/playthrough.ts';
import { repoRoot, startServerProcess } from '../../tools/server-process.ts';
import { seedCharacter } from '../support/realm-bots.ts';

/**
 * Wall-clock budget for the bot; the test's own timeout leaves room for the server to start and stop. The
 * village's quest chain (talk, rats, slimes) comes before the forest: 92–107 s on a 2-core machine, so 1.75
 * minutes was too tight (CI stopped it at 105 s in the village).
 */
const MINUTES = 3.5;
/** The bot hunts the village this long at most before walking on, leaving time for the walk. */
const ZONE_MINUTES = 0.5;

describe('the playthrough bot on a fresh world', () => {
  it(
    'walks a level-1 character from the village into the forest to its checkpoint, ≤ 3 deaths per zone',
    async () => {
      const run = await runPlaythrough({ seed: 11, minutes: MINUTES, stops: 2, zoneMinutes: ZONE_MINUTES });
      const summary = JSON.stringify(
        { ...run, zones: run.zones.map((z) => `${z.zone}:${z.deaths}`) },
        null,
        1,
      );
      expect(run.stopsReached, summary).toEqual(['village_square', 'forest_glade']);
      expect(
        run.zones.map((z) => z.zone),
        summary,
      ).toEqual(['village', 'forest']);
      expect(run.finished, summary).toBe(true);
      for (const zone of run.zones) expect(zone.deaths, `${zone.zone}: ${summary}`).toBeLessThanOrEqual(3);
    },
    MINUTES * 60_000 + 60_000,
  );
});

describe('the playthrough bot through the portals', () => {
  it(
    'takes a seasoned character from the valley camp through the mine portal, across the mines and out by the back door',
    async () => {
      const atlas = loadAtlas(repoRoot);
      const road = roadStops(atlas.content);
      const from = road.findIndex((s) => s.name === 'mine_mouth');
      const stops = road.slice(from, road.findIndex((s) => s.name === 'desert_road') + 1);
      const dataDir = mkdtempSync(path.join(tmpdir(), 'emberquest-playthrough-'));
      const camp = atlas.content.map.objects.find((o) => o.name === 'valley_camp')!.area;
      // Level 8 in the crystal hoard's gear: the mines' golems and bats are fair game.
      const maxHp = playerMaxHp(4, 8);
      const token = await seedCharacter(dataDir, 'Delver', {
        map: 'maps/world.tmj',
        x: camp.x + 2,
        y: camp.y + 2,
        level: 8,
        xp: xpForLevel(8),
        weapon: 'long_sword',
        armor: 'scale',
        hp: maxHp,
        maxHp,
      });
      const server = await startServerProcess({ DATA_DIR: dataDir, SEED: '5' }, { timeoutMs: 60_000 });
      try {
        const run = await playThrough({
          url: new URL('/ws/emberfall-1', server.wsUrl).href,
          name: 'Delver',
          token,
          atlas,
          stops,
          budgetMs: 4 * 60_000,
          zoneCapMs: 30_000,
          finishAfterStops: stops.length,
          random: Math.random,
        });
        const summary = JSON.stringify({ ...run, zones: run.zones.map((z) => `${z.zone}:${z.deaths}`) });
        expect(run.stopsReached, summary).toEqual(stops.map((s) => s.name));
        expect(run.finished, summary).toBe(true);
        expect(
          run.zones.map((z) => z.zone),
          summary,
        ).toContain('caves');
      } finally {
        await server.stop();
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
    6 * 60_000,
  );
});
