// `npm run playthrough -- --seed N [--seeds A..B] [--minutes M] [--zones K] [--zone-minutes Z]`: for each seed, starts a
// real server (fresh DATA_DIR, SEED=N), plays a fresh character along the road with the playthrough
// bot, stops everything, and prints a JSON summary last (one object per seed, with `finished`).
import { Rng } from '../../server/sim/rng.ts';
import { playThrough, type PlaythroughResult } from './playthrough-bot.ts';
import { loadAtlas } from './playthrough-atlas.ts';
import { roadStops } from './playthrough-route.ts';
import { repoRoot, startServerProcess } from '../server-process.ts';

export interface PlaythroughRun extends PlaythroughResult {
  seed: number;
  /** Wall seconds for the whole run: server start, play, shutdown. */
  wallSeconds: number;
}

export interface RunOptions {
  seed: number;
  minutes: number;
  zones?: number;
  /** Finish once the first this many stops of the road are reached. */
  stops?: number;
  /** Longest stay hunting in one zone before walking on regardless (the bot's default when absent). */
  zoneMinutes?: number;
  log?: (line: string) => void;
}

/** Servers running now, so Ctrl-C or a kill stops them too. */
const live = new Set<{ stop(): Promise<number | null> }>();

/** One seed: a server of its own, one bot, everything stopped on every path. */
export async function runPlaythrough({
  seed,
  minutes,
  zones,
  stops: finishAfterStops,
  zoneMinutes,
  log,
}: RunOptions): Promise<PlaythroughRun> {
  const started = performance.now();
  const atlas = loadAtlas(repoRoot);
  const stops = roadStops(atlas.content);
  // Generous: on a busy 2-core machine a server can take half a minute to load the world.
  const server = await startServerProcess({ SEED: String(seed) }, { timeoutMs: 90_000 });
  live.add(server);
  try {
    const url = server.url.replace(/^http/, 'ws').replace(/\/$/, '') + '/ws';
    const result = await playThrough({
      url,
      name: `pilgrim${seed}`,
      atlas,
      stops,
      budgetMs: minutes * 60_000,
      zones,
      finishAfterStops,
      zoneCapMs: zoneMinutes === undefined ? undefined : zoneMinutes * 60_000,
      random: (
        (rng) => () =>
          rng.next()
      )(new Rng(seed)),
      log,
    });
    return { seed, ...result, wallSeconds: Math.round((performance.now() - started) / 1000) };
  } finally {
    live.delete(server);
    await server.stop();
  }
}

function parseArgs(argv: string[]): Omit<RunOptions, 'seed' | 'log'> & { seeds: number[] } {
  const value = (flag: string): string | undefined => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const seeds: number[] = [];
  const range = value('--seeds');
  if (range) {
    const m = /^(\d+)\.\.(\d+)$/.exec(range);
    if (!m) throw new Error(`--seeds ${range}: use A..B, e.g. 1..5`);
    for (let s = Number(m[1]); s <= Number(m[2]); s++) seeds.push(s);
  } else seeds.push(Number(value('--seed') ?? 1));
  const minutes = Number(value('--minutes') ?? 120);
  const zones = value('--zones');
  const stops = value('--stops');
  const zoneMinutes = value('--zone-minutes');
  if (seeds.some((s) => !Number.isInteger(s)) || !(minutes > 0)) throw new Error('bad --seed or --minutes');
  return {
    seeds,
    minutes,
    zones: zones ? Number(zones) : undefined,
    stops: stops ? Number(stops) : undefined,
    zoneMinutes: zoneMinutes ? Number(zoneMinutes) : undefined,
  };
}

async function main(): Promise<void> {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void Promise.all([...live].map((s) => s.stop())).then(() => process.exit(130));
    });
  }
  const { seeds, ...rest } = parseArgs(process.argv.slice(2));
  const runs: PlaythroughRun[] = [];
  for (const seed of seeds) {
    const log = (line: string): void => console.error(`[seed ${seed}] ${line}`);
    const run = await runPlaythrough({ seed, ...rest, log });
    log(
      `${run.finished ? 'finished' : `stopped in ${run.stoppedIn} before ${run.stoppedBefore}`} (${run.reason})`,
    );
    runs.push({ ...run, journal: [], token: null }); // the journal went to stderr as it happened
  }
  const summary = {
    finished: runs.every((r) => r.finished),
    seedsFinished: `${runs.filter((r) => r.finished).length}/${runs.length}`,
    runs,
  };
  console.log(
    JSON.stringify(seeds.length === 1 ? { ...runs[0], finished: runs[0]!.finished } : summary, null, 1),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
