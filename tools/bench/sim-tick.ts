// The simulation alone, with no sockets and no bots process: N players on the spread map, as the bots
// of `npm run bench -- --scenario spread` play: half wander (a walk to a random walkable tile within ±8
// every ~1.6 s), half attack the nearest mob within 20 tiles and wander while none is left; every tick
// ends with every frame taken, as the server does before sending. Prints CPU and wall ms per tick and
// the payload per player. For A/B comparisons of server/sim changes on a shared machine, where
// `npm run bench` is noisier:
//   node --import tsx tools/bench/sim-tick.ts [--players 2000] [--ticks 600] [--seed 7] [--fighters 0.5]
// With --crowd, as the `crowd` scenario: the village map, every walk inside one 24×24 box, so everyone
// sees everyone (the cost that grows with the square of a crowd).
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadWorldMap } from '../../server/load-map.ts';
import { World } from '../../server/sim/world.ts';
import { PartList } from '../../server/sim/outbox.ts';
import { OutBatch } from '../../server/net/gateway-wire.ts';
import { loadGameData } from '../../server/load-data.ts';
import { Rng } from '../../server/sim/rng.ts';
import { isWalkable } from '../../shared/rules/grid.ts';
import { TICK_RATE } from '../../shared/rules/movement.ts';
import { repoRoot } from '../server-process.ts';
import { writeBenchMap } from './bench-map.ts';
import { BENCH_MAP, crowdArea, VILLAGE_MAP } from './scenarios.ts';

const { values: args } = parseArgs({
  options: {
    players: { type: 'string', default: '2000' },
    ticks: { type: 'string', default: '600' },
    seed: { type: 'string', default: '7' },
    fighters: { type: 'string', default: '0.5' },
    crowd: { type: 'boolean', default: false },
  },
});
const players = Number(args.players);
const ticks = Number(args.ticks);
/** Ticks between a player's walks on average: 1.6 s. */
const WALK_EVERY = Math.round(1.6 * TICK_RATE);
const WARMUP_TICKS = 200;
/** Ticks between a fighter's looks around (the bots think every 250 ms). */
const THINK_EVERY = Math.round(0.25 * TICK_RATE);
const SIGHT = 20;
const fighterShare = Number(args.fighters);

const target = path.join(repoRoot, args.crowd ? VILLAGE_MAP : BENCH_MAP);
if (!args.crowd) writeBenchMap({ source: path.join(repoRoot, VILLAGE_MAP), target, across: 2, down: 4 });
const map = loadWorldMap(target);
const box = args.crowd ? crowdArea(map) : null;
const data = loadGameData(path.join(repoRoot, 'assets'));
const world = new World({ name: 'bench', map, data, seed: Number(args.seed) });
const rng = new Rng(Number(args.seed));
const ids: number[] = [];
const traffic = { bytes: 0, frames: 0, piped: 0 };

/**
 * Every player's frame, as the server takes them: parts, packed into the batch for the gateway (which
 * names a part many frames share once). The pipe write itself is left out.
 */
const parts = new PartList();
const batch = new OutBatch();
function takeFrames(): void {
  for (const id of ids) {
    parts.clear();
    const size = world.takeFrameParts(id, parts);
    if (size > 0) {
      batch.frame(id, parts.parts, parts.count);
      traffic.bytes += size;
      traffic.frames++;
    }
  }
  traffic.piped += batch.take().length;
}

function play(tick: number): void {
  ids.forEach((id, i) => {
    const fighter = i % 2 === 0 && i / ids.length < fighterShare * 2;
    if (fighter && tick % THINK_EVERY === i % THINK_EVERY && fight(id)) return;
    if (rng.int(0, WALK_EVERY - 1) !== 0) return;
    const p = world.players.get(id)!;
    const x = p.x + rng.int(-8, 8);
    const y = p.y + rng.int(-8, 8);
    if (box && (x < box.x || y < box.y || x >= box.x + box.width || y >= box.y + box.height)) return;
    if (isWalkable(map.grid, x, y)) world.walkTo(id, x, y);
  });
}

/** Keeps the player on its target, or attacks the nearest living mob in sight; false if there is none. */
function fight(id: number): boolean {
  const p = world.players.get(id)!;
  if (p.dead) {
    world.respawn(id);
    return true;
  }
  if (p.goal && world.mobs.has(p.goal.id)) return true; // a dead mob leaves world.mobs
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
  play(t);
  world.tick();
  takeFrames();
}

traffic.bytes = traffic.frames = traffic.piped = 0;
const durations: number[] = [];
const cpuBefore = process.cpuUsage();
const started = performance.now();
for (let t = 0; t < ticks; t++) {
  play(t);
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
    /** Bytes a tick hands the gateway: every frame, shared parts once. */
    pipedKbPerTick: round(traffic.piped / 1024 / ticks, 1),
    rssMb: Math.round(process.memoryUsage.rss() / 2 ** 20),
  }),
);
