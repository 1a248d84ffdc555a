// A player entity made from a saved character: its saved fields, placed on its tile, and everything the
// world keeps about it only while it plays (its outbox, intents, cooldowns and truce).
import { PLAYER_STEP_TICKS } from '../../shared/rules/movement.ts';
import { snapshotCharacter, type SavedCharacter, type Tile } from './character.ts';
import type { Player } from './entities.ts';
import { Outbox } from './outbox.ts';
import { PATH_CREDIT_MAX } from './path-budget.ts';
import { makeWalker } from './walking.ts';

/**
 * A character saved while dead (hp 0) joins dead, to its death screen. `placed.moved`: where it stands
 * differs from what was saved, so it is worth saving again.
 */
export function makePlayer(
  id: number,
  name: string,
  key: string,
  saved: SavedCharacter,
  placed: { tile: Tile; checkpoint: Tile; moved: boolean },
): Player {
  const dead = saved.hp <= 0;
  return {
    ...snapshotCharacter(saved), // the saved fields only, copied: the caller's objects stay its own
    ...makeWalker(id, placed.tile.x, placed.tile.y, PLAYER_STEP_TICKS),
    type: 'player',
    checkpoint: placed.checkpoint,
    hp: dead ? 0 : saved.hp,
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
  };
}
