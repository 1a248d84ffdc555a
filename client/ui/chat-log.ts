// The chat log's lines, kept apart by kind so a flood of one kind cannot push out another: forty
// "You defeated a rat." lines drop older kill lines, never "Level 2!" nor what people said. Pure.

/**
 * chat: players; whisper: a private line to or from us (speaker "To Ada" / "From Ada"); npc: villagers;
 * party: party chat (speaker "[Party] Ada"); game: routine events (kills, loot); milestone: levels, deaths, checkpoints.
 */
export type LineKind = 'chat' | 'whisper' | 'party' | 'npc' | 'game' | 'milestone';

/** Which lines a tab of the log shows. */
export type LogFilter = 'all' | 'chat' | 'game';

export interface LogLine {
  id: number;
  kind: LineKind;
  speaker: string;
  text: string;
  /** The same line said again straight after is counted here, not repeated ("You defeated a rat. ×3"). */
  times: number;
}

/** Lines kept per kind. */
const CAPS: Record<LineKind, number> = {
  chat: 60,
  whisper: 30,
  party: 30,
  npc: 30,
  game: 30,
  milestone: 30,
};

const MILESTONE = /^(Level \d+!|Slain by|You have fallen|Checkpoint|Achievement|Quest (taken|complete))/;

/** Game notices that mark progress stay; routine ones (kills, loot, chests) are the first to go. */
export function kindOfNotice(text: string): LineKind {
  return MILESTONE.test(text) ? 'milestone' : 'game';
}

/** How a whisper is logged: who it went to (ours) or came from (theirs). `mine` compares names. */
export function whisperLine(
  w: { from: string; to: string; text: string },
  mine: (name: string) => boolean,
): { speaker: string; text: string } {
  return { speaker: mine(w.from) ? `To ${w.to}` : `From ${w.from}`, text: w.text };
}

export function shownBy(filter: LogFilter, kind: LineKind): boolean {
  if (filter === 'all') return true;
  if (filter === 'chat') return kind === 'chat' || kind === 'whisper' || kind === 'party' || kind === 'npc';
  return kind === 'game' || kind === 'milestone';
}

export class ChatLines {
  private readonly lines: LogLine[] = [];
  private nextId = 1;

  constructor(private readonly caps: Record<LineKind, number> = CAPS) {}

  /**
   * Adds a line; returns it and the lines that dropped out to make room. A repeat of the newest line
   * (same kind, speaker and text) is counted on it instead (`repeated`).
   */
  add(
    kind: LineKind,
    speaker: string,
    text: string,
  ): { line: LogLine; dropped: LogLine[]; repeated: boolean } {
    const last = this.lines.at(-1);
    if (last && last.kind === kind && last.speaker === speaker && last.text === text) {
      last.times++;
      return { line: last, dropped: [], repeated: true };
    }
    const line = { id: this.nextId++, kind, speaker, text, times: 1 };
    this.lines.push(line);
    const dropped: LogLine[] = [];
    let ofKind = this.lines.filter((l) => l.kind === kind).length;
    for (let i = 0; ofKind > this.caps[kind] && i < this.lines.length;) {
      if (this.lines[i]!.kind === kind) {
        dropped.push(...this.lines.splice(i, 1));
        ofKind--;
      } else i++;
    }
    return { line, dropped, repeated: false };
  }

  shown(filter: LogFilter = 'all'): LogLine[] {
    return this.lines.filter((l) => shownBy(filter, l.kind));
  }
}
