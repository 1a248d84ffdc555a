// The quests NPCs give (assets/data/quests.json): what each asks (kill, bring, reach, talk), who gives it
// and who takes it back, what it pays, and the chain it belongs to. Checked here against the other data
// files; that the NPCs, areas and mobs stand on some map of the realm is quest-checks.ts's business.
import type { Problems } from './check.ts';
import type { ItemKind, MobKind, NpcKind } from './game-data.ts';

export const QUEST_GOALS = ['kill', 'bring', 'reach', 'talk'] as const;
export type QuestGoal = (typeof QUEST_GOALS)[number];

export interface QuestKind {
  id: string;
  /** The title in the quest panel. */
  name: string;
  /** The zone it belongs to (village, forest, …): the panel groups by it, the chains are checked by it. */
  zone: string;
  /** The NPC kind (npcs.json) who offers it, and the one who takes it back (the giver, by default). */
  giver: string;
  turnIn: string;
  goal: QuestGoal;
  /** A mob kind (kill), an item kind (bring), an area's name (reach) or an NPC kind (talk). */
  target: string;
  /** How many: kills, items, or 1 for reach and talk. */
  count: number;
  /** The short name of the progress, "Rats" in "Rats 7/10". */
  label: string;
  /** Quests that must be handed in first. */
  requires: string[];
  /** What the giver says when offering it, and when it is handed in. */
  offer: string;
  thanks: string;
  xp: number;
  /** Item kinds given on hand-in, one each. */
  items: string[];
}

interface Known {
  items: Map<string, ItemKind>;
  mobs: Map<string, MobKind>;
  npcs: Map<string, NpcKind>;
}

const KEYS = [
  'name',
  'zone',
  'giver',
  'turnIn',
  'goal',
  'target',
  'count',
  'label',
  'requires',
  'offer',
  'thanks',
  'xp',
  'items',
];

/** Quests in file order (the order NPCs offer them in); problems name the file and the quest id. */
export function parseQuests(p: Problems, v: unknown, file: string, known: Known): Map<string, QuestKind> {
  const out = new Map<string, QuestKind>();
  const obj = p.object(file, v) ?? {};
  for (const [id, raw] of Object.entries(obj)) {
    const at = `${file} "${id}"`;
    p.id(at, id);
    const e = p.object(at, raw);
    if (!e) continue;
    p.keys(at, e, KEYS);
    const npc = (key: string, value: unknown, fallback?: string): string => {
      const kind = p.string(`${at} ${key}`, value, 40, fallback);
      if (kind && !known.npcs.has(kind)) p.add(`${at} ${key}`, `NPC "${kind}" is not in npcs.json`);
      return kind;
    };
    const giver = npc('giver', e.giver);
    const goal = p.oneOf(`${at} goal`, e.goal, QUEST_GOALS);
    const target = p.string(`${at} target`, e.target, 40);
    const single = goal === 'reach' || goal === 'talk';
    const count = p.int(`${at} count`, e.count, 1, single ? 1 : 1000, 1);
    const label = p.string(`${at} label`, e.label, 40, defaultLabel(goal, target, known));
    checkTarget(p, at, goal, target, known);
    const items = p.array(`${at} items`, e.items ?? []).map((raw, i) => {
      const item = p.string(`${at} items[${i}]`, raw, 40);
      if (item && !known.items.has(item)) p.add(`${at} items[${i}]`, `item "${item}" is not in items.json`);
      return item;
    });
    const requires = p
      .array(`${at} requires`, e.requires ?? [])
      .map((raw, i) => p.string(`${at} requires[${i}]`, raw, 40));
    out.set(id, {
      id,
      name: p.string(`${at} name`, e.name, 40),
      zone: p.string(`${at} zone`, e.zone, 40),
      giver,
      turnIn: npc('turnIn', e.turnIn, giver),
      goal,
      target,
      count,
      label,
      requires,
      offer: p.string(`${at} offer`, e.offer, 300),
      thanks: p.string(`${at} thanks`, e.thanks, 300),
      xp: p.int(`${at} xp`, e.xp, 0, 100000, 0),
      items,
    });
  }
  checkChains(p, file, out);
  return out;
}

function defaultLabel(goal: QuestGoal, target: string, known: Known): string {
  const name =
    goal === 'kill'
      ? known.mobs.get(target)?.name
      : goal === 'bring'
        ? known.items.get(target)?.name
        : goal === 'talk'
          ? known.npcs.get(target)?.name
          : target.replace(/_/g, ' ');
  return name ?? (target || 'Progress');
}

function checkTarget(p: Problems, at: string, goal: QuestGoal, target: string, known: Known): void {
  if (!target) return;
  const where = `${at} target`;
  if (goal === 'kill' && !known.mobs.has(target)) p.add(where, `mob "${target}" is not in mobs.json`);
  if (goal === 'talk' && !known.npcs.has(target)) p.add(where, `NPC "${target}" is not in npcs.json`);
  if (goal === 'bring') {
    const item = known.items.get(target);
    if (!item) p.add(where, `item "${target}" is not in items.json`);
    else if (![...known.mobs.values()].some((m) => m.drops.some((d) => d.item === target)))
      // Chests can hold it too; quest-checks.ts looks there with the maps in hand.
      p.warn(where, `item "${target}" is in no mob's drops in mobs.json; make sure a chest holds it`);
  }
}

/** Every `requires` names a quest in the file, and no chain leads back to where it started. */
function checkChains(p: Problems, file: string, quests: Map<string, QuestKind>): void {
  for (const q of quests.values()) {
    for (const r of q.requires) {
      if (r && !quests.has(r)) p.add(`${file} "${q.id}" requires`, `quest "${r}" is not in this file`);
      if (r === q.id) p.add(`${file} "${q.id}" requires`, 'a quest cannot require itself');
    }
  }
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (id: string, path: string[]): void => {
    if (state.get(id) === 'done') return;
    if (state.get(id) === 'visiting') {
      const loop = [...path.slice(path.indexOf(id)), id];
      if (loop.length > 2)
        p.add(`${file} "${id}" requires`, `a chain leads back to it: ${loop.join(' -> ')}`);
      return;
    }
    state.set(id, 'visiting');
    for (const r of quests.get(id)?.requires ?? []) if (quests.has(r)) visit(r, [...path, id]);
    state.set(id, 'done');
  };
  for (const id of quests.keys()) visit(id, []);
}
