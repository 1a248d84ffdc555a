// The attack bench's verdicts and its table in BENCHMARKS.md: one row per phase, judged against the
// baseline phase of the same run (issue 11's targets).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as prettier from 'prettier';
import type { AttackResult } from './attacks.ts';

export interface PhaseRow {
  name: string;
  what: string;
  mustCutOff: boolean;
  framesPerBot: number;
  disconnects: number;
  tickP99Ms: number;
  /** A newcomer's wait for its welcome during the phase, or null if it never came. */
  welcomeMs: number | null;
  gameRssMb: { peak: number; after: number };
  gatewayRssMb: { peak: number; after: number };
  result: AttackResult | null;
}

export interface AttackSummary {
  date: string;
  bots: number;
  seconds: number;
  recoverySeconds: number;
  machine: { cores: number; node: string; load: number };
  commit: string;
  command: string;
  rows: PhaseRow[];
}

export interface Verdict {
  frames: boolean;
  tick: boolean;
  cutOff: boolean;
  memory: boolean;
}

/**
 * Bots' frames/s within 10% of the baseline, tick p99 at most twice the baseline's (or under 5 ms, well
 * inside the 50 ms tick, where twice a 1 ms baseline is noise), every attacker that must be cut off cut
 * within 1 s, and both processes' memory back within 50 MB of the baseline once the attack is over.
 */
export function judge(row: PhaseRow, base: PhaseRow): Verdict {
  const r = row.result;
  return {
    frames: row.framesPerBot >= 0.9 * base.framesPerBot,
    tick: row.tickP99Ms <= Math.max(2 * base.tickP99Ms, 5),
    cutOff: !row.mustCutOff || !r || (r.stillOpen === 0 && r.cutOffMs.every((ms) => ms <= 1000)),
    memory:
      row.gameRssMb.after <= base.gameRssMb.after + 50 &&
      row.gatewayRssMb.after <= base.gatewayRssMb.after + 50,
  };
}

const START = '<!-- attack bench: written by `npm run bench -- --scenario attack` -->';
const END = '<!-- /attack bench -->';

export function attackTable(s: AttackSummary): string {
  const base = s.rows[0]!;
  const n = (v: number, d = 0): string => v.toFixed(d);
  const lines = [
    `${s.date.slice(0, 16).replace('T', ' ')} UTC, ${s.bots} bots, ${s.seconds} s per phase and ${s.recoverySeconds} s to recover, ` +
      `${s.machine.cores} cores, Node ${s.machine.node.replace(/^v/, '')}, load ${s.machine.load}, commit ${s.commit}: \`${s.command}\``,
    '',
    '| phase | what | bots frames/s | tick p99 ms | attackers: let in / refused / still open | cut off ms: median / max | newcomer welcome ms | game RSS MB peak / after | gateway RSS MB peak / after | targets |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const row of s.rows) {
    const r = row.result;
    const v = judge(row, base);
    const cut = r?.cutOffMs.length ? [...r.cutOffMs].sort((a, b) => a - b) : [];
    const missed = Object.entries(v)
      .filter(([, ok]) => !ok)
      .map(([k]) => k);
    lines.push(
      `| ${[
        row.name,
        r ? r.note : row.what,
        n(row.framesPerBot, 1),
        n(row.tickP99Ms, 1),
        r ? `${r.attempts - r.refused} / ${r.refused} / ${r.stillOpen}` : '–',
        cut.length ? `${n(cut[Math.floor((cut.length - 1) / 2)]!)} / ${n(cut[cut.length - 1]!)}` : '–',
        row.welcomeMs === null ? 'none' : n(row.welcomeMs),
        `${n(row.gameRssMb.peak)} / ${n(row.gameRssMb.after)}`,
        `${n(row.gatewayRssMb.peak)} / ${n(row.gatewayRssMb.after)}`,
        row === base ? 'baseline' : missed.length ? `missed: ${missed.join(', ')}` : 'met',
      ].join(' | ')} |`,
    );
  }
  return lines.join('\n');
}

/** Puts the table in BENCHMARKS.md between its markers (appended with them the first time). */
export async function recordAttackTable(file: string, s: AttackSummary): Promise<void> {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const block = `${START}\n\n${attackTable(s)}\n\n${END}`;
  const at = text.indexOf(START);
  const end = text.indexOf(END);
  // The other benches append rows to the results table at the end of the file: stay above it.
  const results = text.indexOf('\n## Results');
  const section = `### Under attack (issue 11)\n\n${block}\n\n`;
  const next =
    at >= 0 && end > at
      ? text.slice(0, at) + block + text.slice(end + END.length)
      : results >= 0
        ? `${text.slice(0, results + 1)}${section}${text.slice(results + 1)}`
        : `${text.trimEnd()}\n\n${section}`;
  const options = (await prettier.resolveConfig(file)) ?? {};
  writeFileSync(file, await prettier.format(next, { ...options, filepath: file }));
}
