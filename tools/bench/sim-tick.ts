// The simulation alone, with no sockets and no bots process: N players wander the spread map (a walk to
// a random walkable tile within ±8 every ~1.6 s, as the bots do) and every tick ends with every frame
// taken, as the server does before sending. Prints CPU and wall ms per tick and the payload per player.
// For A/B comparisons of server/sim changes on a shared machine, where `npm run bench` is noisier:
//   node --import tsx tools/bench/sim-tick.ts [--players 2000] [--ticks 600] [--seed 7]
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadWorldMap } from '../../server/load-map.ts';
import { World } from '../../server/sim/world.ts';
import { Rng } from '../../server/sim/rng.ts';
import { isWalkable } from '../../shared/rules/grid.ts';
import { TICK_RATE } from '../../shared/rules/movement.ts';
import { repoRoot } from '../server-process.ts';
import { writeBenchMap } from './bench-map.ts';
import { BENCH_MAP, VILLAGE_MAP } from './scenarios.ts';

const { values: args } = parseArgs({
  options: {
    players: { type: 'string', default: '2000' },
    ticks: { type: 'string', default: '600' },
    seed: { type: 'string', default: '7' },
  },
});
const players = Number(args.players);
const ticks = Number(args.ticks);
/** Ticks between a player's walks on average: 1.6 s. */
const WALK_EVERY = Math.round(1.6 * TICK_RATE);
const WARMUP_TICKS = 200;

const target = path.join(repoRoot, BENCH_MAP);
writeBenchMap({ source: path.join(repoRoot, VILLAGE_MAP), target, across: 2, down: 4 });
const map = loadWorldMap(target);
const world = new World({ name: 'bench', map, seed: Number(args.seed) });
const rng = new Rng(Number(args.seed));
const ids: number[] = [];
const traffic = { bytes: 0, frames: 0 };

function takeFrames(): void {
  for (const id of ids) {
    const frame = world.takeFrame(id);
    if (frame) {
      traffic.bytes += frame.length;
      traffic.frames++;
    }
  }
}

function wander(): void {
  for (const id of ids) {
    if (rng.int(0, WALK_EVERY - 1) !== 0) continue;
    const p = world.players.get(id)!;
    const x = p.x + rng.int(-8, 8);
    const y = p.y + rng.int(-8, 8);
    if (isWalkable(map.grid, x, y)) world.walkTo(id, x, y);
  }
}

// Joined 50 a tick, as the bench connects them.
for (let i = 0; i < players; i++) {
  const joined = world.join(`Bot${i + 1}`);
  if (joined.ok) ids.push(joined.player.id);
  if (i % 50 === 49) {
    world.tick();
    takeFrames();
  }
}
for (let t = 0; t < WARMUP_TICKS; t++) {
  wander();
  world.tick();
  takeFrames();
}

traffic.bytes = traffic.frames = 0;
const durations: number[] = [];
const cpuBefore = process.cpuUsage();
const started = performance.now();
for (let t = 0; t < ticks; t++) {
  wander();
  const tickStart = performance.now();
  world.tick();
  takeFrames();
  durations.push(performance.now() - tickStart);
}
const cpu = process.cpuUsage(cpuBefore);
const seconds = ticks / TICK_RATE;
durations.sort((a, b) => a - b);
const round = (v: number, digits = 2): number => Number(v.toFixed(digits));
console.log(
  JSON.stringify({
    players: ids.length,
    ticks,
    cpuMsPerTick: round((cpu.user + cpu.system) / 1000 / ticks),
    wallMsPerTick: round((performance.now() - started) / ticks),
    tickMs: {
      p50: round(durations[Math.floor(ticks / 2)]!),
      p99: round(durations[Math.floor(ticks * 0.99)]!),
    },
    bytesPerPlayerPerSecond: Math.round(traffic.bytes / ids.length / seconds),
    framesPerPlayerPerSecond: round(traffic.frames / ids.length / seconds, 1),
    rssMb: Math.round(process.memoryUsage.rss() / 2 ** 20),
  }),
);
