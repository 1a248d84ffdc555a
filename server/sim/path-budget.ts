// Path-finding is the one thing a client can make the server do at will: each walk request to a far
// tile behind walls costs thousands of A* nodes (~2 ms). So each player has a credit of nodes, refilled
// every tick, and a player in debt waits for its next walk; a per-tick cap for everyone together keeps
// a crowd of such players from costing the tick more than a few milliseconds. Players who search
// little (everyone who plays) never notice either: a player whose credit is full may search even when
// the tick is spent, but only a couple of them per tick, or fifty fresh accounts asking at once would
// all be let through.
import type { Player } from './entities.ts';

/** Nodes a player's credit grows by each tick (3,000 a second: a long detour every two seconds). */
export const PATH_CREDIT_PER_TICK = 150;
/** The most credit a player holds: one full search (PATH_NODE_BUDGET) and some. */
export const PATH_CREDIT_MAX = 8000;
/** Nodes all players together may search in one tick (about 5 ms); the rest wait for the next tick. */
export const TICK_PATH_NODES = 15_000;
/** Searches per tick let past a spent tick because the player's credit is full. */
export const TICK_OVERDRAFTS = 2;

export class PathBudget {
  private left = TICK_PATH_NODES;
  private overdrafts = TICK_OVERDRAFTS;

  /** A new tick: everyone's share of this tick's searching is back. */
  startTick(): void {
    this.left = TICK_PATH_NODES;
    this.overdrafts = TICK_OVERDRAFTS;
  }

  /** Whether the player may search now: in credit, and the tick not spent (or a full purse, a few a tick). */
  maySearch(p: Player, tick: number): boolean {
    refill(p, tick);
    if (p.pathCredit < 0) return false;
    if (this.left > 0) return true;
    if (p.pathCredit < PATH_CREDIT_MAX || this.overdrafts <= 0) return false;
    this.overdrafts--;
    return true;
  }

  /** Charges a search's nodes to the player and the tick. */
  spend(p: Player, nodes: number): void {
    p.pathCredit -= nodes;
    this.left -= nodes;
  }
}

function refill(p: Player, tick: number): void {
  if (p.pathCreditTick >= tick) return;
  p.pathCredit = Math.min(PATH_CREDIT_MAX, p.pathCredit + (tick - p.pathCreditTick) * PATH_CREDIT_PER_TICK);
  p.pathCreditTick = tick;
}
