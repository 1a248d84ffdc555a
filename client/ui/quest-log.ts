// What the quest panel and the maps show of the quest log the server sent: each quest's line ("Rats 7/10",
// "Speak to Little Wren", "Done: back to Elder Maren") and where its target is on the map drawn now (the
// NPC who takes it back once done, else the mobs, area or NPC it asks for). Pure, so it is tested alone.
import type { QuestKind } from '../../shared/content/quests.ts';
import type { NpcMark } from '../../shared/protocol/server-messages.ts';
import type { MapObject } from '../../shared/content/world-map.ts';
import type { MapMark } from './map-marks.ts';

export interface QuestLogState {
  active: ReadonlyMap<string, number>;
  done: readonly string[];
}

export interface QuestRow {
  id: string;
  name: string;
  zone: string;
  /** What is left to do, or that it is done and where to take it. */
  line: string;
  progress: number;
  goal: number;
  done: boolean;
}

export const isFinished = (q: QuestKind, progress: number): boolean => progress >= q.count;

/** One quest's line: the progress toward its goal, or where to hand it in once finished. */
export function goalLine(q: QuestKind, progress: number, npcName: (kind: string) => string): string {
  if (isFinished(q, progress)) return `Done: back to ${npcName(q.turnIn)}`;
  switch (q.goal) {
    case 'kill':
    case 'bring':
      return `${q.label} ${progress}/${q.count}`;
    case 'talk':
      return `Speak to ${npcName(q.target)}`;
    case 'reach':
      return `Reach the ${q.label.toLowerCase()}`;
  }
}

/** The quests taken, in the log's order, each with its line (ids the data does not know are left out). */
export function activeRows(
  quests: ReadonlyMap<string, QuestKind>,
  log: QuestLogState,
  npcName: (kind: string) => string,
): QuestRow[] {
  return [...log.active].flatMap(([id, progress]) => {
    const q = quests.get(id);
    if (!q) return [];
    const line = goalLine(q, progress, npcName);
    return [{ id, name: q.name, zone: q.zone, line, progress, goal: q.count, done: isFinished(q, progress) }];
  });
}

/** A short account of what a quest pays: "40 XP, small potion". */
export function rewardLine(q: QuestKind, itemName: (id: string) => string): string {
  return [...(q.xp ? [`${q.xp} XP`] : []), ...q.items.map(itemName)].join(', ') || 'nothing but thanks';
}

/**
 * Where each quest taken points on the map drawn (`map`, a path under assets/): one mark per quest found
 * there. `droppedBy` names the mob kinds whose drops hold an item (for bring quests).
 */
export function questTargets(
  quests: ReadonlyMap<string, QuestKind>,
  log: QuestLogState,
  objects: readonly MapObject[],
  map: string,
  droppedBy: (item: string) => readonly string[] = () => [],
): MapMark[] {
  const marks: MapMark[] = [];
  for (const [id, progress] of log.active) {
    const q = quests.get(id);
    if (!q) continue;
    const target = targetObject(q, progress, objects, droppedBy);
    if (!target) continue;
    const { x, y, width, height } = target.area;
    marks.push({ label: q.name, map, x: x + Math.floor(width / 2), y: y + Math.floor(height / 2) });
  }
  return marks;
}

/**
 * Where the NPCs the server marked (`!` a quest to give, `?` one to take back, by NPC kind) stand on the
 * map drawn: every NPC of a marked kind placed there, whether in sight or not, labelled with its name.
 */
export function npcMarkPlaces(
  marks: ReadonlyMap<string, NpcMark>,
  objects: readonly MapObject[],
  map: string,
  npcName: (kind: string) => string,
): { offers: MapMark[]; handIns: MapMark[] } {
  const places = { offers: [] as MapMark[], handIns: [] as MapMark[] };
  for (const o of objects) {
    const kind = String(o.properties.kind ?? '');
    const mark = o.kind === 'npc' ? marks.get(kind) : undefined;
    if (!mark) continue;
    const { x, y, width, height } = o.area;
    const place = { label: npcName(kind), map, x: x + Math.floor(width / 2), y: y + Math.floor(height / 2) };
    (mark === '!' ? places.offers : places.handIns).push(place);
  }
  return places;
}

function targetObject(
  q: QuestKind,
  progress: number,
  objects: readonly MapObject[],
  droppedBy: (item: string) => readonly string[],
): MapObject | undefined {
  const npc = (kind: string) => objects.find((o) => o.kind === 'npc' && o.properties.kind === kind);
  const mobs = (kinds: readonly string[]) =>
    objects.find(
      (o) => (o.kind === 'mobArea' || o.kind === 'mob') && kinds.includes(String(o.properties.kind)),
    );
  if (isFinished(q, progress)) return npc(q.turnIn);
  switch (q.goal) {
    case 'talk':
      return npc(q.target);
    case 'reach':
      return objects.find((o) => o.kind === 'area' && o.name === q.target);
    case 'kill':
      return mobs([q.target]);
    case 'bring':
      return (
        mobs(droppedBy(q.target)) ??
        objects.find(
          (o) =>
            o.kind === 'chest' &&
            String(o.properties.items ?? '')
              .split(',')
              .includes(q.target),
        )
      );
  }
}
