// What the minimap and the world map mark besides the map itself: party members, quest targets and the
// NPCs with a quest to give (`!`) or to take back (`?`). The party and quest code put what the server
// told them here; the maps read it and redraw on a change, so
// neither side knows the other.

/** A place on a map: a tile of the map at `map` (its path under assets/, as in state().map). */
export interface MapMark {
  /** Shown beside the mark (a member's name, a quest's title). */
  label: string;
  map: string;
  x: number;
  y: number;
}

export interface MapMarks {
  party: readonly MapMark[];
  quests: readonly MapMark[];
  /** NPCs with a quest to give: the `!` over them. */
  offers: readonly MapMark[];
  /** NPCs a finished quest goes back to: the `?` over them. */
  handIns: readonly MapMark[];
}

type Listener = (marks: MapMarks) => void;

let marks: MapMarks = { party: [], quests: [], offers: [], handIns: [] };
const listeners = new Set<Listener>();

export function currentMarks(): MapMarks {
  return marks;
}

/** Replaces one kind of mark (the party's, or the quests') and tells every map. */
export function setMarks(kind: keyof MapMarks, list: readonly MapMark[]): void {
  marks = { ...marks, [kind]: list };
  for (const listener of listeners) listener(marks);
}

/** Calls `listener` on every change; returns the function that stops it. */
export function onMarks(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
