// One world's side of the realm: where a character that belongs on another map goes, portals, the
// directory entries of its players, whispers and player lists, population counts, and the bus messages
// addressed to it (whispers, requests to let a character go, announcements).
import { worldFor, type RealmWorld } from '../../shared/content/realm.ts';
import { arrivalTile } from '../../shared/content/realm-checks.ts';
import { Op } from '../../shared/protocol/ops.ts';
import type { CharacterRecord } from '../store/store.ts';
import type { Player } from '../sim/world.ts';
import type { Departure } from '../sim/context.ts';
import type { Game } from '../game.ts';
import type { Elsewhere, RosterLink } from '../roster.ts';
import type { Log } from '../log.ts';
import type { BusMessage } from './bus.ts';
import type { Realm } from './realm.ts';
import { parseWhisper, whisper, whisperArrived } from './whispers.ts';
import { PartyLink } from './party-link.ts';
import type { PartyIntent } from '../net/session.ts';
import { relocate, type Relocated } from './moved.ts';
import { announcementArrived } from './announcements.ts';

/** At most this many players in one PlayerList. */
const LIST_MAX = 200;

export class WorldLink implements RosterLink {
  readonly shard: string | null;
  private game: Game | null = null;
  private readonly levels = new Map<string, number>();
  /** Parties: commands, news from the bus, and the members' state once a second (party-link.ts). */
  readonly partyLink: PartyLink;

  constructor(
    readonly realm: Realm,
    readonly info: RealmWorld,
    private readonly log: Log,
  ) {
    this.shard = info.shard;
    this.partyLink = new PartyLink(this);
    realm.bus.subscribe(info.id, (m) => this.heard(m));
  }

  attach(game: Game): void {
    this.game = game;
  }

  get world(): Game['world'] {
    return this.game!.world;
  }

  get roster(): Game['roster'] {
    return this.game!.roster;
  }

  relocate(character: CharacterRecord): Relocated | null {
    return relocate(character, this.realm.layout.start);
  }

  async belongs(character: CharacterRecord, shard: string | null): Promise<Elsewhere | null> {
    const { layout } = this.realm;
    let map = characterMap(character) || layout.start;
    if (!layout.worlds.some((w) => w.map === map)) map = layout.start; // a map the realm no longer plays
    if (map === this.info.map) return null;
    const counts = await this.realm.directory.population();
    const target = worldFor(layout, map, shard, (id) => counts[id] ?? 0);
    if (!target) return { crowded: `Every world of ${map} is full; try again soon.` };
    return { world: target.id, map: target.map };
  }

  has(owner: string): boolean {
    return owner !== this.info.id && this.realm.layout.worlds.some((w) => w.id === owner);
  }

  letGo(name: string, world: string): Promise<void> {
    // With the bus down the request cannot go; the claim is still retried (the lease may run out).
    return this.realm.bus.publish(world, { type: 'release', name, by: this.info.id }).then(
      () => {},
      () => {},
    );
  }

  entered(player: Player): void {
    this.levels.set(player.key, player.level);
    void this.realm.directory.enter({ name: player.name, world: this.info.id, level: player.level });
    void this.realm.directory.population().then((counts) => {
      const total = Object.values(counts).reduce((a, b) => a + b, 0);
      this.world.tell(player, [Op.Population, counts[this.info.id] ?? 0, total]);
    });
    this.partyLink.entered(player);
  }

  left(player: Player): void {
    this.levels.delete(player.key);
    void this.realm.directory.leave(player.name, this.info.id);
    this.partyLink.left(player);
  }

  command(player: Player, text: string): boolean {
    if (this.partyLink.command(player, text)) return true;
    const parsed = parseWhisper(text);
    if (!parsed) return false;
    whisper(this, player, parsed).catch((err: Error) => this.world.tell(player, [Op.Notice, err.message]));
    return true;
  }

  party(player: Player, intent: PartyIntent): void {
    this.partyLink.intent(player, intent);
  }

  who(player: Player): void {
    this.realm.directory.list(LIST_MAX).then(
      ({ total, players }) => {
        const list = players.map((p): [string, string, number] => [p.name, p.world, p.level]);
        this.world.tell(player, [Op.PlayerList, total, list]);
      },
      (err: Error) => this.world.tell(player, [Op.Notice, err.message]),
    );
  }

  /** Every player of this world, for the directory's refresh. */
  entries(): { name: string; world: string; level: number }[] {
    return [...this.world.players.values()].map((p) => ({
      name: p.name,
      world: this.info.id,
      level: p.level,
    }));
  }

  tellPopulation(here: number, total: number): void {
    for (const p of this.world.players.values()) this.world.tell(p, [Op.Population, here, total]);
    // Levels change as players play: the directory hears of it here, once a second.
    for (const p of this.world.players.values()) {
      if (this.levels.get(p.key) === p.level || !this.levels.has(p.key)) continue;
      this.levels.set(p.key, p.level);
      void this.realm.directory.enter({ name: p.name, world: this.info.id, level: p.level });
    }
  }

  /** After each tick: the players who stepped onto a portal go through it. */
  departures(): void {
    const list = this.world.departures;
    if (list.length === 0) return;
    for (const d of list.splice(0))
      this.portal(d).catch((err: Error) =>
        this.log.error(`portal of ${d.player.name}: ${err.stack ?? err.message}`),
      );
  }

  private async portal({ player, portal, tile }: Departure): Promise<void> {
    const { layout } = this.realm;
    const shard = this.roster.shardOf(player);
    const counts = await this.realm.directory.population();
    const target = worldFor(layout, portal.map, shard, (id) => counts[id] ?? 0);
    const title = layout.worlds.find((w) => w.map === portal.map)?.title ?? portal.map;
    if (!target)
      return this.world.tell(player, [Op.Notice, `The way to ${title} is crowded; try again soon.`]);
    const dest = this.realm.maps.get(portal.map)?.map.objects.find((o) => o.name === portal.to);
    if (!tile && !dest)
      return this.log.error(`portal "${portal.name}" leads to "${portal.to}", not in ${portal.map}`);
    const { x, y } = tile ?? arrivalTile(dest!.area);
    this.world.clientGone(player.id); // stands still and unhurt while it is saved
    let done = false;
    try {
      done = await this.game!.saver.handOff(player, { map: portal.map, shard: target.shard ?? shard, x, y });
    } catch (err) {
      this.log.error(`hand-off of ${player.name} to ${target.id} failed: ${(err as Error).message}`);
    }
    if (!this.world.players.has(player.id)) return; // it left meanwhile
    if (!done) {
      player.away = false;
      return this.world.tell(player, [Op.Notice, `The way to ${title} is blocked; try again soon.`]);
    }
    this.roster.transfer(player, target.id, target.map);
  }

  private heard(message: BusMessage): void {
    if (!this.game) return;
    if (message.type === 'release') return this.roster.release(message.name);
    if (message.type === 'whisper' || message.type === 'whispered') return whisperArrived(this, message);
    if (message.type === 'announcement') return announcementArrived(this.world, message.text);
    this.partyLink.heard(message);
  }
}

/** The map the character is on ('' before the realm stored one: the start map). */
function characterMap(character: CharacterRecord): string {
  return character.map ?? '';
}
