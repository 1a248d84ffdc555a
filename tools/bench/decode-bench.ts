// What applying server frames costs a client (the browser's and each benchmark bot's `applyFrame`), apart
// from the server and the sockets: a seeded in-process World on the spread map plays N players as the
// `spread` bots do (half wander, half hunt), the frames of some of them (the watchers) are recorded from
// their join on, then replayed into fresh views several times, as the browser client applies them (every
// event) and as the bots do (no walk events). Prints µs per frame and per walk record, and what was
// allocated (summed over the garbage collections, from v8.GCProfiler). Repeatable: same seed, same
// frames; times are the median rep's. Takes ~10 s:
//   node --import tsx tools/bench/decode-bench.ts [--players 2000] [--watchers 100] [--ticks 300] [--reps 20]
import path from 'node:path';
import { parseArgs } from 'node:util';
import v8 from 'node:v8';
import { loadWorldMap } from '../../server/load-map.ts';
import { loadGameData } from '../../server/load-data.ts';
import { World } from '../../server/sim/world.ts';
import { Rng } from '../../server/sim/rng.ts';
import { decodeServerFrame } from '../../shared/protocol/codec.ts';
import { readMoves } from '../../shared/protocol/moves.ts';
import { Op } from '../../shared/protocol/ops.ts';
import { applyFrame, createView, type ApplyOptions } from '../../shared/protocol/view.ts';
import { isWalkable } from '../../shared/rules/grid.ts';
import { TICK_RATE } from '../../shared/rules/movement.ts';
import { repoRoot } from '../server-process.ts';
import { writeBenchMap } from './bench-map.ts';
import { BENCH_MAP, VILLAGE_MAP } from './scenarios.ts';

const { values: args } = parseArgs({
  options: {
    players: { type: 'string', default: '2000' },
    watchers: { type: 'string', default: '100' },
    ticks: { type: 'string', default: '300' },
    reps: { type: 'string', default: '20' },
    seed: { type: 'string', default: '7' },
  },
});
const players = Number(args.players);
const watcherCount = Number(args.watchers);
const ticks = Number(args.ticks);
const reps = Number(args.reps);
/** Ticks between a wanderer's walks on average (1.6 s), and between a hunter's looks around (250 ms). */
const WALK_EVERY = Math.round(1.6 * TICK_RATE);
const THINK_EVERY = Math.round(0.25 * TICK_RATE);
const SIGHT = 20;

const target = path.join(repoRoot, BENCH_MAP);
writeBenchMap({ source: path.join(repoRoot, VILLAGE_MAP), target, across: 2, down: 4 });
const map = loadWorldMap(target);
const world = new World({ name: 'bench', map, data: loadGameData(path.join(repoRoot, 'assets')), seed: 7 });
const rng = new Rng(Number(args.seed));
const ids: number[] = [];
/** Each watcher's frames, in order from its welcome on, and the clock each arrived at. */
const recorded = new Map<number, { frame: Uint8Array; now: number }[]>();

function takeFrames(): void {
  for (const id of ids) {
    const frame = world.takeFrame(id);
    const frames = recorded.get(id);
    // A Buffer, as the bots' sockets hand frames over (msgpackr slices binary fields out of it).
    if (frame && frames)
      frames.push({ frame: Buffer.from(frame), now: world.tickCount * (1000 / TICK_RATE) });
  }
}

function play(tick: number): void {
  ids.forEach((id, i) => {
    if (i % 2 === 0 && tick % THINK_EVERY === i % THINK_EVERY && hunt(id)) return;
    if (rng.int(0, WALK_EVERY - 1) !== 0) return;
    const p = world.players.get(id)!;
    const x = p.x + rng.int(-8, 8);
    const y = p.y + rng.int(-8, 8);
    if (isWalkable(map.grid, x, y)) world.walkTo(id, x, y);
  });
}

/** Keeps the player on its mob, or attacks the nearest one in sight; false if there is none. */
function hunt(id: number): boolean {
  const p = world.players.get(id)!;
  if (p.dead) return (void world.respawn(id), true);
  if (p.goal && world.mobs.has(p.goal.id)) return true;
  let best = -1;
  let bestDistance = SIGHT + 1;
  for (const mob of world.mobs.values()) {
    const d = Math.max(Math.abs(mob.x - p.x), Math.abs(mob.y - p.y));
    if (d < bestDistance) [best, bestDistance] = [mob.id, d];
  }
  if (best < 0) return false;
  world.pursue(id, 'attack', best);
  return true;
}

const setupStart = performance.now();
const watchEvery = Math.max(1, Math.floor(players / watcherCount));
for (let i = 0; i < players; i++) {
  const joined = world.join(`Bot${i + 1}`);
  if (!joined.ok) continue;
  ids.push(joined.player.id);
  if (i % watchEvery === 0 && recorded.size < watcherCount) recorded.set(joined.player.id, []);
  if (i % 50 === 49) {
    world.tick();
    takeFrames();
  }
}
for (let t = 0; t < ticks; t++) {
  play(t);
  world.tick();
  takeFrames();
}
const setupMs = performance.now() - setupStart;

let frames = 0;
let bytes = 0;
let walks = 0;
for (const list of recorded.values()) {
  for (const { frame } of list) {
    frames++;
    bytes += frame.length;
    for (const msg of decodeServerFrame(frame)) if (msg[0] === Op.Moves) walks += readMoves(msg[1]).length;
  }
}

/** Applies every watcher's frames to a fresh view; returns the problems the views reported. */
function replay(options: ApplyOptions): number {
  let problems = 0;
  for (const list of recorded.values()) {
    const view = createView();
    for (const { frame, now } of list)
      for (const e of applyFrame(view, frame, now, options)) if (e.type === 'problem') problems++;
  }
  return problems;
}

const round = (v: number, digits = 2): number => Number(v.toFixed(digits));

/** Times `reps` replays (after one to warm up the JIT) and sums what they allocated. */
function measure(options: ApplyOptions): Record<string, number> {
  replay(options);
  const profiler = new v8.GCProfiler();
  profiler.start();
  const heapBefore = v8.getHeapStatistics().used_heap_size;
  const cpuBefore = process.cpuUsage();
  let problems = 0;
  /** Each rep's wall time: the median one is reported, as the machine is shared (other processes' bursts). */
  const repMs: number[] = [];
  for (let r = 0; r < reps; r++) {
    const started = performance.now();
    problems += replay(options);
    repMs.push(performance.now() - started);
  }
  repMs.sort((a, b) => a - b);
  const medianMs = repMs[Math.floor(reps / 2)]!;
  const cpu = process.cpuUsage(cpuBefore);
  const heapAfter = v8.getHeapStatistics().used_heap_size;
  const gcs = profiler.stop().statistics;

  // Allocated = what each collection found in use less what the one before left, plus the growth since.
  let allocated = 0;
  let left = heapBefore;
  let gcMs = 0;
  for (const gc of gcs) {
    allocated += gc.beforeGC.heapStatistics.usedHeapSize - left;
    left = gc.afterGC.heapStatistics.usedHeapSize;
    gcMs += gc.cost / 1000;
  }
  allocated += heapAfter - left;
  return {
    usPerFrame: round((medianMs * 1000) / frames, 3),
    usPerWalkRecord: round((medianMs * 1000) / walks, 4),
    fastestUsPerFrame: round((repMs[0]! * 1000) / frames, 3),
    cpuMsPerRep: round((cpu.user + cpu.system) / 1000 / reps, 1),
    allocatedMbPerRep: round(allocated / 2 ** 20 / reps, 1),
    bytesAllocatedPerFrame: Math.round(allocated / (frames * reps)),
    gcsPerRep: round(gcs.length / reps, 1),
    gcMsPerRep: round(gcMs / reps, 1),
    problems,
  };
}

console.log(
  JSON.stringify({
    players: ids.length,
    watchers: recorded.size,
    ticks,
    reps,
    setupS: round(setupMs / 1000, 1),
    framesPerRep: frames,
    walkRecordsPerRep: walks,
    bytesPerFrame: round(bytes / frames, 1),
    // The browser client's way (every event), then the bots' (no walk events: tools/bots/bot-client.ts).
    client: measure({}),
    bots: measure({ walkEvents: false }),
  }),
);
