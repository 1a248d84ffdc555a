// `npm run bench -- --scenario hop --bots 20 --hops 240`: bots hop through portals between a field (two
// shards) and a shared cave on a real server, timing each hop from the moment the bot steps onto the
// portal to its welcome in the new world; after the run the store is read back: every character there
// once, on the map of the world it was last welcomed in, its lease released, its level unchanged.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CloseCode } from '../../shared/protocol/ops.ts';
import { repoRoot, startServerProcess } from '../server-process.ts';
import {
  seedCharacter,
  storedCharacter,
  joinWorld,
  follow,
  type RealmBot,
} from '../../tests/support/realm-bots.ts';
import { writeRealmFixture, type RealmFixture } from '../../tests/support/realm-fixture.ts';
import { commitMeasured, machine } from './report.ts';

export interface HopOptions {
  bots: number;
  hops: number;
  record: boolean;
  command: string;
}

/** The line of BENCHMARKS.md the hop rows go above. */
const HOP_ROWS = '<!-- hop rows: tools/bench/hop-run.ts adds each run above this line -->';

interface Leg {
  portal: { x: number; y: number };
  /** The tile beside the portal the bot walks to first (untimed). */
  beside: { x: number; y: number };
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

async function walkTo(b: RealmBot, to: { x: number; y: number }): Promise<void> {
  b.bot.walkTo(to.x, to.y);
  await b.bot.waitFor(
    () => {
      const at = b.bot.tileOf(b.bot.self!);
      return at.x === to.x && at.y === to.y;
    },
    10_000,
    `reaching (${to.x}, ${to.y})`,
  );
}

/**
 * One bot's hops: beside the portal, then the timed step onto it, then the join of the next world. It
 * starts in `startWorld` ('': plain /ws, the start map's first world with room).
 */
export async function hopper(
  fixture: RealmFixture,
  wsBase: string,
  name: string,
  token: string,
  hops: number,
  times: number[],
  startWorld = '',
): Promise<string> {
  const legs: Record<string, Leg> = {
    [fixture.field]: {
      portal: fixture.fieldPortal,
      beside: { x: fixture.fieldPortal.x - 1, y: fixture.fieldPortal.y },
    },
    [fixture.cave]: {
      portal: fixture.cavePortal,
      beside: { x: fixture.cavePortal.x + 1, y: fixture.cavePortal.y },
    },
  };
  let b = await joinWorld(wsBase, startWorld, name, token);
  await b.bot.waitForWelcome(10_000);
  for (let i = 0; i < hops; i++) {
    const leg = legs[b.bot.view.map]!;
    await walkTo(b, leg.beside);
    const stepMs = b.bot.view.tickMs * b.bot.view.stepTicks;
    const sent = performance.now();
    b.bot.walkTo(leg.portal.x, leg.portal.y);
    const closed = await b.bot.waitForClose(10_000);
    if (closed.code !== CloseCode.Transfer) throw new Error(`${name} closed ${closed.code} ${closed.reason}`);
    const next = await follow(b, token);
    // On the portal when its one step is done: from then to the welcome in the new world.
    times.push(performance.now() - (sent + stepMs));
    b = next;
  }
  const world = b.bot.view.world;
  await b.bot.close();
  return world;
}

export async function runHopBench({ bots, hops, record, command }: HopOptions): Promise<void> {
  const fixture = writeRealmFixture();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'emberquest-hop-'));
  const names = Array.from({ length: bots }, (_, i) => `Hopper${i}`);
  const tokens = new Map<string, string>();
  for (const name of names) tokens.set(name, await seedCharacter(dataDir, name, { level: 3, x: 2, y: 2 }));
  const server = await startServerProcess({ REALM: fixture.file, DATA_DIR: dataDir });
  const times: number[] = [];
  const ended = new Map<string, string>();
  const perBot = Math.ceil(hops / bots);
  const started = performance.now();
  try {
    await Promise.all(
      names.map(async (name) =>
        ended.set(name, await hopper(fixture, server.wsUrl, name, tokens.get(name)!, perBot, times)),
      ),
    );
  } finally {
    await server.stop();
  }
  const seconds = (performance.now() - started) / 1000;
  const worldMap: Record<string, string> = {
    'field-1': fixture.field,
    'field-2': fixture.field,
    cave: fixture.cave,
  };
  const problems: string[] = [];
  for (const name of names) {
    const stored = await storedCharacter(dataDir, name);
    if (!stored) problems.push(`${name} is not in the store`);
    else if (stored.map !== worldMap[ended.get(name)!])
      problems.push(`${name} is stored on ${stored.map}, last welcomed in ${ended.get(name)}`);
    else if (stored.level !== 3) problems.push(`${name} is stored at level ${stored.level}`);
  }
  fixture.remove();
  rmSync(dataDir, { recursive: true, force: true });
  const sorted = [...times].sort((a, b) => a - b);
  const summary = {
    scenario: 'hop',
    bots,
    hops: times.length,
    seconds: Math.round(seconds),
    hopMs: {
      p50: Math.round(quantile(sorted, 0.5)),
      p99: Math.round(quantile(sorted, 0.99)),
      max: Math.round(sorted.at(-1) ?? NaN),
    },
    storeProblems: problems,
    commit: commitMeasured(repoRoot),
    machine: machine(),
  };
  console.log(JSON.stringify(summary, null, 2));
  if (record) {
    const { p50, p99, max } = summary.hopMs;
    const row = `| ${new Date().toISOString().slice(0, 10)} | ${summary.commit} | \`${command}\` | ${summary.hops} hops, ${bots} bots | ${p50} / ${p99} / ${max} | ${problems.length === 0 ? 'none lost or duplicated' : problems.length + ' problems'} | ${summary.machine.cores} cores, load ${summary.machine.load} |\n`;
    const file = path.join(repoRoot, 'BENCHMARKS.md');
    const text = readFileSync(file, 'utf8');
    if (!text.includes(HOP_ROWS))
      throw new Error(`BENCHMARKS.md has no "${HOP_ROWS}" line to add the row above`);
    writeFileSync(file, text.replace(HOP_ROWS, row + HOP_ROWS));
  }
  if (problems.length > 0) throw new Error(`the store after the run: ${problems.join('; ')}`);
}
