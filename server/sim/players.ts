// A player entity made from a saved character: its saved fields, placed on its tile, and everything the
// world keeps about it only while it plays (its outbox, intents, cooldowns and truce).
import { PLAYER_STEP_TICKS } from '../../shared/rules/movement.ts';
import type { Checkpoint, SavedCharacter, Tile } from './character.ts';
import type { Player } from './entities.ts';
import { Outbox } from './outbox.ts';
import { PATH_CREDIT_MAX } from './path-budget.ts';

/**
 * A character saved while dead (hp 0) joins dead, to its death screen. `placed.moved`: where it stands
 * differs from what was saved, so it is worth saving again.
 */
export function makePlayer(
  id: number,
  name: string,
  key: string,
  saved: SavedCharacter,
  placed: { tile: Tile; checkpoint: Checkpoint; moved: boolean },
): Player {
  const dead = saved.hp <= 0;
  const { tile } = placed;
  // One plain literal, every field written out: no spread of another object. A player cloned from an
  // object built key by key (as snapshotCharacter builds its copies) made the real server's tick about
  // twice as slow in the crowd bench (sim p50 2.9 ms against 1.4 ms, issue 12) although every function
  // it ran was the same. The saved fields come first, in the table's order; a field added to the table
  // is a compile error here until it is copied.
  return {
    x: tile.x,
    y: tile.y,
    checkpoint: placed.checkpoint,
    hp: dead ? 0 : saved.hp,
    maxHp: saved.maxHp,
    level: saved.level,
    xp: saved.xp,
    weapon: saved.weapon,
    armor: saved.armor,
    achievements: [...saved.achievements], // copied: the caller's objects stay its own
    counters: { ...saved.counters },
    kills: saved.kills,
    deaths: saved.deaths,
    bag: [...saved.bag],
    bagCounts: [...saved.bagCounts],
    belt: [...saved.belt],
    quests: { ...saved.quests },
    questsDone: [...saved.questsDone],
    id,
    path: [],
    progress: 0,
    stepTicks: PLAYER_STEP_TICKS,
    endX: tile.x,
    endY: tile.y,
    type: 'player',
    name,
    key,
    cell: -1,
    outbox: new Outbox(),
    wantWalk: null,
    started: null,
    dirty: placed.moved,
    goal: null,
    nextAttackTick: 0,
    lastFightTick: -1000,
    invulnerableUntil: 0,
    pathCredit: PATH_CREDIT_MAX,
    pathCreditTick: 0,
    safeUntil: 0,
    away: false,
    dead,
    killedBy: 0,
    statsChanged: true,
    talkedTo: new Map(),
    chatTicks: [],
    saying: [],
    wantRespawn: false,
    onPortal: -1,
    party: '',
    bagChanged: true,
    bagIntents: [],
    nextDrinkTick: 0,
    questsChanged: true,
    questIntents: [],
  };
}
