// The playthrough bot's picture of the realm: every map the realm plays laid side by side on one plane, as
// a player's mental map of where each place lies, with each portal a link from its tiles to where it puts
// a player on the other map (as a door links two tiles of one map). The bot plans, hunts and records zones
// on this plane; `AtlasBot` turns its tiles into the current world's own and back, and follows Transfers.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseRealm } from '../../shared/content/realm.ts';
import { emptyPlacements } from '../../shared/content/placements.ts';
import { arrivalTile } from '../../shared/content/realm-checks.ts';
import type { SeenEntity } from '../../shared/protocol/view.ts';
import { makeGrid } from '../../shared/rules/grid.ts';
import type { BotClient, BotEvent } from './bot-client.ts';
import { loadPlayerContent, type PlayerContent } from './playthrough-route.ts';

interface Tile {
  x: number;
  y: number;
}

/** Rock left between two maps on the plane, so no walk or hunt area runs from one into the next. */
const GAP = 4;
/** Object ids of map i are shifted by i times this, so ids stay unique on the plane. */
const ID_STRIDE = 100_000;

export interface AtlasMap {
  /** As realm.json and portals name it: `maps/world.tmj`. */
  path: string;
  /** Where its tile (0, 0) lies on the plane. */
  origin: Tile;
  width: number;
  height: number;
}

export interface Atlas {
  /** The whole plane as one map: what the bot plans on. */
  content: PlayerContent;
  maps: AtlasMap[];
}

/** A copy of `value` with every {x, y} in it moved by `by` and every object id shifted by `ids`. */
function shifted<T>(value: T, by: Tile, ids: number): T {
  if (Array.isArray(value)) return value.map((v: unknown) => shifted(v, by, ids)) as T;
  if (!value || typeof value !== 'object' || ArrayBuffer.isView(value)) return value;
  const out: Record<string, unknown> = {};
  const o = value as Record<string, unknown>;
  const tile = typeof o.x === 'number' && typeof o.y === 'number';
  for (const [k, v] of Object.entries(o)) {
    if (tile && k === 'x') out[k] = (v as number) + by.x;
    else if (tile && k === 'y') out[k] = (v as number) + by.y;
    else if ((k === 'objectId' || k === 'id') && typeof v === 'number') out[k] = v + ids;
    else if (k === 'properties') out[k] = v;
    else out[k] = shifted(v, by, ids);
  }
  return out as T;
}

/** The realm's maps (assets/realm.json), the start map first, on one plane left to right. */
export function loadAtlas(root: string): Atlas {
  const realm = parseRealm(
    JSON.parse(readFileSync(path.join(root, 'assets/realm.json'), 'utf8')),
    'realm',
    200,
  );
  const paths = [realm.start, ...new Set(realm.worlds.map((w) => w.map).filter((m) => m !== realm.start))];
  const each = paths.map((p) => ({ path: p, content: loadPlayerContent(root, `assets/${p}`) }));
  const maps: AtlasMap[] = [];
  let x = 0;
  for (const { path: p, content } of each) {
    maps.push({ path: p, origin: { x, y: 0 }, width: content.map.width, height: content.map.height });
    x += content.map.width + GAP;
  }
  const width = x - GAP;
  const height = Math.max(...each.map((e) => e.content.map.height));
  const grid = makeGrid(width, height);
  grid.blocked.fill(1);
  const road = new Uint8Array(width * height);
  const links = new Map<number, number>();
  const first = each[0]!.content;
  const content: PlayerContent = {
    map: { ...first.map, width, height, grid, spawns: [], objects: [] },
    data: first.data,
    placements: emptyPlacements(),
    zones: [],
    road,
    links,
  };
  each.forEach(({ content: c }, i) => {
    const { origin } = maps[i]!;
    const ids = i * ID_STRIDE;
    for (let ty = 0; ty < c.map.height; ty++)
      for (let tx = 0; tx < c.map.width; tx++) {
        const at = (ty + origin.y) * width + tx + origin.x;
        grid.blocked[at] = c.map.grid.blocked[ty * c.map.width + tx]!;
        road[at] = c.road[ty * c.map.width + tx]!;
      }
    for (const [from, to] of c.links) {
      const move = (t: number): number =>
        (Math.floor(t / c.map.width) + origin.y) * width + (t % c.map.width) + origin.x;
      links.set(move(from), move(to));
    }
    content.map.spawns.push(...shifted(c.map.spawns, origin, ids));
    content.map.objects.push(...shifted(c.map.objects, origin, ids));
    for (const key of Object.keys(content.placements) as (keyof PlayerContent['placements'])[])
      (content.placements[key] as unknown[]).push(...shifted(c.placements[key] as unknown[], origin, ids));
    content.zones.push(...shifted(c.zones, origin, 0));
  });
  // Portals: each tile of one leads to the arrival tile of its destination on the other map.
  for (const portal of content.placements.portals) {
    const there = maps.find((m) => m.path === portal.map);
    const i = there ? maps.indexOf(there) : -1;
    const dest = i >= 0 ? each[i]!.content.map.objects.find((o) => o.name === portal.to) : undefined;
    if (!there || !dest) continue;
    const t = arrivalTile(dest.area);
    const to = (t.y + there.origin.y) * width + t.x + there.origin.x;
    const a = portal.area;
    for (let ty = a.y; ty < a.y + a.height; ty++)
      for (let tx = a.x; tx < a.x + a.width; tx++) links.set(ty * width + tx, to);
  }
  return { content, maps };
}

/** Where a portal stop leads on the plane: the tile its link jumps to. */
export function linkTarget(content: PlayerContent, t: Tile): Tile | null {
  const to = content.links.get(t.y * content.map.width + t.x);
  return to === undefined ? null : { x: to % content.map.width, y: Math.floor(to / content.map.width) };
}

/**
 * The bot as the playthrough sees it: tiles on the atlas's plane, one character across worlds. When the
 * server sends it through a portal (Transfer, then close), it joins the next world with its token and
 * carries on; its listeners hear the new connection's events. `closed` is only a close with no transfer.
 */
export class AtlasBot {
  private origin: Tile = { x: 0, y: 0 };
  private readonly listeners = new Set<(e: BotEvent) => void>();
  private unhook: () => void = () => {};
  private hopping = false;
  private failed: { code: number; reason: string } | null = null;
  private onMap: AtlasMap | undefined;
  private knownToken: string | null;
  /** Portals gone through. */
  hops = 0;

  constructor(
    private bot: BotClient,
    private readonly atlas: Atlas,
    token: string | null,
    private readonly log?: (line: string) => void,
  ) {
    this.knownToken = token;
    this.attach(bot);
  }

  /** The character's token (the server gives a new character one with its welcome). */
  get token(): string | null {
    return this.bot.token ?? this.knownToken;
  }

  get view(): BotClient['view'] {
    return this.bot.view;
  }

  get self(): SeenEntity | undefined {
    return this.hopping ? undefined : this.bot.self;
  }

  get closed(): { code: number; reason: string } | null {
    return this.failed;
  }

  /** The map the bot plays now (a path under assets/). */
  get map(): string {
    return this.bot.view.map;
  }

  tileOf(e: SeenEntity): Tile {
    const t = this.bot.tileOf(e);
    return { x: t.x + this.origin.x, y: t.y + this.origin.y };
  }

  /** Where an entity's walk ends, on the plane. */
  endOf(e: SeenEntity): Tile {
    return { x: e.endX + this.origin.x, y: e.endY + this.origin.y };
  }

  walkTo(x: number, y: number): void {
    const lx = x - this.origin.x;
    const ly = y - this.origin.y;
    // A tile off the current map (a plan that outran a hop) is not sent: the next think plans again.
    const m = this.onMap;
    if (!m || lx < 0 || ly < 0 || lx >= m.width || ly >= m.height) return;
    this.bot.walkTo(lx, ly);
  }

  attack(id: number): void {
    this.bot.attack(id);
  }

  loot(id: number): void {
    this.bot.loot(id);
  }

  open(id: number): void {
    this.bot.open(id);
  }

  respawn(): void {
    this.bot.respawn();
  }

  talk(id: number): void {
    this.bot.talk(id);
  }

  /** Takes a quest an NPC offered (playthrough-quests.ts). */
  acceptQuest(id: string): void {
    this.bot.acceptQuest(id);
  }

  /** Drinks from belt slot `slot` (playthrough-potions.ts). */
  useBelt(slot: number): void {
    this.bot.useBelt(slot);
  }

  dropSlot(slot: number): void {
    this.bot.dropSlot(slot);
  }

  on(listener: (e: BotEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.unhook();
    await this.bot.close();
  }

  private attach(bot: BotClient): void {
    this.unhook();
    this.knownToken = this.bot.token ?? this.knownToken;
    this.bot = bot;
    this.placeOnPlane();
    this.unhook = bot.on((e) => {
      if (e.type === 'welcome') this.placeOnPlane();
      if (e.type === 'close') return void this.closedNow(e);
      for (const l of this.listeners) l(e);
    });
  }

  private placeOnPlane(): void {
    this.onMap = this.atlas.maps.find((m) => m.path === this.bot.view.map);
    this.origin = this.onMap?.origin ?? { x: 0, y: 0 };
  }

  private closedNow(e: { code: number; reason: string }): void {
    const transfer = this.bot.transfer;
    const token = this.token;
    if (!transfer || !token) {
      this.failed = { code: e.code, reason: e.reason };
      for (const l of this.listeners) l(e as BotEvent);
      return;
    }
    this.hopping = true;
    this.log?.(`through a portal to ${transfer.world} (${transfer.map})`);
    this.bot
      .follow(token)
      .then(async (next) => {
        await next.waitForWelcome(10_000);
        this.attach(next);
        this.hops++;
        this.hopping = false;
      })
      .catch((err: Error) => {
        this.failed = {
          code: 0,
          reason: `could not follow the transfer to ${transfer.world}: ${err.message}`,
        };
        this.hopping = false;
      });
  }
}
