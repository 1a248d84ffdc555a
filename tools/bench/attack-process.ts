// The attackers' side of the attack bench, in its own process so their flat-out writing shares a core
// with neither the bots nor the bench: runs the attack it is asked for and reports how it fared.
import path from 'node:path';
import { loadWorldMap } from '../../server/load-map.ts';
import { repoRoot } from '../server-process.ts';
import { ATTACKS, type AttackResult } from './attacks.ts';

export interface AttackRequest {
  attack: string;
  wsUrl: string;
  map: string;
  seconds: number;
}

export type FromAttacker = { type: 'result'; result: AttackResult } | { type: 'error'; message: string };

function tell(m: FromAttacker): void {
  process.send!(m);
}

process.on('message', (request: AttackRequest) => {
  const attack = ATTACKS.find((a) => a.name === request.attack);
  if (!attack) return tell({ type: 'error', message: `no attack named ${request.attack}` });
  const url = new URL(request.wsUrl);
  const grid = loadWorldMap(path.join(repoRoot, request.map)).grid;
  attack
    .run({ wsUrl: request.wsUrl, host: url.hostname, port: Number(url.port), grid, seconds: request.seconds })
    .then((result) => tell({ type: 'result', result }))
    .catch((err: unknown) => tell({ type: 'error', message: (err as Error).stack ?? String(err) }));
});
process.on('disconnect', () => process.exit(0));
