// Scripted quest steps for a bot on the real overworld (tests and tools): walk up to an NPC by its kind
// and talk, take the quest it offers, hunt a mob kind until a kill quest is done. Each step is bounded
// in time and fails naming what it waited for.
import type { SeenEntity } from '../../shared/protocol/view.ts';
import type { BotClient } from './bot-client.ts';
import type { PlayerContent } from './playthrough-route.ts';
import { Walker } from './playthrough-walk.ts';
import { isWalkable } from '../../shared/rules/grid.ts';

const THINK_MS = 250;

type Tile = { x: number; y: number };

const chebyshev = (a: Tile, b: Tile): number => Math.max(Math.abs(a.x - b.x), Math.abs(a.y - b.y));

/** Runs `step` every THINK_MS until it says done (true); rejects after `timeoutMs`. */
function every(step: () => boolean, timeoutMs: number, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const deadline = performance.now() + timeoutMs;
    const timer = setInterval(() => {
      try {
        if (step()) {
          clearInterval(timer);
          resolve();
        } else if (performance.now() > deadline) throw new Error(`no ${what} within ${timeoutMs} ms`);
      } catch (err) {
        clearInterval(timer);
        reject(err as Error);
      }
    }, THINK_MS);
  });
}

export class QuestSteps {
  private readonly walker: Walker;

  constructor(
    readonly bot: BotClient,
    private readonly content: PlayerContent,
  ) {
    // On one map: the walk's end is the entity's own (the atlas shifts it for the playthrough's plane).
    const walking = {
      get self() {
        return bot.self;
      },
      endOf: (e: SeenEntity) => ({ x: e.endX, y: e.endY }),
      walkTo: (x: number, y: number) => bot.walkTo(x, y),
    };
    this.walker = new Walker(walking, content, THINK_MS);
  }

  private here(): Tile {
    return this.bot.tileOf(this.bot.self!);
  }

  /** Walks until within `near` tiles of `tile` (getting up again after a death). */
  walkNear(target: Tile, near: number, timeoutMs = 90_000): Promise<void> {
    const tile = this.openTileNear(target);
    return every(
      () => {
        if (this.dead()) return false;
        const here = this.here();
        if (chebyshev(here, tile) <= near) return true;
        this.walker.walk(here, tile, performance.now());
        return false;
      },
      timeoutMs,
      `walk to ${tile.x},${tile.y}`,
    );
  }

  /** Walks up to the NPC of `kind` (where the map places it) and talks to it; resolves on its line. */
  async talkTo(kind: string, timeoutMs = 90_000): Promise<SeenEntity> {
    const placed = this.content.placements.npcs.find((n) => n.kind === kind);
    if (!placed) throw new Error(`the map has no NPC of kind ${kind}`);
    await this.walkNear(placed, 6, timeoutMs);
    const npc = [...this.bot.view.entities.values()].find((e) => e.type === 'npc' && e.kind === kind);
    if (!npc) throw new Error(`no ${kind} in view at ${placed.x},${placed.y}`);
    let heard = false;
    const stop = this.bot.on((e) => {
      if (e.type === 'npcLine' && e.id === npc.id) heard = true;
    });
    this.walker.forget();
    this.bot.talk(npc.id);
    try {
      await this.bot.waitFor(() => heard, 20_000, `a line from ${kind}`);
    } finally {
      stop();
    }
    return npc;
  }

  /** Talks to `giver`, expects it to offer `quest`, takes it; resolves once the log has it. */
  async take(giver: string, quest: string): Promise<void> {
    let offered = '';
    const stop = this.bot.on((e) => {
      if (e.type === 'questOffer') offered = e.quest;
    });
    try {
      await this.talkTo(giver);
      await this.bot.waitFor(() => offered !== '', 5000, `an offer from ${giver}`);
      if (offered !== quest) throw new Error(`${giver} offered ${offered}, not ${quest}`);
      this.bot.acceptQuest(quest);
      await this.bot.waitFor(() => this.bot.view.quests.active.has(quest), 5000, `${quest} in the log`);
    } finally {
      stop();
    }
  }

  /** Talks to `turnIn` and resolves once `quest` is in the log's done list. */
  async handIn(turnIn: string, quest: string): Promise<void> {
    await this.talkTo(turnIn);
    await this.bot.waitFor(() => this.bot.view.quests.done.includes(quest), 5000, `${quest} handed in`);
  }

  /** Near `area`, attacks the nearest mob of `kind` in sight until `quest` has `goal` kills. */
  hunt(quest: string, kind: string, goal: number, area: Tile, timeoutMs = 180_000): Promise<void> {
    let target = -1;
    let since = 0;
    return every(
      () => {
        if ((this.bot.view.quests.active.get(quest) ?? 0) >= goal) return true;
        if (this.dead()) return false;
        const now = performance.now();
        const here = this.here();
        if (this.bot.view.entities.get(target)?.type === 'mob' && now - since < 10_000) return false;
        const mobs = [...this.bot.view.entities.values()].filter((e) => e.type === 'mob' && e.kind === kind);
        mobs.sort((a, b) => chebyshev(this.bot.tileOf(a), here) - chebyshev(this.bot.tileOf(b), here));
        const mob = mobs.find((m) => chebyshev(this.bot.tileOf(m), here) <= 20);
        if (mob) {
          target = mob.id;
          since = now;
          this.walker.forget();
          this.bot.attack(mob.id);
        } else this.walker.walk(here, area, now);
        return false;
      },
      timeoutMs,
      `${goal} ${kind} kills for ${quest}`,
    );
  }

  /** `t` if it is open ground, else the nearest open tile (an NPC's own tile is not walked onto). */
  private openTileNear(t: Tile): Tile {
    const grid = this.content.map.grid;
    for (let d = 0; d < 6; d++)
      for (let dy = -d; dy <= d; dy++)
        for (let dx = -d; dx <= d; dx++)
          if (Math.max(Math.abs(dx), Math.abs(dy)) === d && isWalkable(grid, t.x + dx, t.y + dy))
            return { x: t.x + dx, y: t.y + dy };
    return t;
  }

  /** Dead: asks to get up (the server answers with a new welcome). */
  private dead(): boolean {
    const stats = this.bot.view.stats;
    if (!stats || stats.hp > 0) return false;
    this.bot.respawn();
    return true;
  }
}
