// Starts the real game server (`server/main.ts`) as a child process on a free port, for tests and benchmarks.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The server logs a line per join; keep only the tail so a long run cannot grow our memory. */
const MAX_LOG_CHARS = 200_000;

export interface ServerProcess {
  url: string;
  /** The game's WebSocket endpoint (ws://…/ws). */
  wsUrl: string;
  child: ChildProcess;
  output(): string;
  stop(): Promise<number | null>;
}

export interface ServerProcessOptions {
  /** Extra Node flags before the script, e.g. `--cpu-prof`. */
  nodeArgs?: string[];
  timeoutMs?: number;
}

export async function startServerProcess(
  env: Record<string, string> = {},
  { nodeArgs = [], timeoutMs = 20_000 }: ServerProcessOptions = {},
): Promise<ServerProcess> {
  // Characters go to a fresh database unless the caller names one (to restart on the same data),
  // so runs never see each other's characters nor touch the repository's data/.
  const ownData = env.DATA_DIR ? null : mkdtempSync(path.join(tmpdir(), 'emberquest-data-'));
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'server/main.ts'], {
    cwd: repoRoot,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', SEED: '7', DATA_DIR: ownData ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (ownData) child.once('exit', () => rmSync(ownData, { recursive: true, force: true }));
  let log = '';
  const keep = (d: Buffer): void => {
    log += d.toString();
    if (log.length > MAX_LOG_CHARS) log = log.slice(-MAX_LOG_CHARS / 2);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const stop = async (): Promise<number | null> => {
    if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    const code = await exited;
    clearTimeout(timer);
    return code;
  };
  let url: string;
  try {
    url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`server did not start in ${timeoutMs} ms:\n${log}`)),
        timeoutMs,
      );
      const check = (): void => {
        const found = /Open (http:\/\/\S+) to play/.exec(log);
        if (found) {
          clearTimeout(timer);
          resolve(found[1]!);
        }
      };
      child.stdout!.on('data', check);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`server exited with code ${code} before starting:\n${log}`));
      });
    });
  } catch (err) {
    await stop(); // never leave a half-started server behind
    throw err;
  }
  return { url, wsUrl: new URL('ws', url.replace(/^http/, 'ws')).href, child, output: () => log, stop };
}
