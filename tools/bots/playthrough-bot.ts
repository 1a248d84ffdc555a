// The playthrough bot: one fresh character played along the road from the village to the Ember Wyrm,
// from what a player sees (its view of the protocol, the map and data files the page loads). It fights
// what it can beat, takes upgrades and potions, rests to heal, backs off when a fight turns bad, hunts
// where it is while the road ahead is too strong, and keeps a per-zone record of how the journey went.
import type { MobKind } from '../../shared/content/game-data.ts';
import type { SeenEntity, Stats } from '../../shared/protocol/view.ts';
import { BotClient } from './bot-client.ts';
import { AtlasBot } from './playthrough-atlas.ts';
import { engagedCost, sizeUp, type SizedMob } from './playthrough-judge.ts';
import { inside } from './playthrough-route.ts';
import { ZoneBook, type PlaythroughOptions, type PlaythroughResult } from './playthrough-record.ts';

export type { PlaythroughOptions, PlaythroughResult } from './playthrough-record.ts';
import { ZoneHunt, type HuntStep } from './playthrough-hunt.ts';
import { pickUp } from './playthrough-loot.ts';
import { REST_UNTIL, RestSpots, Resting } from './playthrough-rest.ts';
import { Walker } from './playthrough-walk.ts';
import { Potions } from './playthrough-potions.ts';
import { QuestErrands } from './playthrough-quests.ts';

const THINK_MS = 250;
/** A retreat goes a few tiles at a time, so it stops soon after the chase does. */
const RETREAT_STEPS = 6;
/** Beatable mobs this close to the road are fought on the way; while hunting, anything in sight. */
const FIGHT_NEAR = 3;
/** Only pick a fight with at least this share of max HP. */
const PREY_HP = 0.7;
/** On the road, only fights costing at most this share of max HP are worth the stop. */
const CHEAP = 0.3;
/** Hunting, mobs this close are prey; the boss is walked up to BOSS_REACH tiles before it is attacked. */
const SIGHT = 20;
const BOSS_REACH = 8;
/** A mob not hit for this long is out of reach: leave it alone for SHUN_MS. */
const GIVE_UP_MS = 10_000;
const SHUN_MS = 30_000;
/** Rest when below this share of max HP (until REST_UNTIL). */
const REST_BELOW = 0.6;
/** Back off when what the fights at hand are expected to cost exceeds this share of the HP left. */
const RETREAT_AT = 0.9;
/** Blows within this long make their mob an attacker. */
const ATTACK_MEMORY_MS = 4000;
const RESPAWN_RETRY_MS = 2000;
/** After going for a chest or a drop, this long with no new fight picked (unless attacked). */
const PICK_MS = 4000;
const ZONE_CAP_MS = 240_000;
/** Deaths on one leg of the road after which the run stops as stuck. */
const STUCK_DEATHS = 10;
/** How often the log says where the bot is and what it does, and how many lines the result keeps. */
const REPORT_MS = 15_000;
const JOURNAL_LINES = 40;

type Mode = 'travel' | 'fight' | 'rest' | 'retreat';

export async function playThrough(options: PlaythroughOptions): Promise<PlaythroughResult> {
  const client = await BotClient.connect({ url: options.url, name: options.name, token: options.token });
  // Through portals it is the same character in another world: the atlas bot follows each Transfer.
  const bot = new AtlasBot(client, options.atlas, options.token ?? null, options.log);
  try {
    await client.waitForWelcome(10_000);
    return await new Playthrough(bot, options).run();
  } finally {
    await bot.close();
  }
}

class Playthrough {
  private readonly book: ZoneBook;
  private mode: Mode = 'travel';
  private leg = 0;
  /** Tiles of the stops reached, latest last: where to fall back to. */
  private readonly anchors: { x: number; y: number }[] = [];
  private readonly stopsReached: string[] = [];
  private target = -1;
  private targetSince = 0;
  private lastHit = 0;
  private readonly attackers = new Map<number, number>();
  private readonly shunned = new Map<number, number>();
  private readonly opened = new Map<number, { at: number; times: number }>();
  private readonly hunt: ZoneHunt;
  private readonly walker: Walker;
  /** What the hunt said this think: a walk is holding back in a zone, fighting anything beatable in sight. */
  private huntStep: HuntStep | null = null;
  private readonly resting: Resting;
  /** The bag: drinks from the belt in a fight, drops outgrown gear. */
  private readonly potions: Potions;
  private readonly quests: QuestErrands;
  private pickingUntil = 0;
  private lastTook = '';
  private respawnAsked = -Infinity;
  /** The kind of the last mob that turned the bot back. */
  private lastBlocker: string | null = null;
  private readonly killedBy: Record<string, number> = {};
  private done: { finished: boolean; reason: string } | null = null;
  private readonly started = performance.now();
  private lastReport = 0;
  private deathsOnLeg = 0;
  private readonly journal: string[] = [];

  constructor(
    private readonly bot: AtlasBot,
    private readonly o: PlaythroughOptions,
  ) {
    this.book = new ZoneBook(o.atlas.content.zones, this.started);
    this.hunt = new ZoneHunt(o.atlas.content, o.stops, o.zoneCapMs ?? ZONE_CAP_MS, o.random);
    this.walker = new Walker(bot, o.atlas.content, THINK_MS);
    this.resting = new Resting(new RestSpots(o.atlas.content));
    this.potions = new Potions(bot, o.atlas.content.data);
    this.quests = new QuestErrands(bot, o.atlas.content, (line) => this.note(line));
    this.anchors.push(bot.tileOf(bot.self!));
  }

  run(): Promise<PlaythroughResult> {
    const stop = this.bot.on((e) => {
      const self = this.bot.view.selfId;
      if (e.type === 'hit' && e.target === self) this.attackers.set(e.attacker, performance.now());
      if (e.type === 'hit' && e.attacker === self) {
        // A mob walking home takes no damage: hitting it is no progress (and keeps the bot from healing).
        if (e.target === this.target && e.damage > 0) this.lastHit = performance.now();
        if (e.hpLeft === 0) this.book.kill();
      }
      if (e.type === 'died' && e.id === self) this.died(e.killer);
      if (e.type === 'died' && e.killer?.id === self && e.entity?.kind === this.finalKind()) this.finish();
    });
    return new Promise((resolve) => {
      const timer = setInterval(() => {
        try {
          this.think();
        } catch (err) {
          this.done ??= { finished: false, reason: `bot error: ${(err as Error).message}` };
        }
        const overtime = performance.now() - this.started > this.o.budgetMs;
        if (overtime) this.done ??= { finished: false, reason: 'out of time' };
        if (this.bot.closed) this.done ??= { finished: false, reason: `closed: ${this.bot.closed.reason}` };
        if (!this.done) return;
        clearInterval(timer);
        stop();
        this.quests.dispose();
        resolve(this.result());
      }, THINK_MS);
    });
  }

  /** Keeps the line for the result's journal and passes it to the caller's log. */
  private note(line: string): void {
    this.journal.push(line);
    if (this.journal.length > JOURNAL_LINES) this.journal.shift();
    this.o.log?.(line);
  }

  private finalKind(): string | null {
    return this.o.stops[this.o.stops.length - 1]?.mobKind ?? null;
  }

  private finish(): void {
    this.stopsReached.push(this.o.stops[this.o.stops.length - 1]!.name);
    this.done = { finished: true, reason: 'finished' };
  }

  private died(killer: SeenEntity | undefined): void {
    const what = killer?.kind ?? 'unknown';
    this.killedBy[what] = (this.killedBy[what] ?? 0) + 1;
    this.book.death();
    this.note(`died to ${what} at level ${this.bot.view.stats?.level} (${this.book.current})`);
    this.target = -1;
    this.mode = 'travel';
    this.walker.forget();
    // A respawn loop (or a leg it cannot live through) is a finding, not something to grind out.
    if (++this.deathsOnLeg >= STUCK_DEATHS)
      this.done ??= {
        finished: false,
        reason: `stuck: died ${this.deathsOnLeg} times on the way to ${this.o.stops[this.leg]?.name} (last to ${what})`,
      };
  }

  private think(): void {
    const { bot } = this;
    const stats = bot.view.stats;
    const self = bot.self;
    if (!stats || !self) return;
    const now = performance.now();
    if (stats.hp <= 0) {
      if (now - this.respawnAsked > RESPAWN_RETRY_MS) {
        this.respawnAsked = now;
        bot.respawn();
      }
      return;
    }
    const here = bot.tileOf(self);
    this.book.at(here, stats, now);
    if (now - this.lastReport > REPORT_MS) {
      this.lastReport = now;
      this.note(
        `${Math.round((now - this.started) / 1000)}s ${this.mode} at ${here.x},${here.y} hp ${stats.hp}/${stats.maxHp} ` +
          `level ${stats.level} ${stats.weapon}/${stats.armor} target ${this.target} leg ${this.o.stops[this.leg]?.name}`,
      );
    }
    if (this.o.zones && this.book.arrivals() >= this.o.zones) {
      this.done = { finished: true, reason: `reached ${this.o.zones} zones` };
      return;
    }
    this.noteStops(here);
    if (this.stopsReached.length >= (this.o.finishAfterStops ?? Infinity)) {
      this.done = { finished: true, reason: `reached ${this.stopsReached.join(', ')}` };
      return;
    }
    for (const [id, t] of this.attackers) if (now - t > ATTACK_MEMORY_MS) this.attackers.delete(id);
    // Potions are kept on pickup now: drunk from the belt when a fight has the bot hurt.
    const drank = this.potions.think(stats, this.attackers.size > 0, now);
    if (drank) this.note(`drinks a ${drank} at ${stats.hp}/${stats.maxHp}`);

    const mobs = this.mobsInView(here);
    // Zone by zone: stay and hunt here until the next stop's mobs are fair (playthrough-hunt.ts). Asked
    // every think, so a hunt with prey always in sight still ends when the zone's time is up.
    const step = this.hunt.step(this.leg, here, stats, now);
    const why = this.hunt.changed(step);
    if (why) this.note(`${step.kind === 'walk' ? 'hunting' : 'walking on'}: ${why}`);
    this.huntStep = step;
    const hunting = step.kind === 'walk' && step.keen;
    if (this.shouldRetreat(mobs, stats)) this.mode = 'retreat';
    if (this.mode === 'retreat') return this.retreat(here, mobs, stats, now);
    if (this.keepFighting(now)) return;
    // A mob slower than the bot is walked away from on the road, not fought.
    const attacker = mobs.find(
      (m) =>
        this.attackers.has(m.entity.id) && m.beatable && (this.mode !== 'travel' || this.catches(m.kind)),
    );
    if (attacker) return this.fight(attacker.entity, now);
    // While hunting, too hurt to pick a fight is hurt enough to rest.
    const restBelow = hunting ? PREY_HP : REST_BELOW;
    if (this.mode === 'rest' || (stats.hp < stats.maxHp * restBelow && this.attackers.size === 0))
      if (this.rest(here, stats, now)) return;
    const took = pickUp(bot, this.o.atlas.content.data, this.opened, here, stats, now);
    if (took) {
      if (took !== this.lastTook) this.note(`going for ${took} at level ${stats.level}`);
      this.lastTook = took;
      this.pickingUntil = now + PICK_MS;
      return;
    }
    // Let the walk to a chest or drop get there: a new fight would cancel it.
    if (now < this.pickingUntil) return;
    const near = hunting ? SIGHT : FIGHT_NEAR;
    const fresh = stats.hp >= stats.maxHp * PREY_HP;
    const prey = mobs.find(
      (m) =>
        fresh &&
        m.beatable &&
        (hunting || m.hpLost <= stats.maxHp * CHEAP) &&
        m.xp > 1 &&
        m.distance <= near &&
        !this.isShunned(m, now),
    );
    if (prey) return this.fight(prey.entity, now);
    // Quests from the people along the way: take what they offer, hand in what is done.
    const errand = this.quests.step(here, now, mobs, fresh);
    if (errand === 'wait') return;
    if (errand && 'id' in errand) return this.fight(errand, now);
    if (errand) return this.walker.walk(here, errand, now);
    this.travel(here, mobs, stats, now);
  }

  /** Mobs in view, nearest first, sized up (playthrough-judge.ts). */
  private mobsInView(here: { x: number; y: number }): SizedMob[] {
    const seen: { entity: SeenEntity; at: { x: number; y: number } }[] = [];
    for (const e of this.bot.view.entities.values())
      if (e.type === 'mob') seen.push({ entity: e, at: this.bot.tileOf(e) });
    return sizeUp(this.o.atlas.content.data, this.bot.view.stats!, seen, here);
  }

  /** The fights at hand (the target and everything hitting us) would cost more than the HP left. */
  private shouldRetreat(mobs: SizedMob[], stats: Stats): boolean {
    const engaged = (id: number): boolean => this.attackers.has(id) || id === this.target;
    return engagedCost(this.o.atlas.content.data, stats, mobs, engaged) > stats.hp * RETREAT_AT;
  }

  private retreat(
    here: { x: number; y: number },
    mobs: SizedMob[],
    stats: { hp: number; maxHp: number },
    now: number,
  ): void {
    this.target = -1;
    const anchor = this.anchors[this.anchors.length - 1]!;
    const threat = mobs.some(
      (m) => !m.beatable && m.kind.aggroRadius > 0 && m.distance <= m.kind.aggroRadius + 2,
    );
    if (this.attackers.size === 0 && !threat) {
      this.mode = stats.hp < stats.maxHp * REST_UNTIL ? 'rest' : 'travel';
      this.resting.begin(now);
      return;
    }
    // At the anchor already and still bitten: run for an earlier one.
    const back = inside({ x: anchor.x - 2, y: anchor.y - 2, width: 5, height: 5 }, here)
      ? (this.anchors[this.anchors.length - 2] ?? anchor)
      : anchor;
    this.walker.walk(here, back, now, RETREAT_STEPS);
  }

  /** Stays on the current target while it lives and is being hit. */
  private keepFighting(now: number): boolean {
    const current = this.bot.view.entities.get(this.target);
    if (current?.type === 'mob' && now - Math.max(this.lastHit, this.targetSince) < GIVE_UP_MS) return true;
    if (current) this.shunned.set(this.target, now + SHUN_MS);
    this.target = -1;
    if (this.mode === 'fight') this.mode = 'travel';
    return false;
  }

  private fight(mob: SeenEntity, now: number): void {
    this.mode = 'fight';
    if (this.target === mob.id) return;
    this.target = mob.id;
    this.targetSince = now;
    this.walker.forget();
    this.bot.attack(mob.id);
  }

  /** Whether the mob walks as fast as the bot (the welcome says how fast players walk). */
  private catches(kind: MobKind): boolean {
    return kind.stepTicks <= this.bot.view.stepTicks;
  }

  private isShunned(m: { entity: SeenEntity }, now: number): boolean {
    return (this.shunned.get(m.entity.id) ?? 0) > now;
  }

  /** Stands still (resting heals); true while resting. */
  private rest(here: { x: number; y: number }, stats: { hp: number; maxHp: number }, now: number): boolean {
    if (this.mode !== 'rest') {
      this.mode = 'rest';
      this.resting.begin(now);
    }
    // Out of the mob areas' reach first (playthrough-rest.ts), then standing where it is.
    const next = this.resting.next(here, stats, now);
    if (next === 'done') {
      this.mode = 'travel';
      return false;
    }
    if (next === 'rest') this.walker.halt(here);
    else this.walker.walk(here, next, now);
    return true;
  }

  /** Marks stops reached: a checkpoint entered, a door or portal gone through. */
  private noteStops(here: { x: number; y: number }): void {
    const stop = this.o.stops[this.leg];
    if (!stop || stop.kind === 'mob') return;
    const through = stop.to && Math.abs(here.x - stop.to.x) + Math.abs(here.y - stop.to.y) <= 2;
    if (!(stop.to ? through : inside(stop.area, here))) return;
    this.stopsReached.push(stop.name);
    this.anchors.push(stop.to ?? here);
    this.leg++;
    this.deathsOnLeg = 0;
    this.walker.forget();
    this.note(`reached ${stop.name} at level ${this.bot.view.stats?.level}`);
  }

  private travel(
    here: { x: number; y: number },
    mobs: SizedMob[],
    stats: { level: number; hp: number; maxHp: number },
    now: number,
  ): void {
    this.mode = 'travel';
    const stop = this.o.stops[this.leg];
    if (!stop) return void (this.done = { finished: true, reason: 'finished' });
    const step = this.huntStep;
    if (step?.kind === 'walk') return this.walker.walk(here, step.to, now);
    const danger = mobs.find(
      (m) =>
        !m.beatable &&
        (m.entity.kind === stop.mobKind ||
          (m.kind.aggroRadius > 0 && this.catches(m.kind) && m.distance <= m.kind.aggroRadius + 2)),
    );
    if (danger) {
      // The pack it would bring holds the bot back to hunt until that pack is fair, as a player would.
      const near = (o: SizedMob): boolean =>
        Math.max(Math.abs(o.at.x - danger.at.x), Math.abs(o.at.y - danger.at.y)) <= o.kind.aggroRadius + 1;
      const pack = mobs.filter((o) => o === danger || (o.kind.aggroRadius > 0 && near(o))).map((o) => o.kind);
      this.hunt.block(pack, now);
      this.lastBlocker = danger.kind.id;
      this.note(`turned back from ${pack.map((k) => k.id).join('+')} at level ${stats.level}`);
      return;
    }
    const boss = stop.mobKind ? mobs.find((m) => m.entity.kind === stop.mobKind) : undefined;
    if (boss) {
      // The last fight is taken at full health.
      const hurt = stats.hp < stats.maxHp * REST_UNTIL && this.attackers.size === 0;
      if (hurt && this.target !== boss.entity.id) return void this.rest(here, stats, now);
      // Seen from afar (the wyrm from the landing, 28 tiles): the server takes no attack from that far.
      if (boss.distance > BOSS_REACH && this.target !== boss.entity.id)
        return this.walker.walk(here, boss.at, now);
      return this.fight(boss.entity, now);
    }
    this.walker.walk(here, stop.tile, now);
  }

  private result(): PlaythroughResult {
    const stats = this.bot.view.stats;
    return {
      ...this.done!,
      stoppedIn: this.book.current,
      stoppedBefore: this.o.stops[this.leg]?.name ?? '',
      blockedBy: this.done!.finished ? null : this.lastBlocker,
      zones: this.book.records(),
      stopsReached: this.stopsReached,
      seconds: Math.round((performance.now() - this.started) / 1000),
      level: stats?.level ?? 0,
      weapon: stats?.weapon ?? '',
      armor: stats?.armor ?? '',
      kills: this.book.totalKills(),
      questsDone: this.quests.done,
      deaths: this.book.totalDeaths(),
      killedBy: this.killedBy,
      journal: this.journal,
      token: this.bot.token,
    };
  }
}
