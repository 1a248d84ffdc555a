// Helpers for writing tunes from a chord chart ("G | Em | Am D | G", chords sharing a bar evenly):
// the chords as block chords or broken chords, a bass figure over each chord's root, and checks.
import { midiOf, nameOf } from '../notes.ts';

const QUALITIES: Record<string, number[]> = {
  '': [0, 4, 7],
  m: [0, 3, 7],
  dim: [0, 3, 6],
  dim7: [0, 3, 6, 9],
  aug: [0, 4, 8],
  sus4: [0, 5, 7],
  '7': [0, 4, 7, 10],
  m7: [0, 3, 7, 10],
  maj7: [0, 4, 7, 11],
};

export interface ChartChord {
  /** MIDI number of the root in octave 0 (C0 = 12), to be moved up to where a part plays it. */
  root: number;
  intervals: number[];
  steps: number;
}

/** Reads a chord chart; every bar lasts `barSteps` and its chords share it evenly. */
export function readChart(chart: string, barSteps: number): ChartChord[] {
  const chords: ChartChord[] = [];
  for (const bar of chart.split('|')) {
    const symbols = bar.trim().split(/\s+/).filter(Boolean);
    if (barSteps % symbols.length !== 0)
      throw new Error(`cannot share ${barSteps} steps among "${bar.trim()}"`);
    for (const symbol of symbols) {
      const m = /^([A-G][#b]?)(.*)$/.exec(symbol);
      const intervals = m ? QUALITIES[m[2] ?? ''] : undefined;
      if (!m || !intervals) throw new Error(`"${symbol}" is not a chord this chart knows`);
      chords.push({ root: midiOf(`${m[1]}0`), intervals, steps: barSteps / symbols.length });
    }
  }
  return chords;
}

/** Joins per-chord token lists into a pattern with bar lines every `barSteps`. */
function withBars(tokens: { text: string; steps: number }[], barSteps: number): string {
  let out = '';
  let filled = 0;
  for (const t of tokens) {
    if (filled > 0 && filled % barSteps === 0) out += ' |';
    out += ` ${t.steps === 1 ? t.text : `${t.text}*${t.steps}`}`;
    filled += t.steps;
  }
  return out.trim();
}

/** Each chord held for its whole length, root in the given octave ("G4/B4/D5*8"). */
export function blockChords(chart: string, barSteps: number, octave: number): string {
  const tokens = readChart(chart, barSteps).flatMap((c) => {
    const notes = c.intervals.map((i) => nameOf(c.root + 12 * octave + i)).join('/');
    // Split at bar lines so the pattern's bars stay checkable.
    const parts: { text: string; steps: number }[] = [];
    for (let left = c.steps; left > 0; left -= Math.min(left, barSteps)) {
      parts.push({ text: notes, steps: Math.min(left, barSteps) });
    }
    return parts;
  });
  return withBars(tokens, barSteps);
}

/**
 * A figure over each chord: numbers are chord-tone indexes (0 root, 1 third, 2 fifth, 3 octave or
 * seventh; add 10 per octave up, so 10 is the root an octave higher), "-" holds, "r" rests. The figure
 * cycles for the chord's length.
 */
export function figure(
  chart: string,
  barSteps: number,
  octave: number,
  shape: (number | '-' | 'r')[],
): string {
  const tokens: { text: string; steps: number }[] = [];
  for (const c of readChart(chart, barSteps)) {
    for (let s = 0; s < c.steps; s++) {
      const f = shape[s % shape.length] ?? 'r';
      if (f === '-' || f === 'r') {
        tokens.push({ text: f, steps: 1 });
        continue;
      }
      const index = f % 10;
      const up = Math.floor(f / 10);
      const interval =
        index < c.intervals.length
          ? (c.intervals[index] ?? 0)
          : 12 + (c.intervals[index - c.intervals.length] ?? 0);
      tokens.push({ text: nameOf(c.root + 12 * (octave + up) + interval), steps: 1 });
    }
  }
  return withBars(tokens, barSteps);
}

/** Like `figure`, but the numbers are semitones above each chord's root ("-" holds, "r" rests). */
export function semitoneFigure(
  chart: string,
  barSteps: number,
  octave: number,
  shape: (number | '-' | 'r')[],
): string {
  const tokens: { text: string; steps: number }[] = [];
  for (const c of readChart(chart, barSteps)) {
    for (let s = 0; s < c.steps; s++) {
      const f = shape[s % shape.length] ?? 'r';
      tokens.push({ text: typeof f === 'number' ? nameOf(c.root + 12 * octave + f) : f, steps: 1 });
    }
  }
  return withBars(tokens, barSteps);
}

/** A pattern string repeated, bar lines kept. */
export function repeat(pattern: string, times: number): string {
  return Array.from({ length: times }, () => pattern).join(' | ');
}
