// Note names to pitches: "A4" is 440 Hz, "C#5"/"Db5" a sharp or flat, equal temperament.
const SEMITONE: Record<string, number> = { C: 0, D: 2, E: 4, F: 5, G: 7, A: 9, B: 11 };

/** MIDI number of a note name such as "C4", "F#3" or "Bb5". */
export function midiOf(name: string): number {
  const m = /^([A-Ga-g])(#|b)?(-?\d)$/.exec(name);
  if (!m) throw new Error(`"${name}" is not a note name (try C4, F#3, Bb5)`);
  const [, letter = 'C', accidental, octave = '4'] = m;
  const base = SEMITONE[letter.toUpperCase()] ?? 0;
  const shift = accidental === '#' ? 1 : accidental === 'b' ? -1 : 0;
  return 12 * (Number(octave) + 1) + base + shift;
}

export function midiToHz(midi: number): number {
  return 440 * Math.pow(2, (midi - 69) / 12);
}

export function hz(name: string): number {
  return midiToHz(midiOf(name));
}

const NAMES = ['C', 'C#', 'D', 'D#', 'E', 'F', 'F#', 'G', 'G#', 'A', 'A#', 'B'];

/** The name of a MIDI note, with sharps ("C#4"). */
export function nameOf(midi: number): string {
  return `${NAMES[((midi % 12) + 12) % 12]}${Math.floor(midi / 12) - 1}`;
}
