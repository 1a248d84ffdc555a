// Replay: a busy minute of a world, recorded as its inputs, plays again from the seed to the very same
// state and the very same frames; and the Rng picks up exactly where a saved state left it.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Rng } from './rng.ts';
import { World } from './world.ts';
import { replay, type LoggedInput } from './input-log.ts';
import type { BagIntent } from './entities.ts';
import { adventureMap, openRows, shippedData, type Place } from './test-support.ts';

const MINUTE = 60 * 20;

/** A village green with rats and goblins, two NPCs and a chest. */
function newWorld(recordInputs: boolean): World {
  const places: Place[] = [
    { id: 1, type: 'spawn', x: 4, y: 4, w: 4, h: 4 },
    { id: 2, type: 'mobArea', x: 14, y: 4, w: 8, h: 8, props: { kind: 'rat', count: 6 } },
    { id: 3, type: 'mobArea', x: 26, y: 14, w: 8, h: 6, props: { kind: 'goblin', count: 4 } },
    { id: 4, type: 'npc', x: 3, y: 12, props: { kind: 'guard' } },
    { id: 5, type: 'npc', x: 9, y: 16, props: { kind: 'elder' } },
    { id: 6, type: 'chest', x: 20, y: 18, props: { items: 'axe,small_potion', respawnSeconds: 10 } },
    { id: 7, type: 'area', name: 'Green', x: 10, y: 0, w: 6, h: 6 },
    { id: 8, type: 'checkpoint', x: 12, y: 12, w: 2, h: 2 },
  ];
  const map = adventureMap(openRows(40, 22), places);
  return new World({ name: 'w', map, data: shippedData(), seed: 7, recordInputs });
}

/**
 * Eight players for a minute, each tick doing what its own dice say: walking about, fighting, looting,
 * talking, opening the chest, chatting, getting up after dying, dropping its connection and coming back,
 * and now and then leaving for good while a newcomer joins. Returns the log and every frame sent.
 */
function busyMinute(): { world: World; log: LoggedInput[]; frames: Uint8Array[] } {
  const world = newWorld(true);
  const dice = new Rng(99);
  // Bag intents draw their slots from dice of their own, so the other inputs stay those of the run before.
  const bagDice = new Rng(5);
  const ids: number[] = [];
  let joined = 0;
  const join = (): void => {
    const result = world.join(`Player${++joined}`);
    if (result.ok) ids.push(result.player.id);
  };
  for (let i = 0; i < 8; i++) join();
  const frames: Uint8Array[] = [];
  for (let t = 0; t < MINUTE; t++) {
    for (const id of [...ids]) {
      const p = world.players.get(id)!;
      const roll = dice.next();
      const near = <T extends { x: number; y: number }>(things: Iterable<T>): T | undefined =>
        [...things].sort((a, b) => dist(p, a) - dist(p, b))[0];
      if (p.dead) {
        if (roll < 0.05) world.respawn(id);
      } else if (p.away) {
        if (roll < 0.05) world.resume(id);
      } else if (roll < 0.008) world.walkTo(id, dice.int(0, 39), dice.int(0, 21));
      else if (roll < 0.02) world.pursue(id, 'attack', near(world.mobs.values())?.id ?? 0);
      else if (roll < 0.026) world.pursue(id, 'loot', near(world.items.values())?.id ?? 0);
      else if (roll < 0.028) world.pursue(id, 'talk', near(world.npcs.values())?.id ?? 0);
      else if (roll < 0.03) world.pursue(id, 'open', near(world.chests.values())?.id ?? 0);
      else if (roll < 0.034) world.chat(id, `line ${t}`);
      else if (roll < 0.035) world.clientGone(id);
      else if (roll < 0.0352) {
        world.leave(id);
        ids.splice(ids.indexOf(id), 1);
        join();
      } else if (roll < 0.045) world.useBag(id, bagIntent(bagDice));
    }
    world.tick();
    for (const id of world.players.keys()) {
      const frame = world.takeFrame(id);
      if (frame) frames.push(frame);
    }
  }
  return { world, log: world.inputLog!.entries, frames };
}

/** Any bag intent, slots in range or not (a refusal is part of the run too). */
function bagIntent(dice: Rng): BagIntent {
  const slot = dice.int(0, 17);
  const which = dice.int(0, 3);
  if (which === 0) return { type: 'use', slot };
  if (which === 1) return { type: 'belt', slot: dice.int(0, 4) };
  if (which === 2) return { type: 'drop', slot };
  return { type: 'setBelt', belt: dice.int(0, 4), slot: dice.int(-1, 3) };
}

function dist(a: { x: number; y: number }, b: { x: number; y: number }): number {
  return Math.max(Math.abs(a.x - b.x), Math.abs(a.y - b.y));
}

/** A digest of everything the world decides: tick, dice, players, mobs, items and chests. */
function stateHash(world: World): string {
  const players = [...world.players.values()].map((p) => [
    ...[p.id, p.name, p.x, p.y, p.path, p.progress, p.hp, p.maxHp, p.level, p.xp, p.weapon, p.armor],
    ...[p.achievements, p.counters, p.kills, p.deaths, p.dead, p.away, p.goal, p.checkpoint],
    ...[p.safeUntil, p.invulnerableUntil, p.nextAttackTick, [...p.talkedTo], p.chatTicks],
    ...[p.bag, p.bagCounts, p.belt, p.nextDrinkTick],
  ]);
  const mobs = [...world.mobs.values()].map((m) => [
    ...[m.id, m.kind.id, m.x, m.y, m.path, m.progress, m.hp, m.respawnTick, m.returning],
    ...[[...m.hate], m.nextRoamTick, m.nextAttackTick, m.home],
  ]);
  const items = [...world.items.values()].map((i) => [i.id, i.kind, i.x, i.y, i.expiresTick]);
  const chests = [...world.chests.values()].map((c) => [c.id, c.present, c.opened, c.respawnTick]);
  const state = { tick: world.tickCount, rng: world.rng.state(), players, mobs, items, chests };
  return createHash('sha256').update(JSON.stringify(state)).digest('hex');
}

function framesHash(frames: readonly Uint8Array[]): string {
  const hash = createHash('sha256');
  for (const f of frames) hash.update(f);
  return hash.digest('hex');
}

describe('replaying an input log', () => {
  it('plays a busy recorded minute again to the same final state, and sends the same frames', () => {
    const recorded = busyMinute();
    const kinds = new Set(recorded.log.map((e) => e.input[0]));
    // It was a busy minute: every kind of input, kills, deaths, loot and chatter.
    expect([...kinds].sort()).toEqual(
      ['bag', 'chat', 'clientGone', 'join', 'leave', 'pursue', 'respawn', 'resume', 'walkTo'].sort(),
    );
    const players = [...recorded.world.players.values()];
    expect(players.reduce((n, p) => n + p.kills, 0)).toBeGreaterThan(5);
    expect(players.reduce((n, p) => n + p.deaths, 0)).toBeGreaterThan(0);
    expect(players.some((p) => p.counters['chat:any'])).toBe(true);

    const again = newWorld(false);
    const frames: Uint8Array[] = [];
    const realTick = again.tick.bind(again);
    again.tick = () => {
      realTick();
      for (const id of again.players.keys()) {
        const frame = again.takeFrame(id);
        if (frame) frames.push(frame);
      }
    };
    replay(again, recorded.log, MINUTE);
    expect(stateHash(again)).toBe(stateHash(recorded.world));
    expect(framesHash(frames)).toBe(framesHash(recorded.frames));
  });

  it('ends elsewhere when one input is left out (the digest sees the difference)', () => {
    const recorded = busyMinute();
    const walk = recorded.log.findIndex((e) => e.input[0] === 'walkTo');
    const again = newWorld(false);
    replay(again, recorded.log.toSpliced(walk, 1), MINUTE);
    expect(stateHash(again)).not.toBe(stateHash(recorded.world));
  });
});

describe('Rng state', () => {
  it('restored from a saved state, draws the same numbers as the original from there on', () => {
    const rng = new Rng(42);
    for (let i = 0; i < 100; i++) rng.next();
    const saved = rng.state();
    const ahead = Array.from({ length: 20 }, () => rng.next());
    const copy = Rng.fromState(saved);
    expect(Array.from({ length: 20 }, () => copy.next())).toEqual(ahead);
    rng.restore(saved);
    expect(Array.from({ length: 20 }, () => rng.next())).toEqual(ahead);
  });
});
