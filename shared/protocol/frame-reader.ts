// Turns server frames into world events with every walk resolved to an explicit start tile.
// It keeps, per entity, where its last walk ends (what "continues" records start from), and skips a
// walk record for an entity spawned earlier in the same frame: the spawn already carries that walk.
import { decodeServerFrame } from './codec.ts';
import { readMoves } from './moves.ts';
import { Op } from './ops.ts';
import { DX, DY, type Dir } from '../rules/dirs.ts';
import type { Tile } from '../rules/path.ts';

export interface Walk {
  start: Tile;
  steps: Dir[];
}

export type WorldEvent =
  | {
      type: 'welcome';
      selfId: number;
      name: string;
      x: number;
      y: number;
      world: string;
      tickMs: number;
      stepTicks: number;
    }
  | { type: 'spawn'; id: number; name: string; x: number; y: number; walk: Walk | null }
  | { type: 'despawn'; id: number }
  | { type: 'walk'; id: number; walk: Walk }
  | { type: 'notice'; text: string };

export function walkEnd(walk: Walk): Tile {
  let { x, y } = walk.start;
  for (const d of walk.steps) {
    x += DX[d]!;
    y += DY[d]!;
  }
  return { x, y };
}

export class FrameReader {
  /** Where each known entity's last walk ends, as the server sees it. */
  readonly ends = new Map<number, Tile>();

  read(frame: Uint8Array): WorldEvent[] {
    const events: WorldEvent[] = [];
    const spawnedNow = new Set<number>();
    for (const msg of decodeServerFrame(frame)) {
      switch (msg[0]) {
        case Op.Welcome: {
          const [, selfId, name, x, y, world, tickMs, stepTicks] = msg;
          this.ends.clear();
          this.ends.set(selfId, { x, y });
          events.push({ type: 'welcome', selfId, name, x, y, world, tickMs, stepTicks });
          break;
        }
        case Op.SpawnPlayer: {
          const [, id, name, x, y, packed] = msg;
          const record = packed.length ? readMoves(packed)[0] : undefined;
          const walk = record ? { start: record.start ?? { x, y }, steps: record.steps } : null;
          this.ends.set(id, walk ? walkEnd(walk) : { x, y });
          spawnedNow.add(id);
          events.push({ type: 'spawn', id, name, x, y, walk });
          break;
        }
        case Op.Despawn:
          this.ends.delete(msg[1]);
          events.push({ type: 'despawn', id: msg[1] });
          break;
        case Op.Moves:
          for (const record of readMoves(msg[1])) {
            const from = record.start ?? this.ends.get(record.id);
            if (spawnedNow.has(record.id) || !from) continue;
            const walk = { start: from, steps: record.steps };
            this.ends.set(record.id, walkEnd(walk));
            events.push({ type: 'walk', id: record.id, walk });
          }
          break;
        case Op.Notice:
          events.push({ type: 'notice', text: msg[1] });
          break;
      }
    }
    return events;
  }
}
