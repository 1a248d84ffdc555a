// The cluster test's invariants, checked all the time (every 200 ms) while it plays and injects faults:
// who each world process says it seats (GET /admin/players, with the lease epoch it holds) against the
// characters' rows in PostgreSQL. A character is live in a world when that world seats it under the
// row's current owner and epoch, so it is live in at most one; a world that seats it under a lease the
// row no longer has (a paused world, a hop under way) must let it go within seconds. And each
// character's saved progress (its chat counter) never goes down: no save lands from a stale copy.
import type pg from 'pg';

/** How long a world may seat a character whose lease it no longer holds. */
export const STALE_LIMIT_MS = 5000;

export interface SampledProcess {
  key: string;
  /** http://host:port/ of the process itself (not through nginx). */
  url: string;
}

interface Row {
  name: string;
  owner: string | null;
  epoch: number;
  said: number;
}

export class ClusterSampler {
  rounds = 0;
  /** Rounds in which PostgreSQL could not be read (it was down), and process answers missed. */
  dbGaps = 0;
  rosterGaps = 0;
  readonly violations: string[] = [];
  /** Longest a world went on seating a character whose lease it no longer held, and the count of such. */
  longestStaleMs = 0;
  staleSeen = 0;
  /** Most characters seated in two worlds in one round (all but one of them stale). */
  doubleSeated = 0;
  private readonly progress = new Map<string, number>();
  private readonly staleSince = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;
  private round: Promise<void> | null = null;

  constructor(
    private readonly db: Pick<pg.Pool, 'query'>,
    /** The processes running (not killed or paused) right now. */
    private readonly processes: () => SampledProcess[],
    private readonly adminToken: string,
    private readonly everyMs = 200,
    private readonly staleLimitMs = STALE_LIMIT_MS,
  ) {}

  start(): void {
    this.timer = setInterval(() => {
      if (!this.round) this.round = this.sample().finally(() => (this.round = null));
    }, this.everyMs);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.round;
  }

  /** One round now (also the end check). */
  async sample(): Promise<void> {
    const [rows, seated] = await Promise.all([this.rows(), this.seated()]);
    this.rounds++;
    if (!rows) return void this.dbGaps++;
    const byName = new Map(rows.map((r) => [r.name, r]));
    for (const r of rows) {
      const before = this.progress.get(r.name) ?? 0;
      if (r.said < before)
        this.violations.push(`${r.name}'s saved progress went back from ${before} to ${r.said}`);
      this.progress.set(r.name, Math.max(before, r.said));
    }
    const now = performance.now();
    const seen = new Set<string>();
    const worldsOf = new Map<string, number>();
    const liveIn = new Map<string, string[]>();
    for (const { world, name, epoch } of seated) {
      worldsOf.set(name, (worldsOf.get(name) ?? 0) + 1);
      const row = byName.get(name);
      if (row && row.owner === world && row.epoch === epoch) {
        liveIn.set(name, [...(liveIn.get(name) ?? []), world]);
        continue;
      }
      const key = `${name} in ${world} (epoch ${epoch})`;
      seen.add(key);
      if (!this.staleSince.has(key)) {
        this.staleSince.set(key, now);
        this.staleSeen++;
      }
      const ms = now - this.staleSince.get(key)!;
      this.longestStaleMs = Math.max(this.longestStaleMs, Math.round(ms));
      if (ms > this.staleLimitMs && !this.violations.some((v) => v.startsWith(key)))
        this.violations.push(`${key} stayed seated ${Math.round(ms)} ms after the row's lease moved on`);
    }
    for (const [name, worlds] of liveIn)
      if (worlds.length > 1) this.violations.push(`${name} is live in ${worlds.join(' and ')}`);
    this.doubleSeated = Math.max(this.doubleSeated, [...worldsOf.values()].filter((n) => n > 1).length);
    // A stale seat not seen this round is gone (or its process was paused or did not answer: from when it
    // answers again, it has the same few seconds to let go).
    for (const key of [...this.staleSince.keys()]) if (!seen.has(key)) this.staleSince.delete(key);
  }

  private async rows(): Promise<Row[] | null> {
    try {
      const { rows } = await this.db.query<{
        name: string;
        owner: string | null;
        epoch: string;
        character: string;
      }>('SELECT name, owner, epoch, character FROM characters');
      return rows.map((r) => ({
        name: r.name,
        owner: r.owner,
        epoch: Number(r.epoch),
        said: (JSON.parse(r.character) as { counters?: Record<string, number> }).counters?.['chat:any'] ?? 0,
      }));
    } catch {
      return null;
    }
  }

  private async seated(): Promise<{ world: string; name: string; epoch: number }[]> {
    const answers = await Promise.all(
      this.processes().map(async (p) => {
        try {
          const res = await fetch(new URL('/admin/players', p.url), {
            headers: { authorization: `Bearer ${this.adminToken}` },
            signal: AbortSignal.timeout(1000),
          });
          const body = (await res.json()) as { worlds: Record<string, [string, number][]> };
          return Object.entries(body.worlds).flatMap(([world, list]) =>
            list.map(([name, epoch]) => ({ world, name, epoch })),
          );
        } catch {
          this.rosterGaps++;
          return [];
        }
      }),
    );
    return answers.flat();
  }
}
