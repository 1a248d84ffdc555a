// What a bot does once welcomed. `wander` is the load BrowserQuest was measured under: every ~1.6 s,
// walk to a random reachable tile within ±8 tiles. `fight` hunts the mobs in view (fight.ts), `chat`
// wanders and says a line every few seconds (chat.ts), `idle` stands still.
import type { Grid } from '../../shared/rules/grid.ts';
import { isWalkable } from '../../shared/rules/grid.ts';
import { findPath } from '../../shared/rules/path.ts';
import type { TileRect } from '../../shared/content/world-map.ts';
import type { BotClient } from './bot-client.ts';
import { startFight } from './fight.ts';
import { startChat } from './chat.ts';

export const BEHAVIOURS = ['wander', 'idle', 'fight', 'chat'] as const;
export type BehaviourName = (typeof BEHAVIOURS)[number];

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
  switch (name) {
    case 'idle':
      return () => {};
    case 'wander':
      return startWander(bot, wander);
    case 'fight':
      return startFight(bot, wander);
    case 'chat':
      return startChat(bot, wander);
  }
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

/**
 * Sends one walk to a random reachable tile near the bot, if it finds one. A bot outside its area
 * (just arrived, or chased out) heads for a random open tile inside it, however far.
 */
export function wanderOnce(bot: BotClient, options: WanderOptions): boolean {
  const self = bot.self;
  if (!self || bot.closed) return false;
  const here = bot.tileOf(self);
  const { area, grid, random } = options;
  if (area && !inside(area, here)) {
    const x = area.x + Math.floor(random() * area.width);
    const y = area.y + Math.floor(random() * area.height);
    if (!isWalkable(grid, x, y)) return false;
    bot.walkTo(x, y);
    return true;
  }
  const target = pickTarget(here, options);
  if (target) bot.walkTo(target.x, target.y);
  return target !== null;
}

function inside(r: TileRect, t: { x: number; y: number }): boolean {
  return t.x >= r.x && t.y >= r.y && t.x < r.x + r.width && t.y < r.y + r.height;
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
