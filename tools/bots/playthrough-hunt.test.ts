// Zone by zone on the real world map: the bot reads which mobs live around the next stop from the map's
// mob areas, holds back in the current zone (its chests, then its strongest beatable mob area) while
// they are not fair, and walks on once they are, or once the zone's time is up.
import { describe, expect, it } from 'vitest';
import type { Stats } from '../../shared/protocol/view.ts';
import { playerMaxHp } from '../../shared/rules/combat.ts';
import { repoRoot } from '../server-process.ts';
import { ZoneHunt } from './playthrough-hunt.ts';
import { inside, loadPlayerContent, roadStops } from './playthrough-route.ts';

const content = loadPlayerContent(repoRoot);
const stops = roadStops(content);
const leg = (name: string): number => stops.findIndex((s) => s.name === name);
const CAP_MS = 60_000;

function player(level: number, weapon: string, armor: string): Stats {
  const armorLevel = content.data.items.get(armor)?.level ?? 1;
  const maxHp = playerMaxHp(armorLevel, level);
  return { hp: maxHp, maxHp, level, xp: 0, weapon, armor, invulnerableTicks: 0 };
}

function hunt(): ZoneHunt {
  let seed = 1;
  return new ZoneHunt(content, stops, CAP_MS, () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646);
}

describe('zone by zone', () => {
  it('reads the mobs living around each stop from the map', () => {
    const h = hunt();
    const kinds = (name: string): string[] => h.ahead(leg(name)).map((k) => k.id);
    expect(kinds('forest_glade').sort()).toEqual(['goblin', 'wolf']);
    expect(kinds('graveyard_gate').sort()).toEqual(['ghost', 'skeleton']);
    expect(kinds('volcano_edge')).toContain('fire_imp');
    expect(kinds('the_ember_wyrm')).not.toContain('ember_wyrm');
  });

  it('keeps a level 1 in the village (its chest first, then a mob area there) until the forest is fair', () => {
    const h = hunt();
    const square = stops[leg('village_square')]!.tile;
    const village = content.zones.find((z) => z.name === 'village')!.area;
    const first = h.step(leg('forest_glade'), square, player(1, 'club', 'tunic'), 0);
    expect(first.kind).toBe('walk');
    expect(first.why).toMatch(/chest in village/);
    if (first.kind === 'walk') expect(inside(village, first.to)).toBe(true);
    // At the chest, the hunt moves on to the village's mob areas, all inside the village.
    const atChest = first.kind === 'walk' ? first.to : square;
    const next = h.step(leg('forest_glade'), atChest, player(1, 'club', 'tunic'), 1000);
    expect(next.kind).toBe('walk');
    expect(next.why).toMatch(/in village/);
    if (next.kind === 'walk') expect(inside(village, next.to)).toBe(true);
  });

  it('walks on once the next stop is fair, and when the zone time is up even if not', () => {
    const square = stops[leg('village_square')]!.tile;
    const strong = hunt().step(leg('forest_glade'), square, player(8, 'axe', 'leather'), 0);
    expect(strong).toMatchObject({ kind: 'go', why: expect.stringMatching(/fair/) });
    const h = hunt();
    const weak = player(1, 'club', 'tunic');
    expect(h.step(leg('forest_glade'), square, weak, 0).kind).toBe('walk');
    expect(h.step(leg('forest_glade'), square, weak, CAP_MS + 1)).toMatchObject({
      kind: 'go',
      why: expect.stringMatching(/time is up/),
    });
  });
});
