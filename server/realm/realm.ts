// The realm in one process: one composed game per world of realm.json (its own World, tick loop,
// interest cells, save queue and roster), the directory and bus they share, and the routing of a socket
// path to a world. app.ts wires it to the one HTTP server and the one gateway.
import type { Realm as RealmLayout, RealmWorld } from '../../shared/content/realm.ts';
import type { MapContent } from '../load-content.ts';
import type { GameData } from '../../shared/content/game-data.ts';
import { composeGame, type Game } from '../game.ts';
import type { Session } from '../net/session.ts';
import type { SocketWorld } from '../sockets.ts';
import { TickLoop, type Clock } from '../loop.ts';
import type { Store } from '../store/store.ts';
import type { Config } from '../config.ts';
import type { Log } from '../log.ts';
import { MemoryDirectory, type Directory } from './directory.ts';
import { MemoryBus, type Bus } from './bus.ts';
import { CrossWorldUnavailable, SteadyBus, SteadyDirectory } from './steady.ts';
import { WorldLink } from './world-link.ts';
import { MemoryParties, type Parties } from './parties.ts';
import { checkRealm } from '../../shared/content/realm-checks.ts';
import { announce, type Announced } from './announcements.ts';

export interface WorldRun extends SocketWorld {
  info: RealmWorld;
  game: Game;
  loop: TickLoop;
  link: WorldLink;
}

export interface RealmParts {
  config: Config;
  layout: RealmLayout;
  maps: ReadonlyMap<string, MapContent>;
  data: GameData;
  store: Store;
  log: Log;
  clock: Clock;
  mayCreateCharacter: (address: string) => boolean;
  /** After each world's tick: send its frames (the caller owns the gateway). */
  sent: (run: WorldRun, simulatedMs: number) => void;
  tickFailed: (run: WorldRun, err: unknown) => void;
  directory?: Directory;
  bus?: Bus;
  /** Parties across the realm's worlds; in-process if not given (not kept across a restart). */
  parties?: Parties;
}

/** One world in the GET /worlds listing. */
export interface WorldListing {
  id: string;
  title: string;
  map: string;
  players: number;
  maxPlayers: number;
  state: 'up' | 'full' | 'down';
}

/** Chore rounds (seconds) between the directory refreshes: well inside a Redis world entry's 15 s life. */
const REFRESH_ROUNDS = 5;

export class Realm {
  readonly layout: RealmLayout;
  readonly runs = new Map<string, WorldRun>();
  readonly directory: Directory;
  readonly bus: Bus;
  readonly parties: Parties;
  private readonly log: Log;
  readonly maps: ReadonlyMap<string, MapContent>;

  constructor(parts: RealmParts) {
    const { config, layout, store, log, clock } = parts;
    this.layout = layout;
    this.log = log;
    this.maps = parts.maps;
    const local = (): Record<string, number> =>
      Object.fromEntries([...this.runs].map(([id, run]) => [id, run.world.population]));
    this.directory = new SteadyDirectory(parts.directory ?? new MemoryDirectory(), local, log);
    this.bus = new SteadyBus(parts.bus ?? new MemoryBus());
    this.parties = parts.parties ?? new MemoryParties(() => clock.now());
    // WORLD_IDS: this process runs only these; the others run elsewhere (checked against the realm at start).
    const mine = config.worldIds ? new Set(config.worldIds) : null;
    layout.worlds.forEach((info, i) => {
      if (mine && !mine.has(info.id)) return;
      const content = parts.maps.get(info.map)!;
      const link = new WorldLink(this, info, log);
      const game = composeGame({
        config: { ...config, worldName: info.id, maxPlayers: info.maxPlayers, seed: config.seed + i },
        map: content.map,
        mapPath: info.map,
        data: parts.data,
        mapFile: content.file,
        store,
        log,
        now: () => clock.now(),
        mayCreateCharacter: parts.mayCreateCharacter,
        link,
      });
      const run: WorldRun = {
        info,
        game,
        link,
        world: game.world,
        host: game.roster,
        sessions: new Set<Session>(),
        loop: new TickLoop(
          clock,
          () => {
            const started = clock.now();
            game.world.tick();
            link.departures();
            parts.sent(run, clock.now() - started);
          },
          (err) => parts.tickFailed(run, err),
        ),
      };
      link.attach(game);
      this.runs.set(info.id, run);
    });
  }

  /**
   * The world sessions on plain `/ws` join: the first world of the start map with room (BrowserQuest's
   * rule), so clients that pick no world (old pages, bots, tests) meet. Spreading out is the picker's
   * job: it offers the least full. When every one is full, the first (whose join says so).
   */
  get home(): WorldRun | null {
    const start = [...this.runs.values()].filter((r) => r.info.map === this.layout.start);
    return start.find((r) => r.world.population < r.info.maxPlayers) ?? start[0] ?? null;
  }

  /** Players in a world of this process. */
  players(id: string): number {
    return this.runs.get(id)?.world.population ?? 0;
  }

  get population(): number {
    let n = 0;
    for (const run of this.runs.values()) n += run.world.population;
    return n;
  }

  /** The world a socket path names (`/ws/<id>`; '' for plain `/ws`), or why none. */
  route(rest: string): WorldRun | { refused: string } {
    if (rest === '')
      return this.home ?? { refused: 'This process runs no world of the start map: join /ws/<world>.' };
    const run = this.runs.get(rest);
    if (run) return run;
    const known = [...this.runs.keys()].join(', ');
    return { refused: `There is no world "${rest.slice(0, 40)}" in this realm (worlds: ${known}).` };
  }

  listing(): { total: number; start: string; worlds: WorldListing[] } {
    // Worlds of other processes as the directory last counted them (a world it does not list is down).
    const worlds = this.layout.worlds.map((info): WorldListing => {
      const here = this.runs.has(info.id);
      const players = here ? this.players(info.id) : (this.counted[info.id] ?? 0);
      const up = here || info.id in this.counted;
      const state = !up ? 'down' : players >= info.maxPlayers ? 'full' : 'up';
      return { id: info.id, title: info.title, map: info.map, players, maxPlayers: info.maxPlayers, state };
    });
    const total = worlds.reduce((n, w) => n + w.players, 0);
    return { total, start: this.layout.start, worlds };
  }

  /**
   * Live reload: the map `run` plays (and the data) replaced by newly loaded content, if the realm's
   * links still hold with it (a portal into it, or out of it, that lost its other end is refused). Throws,
   * changing nothing, when they do not; the world's own checks (size, placements) throw the same way.
   */
  replaceContent(run: WorldRun, content: MapContent, data: GameData, version: string): void {
    const next = new Map(this.maps);
    next.set(run.info.map, content);
    const { errors } = checkRealm(this.layout, next);
    if (errors.length > 0) throw new Error(`the realm's portals would break:\n  - ${errors.join('\n  - ')}`);
    run.world.replaceContent(content.map, data, content.file, version);
    (this.maps as Map<string, MapContent>).set(run.info.map, content);
  }

  /** The host's announcement to every world of the realm (every process's); see announcements.ts. */
  announce(text: string): Promise<Announced> {
    return announce(
      this.bus,
      this.layout.worlds.map((w) => w.id),
      text,
    );
  }

  /** Who plays in this process's worlds, with the lease epoch each holds (GET /admin/players). */
  seated(): Record<string, [name: string, epoch: number][]> {
    const out: Record<string, [string, number][]> = {};
    for (const [id, run] of this.runs)
      out[id] = [...run.world.players.values()].map((p) => [
        p.name,
        run.game.saver.lease(p.name)?.epoch ?? 0,
      ]);
    return out;
  }

  start(): void {
    for (const run of this.runs.values()) run.loop.start();
  }

  /** Once a second: saves, idle sessions and heartbeats in every world, and the population counts. */
  chores(): void {
    for (const run of this.runs.values()) run.game.chores();
    // Release requests that came through the store (another world wants one of ours; the bus may be down).
    for (const run of this.runs.values())
      void run.game.characters.releaseWanted(run.info.id).then((names) => {
        for (const name of names) run.game.roster.release(name);
      });
    void this.tellPopulation();
    // With Redis down the directory's warning says it already; parties wait for it like whispers.
    this.partyChores().catch((err: Error) => {
      if (!(err instanceof CrossWorldUnavailable)) this.log.warn(`Party upkeep failed: ${err.message}`);
    });
    // Every few seconds each world tells the directory all its players: a networked directory keeps
    // them alive by it (and forgets a dead process's), and gets back what it lost while it was down.
    if (++this.choreRounds % REFRESH_ROUNDS === 0)
      for (const run of this.runs.values()) void this.directory.refresh(run.info.id, run.link.entries());
  }

  private choreRounds = 0;

  /**
   * Invitations that lapsed and members gone past their grace are told to whom they concern (through any
   * world of this process: the news travels the bus); then each world's members report and hear.
   */
  private async partyChores(): Promise<void> {
    const first = this.runs.values().next().value;
    if (!first) return;
    const { lapsed, changes } = await this.parties.sweep();
    for (const invitation of lapsed) await first.link.partyLink.lapsed(invitation);
    for (const change of changes) await first.link.partyLink.announce(change);
    await Promise.all([...this.runs.values()].map((run) => run.link.partyLink.chores()));
  }

  private lastCounts = '';
  /** The directory's latest counts per world (every world it knows to be up, empty ones as 0). */
  private counted: Record<string, number> = {};

  /** Every player hears this world's count and the realm's total when either changed (once a second at most). */
  private async tellPopulation(): Promise<void> {
    const counts = await this.directory.population();
    this.counted = counts;
    const key = JSON.stringify(counts);
    if (key === this.lastCounts) return;
    this.lastCounts = key;
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    for (const run of this.runs.values()) run.link.tellPopulation(counts[run.info.id] ?? 0, total);
  }

  stop(): void {
    for (const run of this.runs.values()) {
      run.loop.stop();
      run.game.stop();
    }
  }
}
