// An opt-in record of every input a world was given, stamped with the tick it arrived after, so a run
// can be played again from its seed to the same state: a bug report becomes a test (input-log.test.ts).
import type { SavedCharacter } from './character.ts';
import type { BagIntent } from './entities.ts';

export type Input =
  | [kind: 'join', name: string, saved: SavedCharacter]
  | [kind: 'leave', id: number]
  | [kind: 'resume', id: number]
  | [kind: 'clientGone', id: number]
  | [kind: 'walkTo', id: number, x: number, y: number]
  | [kind: 'pursue', id: number, goal: 'attack' | 'loot' | 'talk' | 'open', targetId: number]
  | [kind: 'chat', id: number, text: string]
  | [kind: 'respawn', id: number]
  | [kind: 'bag', id: number, intent: BagIntent]
  | [kind: 'quest', id: number, action: 'accept' | 'abandon', questId: string];

/** An input given while the world's tickCount was `tick`: it takes effect in tick `tick + 1`. */
export interface LoggedInput {
  tick: number;
  input: Input;
}

/** What replay drives: the world's inputs and its tick (World implements it). */
export interface Replayable {
  readonly tickCount: number;
  join(name: string, saved: SavedCharacter): unknown;
  leave(id: number): void;
  resume(id: number): void;
  clientGone(id: number): void;
  walkTo(id: number, x: number, y: number): void;
  pursue(id: number, goal: 'attack' | 'loot' | 'talk' | 'open', targetId: number): void;
  chat(id: number, text: string): void;
  respawn(id: number): void;
  useBag(id: number, intent: BagIntent): void;
  quest(id: number, action: 'accept' | 'abandon', questId: string): void;
  tick(): void;
}

export class InputLog {
  readonly entries: LoggedInput[] = [];

  record(tick: number, input: Input): void {
    // A copy: the caller's objects (a saved character) go on changing.
    this.entries.push({ tick, input: structuredClone(input) });
  }
}

/** Gives a fresh world (same map, data and seed) the logged inputs, each before its tick, up to `ticks`. */
export function replay(world: Replayable, log: readonly LoggedInput[], ticks: number): void {
  let next = 0;
  while (world.tickCount < ticks) {
    while (next < log.length && log[next]!.tick === world.tickCount) give(world, log[next++]!.input);
    world.tick();
  }
}

function give(world: Replayable, input: Input): void {
  switch (input[0]) {
    case 'join':
      return void world.join(input[1], structuredClone(input[2]));
    case 'leave':
      return world.leave(input[1]);
    case 'resume':
      return world.resume(input[1]);
    case 'clientGone':
      return world.clientGone(input[1]);
    case 'walkTo':
      return world.walkTo(input[1], input[2], input[3]);
    case 'pursue':
      return world.pursue(input[1], input[2], input[3]);
    case 'chat':
      return world.chat(input[1], input[2]);
    case 'respawn':
      return world.respawn(input[1]);
    case 'bag':
      return world.useBag(input[1], input[2]);
    case 'quest':
      return world.quest(input[1], input[2], input[3]);
    default: {
      const unknown: never = input;
      throw new Error(`unknown input ${String(unknown)}`);
    }
  }
}
