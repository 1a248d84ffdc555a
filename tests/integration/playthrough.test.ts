// The short playthrough: a fresh level-1 character, played by the playthrough bot against a real server
// process, follows the road from the village into the forest and to the first checkpoint beyond the
// village (the forest glade), without dying more than 3 times in any zone. The whole journey (to the
// wyrm) is the `npm run playthrough` bench.
import { describe, expect, it } from 'vitest';
import { runPlaythrough } from '../../tools/bots/playthrough.ts';

/** Wall-clock budget for the bot; the test's own timeout leaves room for the server to start and stop. */
const MINUTES = 1.75;
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
