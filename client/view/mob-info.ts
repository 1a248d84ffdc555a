// What a player can read about a creature: its name and level from assets/data/mobs.json, how dangerous
// it is for the player's own level, and the line the death screen uses for whoever struck last.

export interface MobInfo {
  name: string;
  level: number;
  boss: boolean;
}

/** Danger of a fight, from the mob's level against the player's. */
export type Danger = 'trivial' | 'easy' | 'even' | 'hard' | 'deadly';

export const DANGER_COLOUR: Record<Danger, string> = {
  trivial: '#b9b2a8',
  easy: '#8fe07a',
  even: '#ffe28a',
  hard: '#ffa04a',
  deadly: '#ff5a4a',
};

export function dangerOf(mobLevel: number, playerLevel: number): Danger {
  const gap = mobLevel - playerLevel;
  if (gap <= -3) return 'trivial';
  if (gap < 0) return 'easy';
  if (gap === 0) return 'even';
  if (gap <= 2) return 'hard';
  return 'deadly';
}

/** Reads the mobs data file (already loaded as JSON) into a lookup; unknown kinds get their id. */
export function mobTable(raw: unknown): (kind: string) => MobInfo {
  const table = new Map<string, MobInfo>();
  if (raw && typeof raw === 'object') {
    for (const [id, value] of Object.entries(raw as Record<string, unknown>)) {
      const e = (value ?? {}) as { name?: unknown; level?: unknown; boss?: unknown };
      table.set(id, {
        name: typeof e.name === 'string' ? e.name : id,
        level: typeof e.level === 'number' ? e.level : 1,
        boss: e.boss === true,
      });
    }
  }
  return (kind) => table.get(kind) ?? { name: kind, level: 1, boss: false };
}

/** "Wolf · 6": the label over a creature. */
export function mobLabel(info: MobInfo): string {
  return `${info.name} · ${info.level}`;
}

export interface Killer {
  type: string;
  kind: string;
  name: string;
  level: number;
}

/** "Slain by a wolf, level 6", "Slain by the Ember Wyrm, level 18", "Slain by Ada, level 3". */
export function slainBy(killer: Killer | undefined, mob: (kind: string) => MobInfo): string {
  if (!killer) return 'You have fallen.';
  if (killer.type === 'mob') {
    const info = mob(killer.kind);
    const who = info.boss
      ? `the ${info.name}`
      : `${/^[aeiou]/i.test(info.name) ? 'an' : 'a'} ${info.name.toLowerCase()}`;
    return `Slain by ${who}, level ${info.level}`;
  }
  if (killer.type === 'player') return `Slain by ${killer.name}, level ${killer.level}`;
  return 'You have fallen.';
}
