// The chat log's lines, kept apart by kind so a flood of one kind cannot push out another: forty
// "You defeated a rat." lines drop older kill lines, never "Level 2!" nor what people said. Pure.

/** chat: players; npc: villagers; game: routine events (kills, loot); milestone: levels, deaths, checkpoints. */
export type LineKind = 'chat' | 'npc' | 'game' | 'milestone';

/** Which lines a tab of the log shows. */
export type LogFilter = 'all' | 'chat' | 'game';

export interface LogLine {
  id: number;
  kind: LineKind;
  speaker: string;
  text: string;
}

/** Lines kept per kind. */
const CAPS: Record<LineKind, number> = { chat: 60, npc: 30, game: 30, milestone: 30 };

const MILESTONE = /^(Level \d+!|Slain by|You have fallen|Checkpoint|Achievement)/;

/** Game notices that mark progress stay; routine ones (kills, loot, chests) are the first to go. */
export function kindOfNotice(text: string): LineKind {
  return MILESTONE.test(text) ? 'milestone' : 'game';
}

export function shownBy(filter: LogFilter, kind: LineKind): boolean {
  if (filter === 'all') return true;
  if (filter === 'chat') return kind === 'chat' || kind === 'npc';
  return kind === 'game' || kind === 'milestone';
}

export class ChatLines {
  private readonly lines: LogLine[] = [];
  private nextId = 1;

  constructor(private readonly caps: Record<LineKind, number> = CAPS) {}

  /** Adds a line; returns it and the lines that dropped out to make room. */
  add(kind: LineKind, speaker: string, text: string): { line: LogLine; dropped: LogLine[] } {
    const line = { id: this.nextId++, kind, speaker, text };
    this.lines.push(line);
    const dropped: LogLine[] = [];
    let ofKind = this.lines.filter((l) => l.kind === kind).length;
    for (let i = 0; ofKind > this.caps[kind] && i < this.lines.length;) {
      if (this.lines[i]!.kind === kind) {
        dropped.push(...this.lines.splice(i, 1));
        ofKind--;
      } else i++;
    }
    return { line, dropped };
  }

  shown(filter: LogFilter = 'all'): LogLine[] {
    return this.lines.filter((l) => shownBy(filter, l.kind));
  }
}
