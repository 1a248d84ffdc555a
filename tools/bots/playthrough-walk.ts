// How the playthrough bot walks: long walks are planned on the whole atlas (roads preferred, doors and
// portals taken)
// and sent to the server a stretch at a time, since the server's own A* is bounded to short goals.
import type { AtlasBot } from './playthrough-atlas.ts';
import { planWalk, walkLegEnd, type PlayerContent } from './playthrough-route.ts';

interface Tile {
  x: number;
  y: number;
}

/** Tiles ahead on the planned walk each WalkTo aims for (the server's own A* walks the rest). */
export const LEG_STEPS = 24;
/** A walk under way is asked again after this long (the server may have dropped it). */
const RESEND_MS = 5000;

export class Walker {
  private goal: Tile | null = null;
  private sent = 0;

  constructor(
    private readonly bot: Pick<AtlasBot, 'self' | 'endOf' | 'walkTo'>,
    private readonly content: PlayerContent,
    /** How often the bot thinks: a stopped walk to the same goal is asked again no sooner. */
    private readonly thinkMs: number,
  ) {}

  /** Walks towards `goal` along the planned road, `steps` tiles (or up to a door) at a time. */
  walk(here: Tile, goal: Tile, now: number, steps = LEG_STEPS): void {
    const self = this.bot.self!;
    const end = this.bot.endOf(self);
    const walking = self.steps.length > 0 && (here.x !== end.x || here.y !== end.y);
    const sameGoal = this.goal && this.goal.x === goal.x && this.goal.y === goal.y;
    if (sameGoal && walking && now - this.sent < RESEND_MS) return;
    if (sameGoal && !walking && now - this.sent < this.thinkMs) return;
    const { map, road, links } = this.content;
    const plan = planWalk(map.grid, road, here, goal, links);
    this.goal = goal;
    this.sent = now;
    const next = walkLegEnd(plan, steps);
    if (next) this.bot.walkTo(next.x, next.y);
  }

  /** Stops where the bot is, if a walk of its own is carrying it on. */
  halt(here: Tile): void {
    const end = this.bot.endOf(this.bot.self!);
    if (this.goal && (here.x !== end.x || here.y !== end.y)) this.bot.walkTo(here.x, here.y);
    this.goal = null;
  }

  /** Forgets the goal (a fight or a new leg takes over), so the next walk is sent at once. */
  forget(): void {
    this.goal = null;
  }
}
