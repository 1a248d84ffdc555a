// Zone by zone on the real world map: the bot reads which mobs live around the next stop from the map's
// mob areas, holds back in the current zone (its chests, then its strongest beatable mob area) while
// they are not fair, and walks on once they are, or once the zone's time is up.
import { describe, expect, it } from 'vitest';
import type { Stats } from '../../shared/protocol/view.ts';
import { playerMaxHp } from '../../shared/rules/combat.ts';
import { repoRoot } from '../server-process.ts';
import { ZoneHunt } from './playthrough-hunt.ts';
import { canBeat, canBeatPack } from './playthrough-judge.ts';
import { loadAtlas } from './playthrough-atlas.ts';
import { inside, roadStops } from './playthrough-route.ts';

/** The realm's maps on one plane, as the bot plans on them. */
const { content } = loadAtlas(repoRoot);
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
    // The valley's wolves live west of the valley camp, 12 tiles from the graveyard gate (issue 10).
    expect(kinds('graveyard_gate').sort()).toEqual(['ghost', 'skeleton', 'wolf']);
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

describe('hunting with packs in mind', () => {
  const roost = content.placements.mobAreas.find((a) => a.kind === 'bat' && a.count >= 8)!;

  it('expects the pack an area makes, and does not hunt where the pack is too much', () => {
    const h = hunt();
    expect(h.packOf(roost).length).toBeGreaterThan(1);
    const weak = player(5, 'short_sword', 'leather');
    expect(canBeat(content.data, weak, content.data.mobs.get('bat')!)).toBe(true);
    expect(canBeatPack(content.data, weak, h.packOf(roost))).toBe(false);
    const landing = stops[leg('mine_landing')]!.tile;
    for (let t = 0; t < 5; t++) {
      const step = h.step(leg('mine_stairs_north'), landing, weak, t * 10_000);
      expect(step.kind, step.why).toBe('walk');
      if (step.kind === 'walk') expect(inside(roost.area, step.to), step.why).toBe(false);
    }
  });

  it('holds the bot back when a pack turned it on the road, even in the next stop’s zone', () => {
    const h = hunt();
    const wolf = content.data.mobs.get('wolf')!;
    const mouth = stops[leg('mine_mouth')]!;
    const weak = player(2, 'short_sword', 'tunic');
    // Through the mine's mouth, the landing is in the caves already: nothing holds the bot there...
    expect(h.step(leg('mine_landing'), mouth.to!, weak, 0).kind).toBe('go');
    // ...unless a pack turned it back.
    h.block([wolf, wolf, wolf], 0);
    expect(h.step(leg('mine_landing'), mouth.to!, weak, 1000)).toMatchObject({
      kind: 'walk',
      why: expect.stringMatching(/held back by wolf\+wolf\+wolf/),
    });
    expect(h.step(leg('mine_landing'), mouth.to!, player(12, 'mace', 'chainmail'), 2000).kind).toBe('go');
  });

  it('walks the last two tiles to the lair landing (the wyrm is the next stop, not a mob around it)', () => {
    const h = hunt();
    const gate = stops[leg('lair_gate')]!;
    expect(h.step(leg('lair_landing'), gate.to!, player(6, 'short_sword', 'leather'), 0).kind).toBe('go');
    // But the volcano holds a player back until the wyrm is fair.
    const edge = stops[leg('volcano_edge')]!.tile;
    expect(h.step(leg('lair_gate'), edge, player(13, 'long_sword', 'scale'), 0).kind).toBe('walk');
    expect(h.step(leg('lair_gate'), edge, player(17, 'frost_blade', 'plate'), 0).kind).toBe('go');
  });
});
