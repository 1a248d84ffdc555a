// What the bench and its bots process tell each other over IPC.
import type { Disconnect } from '../bots/swarm.ts';

export interface BotsRequest {
  wsUrl: string;
  scenario: string;
  /** The map file, relative to the repository, for the bots' own pathfinding. */
  map: string;
  bots: number;
  seconds: number;
  warmupSeconds: number;
  seed: number;
  /**
   * Phases instead of one window (the attack bench): after the warm-up the bots play until told to
   * finish, answering each `mark` with their counters so far.
   */
  phases?: boolean;
  /** Each bot connects from its own loopback address (127.0.1.1, 127.0.1.2, …), as players do. */
  ownAddresses?: boolean;
  /** Bots are named PREFIX1, PREFIX2, …: each bots process of a run has its own ("Bot" unless given). */
  namePrefix?: string;
  /** Once connected, wait for `go` before playing: a run's bots processes all start their warm-up together. */
  waitForGo?: boolean;
}

/** Bench → bots process, after the request, in phases mode. */
export type ToBots = { type: 'mark' } | { type: 'finish' } | { type: 'go' };

/** The bots' counters at a mark: frames received by all bots so far, and when. */
export interface Mark {
  framesIn: number;
  bots: number;
  disconnects: number;
  atMs: number;
}

export interface Spread {
  avg: number;
  p50: number;
  max: number;
}

export interface BotsReport {
  connected: number;
  failures: string[];
  failureCount: number;
  /** Closes the bots did not ask for, during the whole run. */
  disconnects: number;
  disconnectSamples: Disconnect[];
  /** Frames a bot's view could not make sense of: server bugs. */
  problems: string[];
  windowSeconds: number;
  bytesInPerBot: Spread;
  framesInPerBot: number;
  /** TCP reads per bot per second: below frames/s when the server's gateway coalesces writes. */
  readsInPerBot?: number;
  bytesOutPerBot: number;
  /** Other players in a bot's view at the end: how much each one hears about. */
  othersSeenPerBot: number;
  /** Per bot per minute over the window: blows landed, mobs killed, deaths, chat lines heard. */
  play: { hits: number; kills: number; deaths: number; chatHeard: number };
  /** All the bots processes together, % of one core. */
  botsCpuPercent: number;
  /** How many bots processes drove the run, and the busiest one's CPU (% of the one core it can use). */
  botsProcesses?: number;
  busiestBotsCpuPercent?: number;
  botsRssMb: number;
  /**
   * The bots process's own event-loop delay over the window (ms): a bot answers the server's pings and
   * reads its frames only when that loop runs, so a long delay is the load generator falling behind.
   */
  botsLoopDelayMs?: { p99: number; max: number };
}

export type ToBench =
  | { type: 'connected'; bots: number; seconds: number; firstFailure?: string }
  | { type: 'window-start' }
  | { type: 'window-end' }
  | { type: 'report'; report: BotsReport }
  | { type: 'ready' }
  | ({ type: 'mark' } & Mark)
  | { type: 'error'; message: string };
