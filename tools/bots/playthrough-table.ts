// `node --import tsx tools/bots/playthrough-table.ts run1.json run2.json …`: the markdown tables of
// BENCHMARKS.md from the JSON summaries `npm run playthrough -- --seed N` printed (one seed per file).
import { readFileSync } from 'node:fs';
import type { PlaythroughRun } from './playthrough.ts';

const short: Record<string, string> = { short_sword: 'short sword', long_sword: 'long sword' };
const gear = (item: string): string => short[item] ?? item.replace(/_/g, ' ');
const minutes = (s: number): string => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;

function lastJson(text: string): PlaythroughRun {
  // The summary is the last thing printed; npm may print a banner before it.
  return JSON.parse(text.slice(text.indexOf('{'))) as PlaythroughRun;
}

const runs = process.argv.slice(2).map((f) => lastJson(readFileSync(f, 'utf8')));
runs.sort((a, b) => a.seed - b.seed);
console.log(
  '| seed | finished | how it ended | time | level, gear | quests done | arrivals (min:s, level, gear) | deaths by zone | killed by |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const r of runs) {
  const arrivals = r.zones
    .map((z) => `${z.zone} ${minutes(z.simSeconds)} L${z.level} ${gear(z.weapon)}/${gear(z.armor)}`)
    .join('; ');
  const deaths = r.zones.map((z) => `${z.zone} ${z.deaths}`).join(', ');
  const killers =
    Object.entries(r.killedBy)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ') || '–';
  const ended = r.finished ? 'killed the wyrm' : `${r.reason}, in ${r.stoppedIn} before ${r.stoppedBefore}`;
  console.log(
    `| ${r.seed} | ${r.finished} | ${ended} | ${minutes(r.seconds)} | L${r.level} ${gear(r.weapon)}/${gear(r.armor)} | ${r.questsDone ?? 0} | ${arrivals} | ${deaths} | ${killers} |`,
  );
}
const done = runs.filter((r) => r.finished).map((r) => r.seconds);
done.sort((a, b) => a - b);
const median = done.length ? minutes(done[Math.floor((done.length - 1) / 2)]!) : 'none finished';
const worst = Math.max(0, ...runs.flatMap((r) => r.zones.map((z) => z.deaths)));
console.log('\n| seeds | finished | median time level 1 → wyrm | most deaths in one zone |');
console.log('| --- | --- | --- | --- |');
console.log(`| ${runs.length} | ${done.length}/${runs.length} | ${median} | ${worst} |`);
