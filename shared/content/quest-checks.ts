// What a quest needs of the realm's maps: its giver, the NPC it goes back to and the one it sends you to
// stand on some map, the mobs it asks for live on one, the place it names is an area on one, and the
// item it wants drops from a mob that lives somewhere or lies in a chest. Which map holds them does not
// matter (quests travel with the character): only the maps assets/realm.json plays count.
import type { GameData } from './game-data.ts';
import type { LoadedMap, RealmFinding } from './realm-checks.ts';

export function questFindings(
  data: GameData,
  maps: readonly LoadedMap[],
  file = 'assets/data/quests.json',
): RealmFinding[] {
  const out: RealmFinding[] = [];
  if (!data.quests) return out;
  const npcs = new Set(maps.flatMap((m) => m.placements.npcs.map((n) => n.kind)));
  const mobs = new Set(maps.flatMap((m) => m.placements.mobAreas.map((a) => a.kind)));
  const areas = new Set(maps.flatMap((m) => m.placements.areas.map((a) => a.name)));
  const inChests = new Set(maps.flatMap((m) => m.placements.chests.flatMap((c) => c.items)));
  const dropped = new Set(
    [...data.mobs.values()].filter((m) => mobs.has(m.id)).flatMap((m) => m.drops.map((d) => d.item)),
  );
  const mapList = maps.map((m) => m.file).join(', ');
  const error = (id: string, message: string): void =>
    void out.push({ level: 'error', file, message: `"${id}" ${message}` });
  for (const q of data.quests.values()) {
    const placedNpc = (role: string, kind: string): void => {
      if (!npcs.has(kind))
        error(
          q.id,
          `${role}: no map of the realm (${mapList}) has an NPC of kind "${kind}": place one (an npc ` +
            `object with kind "${kind}") or pick another NPC`,
        );
    };
    placedNpc('giver', q.giver);
    if (q.turnIn !== q.giver) placedNpc('turnIn', q.turnIn);
    if (q.goal === 'talk' && q.target !== q.turnIn) placedNpc('target', q.target);
    if (q.goal === 'kill' && !mobs.has(q.target))
      error(q.id, `target: no map of the realm has a mob area of "${q.target}", so none can be killed`);
    if (q.goal === 'reach' && !areas.has(q.target))
      error(
        q.id,
        `target: no map of the realm has an area object named "${q.target}": add one, or fix the name`,
      );
    if (q.goal === 'bring' && !dropped.has(q.target) && !inChests.has(q.target))
      error(
        q.id,
        `target: item "${q.target}" drops from no mob living on a map of the realm and lies in no ` +
          "chest: add it to a placed mob's drops in mobs.json or to a chest's items",
      );
  }
  return out;
}
