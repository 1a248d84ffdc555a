// When to announce a zone: once on entering it, not on every step inside, and not again for a while when
// the player walks back and forth across its edge.

/** Re-entering the zone last announced within this many ms shows nothing. */
export const REPEAT_MS = 30_000;

export class ZoneWatch {
  private current = '';
  private last = { title: '', at: -Infinity };

  constructor(private readonly repeatMs = REPEAT_MS) {}

  /** The place the player stands in now; true when its name should be shown. */
  see(title: string, now: number): boolean {
    if (title === this.current) return false;
    this.current = title;
    if (!title) return false;
    if (title === this.last.title && now - this.last.at < this.repeatMs) return false;
    this.last = { title, at: now };
    return true;
  }

  /** Another map, or back on the title screen: the next place seen is entered anew. */
  reset(): void {
    this.current = '';
  }

  /** The place the player stands in ('' before any). */
  get title(): string {
    return this.current;
  }
}
