// What a bot does once welcomed. `wander` is the load BrowserQuest was measured under: every ~1.6 s,
// walk to a random reachable tile within ±8 tiles. Fight and chat wait for ops the protocol lacks.
import type { Grid } from '../../shared/rules/grid.ts';
import { isWalkable } from '../../shared/rules/grid.ts';
import { findPath } from '../../shared/rules/path.ts';
import type { TileRect } from '../../shared/content/world-map.ts';
import type { BotClient } from './bot-client.ts';

export const BEHAVIOURS = ['wander', 'idle', 'fight', 'chat'] as const;
export type BehaviourName = (typeof BEHAVIOURS)[number];

/** Behaviours that cannot run yet, and why: benchmarks must say so rather than fake them. */
export const UNAVAILABLE: Partial<Record<BehaviourName, string>> = {
  fight: 'not available until the protocol has attack ops (issue 4)',
  chat: 'not available until the protocol has a chat op (issue 4)',
};

export interface WanderOptions {
  grid: Grid;
  /** Targets stay inside this box (the whole map when null). */
  area: TileRect | null;
  /** A float in [0, 1), seeded by the caller so runs repeat. */
  random: () => number;
  everyMs?: number;
  reach?: number;
}

/** Stops a running behaviour. */
export type StopBehaviour = () => void;

const WANDER_EVERY_MS = 1600;
const WANDER_REACH = 8;
/** Random targets tried per turn before the bot stands still until the next one. */
const TRIES = 8;
/** A target 8 tiles away needs few nodes; a small budget keeps thousands of bots cheap. */
const PATH_OPTIONS = { nodeBudget: 400, maxSteps: 96 };

export function startBehaviour(name: BehaviourName, bot: BotClient, wander: WanderOptions): StopBehaviour {
  const why = UNAVAILABLE[name];
  if (why) throw new Error(`behaviour "${name}" is ${why}`);
  if (name === 'idle') return () => {};
  return startWander(bot, wander);
}

export function startWander(bot: BotClient, options: WanderOptions): StopBehaviour {
  const every = options.everyMs ?? WANDER_EVERY_MS;
  let interval: NodeJS.Timeout | null = null;
  // A random phase, so a swarm does not click in lockstep.
  const first = setTimeout(
    () => {
      wanderOnce(bot, options);
      interval = setInterval(() => wanderOnce(bot, options), every);
    },
    Math.floor(options.random() * every),
  );
  return () => {
    clearTimeout(first);
    if (interval) clearInterval(interval);
  };
}

/** Sends one walk to a random reachable tile near the bot, if it finds one. */
export function wanderOnce(bot: BotClient, options: WanderOptions): boolean {
  const self = bot.self;
  if (!self || bot.closed) return false;
  const target = pickTarget(bot.tileOf(self), options);
  if (target) bot.walkTo(target.x, target.y);
  return target !== null;
}

/** A walkable tile within reach (and the area) that a path reaches, or null. */
export function pickTarget(
  from: { x: number; y: number },
  { grid, area, random, reach = WANDER_REACH }: WanderOptions,
): { x: number; y: number } | null {
  const box = area ?? { x: 0, y: 0, width: grid.width, height: grid.height };
  for (let i = 0; i < TRIES; i++) {
    const x = clamp(from.x + Math.floor(random() * (2 * reach + 1)) - reach, box.x, box.x + box.width - 1);
    const y = clamp(from.y + Math.floor(random() * (2 * reach + 1)) - reach, box.y, box.y + box.height - 1);
    if ((x === from.x && y === from.y) || !isWalkable(grid, x, y)) continue;
    const path = findPath(grid, from, { x, y }, PATH_OPTIONS);
    const end = path[path.length - 1];
    // findPath falls back to the closest reachable tile; only an exact arrival counts as reachable.
    if (end && end.x === x && end.y === y) return end;
  }
  return null;
}

function clamp(v: number, min: number, max: number): number {
  return v < min ? min : v > max ? max : v;
}
