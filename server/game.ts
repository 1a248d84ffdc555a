// The game, composed: the world, who plays which character (roster), where characters come from
// (characters) and go to (saver), and what runs once a tick and once a second. No sockets, no HTTP:
// app.ts wires this to the network.
import type { GameData } from '../shared/content/game-data.ts';
import type { WorldMap } from '../shared/content/world-map.ts';
import { World } from './sim/world.ts';
import { PartList } from './sim/outbox.ts';
import type { Session } from './net/session.ts';
import { Roster, type RosterLink } from './roster.ts';
import { Characters } from './characters.ts';
import { Saver } from './saver.ts';
import type { Store } from './store/store.ts';
import type { Config } from './config.ts';
import type { Log } from './log.ts';

export interface GameParts {
  config: Config;
  map: WorldMap;
  data: GameData;
  /** The map file, as problems in its objects are reported. */
  mapFile: string;
  /** The map's path under assets/ (`maps/world.tmj`), told in the welcome. */
  mapPath?: string;
  /** The realm around this world (none: a world on its own). */
  link?: RosterLink;
  store: Store;
  log: Log;
  now: () => number;
  /** Whether a client at this address may make one more character now. */
  mayCreateCharacter: (address: string) => boolean;
}

export interface Game {
  world: World;
  roster: Roster;
  saver: Saver;
  characters: Characters;
  /** Once a second: what changed is saved, idle players are sent away, quiet connections get a heartbeat. */
  chores(): void;
  /** Stops the game's own timers (the loop and the sockets are the caller's). */
  stop(): void;
}

export function composeGame(parts: GameParts): Game {
  const { config, map, data, mapFile, store, log, now } = parts;
  const world = new World({
    name: config.worldName,
    map,
    data,
    mapFile,
    mapPath: parts.mapPath,
    seed: config.seed,
    maxPlayers: config.maxPlayers,
  });
  // A save refused because another world holds the character now: it leaves this one, unsaved.
  const onFencedOut = (name: string): void => roster.fencedOut(name);
  const saver = new Saver({ store, log, now, map: world.mapPath, onFencedOut, leaseMs: config.leaseMs });
  const characters = new Characters(store, saver, log, parts.mayCreateCharacter);
  void characters.forgetUnplayed();
  const sweep = setInterval(() => void characters.forgetUnplayed(), 3600_000);
  const { graceMs, idleMs } = config;
  const roster = new Roster({ world, characters, saver, log, graceMs, idleMs, now, link: parts.link });
  return {
    world,
    roster,
    saver,
    characters,
    chores() {
      // Saved every second, so a crash loses at most a couple of seconds.
      saver.collect(world.players.values());
      void saver.flush();
      roster.chores(config.heartbeatMs);
    },
    stop: () => clearInterval(sweep),
  };
}

/** One player's frame, as parts copied straight into the gateway's batch (reused every time). */
const frameParts = new PartList();

/**
 * The per-tick send step: every session that plays a character gets the frame the tick made for it.
 * `sent` is told each frame's size (for metrics).
 */
export function sendFrames(world: World, sessions: Iterable<Session>, sent: (size: number) => void): void {
  for (const s of sessions) {
    if (s.playerId < 0) continue;
    frameParts.clear();
    const size = world.takeFrameParts(s.playerId, frameParts);
    if (size > 0) {
      s.send(frameParts.parts, frameParts.count);
      sent(size);
    }
  }
  frameParts.clear(); // holds no frame past the tick
}
