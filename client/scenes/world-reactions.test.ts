// The sounds a page plays for what a real world sends it, across a switch of characters on the title
// screen: the frames come from the simulation, through the shared view, into the page's reactions.
import { describe, expect, it } from 'vitest';
import { applyFrame, createView, type WorldView } from '../../shared/protocol/view.ts';
import { playerMaxHp, xpForLevel } from '../../shared/rules/combat.ts';
import type { SoundEffect } from '../audio/catalog.ts';
import { World } from '../../server/sim/world.ts';
import { dropItem } from '../../server/sim/loot.ts';
import {
  adventureMap,
  mobKind,
  onlyMob,
  openRows,
  placedClient,
  tickTimes,
  tickUntil,
  withMobs,
  type TestClient,
} from '../../server/sim/test-support.ts';
import { Reactions, type DrawnEntity, type Stage } from './world-reactions.ts';

/** A page without Phaser: the view the client keeps, its reactions, and the sounds they played. */
class Page {
  view: WorldView = createView();
  readonly sounds: SoundEffect[] = [];
  private readonly drawing: DrawnEntity = { x: 0, y: 0, pileTop: 0, flash() {}, die() {} };
  /** Drawings taken out to play their death; the others stay until the next frame is drawn, as in the scene. */
  private readonly dropped = new Set<number>();
  private readonly stage: Stage = {
    selfId: () => this.view.selfId,
    entity: (id) => this.view.entities.get(id),
    drawn: (id) => (this.dropped.has(id) ? undefined : this.drawing),
    dropDrawn: (id) => {
      this.dropped.add(id);
      return this.drawing;
    },
    effects: { burst() {}, damage() {}, bubble() {} },
    sound: (effect) => void this.sounds.push(effect),
    panels: {
      showDeath() {},
      hideDeath() {},
      chatLog() {},
      achievementEarned() {},
      announcement() {},
      achievements: { setEarned() {} },
      players: { population() {}, show() {} },
    },
    npcName: (kind) => kind,
  };
  /** One for the page's life, not one per join: the facts alone must keep characters apart. */
  private readonly reactions = new Reactions(this.stage);
  private read = new Map<TestClient, number>();

  /** The title screen's Play: a new picture of the world, as GameClient.join starts one. */
  join(): void {
    this.view = createView();
  }

  /** Shows the frames the client has received since last time. */
  show(client: TestClient): void {
    const from = this.read.get(client) ?? 0;
    for (const frame of client.frames.slice(from))
      for (const event of applyFrame(this.view, frame)) this.reactions.react(event);
    this.read.set(client, client.frames.length);
  }

  /** Sounds played since the last call, without the ones every fight or achievement makes. */
  heard(): SoundEffect[] {
    const out = this.sounds.filter((s) => s !== 'hit' && s !== 'achievement');
    this.sounds.length = 0;
    return out;
  }
}

function character(level: number, weapon: string, armor: string, armorLevel: number) {
  const maxHp = playerMaxHp(armorLevel, level);
  return { x: 4, y: 4, level, xp: xpForLevel(level), weapon, armor, hp: maxHp, maxHp };
}

describe('reactions', () => {
  it('switching from a level-3 to a level-7 character plays no level-up fanfare and no loot sound', () => {
    const trainee = mobKind('trainee', { hp: 1, xp: 500, weapon: 4, respawnSeconds: 600 });
    const map = adventureMap(openRows(24, 10), [
      { id: 1, type: 'spawn', x: 4, y: 4 },
      { id: 2, type: 'mob', x: 12, y: 4, props: { kind: 'trainee' } },
      { id: 3, type: 'chest', x: 8, y: 7, props: { items: 'small_potion', respawnSeconds: 60 } },
    ]);
    const world = new World({ name: 'w', map, data: withMobs(trainee), seed: 3 });
    const page = new Page();

    page.join();
    const ada = placedClient(world, 'Ada', character(3, 'club', 'leather', 2));
    tickTimes(world, [ada], 5);
    page.show(ada);
    expect(page.heard()).toEqual([]);

    // Back to the title screen, and in with a stronger character with other gear.
    world.leave(ada.player.id);
    page.join();
    const bo = placedClient(world, 'Bo', character(7, 'axe', 'chainmail', 3));
    tickTimes(world, [bo], 5);
    page.show(bo);
    expect(page.heard()).toEqual([]);

    // What does happen to Bo is heard, each once.
    const sword = dropItem(world, 'long_sword', 5, 4);
    world.pursue(bo.player.id, 'loot', sword.id);
    tickUntil(world, [bo], () => !bo.player.goal, 100, 'the pick-up');
    page.show(bo);
    expect(page.heard()).toEqual(['loot']);

    bo.player.hp = 10;
    const potion = dropItem(world, 'small_potion', 4, 4);
    world.pursue(bo.player.id, 'loot', potion.id);
    tickUntil(world, [bo], () => !bo.player.goal, 100, 'the drink');
    page.show(bo);
    expect(page.heard()).toEqual(['heal']);

    const [chest] = world.chests.keys();
    world.pursue(bo.player.id, 'open', chest!);
    tickUntil(world, [bo], () => !world.chests.get(chest!)!.present, 100, 'the chest');
    page.show(bo);
    expect(page.heard()).toEqual(['chest']);

    const mob = onlyMob(world);
    world.pursue(bo.player.id, 'attack', mob.id);
    tickUntil(world, [bo], () => mob.respawnTick > 0, 200, 'the kill');
    tickTimes(world, [bo], 2);
    page.show(bo);
    expect(bo.player.level).toBeGreaterThan(7);
    expect(page.heard()).toEqual(['kill', 'level_up']);
  });
});
