// The playthrough's log book: per zone (the map's music areas), when the bot first arrived, at what level
// and in what gear, and the kills and deaths it had there; and what a run is given and hands back.
import type { Stats } from '../../shared/protocol/view.ts';
import type { Atlas } from './playthrough-atlas.ts';
import { inside, type Stop, type Zone } from './playthrough-route.ts';

export interface ZoneRecord {
  zone: string;
  /**
   * Seconds since the character joined, by the server's clock: the server has no faster-than-real
   * setting, so sim time runs at wall speed and this is measured on the bot's clock.
   */
  simSeconds: number;
  /** Seconds since the run started (server start included), on the wall clock. */
  wallSeconds: number;
  level: number;
  weapon: string;
  armor: string;
  /** Totals when the bot arrived. */
  killsBefore: number;
  deathsBefore: number;
  /** Kills and deaths while in this zone (over every visit). */
  kills: number;
  deaths: number;
}

export class ZoneBook {
  private readonly byName = new Map<string, ZoneRecord>();
  current = 'nowhere';
  private kills = 0;
  private deaths = 0;
  private readonly joined = performance.now();

  constructor(
    private readonly zones: readonly Zone[],
    /** performance.now() when the whole run started. */
    private readonly runStarted: number,
  ) {}

  at(tile: { x: number; y: number }, stats: Stats, now: number): void {
    const zone = this.zones.find((z) => inside(z.area, tile))?.name;
    if (!zone) return;
    this.current = zone;
    if (this.byName.has(zone)) return;
    this.byName.set(zone, {
      zone,
      simSeconds: Math.round((now - this.joined) / 1000),
      wallSeconds: Math.round((now - this.runStarted) / 1000),
      level: stats.level,
      weapon: stats.weapon,
      armor: stats.armor,
      killsBefore: this.kills,
      deathsBefore: this.deaths,
      kills: 0,
      deaths: 0,
    });
  }

  kill(): void {
    this.kills++;
    const r = this.byName.get(this.current);
    if (r) r.kills++;
  }

  death(): void {
    this.deaths++;
    const r = this.byName.get(this.current);
    if (r) r.deaths++;
  }

  arrivals(): number {
    return this.byName.size;
  }

  records(): ZoneRecord[] {
    return [...this.byName.values()];
  }

  totalKills(): number {
    return this.kills;
  }

  totalDeaths(): number {
    return this.deaths;
  }
}

/** What one run of the playthrough bot is given. */
export interface PlaythroughOptions {
  url: string;
  name: string;
  /** The token of a character already made (a test's seeded one); none for a fresh character. */
  token?: string;
  /** The realm's maps on one plane (playthrough-atlas.ts): its content is what the bot plans on. */
  atlas: Atlas;
  /** The road's stops in order; reaching the last one (killing it, for a mob) finishes the run. */
  stops: Stop[];
  /** Wall-clock budget for the whole run, in ms. */
  budgetMs: number;
  /** Finish early once this many zones have been arrived in. */
  zones?: number;
  /** Finish early once the first this many stops of the road are reached (the shorter run in tests). */
  finishAfterStops?: number;
  /** Longest stay hunting in one zone before walking on to the next regardless, in ms (default 4 min). */
  zoneCapMs?: number;
  /** A float in [0, 1), seeded by the caller. */
  random: () => number;
  log?: (line: string) => void;
}

/** What one run of the playthrough bot hands back. */
export interface PlaythroughResult {
  finished: boolean;
  /** Why the run ended: finished, out of time, the connection closed. */
  reason: string;
  /** Where the run ended and what held it up there (the strongest mob it turned back from). */
  stoppedIn: string;
  stoppedBefore: string;
  blockedBy: string | null;
  zones: ZoneRecord[];
  stopsReached: string[];
  seconds: number;
  level: number;
  weapon: string;
  armor: string;
  kills: number;
  /** Quests handed in (quests.json), taken from the NPCs along the road. */
  questsDone: number;
  deaths: number;
  killedBy: Record<string, number>;
  /** The bot's last log lines: what it did and why, for a failing test's message. */
  journal: string[];
  /** The character's token, to play it on (in a browser, say). */
  token: string | null;
}
