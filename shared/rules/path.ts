// Bounded A* on the 4-connected tile grid, deterministic so server and client agree on a path.
import { DX, DY } from './dirs.ts';
import { type Grid, inBounds, isWalkable } from './grid.ts';
import { regionsOf } from './regions.ts';

/**
 * Nodes searched when the target cannot be reached at all: enough to find a close tile on the way to it,
 * instead of exhausting the whole budget (6,000 nodes, a millisecond or two) on every such click or chase.
 */
const UNREACHABLE_BUDGET = 400;

export interface PathOptions {
  /** Most nodes expanded before giving up on the exact target. */
  nodeBudget: number;
  /** Longest path returned; longer ones are cut. */
  maxSteps: number;
  /** Open tiles (by index) to go around as if blocked: the server keeps mobs off each other's tiles. */
  avoid?: (index: number) => boolean;
}

export interface Tile {
  x: number;
  y: number;
}

/** Reusable per-size scratch space, stamped per search so it never needs clearing. */
interface Scratch {
  size: number;
  stamp: Uint32Array;
  g: Uint32Array;
  from: Int32Array;
  closed: Uint32Array;
  generation: number;
  /** The open set, emptied per search: its arrays are kept, not reallocated for every path. */
  open: OpenHeap;
}

let scratch: Scratch | null = null;
let searched = 0;

/** Nodes the last findPath expanded: what it cost, for callers that budget their searches. */
export function lastSearchNodes(): number {
  return searched;
}

function scratchFor(size: number): Scratch {
  if (!scratch || scratch.size !== size) {
    scratch = {
      size,
      stamp: new Uint32Array(size),
      g: new Uint32Array(size),
      from: new Int32Array(size),
      closed: new Uint32Array(size),
      generation: 0,
      open: new OpenHeap(),
    };
  }
  scratch.generation++;
  return scratch;
}

/** A binary min-heap of node indexes keyed by f, then h, then insertion order (so ties are stable). */
class OpenHeap {
  private nodes: number[] = [];
  private keys: number[] = [];
  private order = 0;

  get size(): number {
    return this.nodes.length;
  }

  clear(): void {
    this.nodes.length = 0;
    this.keys.length = 0;
    this.order = 0;
  }

  push(node: number, f: number, h: number): void {
    // f and h stay below 2^16 on any sane map, the insertion counter below 2^20.
    const key = f * 2 ** 36 + h * 2 ** 20 + this.order++;
    this.nodes.push(node);
    this.keys.push(key);
    let i = this.nodes.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.keys[parent]! <= key) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  pop(): number {
    const top = this.nodes[0]!;
    const lastNode = this.nodes.pop()!;
    const lastKey = this.keys.pop()!;
    if (this.nodes.length > 0) {
      this.nodes[0] = lastNode;
      this.keys[0] = lastKey;
      let i = 0;
      for (;;) {
        const l = i * 2 + 1;
        const r = l + 1;
        let min = i;
        if (l < this.nodes.length && this.keys[l]! < this.keys[min]!) min = l;
        if (r < this.nodes.length && this.keys[r]! < this.keys[min]!) min = r;
        if (min === i) break;
        this.swap(i, min);
        i = min;
      }
    }
    return top;
  }

  private swap(a: number, b: number): void {
    // Plain temporaries: a destructuring swap allocates an array, and this runs for every heap step.
    const node = this.nodes[a]!;
    this.nodes[a] = this.nodes[b]!;
    this.nodes[b] = node;
    const key = this.keys[a]!;
    this.keys[a] = this.keys[b]!;
    this.keys[b] = key;
  }
}

/**
 * The tiles to walk from `from` to `to`, excluding the start. When the target is blocked or cannot be
 * reached within the budget, walks to the reachable tile closest to it instead (or nowhere: []); when no
 * path could reach it, that tile is looked for nearby only.
 */
export function findPath(grid: Grid, from: Tile, to: Tile, options: PathOptions): Tile[] {
  searched = 0;
  if (!inBounds(grid, from.x, from.y) || !inBounds(grid, to.x, to.y)) return [];
  if (from.x === to.x && from.y === to.y) return [];
  const s = scratchFor(grid.width * grid.height);
  const gen = s.generation;
  const w = grid.width;
  const heuristic = (i: number): number => Math.abs((i % w) - to.x) + Math.abs(Math.floor(i / w) - to.y);
  const start = from.y * w + from.x;
  const goal = to.y * w + to.x;
  const regions = regionsOf(grid);
  const reachable = regions[goal]! >= 0 && regions[goal] === regions[start];
  const budget = reachable ? options.nodeBudget : Math.min(options.nodeBudget, UNREACHABLE_BUDGET);
  const avoid = options.avoid;
  const open = s.open;
  open.clear();
  s.stamp[start] = gen;
  s.g[start] = 0;
  s.from[start] = -1;
  open.push(start, heuristic(start), heuristic(start));
  let best = start;
  let bestH = heuristic(start);
  let expanded = 0;
  while (open.size > 0 && expanded < budget) {
    const node = open.pop();
    if (s.closed[node] === gen) continue;
    s.closed[node] = gen;
    expanded++;
    const h = heuristic(node);
    if (h < bestH || (h === bestH && s.g[node]! < s.g[best]!)) {
      best = node;
      bestH = h;
    }
    if (node === goal) break;
    const x = node % w;
    const y = (node - x) / w;
    for (let d = 0; d < 4; d++) {
      const nx = x + DX[d]!;
      const ny = y + DY[d]!;
      if (!isWalkable(grid, nx, ny)) continue;
      const next = ny * w + nx;
      if (s.closed[next] === gen || (avoid && avoid(next))) continue;
      const g = s.g[node]! + 1;
      if (s.stamp[next] === gen && s.g[next]! <= g) continue;
      s.stamp[next] = gen;
      s.g[next] = g;
      s.from[next] = node;
      const nh = heuristic(next);
      open.push(next, g + nh, nh);
    }
  }
  searched = expanded;
  const path: Tile[] = [];
  for (let at = best; at !== start; at = s.from[at]!) path.push({ x: at % w, y: Math.floor(at / w) });
  path.reverse();
  return path.length > options.maxSteps ? path.slice(0, options.maxSteps) : path;
}
