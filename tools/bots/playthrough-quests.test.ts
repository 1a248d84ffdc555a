// The playthrough bot's quest errands, on the real world map with a stand-in for the connection: it goes
// to an NPC marked near the road, talks once and waits, takes what is offered, hunts what a quest wants.
import { describe, expect, it } from 'vitest';
import { createView, type SeenEntity, type ViewEvent } from '../../shared/protocol/view.ts';
import type { BotClient } from './bot-client.ts';
import type { SizedMob } from './playthrough-judge.ts';
import { QuestErrands } from './playthrough-quests.ts';
import { loadPlayerContent } from './playthrough-route.ts';
import { repoRoot } from '../server-process.ts';

const content = loadPlayerContent(repoRoot);
const elder = content.placements.npcs.find((n) => n.kind === 'elder')!;

function standIn() {
  const view = createView();
  const sent: unknown[][] = [];
  const listeners: ((e: ViewEvent) => void)[] = [];
  const bot = {
    view,
    on: (l: (e: ViewEvent) => void) => (listeners.push(l), () => {}),
    tileOf: (e: SeenEntity) => ({ x: e.fromX, y: e.fromY }),
    talk: (id: number) => sent.push(['talk', id]),
    acceptQuest: (id: string) => sent.push(['accept', id]),
  } as unknown as BotClient;
  const entity = (id: number, type: SeenEntity['type'], kind: string, x: number, y: number): SeenEntity => {
    const e = { id, type, kind, name: kind, fromX: x, fromY: y, endX: x, endY: y, steps: [] } as unknown;
    view.entities.set(id, e as SeenEntity);
    return e as SeenEntity;
  };
  const errands = new QuestErrands(bot, content, () => {});
  return { view, sent, errands, entity, emit: (e: ViewEvent) => listeners.forEach((l) => l(e)) };
}

describe('quest errands', () => {
  it('walks to a marked NPC near the road, talks once, waits, and leaves it alone after', () => {
    const { view, sent, errands, entity } = standIn();
    view.npcMarks.set('elder', '!');
    const far = { x: elder.x + 25, y: elder.y };
    const step = errands.step(far, 0, [], true);
    expect(step).toMatchObject({ x: expect.any(Number), y: expect.any(Number) });
    expect(Math.max(Math.abs((step as { x: number }).x - elder.x), 1)).toBeLessThanOrEqual(4);
    entity(5, 'npc', 'elder', elder.x, elder.y);
    const near = { x: elder.x + 3, y: elder.y };
    expect(errands.step(near, 1000, [], true)).toBe('wait');
    expect(sent).toEqual([['talk', 5]]);
    expect(errands.step(near, 2000, [], true)).toBe('wait');
    expect(errands.step(near, 5000, [], true)).toBeNull(); // talked to: not again for a while
    expect(sent).toHaveLength(1);
  });

  it('takes every quest offered; leaves alone an NPC too far, or with a quest to give in another zone', () => {
    const { view, sent, errands, emit } = standIn();
    emit({ type: 'questOffer', npc: 5, quest: 'find_wren' });
    expect(sent).toEqual([['accept', 'find_wren']]);
    view.npcMarks.set('elder', '!');
    expect(errands.step({ x: elder.x + 80, y: elder.y }, 0, [], true)).toBeNull();
    // The forest, just north of the village: the elder's ! is not worth going back for; her ? is.
    const forest = { x: elder.x, y: 244 };
    expect(errands.step(forest, 0, [], true)).toBeNull();
    view.npcMarks.set('elder', '?');
    expect(errands.step(forest, 0, [], true)).toMatchObject({ x: expect.any(Number) });
  });

  it('fights the mobs a kill quest wants, when fit, and not once it is done', () => {
    const { view, errands, entity } = standIn();
    view.stats = { hp: 80, maxHp: 80, level: 2, xp: 0, weapon: 'club', armor: 'tunic', invulnerableTicks: 0 };
    view.quests.active.set('rat_trouble', 2);
    const rat = entity(9, 'mob', 'rat', 20, 270);
    const sized = [{ entity: rat, beatable: true, distance: 5 } as SizedMob];
    expect(errands.step({ x: 20, y: 275 }, 0, sized, true)).toBe(rat);
    expect(errands.step({ x: 20, y: 275 }, 0, sized, false)).not.toBe(rat);
    view.quests.active.set('rat_trouble', 5);
    expect(errands.step({ x: 20, y: 275 }, 0, sized, true)).toBeNull();
  });
});
