// Types and loaders for the game's JSON data (assets/data/*.json): items, mobs, NPCs and achievements.
// Every problem is collected with the file and the entry it is in, and cross-references are checked.
import { ContentError } from './world-map.ts';
import { Problems } from './check.ts';
import { parseMusic, type MusicKind } from './music.ts';
import { parseQuests, type QuestKind } from './quests.ts';

/** `quest`: an item kept in the bag for a quest ("bring N"), neither worn nor drunk. */
export type ItemType = 'weapon' | 'armor' | 'consumable' | 'quest';

export interface ItemKind {
  id: string;
  name: string;
  type: ItemType;
  /** Weapon or armor strength (1 = starter). */
  level: number;
  /** HP restored by a consumable. */
  heal: number;
  /** Seconds of invulnerability a consumable gives. */
  invulnerableSeconds: number;
}

export interface Drop {
  item: string;
  /** Chance per kill, 0..1; a kill drops at most one item. */
  chance: number;
}

export interface MobKind {
  id: string;
  name: string;
  /** The level a player should have to fight it: shown to players, checked against its zone. */
  level: number;
  hp: number;
  armor: number;
  weapon: number;
  /** Ticks to cross one tile. */
  stepTicks: number;
  /** Ticks between attacks. */
  attackTicks: number;
  /** Tiles at which it notices a player; 0 = it only fights back. */
  aggroRadius: number;
  /** Tiles from its home before it gives up and walks back. */
  leash: number;
  respawnSeconds: number;
  xp: number;
  boss: boolean;
  drops: Drop[];
}

export interface NpcKind {
  id: string;
  name: string;
  lines: string[];
}

export const ACHIEVEMENT_RULES = [
  'kills',
  'equip',
  'talk',
  'hear',
  'reach',
  'level',
  'loot',
  'deaths',
  'chat',
] as const;
export type AchievementRule = (typeof ACHIEVEMENT_RULES)[number];

export interface Achievement {
  id: string;
  name: string;
  description: string;
  hidden: boolean;
  rule: AchievementRule;
  /** What the rule counts: a mob, item, NPC or map area id, or "any". */
  target: string;
  count: number;
}

export interface GameData {
  items: Map<string, ItemKind>;
  mobs: Map<string, MobKind>;
  npcs: Map<string, NpcKind>;
  achievements: Achievement[];
  /** The music tracks; absent when the files given had no music list (tests built in code). */
  music?: Map<string, MusicKind>;
  /** The quests (quests.ts), in file order; absent when the files given had no quest list (tests built in code). */
  quests?: Map<string, QuestKind>;
  /** Findings that do not stop the game (unknown keys): the server logs them, the checker lists them. */
  warnings?: readonly string[];
}

/** The data files under assets/data (each `<name>.json`): the one list server, client and tools read. */
export const DATA_FILES = ['items', 'mobs', 'npcs', 'achievements', 'music', 'quests'] as const;
export type DataFileName = (typeof DATA_FILES)[number];
export type DataFiles = Record<DataFileName, unknown>;

/** Every data file, each as `read` gives it (its parsed JSON). */
export function readDataFiles(read: (name: DataFileName) => unknown): DataFiles {
  return Object.fromEntries(DATA_FILES.map((name) => [name, read(name)])) as DataFiles;
}

/** Parses and cross-checks the four data files; throws a ContentError listing every problem. */
export function parseGameData(files: DataFiles, dir = 'assets/data'): GameData {
  const p = new Problems();
  const items = parseItems(p, files.items, `${dir}/items.json`);
  const mobs = parseMobs(p, files.mobs, `${dir}/mobs.json`, items);
  const npcs = parseNpcs(p, files.npcs, `${dir}/npcs.json`);
  const achievements = parseAchievements(p, files.achievements, `${dir}/achievements.json`, {
    items,
    mobs,
    npcs,
  });
  const music = files.music === undefined ? undefined : parseMusic(p, files.music, `${dir}/music.json`);
  const quests =
    files.quests === undefined
      ? undefined
      : parseQuests(p, files.quests, `${dir}/quests.json`, { items, mobs, npcs });
  for (const type of ['weapon', 'armor'] as const) {
    if (![...items.values()].some((i) => i.type === type && i.level === 1)) {
      p.add(`${dir}/items.json`, `needs a level 1 ${type}: every new character starts with one`);
    }
  }
  if (p.list.length) throw new ContentError(dir, p.list, p.warnings);
  return { items, mobs, npcs, achievements, music, quests, warnings: p.warnings };
}

function entries(p: Problems, where: string, v: unknown): [string, Record<string, unknown>][] {
  const obj = p.object(where, v);
  if (!obj) return [];
  return Object.entries(obj).flatMap(([id, entry]) => {
    p.id(`${where} "${id}"`, id);
    const e = p.object(`${where} "${id}"`, entry);
    return e ? [[id, e] as [string, Record<string, unknown>]] : [];
  });
}

function parseItems(p: Problems, v: unknown, file: string): Map<string, ItemKind> {
  const out = new Map<string, ItemKind>();
  for (const [id, e] of entries(p, file, v)) {
    const at = `${file} "${id}"`;
    p.keys(at, e, ['name', 'type', 'level', 'heal', 'invulnerableSeconds']);
    const type = p.oneOf(`${at} type`, e.type, ['weapon', 'armor', 'consumable', 'quest'] as const);
    const item: ItemKind = {
      id,
      name: p.string(`${at} name`, e.name, 40),
      type,
      level: type === 'consumable' || type === 'quest' ? 0 : p.int(`${at} level`, e.level, 1, 100),
      heal: p.int(`${at} heal`, e.heal, 0, 10000, 0),
      invulnerableSeconds: p.number(`${at} invulnerableSeconds`, e.invulnerableSeconds, 0, 600, 0),
    };
    if (type === 'consumable' && item.heal === 0 && item.invulnerableSeconds === 0) {
      p.add(at, 'a consumable needs heal or invulnerableSeconds');
    }
    out.set(id, item);
  }
  return out;
}

const MOB_KEYS = [
  'name',
  'level',
  'hp',
  'armor',
  'weapon',
  'stepTicks',
  'attackTicks',
  'aggroRadius',
  'leash',
  'respawnSeconds',
  'xp',
  'boss',
  'drops',
];

function parseMobs(
  p: Problems,
  v: unknown,
  file: string,
  items: Map<string, ItemKind>,
): Map<string, MobKind> {
  const out = new Map<string, MobKind>();
  for (const [id, e] of entries(p, file, v)) {
    const at = `${file} "${id}"`;
    p.keys(at, e, MOB_KEYS);
    const drops = p.array(`${at} drops`, e.drops ?? []).map((d, i) => {
      const drop = p.object(`${at} drops[${i}]`, d) ?? {};
      p.keys(`${at} drops[${i}]`, drop, ['item', 'chance']);
      const item = p.string(`${at} drops[${i}].item`, drop.item, 40);
      if (item && !items.has(item)) p.add(`${at} drops[${i}]`, `item "${item}" is not in items.json`);
      return { item, chance: p.number(`${at} drops[${i}].chance`, drop.chance, 0, 1) };
    });
    const total = drops.reduce((sum, d) => sum + d.chance, 0);
    if (total > 1 + 1e-9) p.add(`${at} drops`, `chances add up to ${total.toFixed(2)}, more than 1`);
    out.set(id, {
      id,
      name: p.string(`${at} name`, e.name, 40),
      level: p.int(`${at} level`, e.level, 1, 100),
      hp: p.int(`${at} hp`, e.hp, 1, 100000),
      armor: p.int(`${at} armor`, e.armor, 0, 100),
      weapon: p.int(`${at} weapon`, e.weapon, 0, 100),
      stepTicks: p.int(`${at} stepTicks`, e.stepTicks, 1, 40, 4),
      attackTicks: p.int(`${at} attackTicks`, e.attackTicks, 4, 200, 20),
      aggroRadius: p.int(`${at} aggroRadius`, e.aggroRadius, 0, 20, 0),
      leash: p.int(`${at} leash`, e.leash, 2, 60, 10),
      respawnSeconds: p.number(`${at} respawnSeconds`, e.respawnSeconds, 1, 3600, 30),
      xp: p.int(`${at} xp`, e.xp, 0, 100000),
      boss: p.bool(`${at} boss`, e.boss, false),
      drops,
    });
  }
  return out;
}

function parseNpcs(p: Problems, v: unknown, file: string): Map<string, NpcKind> {
  const out = new Map<string, NpcKind>();
  for (const [id, e] of entries(p, file, v)) {
    const at = `${file} "${id}"`;
    p.keys(at, e, ['name', 'lines']);
    const lines = p.array(`${at} lines`, e.lines).map((l, i) => p.string(`${at} lines[${i}]`, l, 200));
    if (lines.length === 0) p.add(at, 'needs at least one line');
    out.set(id, { id, name: p.string(`${at} name`, e.name, 40), lines });
  }
  return out;
}

interface Known {
  items: Map<string, ItemKind>;
  mobs: Map<string, MobKind>;
  npcs: Map<string, NpcKind>;
}

function parseAchievements(p: Problems, v: unknown, file: string, known: Known): Achievement[] {
  const seen = new Set<string>();
  return p.array(file, v).map((raw, i) => {
    const e = p.object(`${file}[${i}]`, raw) ?? {};
    const id = p.string(`${file}[${i}] id`, e.id, 40);
    const at = `${file} "${id}"`;
    p.id(at, id);
    p.keys(at, e, ['id', 'name', 'description', 'hidden', 'rule', 'target', 'count']);
    if (seen.has(id)) p.add(at, 'is listed twice');
    seen.add(id);
    const rule = p.oneOf(`${at} rule`, e.rule, ACHIEVEMENT_RULES);
    const target = p.string(`${at} target`, e.target, 40, 'any');
    const lists: Partial<Record<AchievementRule, Map<string, unknown>>> = {
      kills: known.mobs,
      equip: known.items,
      loot: known.items,
      talk: known.npcs,
      hear: known.npcs,
    };
    const list = lists[rule];
    const itemType = rule === 'equip' && (target === 'weapon' || target === 'armor');
    if (list && target !== 'any' && !itemType && !list.has(target))
      p.add(at, `target "${target}" is not a known ${rule} target`);
    return {
      id,
      name: p.string(`${at} name`, e.name, 40),
      description: p.string(`${at} description`, e.description, 160),
      hidden: p.bool(`${at} hidden`, e.hidden, false),
      rule,
      target,
      count: p.int(`${at} count`, e.count, 1, 1_000_000, 1),
    };
  });
}
