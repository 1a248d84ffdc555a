// `npm run bench:load`: the first and the second visit of the game page in real Chromium against a real
// server (server/main.ts serving the built dist/, a fresh DATA_DIR, 127.0.0.1). Each run is a fresh
// browser context (an empty cache): a first visit that creates a character, then a second visit in the
// same context (its cache kept) that continues it. Prints the medians and the largest fetches, and adds
// a row to BENCHMARKS.md unless --no-record. Build first (`npx vite build`); the server is stopped at
// the end, also on errors.
//
//   npm run bench:load -- --runs 5 [--no-record] [--verbose]
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot, startServerProcess } from '../server-process.ts';
import { launchBrowser } from '../../tests/support/browser.ts';
import { commitMeasured, machine } from './report.ts';
import { visit, type Visit } from './load-visit.ts';

const ROWS = '<!-- load rows: tools/bench/load-bench.ts adds each run above this line -->';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

const kb = (bytes: number): string => `${(bytes / 1000).toFixed(0)} kB`;

async function main(): Promise<void> {
  const { values: args } = parseArgs({
    options: {
      runs: { type: 'string', default: '3' },
      'no-record': { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
    },
  });
  const runs = Math.max(1, Math.min(20, Number(args.runs) || 3));
  const server = await startServerProcess();
  const browser = await launchBrowser().catch(async (err: unknown) => {
    await server.stop();
    throw err;
  });
  const first: Visit[] = [];
  const second: Visit[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      try {
        first.push(await visit(context, server.url, { name: `Loader${i}` }));
        second.push(await visit(context, server.url, { name: `Loader${i}` }));
      } finally {
        await context.close();
      }
      const f = first.at(-1)!;
      const s = second.at(-1)!;
      console.log(
        `run ${i + 1}: first ${f.beforeControllable.requests} req ${kb(f.beforeControllable.bytes)}, ` +
          `title ${f.titleReadyMs} ms, play→controllable ${f.playToControllableMs} ms; second ` +
          `${s.beforeControllable.requests} req ${kb(s.beforeControllable.bytes)}, title ${s.titleReadyMs} ms`,
      );
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  const summarise = (list: Visit[]) => ({
    titleReadyMs: median(list.map((v) => v.titleReadyMs)),
    playToControllableMs: median(list.map((v) => v.playToControllableMs)),
    navToControllableMs: median(list.map((v) => v.navToControllableMs)),
    beforeControllable: {
      requests: median(list.map((v) => v.beforeControllable.requests)),
      cached: median(list.map((v) => v.beforeControllable.cached)),
      bytes: median(list.map((v) => v.beforeControllable.bytes)),
    },
    all: {
      requests: median(list.map((v) => v.all.requests)),
      bytes: median(list.map((v) => v.all.bytes)),
    },
    titleReadyRangeMs: [
      Math.min(...list.map((v) => v.titleReadyMs)),
      Math.max(...list.map((v) => v.titleReadyMs)),
    ],
  });
  const largest = first[0]!.fetches
    .filter((f) => !f.fromCache)
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, args.verbose ? 200 : 8)
    .map((f) => `${kb(f.bytes).padStart(8)} ${f.status} ${f.encoding || '-'} ${new URL(f.url).pathname}`);
  const summary = {
    runs,
    first: summarise(first),
    second: summarise(second),
    commit: commitMeasured(repoRoot),
    machine: machine(),
  };
  console.log(JSON.stringify(summary, null, 2));
  console.log(`largest fetches of the first visit:\n${largest.join('\n')}`);
  if (!args['no-record']) {
    const f = summary.first;
    const s = summary.second;
    const row =
      `| ${new Date().toISOString().slice(0, 10)} | ${summary.commit} | \`npm run bench:load -- --runs ${runs}\` | ` +
      `${f.beforeControllable.requests} / ${kb(f.beforeControllable.bytes)} | ${f.all.requests} / ${kb(f.all.bytes)} | ` +
      `${f.titleReadyMs} | ${f.playToControllableMs} | ${f.navToControllableMs} | ` +
      `${s.beforeControllable.requests} / ${kb(s.beforeControllable.bytes)} (${s.beforeControllable.cached} cached) | ` +
      `${s.titleReadyMs} | ${s.playToControllableMs} | ${summary.machine.cores} cores, load ${summary.machine.load} |\n`;
    const file = path.join(repoRoot, 'BENCHMARKS.md');
    const text = readFileSync(file, 'utf8');
    if (!text.includes(ROWS)) throw new Error(`BENCHMARKS.md has no "${ROWS}" line to add the row above`);
    writeFileSync(file, text.replace(ROWS, row + ROWS));
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
