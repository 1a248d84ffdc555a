// Quests (assets/data/quests.json, shared/content/quests.ts): taking one from the NPC who offers it,
// progress from the tick's events (kills credited, items in the bag, places reached, NPCs talked to),
// handing it in for XP and items, and telling the player its log and which NPCs have something for it.
// The log lives on the character (quests: id -> progress, questsDone), so it travels between worlds.
import { Op } from '../../shared/protocol/ops.ts';
import type { QuestKind } from '../../shared/content/quests.ts';
import type { NpcMark } from '../../shared/protocol/server-messages.ts';
import type { Npc, Player } from './entities.ts';
import type { SimContext } from './context.ts';
import { addItem, countItem, removeItem } from './bag.ts';
import { dropItem } from './loot.ts';
import { gainXp } from './progress.ts';
import { distance } from './mob-ai.ts';

/** How far (tiles) from the giver a player may still take its quest: the offer came while beside it. */
export const ACCEPT_REACH = 3;

export type QuestAction = 'accept' | 'abandon';

function questOf(world: SimContext, id: string): QuestKind | undefined {
  return world.data.quests?.get(id);
}

const npcName = (world: SimContext, kind: string): string => world.data.npcs.get(kind)?.name ?? kind;

function changed(p: Player): void {
  p.questsChanged = true;
  p.dirty = true;
}

const say = (world: SimContext, p: Player, text: string): void => void world.tell(p, [Op.Notice, text]);

/** The quest intents asked for since the last tick, in order; each refused with a notice or done. */
export function applyQuestIntents(world: SimContext): void {
  for (const p of world.players.values()) {
    if (p.questIntents.length === 0) continue;
    for (const [action, id] of p.questIntents) {
      if (action === 'accept') acceptQuest(world, p, id);
      else abandonQuest(world, p, id);
    }
    p.questIntents.length = 0;
  }
}

/** Why `p` may not take quest `q` now, or null when it may (ignoring where it stands). */
export function refusal(world: SimContext, p: Player, q: QuestKind | undefined): string | null {
  if (!q) return 'There is no such quest.';
  if (p.questsDone.includes(q.id)) return `You have already done "${q.name}".`;
  if (Object.hasOwn(p.quests, q.id)) return `You are already on "${q.name}".`;
  const missing = q.requires.find((r) => !p.questsDone.includes(r));
  if (missing) return `"${q.name}" needs "${questOf(world, missing)?.name ?? missing}" done first.`;
  return null;
}

export function acceptQuest(world: SimContext, p: Player, id: string): boolean {
  if (p.dead) return false;
  const q = questOf(world, id);
  const refused = refusal(world, p, q);
  if (refused || !q) return (void say(world, p, refused ?? 'There is no such quest.'), false);
  const giver = [...world.npcs.values()].some((n) => n.kind.id === q.giver && distance(n, p) <= ACCEPT_REACH);
  if (!giver) return (void say(world, p, `Talk to ${npcName(world, q.giver)} to take "${q.name}".`), false);
  p.quests[q.id] = startingProgress(world, p, q);
  changed(p);
  say(world, p, `Quest taken: ${q.name}.`);
  if (finished(p, q)) say(world, p, doneLine(world, q));
  return true;
}

/**
 * Reach: a place the character has already been counts at once (the area event is raised only on the
 * first visit). Bring: what the bag already holds counts.
 */
function startingProgress(world: SimContext, p: Player, q: QuestKind): number {
  if (q.goal === 'reach') return p.counters[`reach:${q.target}`] ? 1 : 0;
  if (q.goal === 'bring') return Math.min(q.count, countItem(p, q.target));
  return 0;
}

export function abandonQuest(world: SimContext, p: Player, id: string): boolean {
  const q = questOf(world, id);
  if (!q || !Object.hasOwn(p.quests, id))
    return (void say(world, p, 'You have no such quest to give up.'), false);
  delete p.quests[id];
  changed(p);
  say(world, p, `Quest given up: ${q.name}.`);
  return true;
}

function finished(p: Player, q: QuestKind): boolean {
  return (p.quests[q.id] ?? 0) >= q.count;
}

function doneLine(world: SimContext, q: QuestKind): string {
  return `${q.name}: done! Go back to ${npcName(world, q.turnIn)}.`;
}

/** Moves every active quest of `goal` on `target` by `by` (or to `to`), telling the player each step. */
function advance(
  world: SimContext,
  p: Player,
  goal: QuestKind['goal'],
  target: string,
  step: (q: QuestKind, now: number) => number,
): void {
  for (const id of Object.keys(p.quests)) {
    const q = questOf(world, id);
    if (!q || q.goal !== goal || q.target !== target) continue;
    const now = p.quests[id]!;
    const next = Math.max(0, Math.min(q.count, step(q, now)));
    if (next === now) continue;
    p.quests[id] = next;
    changed(p);
    if (q.count > 1) say(world, p, `${q.label} ${next}/${q.count}`);
    // Talking to the one who takes it back hands it in at once: no "go back" for that.
    const handsInNow = q.goal === 'talk' && q.target === q.turnIn;
    if (next >= q.count && now < q.count && !handsInNow) say(world, p, doneLine(world, q));
  }
}

export function questKill(world: SimContext, p: Player, mobKind: string): void {
  advance(world, p, 'kill', mobKind, (_q, now) => now + 1);
}

export function questArea(world: SimContext, p: Player, name: string): void {
  advance(world, p, 'reach', name, () => 1);
}

/** The bag changed: bring quests count what it holds now. */
export function questItems(world: SimContext, p: Player, itemKind?: string): void {
  for (const id of Object.keys(p.quests)) {
    const q = questOf(world, id);
    if (q?.goal !== 'bring' || (itemKind && q.target !== itemKind)) continue;
    advance(world, p, 'bring', q.target, (quest) => countItem(p, quest.target));
  }
}

/**
 * The player talked to `npc`: talk quests aimed at it count, finished quests it takes back are handed
 * in, and if none was, it offers the first quest it has for the player.
 */
export function questTalk(world: SimContext, p: Player, npc: Npc): void {
  const kind = npc.kind.id;
  advance(world, p, 'talk', kind, () => 1);
  let handedIn = false;
  for (const id of Object.keys(p.quests)) {
    const q = questOf(world, id);
    if (q && q.turnIn === kind && finished(p, q)) handedIn = handIn(world, p, q, npc) || handedIn;
  }
  if (handedIn) return;
  const offer = available(world, p).find((q) => q.giver === kind);
  if (offer) world.tell(p, [Op.QuestOffer, npc.id, offer.id]);
}

/** Quests the player could take now, in file order. */
export function available(world: SimContext, p: Player): QuestKind[] {
  return [...(world.data.quests?.values() ?? [])].filter((q) => refusal(world, p, q) === null);
}

/** Pays out a finished quest; false (and nothing changed) when a bring quest's items are gone. */
export function handIn(world: SimContext, p: Player, q: QuestKind, npc: Npc): boolean {
  if (q.goal === 'bring' && !removeItem(p, q.target, q.count)) {
    p.quests[q.id] = Math.min(q.count, countItem(p, q.target));
    changed(p);
    say(world, p, `${npc.kind.name} needs ${q.count} of your ${q.label.toLowerCase()}.`);
    return false;
  }
  delete p.quests[q.id];
  p.questsDone.push(q.id);
  changed(p);
  if (q.goal === 'bring') questItems(world, p);
  world.tell(p, [Op.NpcLine, npc.id, q.thanks]);
  say(world, p, `Quest complete: ${q.name}. +${q.xp} XP`);
  for (const itemId of q.items) {
    const item = world.data.items.get(itemId);
    if (!item) continue;
    if (addItem(p, item)) say(world, p, `You receive the ${item.name.toLowerCase()}.`);
    else {
      dropItem(world, item.id, p.x, p.y);
      say(world, p, `Your bag is full: the ${item.name.toLowerCase()} is at your feet.`);
    }
  }
  if (q.xp > 0) gainXp(world, p, q.xp);
  return true;
}

/** What each NPC kind shows this player: `?` for a quest to take back, else `!` for one to give. */
export function npcMarks(world: SimContext, p: Player): [string, NpcMark][] {
  const marks = new Map<string, NpcMark>();
  for (const q of available(world, p)) marks.set(q.giver, '!');
  for (const id of Object.keys(p.quests)) {
    const q = questOf(world, id);
    if (!q) continue;
    if (finished(p, q) || (q.goal === 'talk' && q.target === q.turnIn)) marks.set(q.turnIn, '?');
  }
  return [...marks];
}

/** Each player whose quests changed this tick is sent its log and its NPC marks. */
export function sendQuests(world: SimContext): void {
  for (const p of world.players.values()) {
    if (p.bagChanged) questItems(world, p);
    if (!p.questsChanged || !world.data.quests) continue;
    p.questsChanged = false;
    const active = Object.entries(p.quests).filter(([id]) => world.data.quests!.has(id));
    world.tell(p, [Op.QuestLog, active, [...p.questsDone]]);
    world.tell(p, [Op.NpcMarkers, npcMarks(world, p)]);
  }
}
