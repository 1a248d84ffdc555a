// `npm run bench -- --scenario attack`: 100 bots play on the real server while each attack of
// tools/bench/attacks.ts runs in turn. Per phase it measures the bots' frames/s and the tick p99
// against the no-attack baseline of the same run, how fast the attackers were cut off, a newcomer's
// wait for its welcome, and both server processes' peak and after-attack memory; then it prints JSON
// and writes the table into BENCHMARKS.md. Every process it starts is stopped at the end.
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BotClient } from '../bots/bot-client.ts';
import { repoRoot, startServerProcess, type ServerProcess } from '../server-process.ts';
import type { AttackRequest, FromAttacker } from './attack-process.ts';
import { ATTACKS, type AttackResult } from './attacks.ts';
import { recordAttackTable, type PhaseRow } from './attack-table.ts';
import type { BotsRequest, Mark, ToBench, ToBots } from './messages.ts';
import { sample, scrape, type Samples } from './prometheus.ts';
import { commitMeasured, machine, serverFigures } from './report.ts';
import { VILLAGE_MAP } from './scenarios.ts';

export interface AttackBenchOptions {
  bots: number;
  /** How long each attack (and the baseline) runs. */
  seconds: number;
  /** Quiet time after each attack before its "after" memory is read. */
  recoverySeconds: number;
  warmupSeconds: number;
  seed: number;
  /** Only these attacks (by name); all when empty. */
  only: string[];
  record: boolean;
  command: string;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const mb = (bytes: number): number => bytes / 2 ** 20;

export async function runAttackBench(o: AttackBenchOptions): Promise<void> {
  const attacks = o.only.length ? ATTACKS.filter((a) => o.only.includes(a.name)) : ATTACKS;
  if (o.only.length && attacks.length !== o.only.length)
    throw new Error(`unknown attack in --attacks; known: ${ATTACKS.map((a) => a.name).join(', ')}`);
  const machineAtStart = machine();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'emberquest-attack-'));
  const children: ChildProcess[] = [];
  let server: ServerProcess | null = null;
  const cleanUp = async (): Promise<void> => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    // Nothing exempt from the per-address limits: the bots come from addresses of their own, as players do.
    server = await startServerProcess({
      MAP: VILLAGE_MAP,
      SEED: String(o.seed),
      DATA_DIR: dataDir,
      MAX_PLAYERS: '5000',
      EXEMPT_ADDRESSES: '',
    });
    const url = server.url;
    const wsUrl = server.wsUrl;
    const bots = forkTool('bots-process.ts', children);
    const attacker = forkTool('attack-process.ts', children);
    const marks = new Marks(bots);
    const request: BotsRequest = {
      wsUrl,
      scenario: 'attack',
      map: VILLAGE_MAP,
      bots: o.bots,
      seconds: 0,
      warmupSeconds: o.warmupSeconds,
      seed: o.seed,
      phases: true,
      ownAddresses: true,
    };
    bots.send(request);
    const connected = await marks.ready();
    console.error(`attack bench: ${connected} bots playing on ${url}`);

    const rows: PhaseRow[] = [];
    // The baseline again at the end: how far the run drifted on its own, to read the attacks' rows against.
    const phases = [null, ...attacks, null];
    for (const [i, attack] of phases.entries()) {
      const name = attack?.name ?? (i ? 'baseline again' : 'baseline');
      console.error(`attack bench: ${name}`);
      const before = await scrape(url);
      const m0 = await marks.mark();
      const peaks = new PeakMemory(url);
      const newcomer = welcomeTime(wsUrl, `Newcomer${i}`, `127.0.250.${i + 1}`, 1000);
      const result = attack
        ? await runAttack(attacker, { attack: name, wsUrl, map: VILLAGE_MAP, seconds: o.seconds })
        : null;
      if (!attack) await sleep(o.seconds * 1000);
      const m1 = await marks.mark();
      const after = await scrape(url);
      const peak = await peaks.stop();
      await sleep(o.recoverySeconds * 1000);
      const settled = await scrape(url);
      const seconds = (m1.atMs - m0.atMs) / 1000;
      rows.push({
        name,
        what: attack?.what ?? `no attack: ${connected} bots playing`,
        mustCutOff: attack?.mustCutOff ?? false,
        framesPerBot: (m1.framesIn - m0.framesIn) / Math.max(1, m1.bots) / seconds,
        disconnects: m1.disconnects - m0.disconnects,
        tickP99Ms: serverFigures(before, after, seconds, m1.bots).tickMs.p99,
        welcomeMs: await newcomer,
        gameRssMb: { peak: mb(peak.game), after: mb(sample(settled, 'process_resident_memory_bytes')) },
        gatewayRssMb: {
          peak: mb(peak.gateway),
          after: mb(sample(settled, 'emberquest_gateway_resident_memory_bytes')),
        },
        result,
      });
    }
    bots.send({ type: 'finish' } satisfies ToBots);
    await cleanUp();
    const summary = {
      date: new Date().toISOString(),
      scenario: 'attack',
      bots: o.bots,
      seconds: o.seconds,
      recoverySeconds: o.recoverySeconds,
      machine: machineAtStart,
      commit: commitMeasured(repoRoot),
      command: o.command,
      rows,
    };
    console.log(JSON.stringify(summary, null, 2));
    if (o.record) await recordAttackTable(path.join(repoRoot, 'BENCHMARKS.md'), summary);
  } catch (err) {
    if (server) console.error(`server output (tail):\n${server.output().slice(-2000)}`);
    await cleanUp();
    throw err;
  }
}

function forkTool(file: string, children: ChildProcess[]): ChildProcess {
  const child = fork(path.join(repoRoot, 'tools/bench', file), [], {
    execArgv: ['--import', 'tsx', '--max-semi-space-size=64'],
    cwd: repoRoot,
  });
  children.push(child);
  return child;
}

/** The bots process in phases mode: waits for it to be ready, and asks for its counters. */
class Marks {
  private waiting: ((m: Mark) => void) | null = null;
  private readyWait: Promise<number>;

  constructor(private readonly child: ChildProcess) {
    this.readyWait = new Promise((resolve, reject) => {
      let bots = 0;
      child.on('message', (m: ToBench) => {
        if (m.type === 'connected') {
          bots = m.bots;
          if (!bots) reject(new Error(`no bot was welcomed: ${m.firstFailure ?? 'no reason given'}`));
        } else if (m.type === 'ready') resolve(bots);
        else if (m.type === 'mark') this.waiting?.(m);
        else if (m.type === 'error') reject(new Error(`bots process: ${m.message}`));
      });
      child.once('exit', (code) => reject(new Error(`bots process exited (${code})`)));
    });
  }

  ready(): Promise<number> {
    return this.readyWait;
  }

  mark(): Promise<Mark> {
    return new Promise((resolve) => {
      this.waiting = resolve;
      this.child.send({ type: 'mark' } satisfies ToBots);
    });
  }
}

function runAttack(child: ChildProcess, request: AttackRequest): Promise<AttackResult> {
  return new Promise((resolve, reject) => {
    child.once('message', (m: FromAttacker) =>
      m.type === 'result' ? resolve(m.result) : reject(new Error(`attack ${request.attack}: ${m.message}`)),
    );
    child.send(request);
  });
}

/** Samples both server processes' memory twice a second; `stop` gives the peaks. */
class PeakMemory {
  private game = 0;
  private gateway = 0;
  private running = true;
  private readonly loop: Promise<void>;

  constructor(url: string) {
    this.loop = (async () => {
      while (this.running) {
        const s: Samples | null = await scrape(url).catch(() => null);
        if (s) {
          this.game = Math.max(this.game, sample(s, 'process_resident_memory_bytes'));
          this.gateway = Math.max(this.gateway, sample(s, 'emberquest_gateway_resident_memory_bytes'));
        }
        await sleep(500);
      }
    })();
  }

  async stop(): Promise<{ game: number; gateway: number }> {
    this.running = false;
    await this.loop;
    return { game: this.game, gateway: this.gateway };
  }
}

/** A new player joining `delayMs` into the phase: ms from connecting to its welcome, or null if none came. */
async function welcomeTime(
  wsUrl: string,
  name: string,
  localAddress: string,
  delayMs: number,
): Promise<number | null> {
  await sleep(delayMs);
  const started = performance.now();
  let bot: BotClient | null = null;
  try {
    bot = await BotClient.connect({ url: wsUrl, name, localAddress });
    await bot.waitForWelcome(20_000);
    return performance.now() - started;
  } catch {
    return null;
  } finally {
    await bot?.close();
  }
}
