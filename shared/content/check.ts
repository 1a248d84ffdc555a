// Small checkers for JSON data files: each returns the value or records a problem naming where it is.

export class Problems {
  readonly list: string[] = [];
  /** Things that work but are probably not what the modder meant (the second tier: reported, not refused). */
  readonly warnings: string[] = [];

  add(where: string, what: string): void {
    this.list.push(`${where}: ${what}`);
  }

  warn(where: string, what: string): void {
    this.warnings.push(`${where}: ${what}`);
  }

  /** A key the game does not read is most often a typo of one it does, which then silently keeps its default. */
  keys(where: string, entry: Record<string, unknown>, known: readonly string[]): void {
    for (const key of Object.keys(entry)) {
      if (!known.includes(key))
        this.warn(
          where,
          `has an unknown key "${key}", which the game ignores; known keys: ${known.join(', ')}`,
        );
    }
  }

  object(where: string, v: unknown): Record<string, unknown> | null {
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) return v as Record<string, unknown>;
    this.add(where, 'must be an object');
    return null;
  }

  number(where: string, v: unknown, min: number, max: number, fallback?: number): number {
    if (v === undefined && fallback !== undefined) return fallback;
    if (typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max) return v;
    this.add(
      where,
      `must be a number from ${min} to ${max}${v === undefined ? ' (missing)' : `, got ${JSON.stringify(v)}`}`,
    );
    return fallback ?? min;
  }

  int(where: string, v: unknown, min: number, max: number, fallback?: number): number {
    const n = this.number(where, v, min, max, fallback);
    if (!Number.isInteger(n)) this.add(where, `must be a whole number, got ${n}`);
    return Math.round(n);
  }

  string(where: string, v: unknown, maxLength: number, fallback?: string): string {
    if (v === undefined && fallback !== undefined) return fallback;
    if (typeof v === 'string' && v.length > 0 && v.length <= maxLength) return v;
    this.add(where, `must be text of 1 to ${maxLength} characters${v === undefined ? ' (missing)' : ''}`);
    return fallback ?? '';
  }

  oneOf<T extends string>(where: string, v: unknown, options: readonly T[]): T {
    if (typeof v === 'string' && (options as readonly string[]).includes(v)) return v as T;
    this.add(where, `must be one of ${options.join(', ')}, got ${JSON.stringify(v)}`);
    return options[0]!;
  }

  bool(where: string, v: unknown, fallback: boolean): boolean {
    if (v === undefined) return fallback;
    if (typeof v === 'boolean') return v;
    this.add(where, 'must be true or false');
    return fallback;
  }

  array(where: string, v: unknown): unknown[] {
    if (Array.isArray(v)) return v;
    this.add(where, 'must be a list');
    return [];
  }

  /** Ids are the names maps and other files use: lowercase words joined by _. */
  id(where: string, v: string): void {
    if (!/^[a-z][a-z0-9_]*$/.test(v)) this.add(where, `id "${v}" must be lowercase letters, digits and _`);
  }
}
