// Real PostgreSQL, Redis and nginx for tests: each started from Debian's binaries in a fresh temporary
// folder on a free 127.0.0.1 port, and stopped (folder removed) by `stop()`. A missing binary throws with
// what to install: on CI a missing service fails the test, it never skips. PostgreSQL refuses to run as
// root, so as root it runs as the `postgres` user that Debian's package makes.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { sleep } from './processes.ts';

export interface Service {
  port: number;
  /** Where its files live (removed on stop). */
  dir: string;
  /** Output so far, for a failing test's message. */
  output(): string;
  stop(): Promise<void>;
}

export interface Postgres extends Service {
  /** `postgres://…` for the `emberquest` superuser and database. */
  url: string;
  /** Stops it and starts it again on the same port and data (a restart, for fault tests). */
  restart(): Promise<void>;
  /** Stops it, keeping its data, until `up()` (a database outage, for fault tests). */
  down(): Promise<void>;
  up(): Promise<void>;
}

export interface Redis extends Service {
  url: string;
  /** Stops it (as a crash would: SIGKILL) and starts it again on the same port, empty. */
  restart(): Promise<void>;
  /** Kills it and leaves it down (a fault test's "Redis is gone"); stop() still cleans up. */
  kill(): Promise<void>;
}

/** A port free on 127.0.0.1 right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

function postgresBin(name: string): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) {
    const file = path.join(root, v, 'bin', name);
    if (existsSync(file)) return file;
  }
  throw new Error(`PostgreSQL's ${name} is not installed: apt-get install -y postgresql`);
}

function need(binary: string, pkg: string): string {
  const found = spawnSync('sh', ['-c', `command -v ${binary}`], { encoding: 'utf8' }).stdout.trim();
  if (!found && !existsSync(binary)) throw new Error(`${binary} is not installed: apt-get install -y ${pkg}`);
  return found || binary;
}

const asRoot = userInfo().uid === 0;
/**
 * The command line that runs `argv` as the postgres user when we are root. setpriv execs it in place (no
 * process in between), so a signal to the child reaches PostgreSQL itself.
 */
const asPostgres = (argv: string[]): [string, string[]] =>
  asRoot
    ? ['setpriv', ['--reuid=postgres', '--regid=postgres', '--init-groups', '--', ...argv]]
    : [argv[0]!, argv.slice(1)];

/** Resolves once something accepts TCP connections on the port, or throws after `ms`. */
async function listening(port: number, ms: number, what: () => string): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => resolve(false));
    });
    if (ok) return;
    await sleep(50);
  }
  throw new Error(`nothing listened on 127.0.0.1:${port} within ${ms} ms:\n${what()}`);
}

function started(cmd: string, args: string[], log: string[]): ChildProcess {
  const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const keep = (chunk: Buffer): void => void log.push(chunk.toString());
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  return child;
}

async function stopped(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await gone;
  clearTimeout(timer);
}

/**
 * `durable`: PostgreSQL's own defaults (fsync, synchronous commit), for benchmarks; tests run without
 * them (a throw-away database need not survive a power cut, and fsync is slow on a shared disk).
 */
export async function startPostgres({ durable = false }: { durable?: boolean } = {}): Promise<Postgres> {
  const initdb = postgresBin('initdb');
  const postgres = postgresBin('postgres');
  const dir = mkdtempSync(path.join(tmpdir(), 'emberquest-pg-'));
  if (asRoot) chownSync(dir, uidOf('postgres'), gidOf('postgres'));
  const data = path.join(dir, 'data');
  const log: string[] = [];
  const [icmd, iargs] = asPostgres([initdb, '-D', data, '-U', 'emberquest', '--auth=trust', '-E', 'UTF8']);
  const init = spawnSync(icmd, iargs, { encoding: 'utf8' });
  if (init.status !== 0) throw new Error(`initdb failed:\n${init.stdout}${init.stderr}`);
  const port = await freePort();
  let child: ChildProcess;
  const run = async (): Promise<void> => {
    const [cmd, args] = asPostgres([
      postgres,
      ...['-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1'],
      ...(durable ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']),
    ]);
    child = started(cmd, args, log);
    await listening(port, 20_000, () => log.join(''));
    // Listening comes before accepting queries ("the database system is starting up").
    const ready = postgresBin('pg_isready');
    const deadline = Date.now() + 20_000;
    while (spawnSync(ready, ['-q', '-h', '127.0.0.1', '-p', String(port)]).status !== 0) {
      if (Date.now() > deadline) throw new Error(`PostgreSQL did not get ready:\n${log.join('')}`);
      await sleep(50);
    }
  };
  await run();
  const service: Postgres = {
    port,
    dir,
    url: `postgres://emberquest@127.0.0.1:${port}/postgres`,
    output: () => log.join(''),
    // SIGINT is PostgreSQL's "fast" shutdown: it rolls back open transactions and exits at once.
    stop: async () => {
      await stopped(child, 'SIGINT');
      rmSync(dir, { recursive: true, force: true });
    },
    restart: async () => {
      await stopped(child, 'SIGINT');
      await run();
    },
    down: () => stopped(child, 'SIGINT'),
    up: () => run(),
  };
  return service;
}

export async function startRedis(): Promise<Redis> {
  const bin = need('redis-server', 'redis-server');
  const dir = mkdtempSync(path.join(tmpdir(), 'emberquest-redis-'));
  const port = await freePort();
  const log: string[] = [];
  let child: ChildProcess;
  const run = async (): Promise<void> => {
    child = started(
      bin,
      ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no'],
      log,
    );
    await listening(port, 10_000, () => log.join(''));
  };
  await run();
  return {
    port,
    dir,
    url: `redis://127.0.0.1:${port}`,
    output: () => log.join(''),
    stop: async () => {
      await stopped(child);
      rmSync(dir, { recursive: true, force: true });
    },
    kill: () => stopped(child, 'SIGKILL'),
    restart: async () => {
      await stopped(child, 'SIGKILL');
      await run();
    },
  };
}

/**
 * nginx with the `http { … }` body given (`listen` lines use the port passed to `config`). Runs in the
 * foreground as this user, every path inside its folder.
 */
export async function startNginx(config: (port: number, dir: string) => string): Promise<Service> {
  const bin = need('/usr/sbin/nginx', 'nginx-light');
  const dir = mkdtempSync(path.join(tmpdir(), 'emberquest-nginx-'));
  const port = await freePort();
  const conf = path.join(dir, 'nginx.conf');
  writeFileSync(
    conf,
    [
      'worker_processes 1;',
      `pid ${dir}/nginx.pid;`,
      `error_log ${dir}/error.log info;`,
      'events { worker_connections 4096; }',
      'http {',
      `  access_log off; client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy;`,
      `  fastcgi_temp_path ${dir}/fastcgi; uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;`,
      config(port, dir),
      '}',
      '',
    ].join('\n'),
  );
  const log: string[] = [];
  const child = started(bin, ['-p', dir, '-c', conf, '-g', 'daemon off;'], log);
  await listening(port, 10_000, () => log.join(''));
  return {
    port,
    dir,
    output: () => log.join(''),
    stop: async () => {
      await stopped(child, 'SIGQUIT');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function uidOf(user: string): number {
  return Number(spawnSync('id', ['-u', user], { encoding: 'utf8' }).stdout.trim());
}
function gidOf(user: string): number {
  return Number(spawnSync('id', ['-g', user], { encoding: 'utf8' }).stdout.trim());
}
