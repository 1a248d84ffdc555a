// The playthrough bot's quests, as a player takes them along the road: an NPC near the way marked `!`
// (a quest to give) is walked to and talked to, and every offer taken; one marked `?` (a quest to take
// back) is walked to from a little further. For kill and bring quests it hunts the mobs they want (or
// that drop what they want) when those are fair and near the way, for a while; the marks the server
// sends say when one is ready to take back.
import type { SeenEntity } from '../../shared/protocol/view.ts';
import type { AtlasBot } from './playthrough-atlas.ts';

/** What the errands need of a bot: a BotClient, or the playthrough's AtlasBot across maps. */
type QuestBot = Pick<AtlasBot, 'on' | 'view' | 'tileOf' | 'talk' | 'acceptQuest'>;
import type { SizedMob } from './playthrough-judge.ts';
import type { PlayerContent } from './playthrough-route.ts';
import { isWalkable } from '../../shared/rules/grid.ts';

type Tile = { x: number; y: number };

/**
 * How far (tiles) from the bot an NPC with a quest to give, or one to take back, is worth the detour. One
 * to give must stand in the zone the bot is in (a player meets the people of the zone it walks through);
 * one to take back may be in another zone, if close.
 */
const OFFER_DETOUR = 40;
const HAND_IN_DETOUR = 60;
const HAND_IN_ELSEWHERE = 40;
/** Within this many tiles of the NPC (and seeing it), the bot asks the server to walk it up and talk. */
const TALK_FROM = 10;
/** After a talk, the server walks the bot up to the NPC: the bot waits this long before moving on. */
const TALK_WAIT_MS = 3000;
/** An NPC talked to (or given up on) is not gone to again for this long, so nothing loops. */
const COOLDOWN_MS = 30_000;
/** A detour that has not reached its NPC after this long is dropped. */
const ERRAND_MS = 60_000;
/** Quest mobs this close (tiles) are fought; their area is walked to from up to HUNT_DETOUR tiles. */
const QUEST_SIGHT = 20;
const HUNT_DETOUR = 60;
/** Longest the bot hunts for one quest before leaving it to chance on the road. */
const QUEST_HUNT_MS = 5 * 60_000;

const chebyshev = (a: Tile, b: Tile): number => Math.max(Math.abs(a.x - b.x), Math.abs(a.y - b.y));

export class QuestErrands {
  private readonly rested = new Map<string, number>();
  /** When the bot started hunting for each quest. */
  private readonly hunting = new Map<string, number>();
  private errand: { kind: string; since: number } | null = null;
  private talkedAt = -Infinity;
  private readonly stop: () => void;

  constructor(
    private readonly bot: QuestBot,
    private readonly content: PlayerContent,
    private readonly note: (line: string) => void,
  ) {
    this.stop = bot.on((e) => {
      if (e.type !== 'questOffer') return;
      bot.acceptQuest(e.quest);
      note(`took quest ${e.quest} at level ${bot.view.stats?.level}`);
    });
  }

  /** Quests handed in so far. */
  get done(): number {
    return this.bot.view.quests.done.length;
  }

  dispose(): void {
    this.stop();
  }

  /**
   * What the bot should do for its quests now: 'wait' (a talk under way), a tile to walk to, a mob to
   * fight, or nothing. `mobs` are those in view, sized up; `fresh` says the bot is fit to pick a fight.
   */
  step(
    here: Tile,
    now: number,
    mobs: readonly SizedMob[],
    fresh: boolean,
  ): 'wait' | Tile | SeenEntity | null {
    if (now - this.talkedAt < TALK_WAIT_MS) return 'wait';
    const target = this.pick(here, now);
    if (!target) return this.hunt(here, now, mobs, fresh);
    const npc = [...this.bot.view.entities.values()].find((e) => e.type === 'npc' && e.kind === target.kind);
    if (npc && chebyshev(this.bot.tileOf(npc), here) <= TALK_FROM) {
      this.bot.talk(npc.id);
      this.talkedAt = now;
      this.rested.set(target.kind, now);
      this.errand = null;
      return 'wait';
    }
    return this.open(target.tile);
  }

  /** The NPC to go to: the current errand while it lasts, else the nearest one marked within reach. */
  private pick(here: Tile, now: number): { kind: string; tile: Tile } | null {
    const marks = this.bot.view.npcMarks;
    if (this.errand && now - this.errand.since > ERRAND_MS) {
      this.rested.set(this.errand.kind, now);
      this.errand = null;
    }
    let best: { kind: string; tile: Tile; d: number } | null = null;
    for (const n of this.content.placements.npcs) {
      const mark = marks.get(n.kind);
      if (!mark || now - (this.rested.get(n.kind) ?? -Infinity) < COOLDOWN_MS) continue;
      const d = chebyshev(n, here);
      const sameZone = this.zoneOf(n) === this.zoneOf(here);
      const reach =
        mark === '?' ? (sameZone ? HAND_IN_DETOUR : HAND_IN_ELSEWHERE) : sameZone ? OFFER_DETOUR : -1;
      if (d > reach) continue;
      if (this.errand && this.errand.kind !== n.kind) continue;
      if (!best || d < best.d) best = { kind: n.kind, tile: n, d };
    }
    if (best && !this.errand) {
      this.errand = { kind: best.kind, since: now };
      this.note(`going to the ${best.kind} (${marks.get(best.kind)}) at level ${this.bot.view.stats?.level}`);
    }
    if (!best) this.errand = null;
    return best;
  }

  /** Mob kinds the quests taken still want killed: their targets, or the mobs that drop their items. */
  private wanted(now: number): Map<string, string> {
    const data = this.content.data;
    const kinds = new Map<string, string>();
    for (const [id, progress] of this.bot.view.quests.active) {
      const q = data.quests?.get(id);
      if (!q || progress >= q.count) continue;
      const since = this.hunting.get(id) ?? now;
      this.hunting.set(id, since);
      if (now - since > QUEST_HUNT_MS) continue;
      if (q.goal === 'kill') kinds.set(q.target, id);
      if (q.goal === 'bring')
        for (const m of data.mobs.values()) if (m.drops.some((d) => d.item === q.target)) kinds.set(m.id, id);
    }
    return kinds;
  }

  private hunt(
    here: Tile,
    now: number,
    mobs: readonly SizedMob[],
    fresh: boolean,
  ): 'wait' | Tile | SeenEntity | null {
    const wanted = this.wanted(now);
    if (wanted.size === 0 || !fresh) return null;
    const prey = mobs.find((m) => wanted.has(m.entity.kind) && m.beatable && m.distance <= QUEST_SIGHT);
    if (prey) return prey.entity;
    const level = this.bot.view.stats?.level ?? 1;
    let best: { tile: Tile; d: number } | null = null;
    for (const a of this.content.placements.mobAreas) {
      const kind = this.content.data.mobs.get(a.kind);
      if (!wanted.has(a.kind) || !kind || kind.boss || kind.level > level + 1) continue;
      const tile = { x: a.area.x + (a.area.width >> 1), y: a.area.y + (a.area.height >> 1) };
      const d = chebyshev(tile, here);
      if (
        d <= HUNT_DETOUR &&
        d > 3 &&
        (!best || d < best.d) &&
        isWalkable(this.content.map.grid, tile.x, tile.y)
      )
        best = { tile, d };
    }
    // In the area with nothing in sight: wait for the respawns rather than walk off and back.
    if (best && best.d <= 6) return 'wait';
    return best?.tile ?? null;
  }

  /** The zone (music area) a tile is in, '' for none. */
  private zoneOf(t: Tile): string {
    const z = this.content.zones.find(
      ({ area: a }) => t.x >= a.x && t.y >= a.y && t.x < a.x + a.width && t.y < a.y + a.height,
    );
    return z?.name ?? '';
  }

  /** An open tile beside an NPC's (its own blocks the walk). */
  private open(t: Tile): Tile {
    const grid = this.content.map.grid;
    for (let d = 1; d < 5; d++)
      for (let dy = -d; dy <= d; dy++)
        for (let dx = -d; dx <= d; dx++)
          if (Math.max(Math.abs(dx), Math.abs(dy)) === d && isWalkable(grid, t.x + dx, t.y + dy))
            return { x: t.x + dx, y: t.y + dy };
    return t;
  }
}
