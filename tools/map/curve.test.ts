// The difficulty curve a new player climbs, checked with the game's own combat rules: on arriving in
// each zone by the north road (with the XP and chest gear of the zones before), the player beats every
// mob kind there one against one with HP to spare, and survives the worst pack its mob areas make. Ember Isle
// (its own map) is one of the zones: a side trip by the coast's ferry.
import { describe, expect, it } from 'vitest';
import { ROAD, worldCurve } from './curve.ts';
import { islePlacements } from './isle-fixture.ts';
import { houses, lair, mines } from './interiors-fixture.ts';
import { data, placements } from './world-fixture.ts';

const curve = worldCurve(placements, data, {
  isle: [islePlacements],
  caves: [mines.placements],
  lair: [lair.placements],
  village: houses.map((h) => h.placements),
});
const pct = (n: number): string => `${Math.round(n * 100)}%`;

describe('the difficulty curve along the north road', () => {
  it('covers every zone on the road, and every mob kind placed in the world', () => {
    expect(curve.map((z) => z.zone)).toEqual(ROAD.flat());
    const fought = new Set(curve.flatMap((z) => z.duels.map((d) => d.kind.id)));
    const placed = [placements, mines.placements, lair.placements].flatMap((p) => p.mobAreas);
    expect(fought).toEqual(new Set(placed.map((m) => m.kind)));
  });

  it('brings the player to each zone at the level its mobs are for (one level of stretch at most)', () => {
    const above = curve.flatMap((z) =>
      z.duels
        .filter((d) => d.kind.level > z.hero.level + 1)
        .map((d) => `${z.zone}: ${d.kind.id} is level ${d.kind.level}, players arrive at ${z.hero.level}`),
    );
    expect(above).toEqual([]);
  });

  it('lets the arriving player win every duel with at least half its HP left (a boss: a fifth)', () => {
    const hard = curve.flatMap((z) =>
      z.duels
        .filter(
          (d) => d.odds.won < (d.kind.boss ? 0.95 : 0.99) || d.odds.medianHpLeft < (d.kind.boss ? 0.2 : 0.5),
        )
        .map(
          (d) =>
            `${z.zone} L${z.hero.level}: ${d.kind.id} won ${pct(d.odds.won)}, left ${pct(d.odds.medianHpLeft)}`,
        ),
    );
    expect(hard).toEqual([]);
  });

  it('lets the arriving player survive the worst pack the zone’s mob areas can set on it', () => {
    const deadly = curve
      .filter((z) => z.pack && (z.pack.odds.won < 0.95 || z.pack.odds.medianHpLeft < 0.15))
      .map((z) => `${z.zone}: ${z.pack!.kinds.map((k) => k.id).join('+')} won ${pct(z.pack!.odds.won)}`);
    expect(deadly).toEqual([]);
  });

  it('hands out gear upgrades in step: better gear on arriving at every zone from the forest to the volcano', () => {
    const steps = ROAD.map((step) => curve.find((z) => z.zone === step[0])!.hero);
    const gear = steps.map((h) => h.weapon + h.armor);
    for (let i = 1; i < gear.length; i++) expect(gear[i]).toBeGreaterThanOrEqual(gear[i - 1]!);
    const main = gear.slice(1, ROAD.findIndex((s) => s.includes('volcano')) + 1);
    for (let i = 1; i < main.length; i++)
      expect(main[i], ROAD[i + 1]!.join('/')).toBeGreaterThan(main[i - 1]!);
  });
});
