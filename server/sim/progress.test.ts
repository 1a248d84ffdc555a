// Achievements in a running world: earned by what the server saw happen, each once, told and saved.
import { describe, expect, it } from 'vitest';
import { Op } from '../../shared/protocol/ops.ts';
import { World } from './world.ts';
import {
  adventureMap,
  mobKind,
  openRows,
  placedClient,
  received,
  shippedData,
  tickTimes,
  tickUntil,
  withMobs,
  type Place,
} from './test-support.ts';

const NPCS = ['elder', 'guard', 'smith', 'fisher', 'priest', 'nomad'];

/** Rats as this test needs them, whatever their tuning in mobs.json: one blow kills, and they never fight back. */
const rat = mobKind('rat', { hp: 10, weapon: 0, respawnSeconds: 2 });

function setUp(places: Place[]) {
  const map = adventureMap(openRows(40, 14), [{ id: 1, type: 'spawn', x: 5, y: 5 }, ...places]);
  const world = new World({ name: 'w', map, data: withMobs(rat), seed: 2 });
  const a = placedClient(world, 'A', { x: 5, y: 5, weapon: 'ember_blade', hp: 5000, maxHp: 5000 });
  a.player.dirty = false;
  return { world, a };
}

const unlocked = (c: { frames: Uint8Array[] }): string[] =>
  received(c as never, Op.Achievement).map((m) => m[1]);

describe('achievements', () => {
  it('kill counts: first blood at 1, rat catcher at 10, each sent once and saved', () => {
    const { world, a } = setUp([
      { id: 2, type: 'mobArea', x: 6, y: 4, w: 3, h: 3, props: { kind: 'rat', count: 3 } },
    ]);
    const rats = [...world.mobs.values()];
    for (let kills = 1; kills <= 12; kills++) {
      tickUntil(world, [a], () => rats.some((m) => m.respawnTick === 0), 400, 'a rat to be about');
      const rat = rats.find((m) => m.respawnTick === 0)!;
      world.pursue(a.player.id, 'attack', rat.id);
      tickUntil(world, [a], () => a.player.kills === kills, 600, `kill ${kills}`);
      if (kills === 1) expect(unlocked(a)).toEqual(['first_blood']);
      if (kills === 9) expect(unlocked(a)).toEqual(['first_blood']);
    }
    expect(unlocked(a)).toEqual(['first_blood', 'rat_catcher']);
    expect(a.player.achievements).toEqual(['first_blood', 'rat_catcher']);
    expect(a.player.counters).toMatchObject({ 'kills:rat': 12, 'kills:any': 12 });
    expect(a.player.dirty).toBe(true);
  });

  it('talking to five different people, once each however often', () => {
    const places = NPCS.map((kind, i): Place => ({
      id: 10 + i,
      type: 'npc',
      x: 8 + 3 * i,
      y: 3,
      props: { kind },
    }));
    const { world, a } = setUp(places);
    for (const npc of world.npcs.values()) {
      for (let again = 0; again < 2; again++) {
        world.pursue(a.player.id, 'talk', npc.id);
        tickUntil(world, [a], () => !a.player.goal, 200, `talking to ${npc.kind.id}`);
      }
      const talkedTo = Object.keys(a.player.counters).filter(
        (k) => k.startsWith('talk:') && k !== 'talk:any',
      );
      expect(unlocked(a).includes('good_listener')).toBe(talkedTo.length >= 5);
    }
    // Two lines of each is not hearing anyone out.
    expect(unlocked(a)).toEqual(['good_listener']);
    expect(a.player.counters['talk:any']).toBe(NPCS.length);
    expect(a.player.dirty).toBe(true);
  });

  it('hearing Elder Maren out: earned with her last line, not before, and once however often she is heard', () => {
    const { world, a } = setUp([{ id: 10, type: 'npc', x: 8, y: 3, props: { kind: 'elder' } }]);
    const elder = [...world.npcs.values()][0]!;
    const lines = elder.kind.lines.length;
    expect(lines).toBeGreaterThan(1);
    for (let heard = 1; heard <= 2 * lines; heard++) {
      world.pursue(a.player.id, 'talk', elder.id);
      tickUntil(world, [a], () => !a.player.goal, 200, `line ${heard}`);
      expect(received(a, Op.NpcLine)).toHaveLength(heard);
      expect(unlocked(a).includes('elders_ear'), `after line ${heard}`).toBe(heard >= lines);
    }
    expect(unlocked(a).filter((id) => id === 'elders_ear')).toHaveLength(1);
    expect(a.player.counters).toMatchObject({ 'hear:elder': 1, 'hear:any': 1, 'talk:elder': 1 });
  });

  it('reaching a named area, however often the player comes back', () => {
    const { world, a } = setUp([{ id: 2, type: 'area', name: 'east_bank', x: 30, y: 0, w: 10, h: 14 }]);
    world.walkTo(a.player.id, 29, 5);
    tickTimes(world, [a], 100);
    expect(unlocked(a)).toEqual([]);
    for (const x of [31, 25, 35]) {
      world.walkTo(a.player.id, x, 5);
      tickTimes(world, [a], 60);
    }
    expect(unlocked(a)).toEqual(['explorer']);
    expect(a.player.achievements).toEqual(['explorer']);
    expect(a.player.dirty).toBe(true);
  });

  it('a saved character that already has an achievement is not given it again', () => {
    const map = adventureMap(openRows(40, 14), [
      { id: 1, type: 'spawn', x: 5, y: 5 },
      { id: 2, type: 'area', name: 'east_bank', x: 6, y: 5 },
    ]);
    const world = new World({ name: 'w', map, data: shippedData(), seed: 2 });
    const a = placedClient(world, 'A', { x: 5, y: 5, achievements: ['explorer'] });
    world.walkTo(a.player.id, 6, 5);
    tickTimes(world, [a], 20);
    expect(unlocked(a)).toEqual([]);
    expect(a.player.achievements).toEqual(['explorer']);
  });
});
